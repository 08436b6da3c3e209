"""`validate` names every link in the record's text that would never be published, at its own line.

In-process: the loader's messages as an editor reads them (the build's half,
that such a record stops the build, is in test_security.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from sec_release.core.urls import is_publishable, problem
from tests.factory import complete_release, modification, write_project

MOD = "data/modifications/MP071.yaml"
HINT = ("link to a web page (https://...), an email address (mailto:...) or a page of this site; "
        "character references such as &#58; are read as the characters they stand for")


def _unsafe(root: Path) -> list[tuple[str, int, int, str, str]]:
    record = load_record(load_project(root))
    return [(d.location.file, d.location.line, d.location.col, d.message, d.hint) for d in record.problems if d.code == "unsafe-link"]


def _line(root: Path, file: str, needle: str) -> int:
    return next(n for n, line in enumerate((root / file).read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_each_unsafe_link_is_an_error_at_its_line_quoting_what_was_written(tmp_path):
    summary = "First line, [fine](https://example.org/).\n\nThen [one](javascript&#58;alert(1)) and\n![two](data:image/png;base64,AAAA) here."
    root = write_project(tmp_path / "p", modifications=[modification("MP071", summary=summary)])
    assert _unsafe(root) == [
        (MOD, _line(root, MOD, "Then [one]"), 1,
         'the link address "javascript&#58;alert(1)" uses "javascript:", which is never published (only http, https, mailto, # and relative links are)', HINT),
        (MOD, _line(root, MOD, "![two]"), 1,
         'the link address "data:image/png;base64,AAAA" uses "data:", which is never published (only http, https, mailto, # and relative links are)', HINT),
    ]


def test_a_link_in_a_release_list_entry_is_found_at_its_entry(tmp_path):
    release = complete_release(amendments=[
        {"date": "2019-06-01", "summary": "Added."},
        {"date": "2019-07-01", "summary": "See [the notice](vbscript:msgbox(1))."},
    ])
    root = write_project(tmp_path / "p", [release])
    file = "data/releases/2019-11.yaml"
    [(where, line, _, message, _)] = _unsafe(root)
    assert (where, line) == (file, _line(root, file, "vbscript:"))
    assert message.startswith('the link address "vbscript:msgbox(1)" uses "vbscript:"')


def test_a_long_address_is_shortened_in_the_message(tmp_path):
    url = "javascript:" + "a" * 100
    message, hint = problem(url)
    assert message.startswith(f'the link address "{url[:77]}..." uses "javascript:"')
    assert problem("javascript:" + "a" * 69)[0].startswith(f'the link address "javascript:{"a" * 69}" uses')  # 80 characters: shown whole
    assert hint == HINT


def test_a_record_with_only_publishable_links_has_no_link_errors(tmp_path):
    summary = "[a](https://example.org/) [b](mailto:secas@example.org) [c](#timescales) [d](../2019-11/) <https://example.org/x>"
    root = write_project(tmp_path / "p", modifications=[modification("MP071", summary=summary)])
    assert _unsafe(root) == []


@pytest.mark.parametrize(("url", "scheme"), [("file:///etc/passwd", "file"), ("JaVaScRiPt:x", "javascript"), ("java\tscript:x", "javascript")])
def test_the_message_names_the_scheme_as_the_browser_reads_it(url, scheme):
    assert f'uses "{scheme}:"' in problem(url)[0]


def test_no_address_is_not_publishable_and_a_safe_one_has_no_problem():
    assert is_publishable(None) is False
    assert problem("https://example.org/") is None
    assert problem("relative/page/") is None
