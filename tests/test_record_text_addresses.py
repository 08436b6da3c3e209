"""Addresses in the record's text: which are published, what `validate` says about the others and at
which line of the YAML file, and how the record's Markdown treats raw HTML. In-process."""

from __future__ import annotations

from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.link_check import check_text_links, line_of
from sec_release.core.record_markdown import record_markdown, unsafe_links
from sec_release.core.urls import is_publishable, problem, scheme
from sec_release.core.yaml_source import parse_yaml_text

HINT = ("link to a web page (https://...), an email address (mailto:...) or a page of this site; "
        "character references such as &#58; are read as the characters they stand for")


def _message(shown: str, used: str) -> str:
    return f'the link address "{shown}" uses "{used}:", which is never published (only http, https, mailto, # and relative links are)'


def test_the_scheme_is_read_as_a_browser_reads_it():
    assert scheme("HTTPS://example.org/") == "https"
    assert scheme("&#106;ava&#x09;script&colon;x") == "javascript"
    assert scheme("web+cal.x-y:z") == "web+cal.x-y"
    assert scheme("#costs") is None
    assert scheme("1password:x") is None  # a scheme starts with a letter
    assert scheme("releases/2027-11/") is None


def test_no_address_is_not_publishable():
    assert is_publishable(None) is False
    assert is_publishable("") is True  # an empty address is this page


def test_a_publishable_address_has_no_problem_and_others_say_what_they_use():
    assert problem("https://example.org/") is None
    assert problem("../2027-11/") is None
    assert problem("mailto:secas@example.org") is None
    assert problem("JavaScript&#58;alert(1)") == (_message("JavaScript&#58;alert(1)", "javascript"), HINT)
    assert problem("ftp://example.org/") == (_message("ftp://example.org/", "ftp"), HINT)


def test_an_address_of_80_characters_is_quoted_whole_and_a_longer_one_shortened():
    exactly = "javascript:" + "a" * 69
    longer = exactly + "b"
    assert problem(exactly)[0] == _message(exactly, "javascript")
    assert problem(longer)[0] == _message(longer[:77] + "...", "javascript")


def test_record_text_shows_raw_html_as_text_and_drops_unsafe_addresses():
    md = record_markdown()
    assert md.convert("<b>x</b> [a](javascript:x) ![i](data:y) [b](https://e.org/)") == (
        '<p>&lt;b&gt;x&lt;/b&gt; <a>a</a> <img alt="i" /> <a href="https://e.org/">b</a></p>')
    assert md.rejected_links == ["javascript:x", "data:y"]
    md.reset()
    assert md.rejected_links == []
    assert md.convert("<div onclick=x>y</div>") == "<p>&lt;div onclick=x&gt;y&lt;/div&gt;</p>"


def test_the_unsafe_addresses_of_a_text_are_inline_image_and_reference_links_in_order():
    text = "[a](javascript:x) ![b](data:y) [c][r] [ok](https://e.org/)\n\n[r]: vbscript:z\n"
    assert unsafe_links(text) == ["javascript:x", "data:y", "vbscript:z"]
    assert unsafe_links(text) == ["javascript:x", "data:y", "vbscript:z"]  # nothing kept from the text before
    assert unsafe_links("[r][r]\n\n[r]: javascript:only-a-reference") == ["javascript:only-a-reference"]
    assert unsafe_links('<img src="javascript:x">') == []  # shown as text, not an image


def test_an_automatic_link_to_an_unpublished_scheme_is_unsafe():
    assert unsafe_links("See <ftp://example.org/file>") == ["ftp://example.org/file"]
    assert unsafe_links("See <https://example.org/>") == []


def test_text_without_a_link_has_no_unsafe_address():
    assert unsafe_links("") == []
    assert unsafe_links("see javascript:x, in prose") == []
    assert unsafe_links("(javascript:x)") == []


def test_a_line_is_found_at_or_after_where_the_value_starts():
    lines = ["summary: |", "  see x", "  and x again"]
    assert line_of(lines, 3, "x") == 3
    assert line_of(lines, 1, "x") == 2
    assert line_of(lines, 0, "summary") == 1
    assert line_of(lines, 2, "nowhere") == 2  # not found: where the value starts
    assert line_of(lines, 2, "") == 2
    assert line_of(lines, 1, "  and x again\nmore") == 3  # a multi-line address: its first line


def _links(tmp_path, text: str) -> list[tuple[str, str, str, str]]:
    path = tmp_path / "MP071.yaml"
    path.write_text(text, encoding="utf-8")
    problems = DiagnosticList()
    data, source = parse_yaml_text(text, "data/modifications/MP071.yaml", problems)
    check_text_links(data, source, path, problems)
    return [(str(d.location), d.code, d.message, d.hint) for d in problems]


def test_every_unsafe_address_in_every_text_value_is_an_error_at_its_line(tmp_path):
    text = (
        "id: MP071\n"
        "summary: |\n"
        "  First [fine](https://example.org/).\n"
        "  Then [one](javascript:alert(1)).\n"
        "history:\n"
        "  - date: 2019-01-01\n"
        "    note: See [x](vbscript:y).\n"
        "  - date: 2019-02-01\n"
        "    note:\n"
        "      nested: '![i](data:z)'\n"
        "count: 3\n"
    )
    assert _links(tmp_path, text) == [
        ("data/modifications/MP071.yaml:4:1", "unsafe-link", _message("javascript:alert(1)", "javascript"), HINT),
        ("data/modifications/MP071.yaml:7:1", "unsafe-link", _message("vbscript:y", "vbscript"), HINT),
        ("data/modifications/MP071.yaml:10:1", "unsafe-link", _message("data:z", "data"), HINT),
    ]


def test_a_file_without_unsafe_addresses_is_not_reported(tmp_path):
    assert _links(tmp_path, "id: MP071\nsummary: See [x](https://example.org/).\n") == []


def test_the_same_address_twice_is_reported_at_each_value(tmp_path):
    text = "a: '[x](javascript:1)'\nb: '[y](javascript:1)'\n"
    assert [location for location, _, _, _ in _links(tmp_path, text)] == [
        "data/modifications/MP071.yaml:1:1", "data/modifications/MP071.yaml:2:1"]


def test_the_same_address_in_two_list_entries_is_reported_at_each_entry(tmp_path):
    text = "id: MP071\nhistory:\n  - note: '[x](javascript:1)'\n  - note: '[x](javascript:1)'\n"
    assert [location for location, _, _, _ in _links(tmp_path, text)] == [
        "data/modifications/MP071.yaml:3:1", "data/modifications/MP071.yaml:4:1"]


def test_a_file_that_cannot_be_read_again_is_reported_where_the_value_starts(tmp_path):
    problems = DiagnosticList()
    data, source = parse_yaml_text("a: x\nb: '[y](javascript:1)'\n", "data/modifications/MP071.yaml", problems)
    check_text_links(data, source, tmp_path / "gone.yaml", problems)
    assert [(str(d.location), d.message) for d in problems] == [("data/modifications/MP071.yaml:2:1", _message("javascript:1", "javascript"))]


def test_a_control_or_format_character_beyond_ascii_does_not_hide_a_scheme():
    assert scheme("java\x80script:alert(1)") == "javascript"
    assert scheme("java\u200bscript:alert(1)") == "javascript"
    assert scheme("java\u2028script:alert(1)") == "javascript"
    assert is_publishable("java\x9fscript:alert(1)") is False
