"""Messages in an editor's words: tabs, dates, unread files."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sec_release.core.check import check_project
from sec_release.core.date_hints import suggest_iso_date
from sec_release.core.diagnostics import DiagnosticList, format_text
from sec_release.core.project import load_project
from sec_release.core.yaml_source import parse_yaml_text
from tests.factory import write_project

RELEASE = "id: 2019-11\nmodifications:\n  - id: MP071\n    status: implemented\n  - id: MP073\n"


@pytest.mark.parametrize(
    ("text", "line", "col", "indent"),
    [
        (RELEASE.replace("  - id: MP073", "\t- id: MP073"), 5, 1, "(line 3 is indented with 2 spaces)"),
        (RELEASE.replace("  - id: MP073", "  -\tid: MP073"), 5, 4, ""),
        (RELEASE.replace("    status", "\tstatus"), 4, 1, "(the keys of the entry on line 3 start after 4 spaces)"),
    ],
    ids=["tab-before-an-entry", "tab-after-a-dash", "tab-before-a-key"],
)
def test_a_tab_is_named_with_its_line_and_column(text, line, col, indent):
    problems = DiagnosticList()
    data, _ = parse_yaml_text(text, "data/releases/2019-11.yaml", problems)
    [found] = list(problems)
    assert data is None
    assert (found.code, found.location.line, found.location.col) == ("yaml-tab", line, col)
    assert f"a tab character at line {line}, column {col}" in found.message
    assert "replace the tab with spaces" in found.hint and indent in found.hint


def test_a_tab_in_front_matter_counts_lines_from_the_top_of_the_file():
    problems = DiagnosticList()
    parse_yaml_text("title: x\nmeta:\n\tversion: 1\n", "content/x.md", problems, line_offset=1)
    [found] = list(problems)
    assert (found.code, found.location.line) == ("yaml-tab", 4)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("24/06/2021", "write 2021-06-24"),
        ("24-06-2021", "write 2021-06-24"),
        ("2021/06/24", "write 2021-06-24"),
        ("24 June 2021", "write 2021-06-24"),
        ("June 24, 2021", "write 2021-06-24"),
        ("24/06/21", "write 2021-06-24"),
        ("2021-6-4", "write 2021-06-04"),
        ("06/07/2021", "06/07/2021 could be 6 July or 7 June 2021: write 2021-07-06 (6 July) or 2021-06-07 (7 June)"),
        ("2021-04-31", "April 2021 has 30 days: check the day"),
        ("2021-02-29", "February 2021 has 28 days (not a leap year): check the day"),
        ("2021-24-06", "there is no month 24; if you meant 24 June 2021, write 2021-06-24 (year, month, day)"),
        ("soon", ""),
        ("2020-02-29", ""),  # a leap day that exists
        ("2021-02-30", "February 2021 has 28 days: check the day"),
        ("2021-05-00", "May 2021 has 31 days: check the day"),
        ("2021-12-31", ""),
        ("2021-13-13", "there is no month 13: the month comes second and runs from 01 to 12"),
        ("2021-00-05", "there is no month 00: the month comes second and runs from 01 to 12"),
        ("2021-13-05", "there is no month 13; if you meant 13 May 2021, write 2021-05-13 (year, month, day)"),
        ("2021-12-12", ""),
        ("12/12/2021", "write 2021-12-12"),  # both readings are the same day
        ("31/12/2021", "write 2021-12-31"),
        ("12/31/2021", "write 2021-12-31"),  # only the US reading is a date
        ("31/02/2021", ""),
        ("24.06.2021", "write 2021-06-24"),
        ("24 06 2021", "write 2021-06-24"),
        ("  24/06/2021 ", "write 2021-06-24"),
        ("2021/06/2021", ""),
        ("24/06/021", ""),
        ("24th Jun 2021", "write 2021-06-24"),
        ("3 Sept. 2021", "write 2021-09-03"),
        ("Sept 3, 2021", "write 2021-09-03"),
        ("Jun. 24th 21", "write 2021-06-24"),
        ("31 June 2021", ""),
        ("24 Juno 2021", ""),
        ("24 June 021", ""),
        (20210624, ""),
        (True, ""),
        (None, ""),
    ],
    ids=lambda value: re.sub(r"[^A-Za-z0-9_.:-]+", " ", str(value)).strip() or "blank",
)
def test_the_date_an_editor_meant(written, hint):
    assert suggest_iso_date(written) == hint


def test_a_file_that_cannot_be_read_is_listed_in_the_summary(tmp_path):
    root = write_project(tmp_path / "p")
    release = root / "data" / "releases" / "2019-11.yaml"
    release.write_text(release.read_text().replace("- id: MP071", "-\tid: MP071"))
    checked = check_project(load_project(root), date(2026, 11, 26))
    text = format_text(checked.evaluation.diagnostics, checked.record.files_checked, checked.record.unread_files)
    assert checked.record.unread_files == ["data/releases/2019-11.yaml"]
    assert "Not read: data/releases/2019-11.yaml. What it names (a release's documents, for example) could not be checked" in text
