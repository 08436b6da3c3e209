"""Finding sections in editors' Markdown."""

import pytest

from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.documents import is_placeholder, normalise_title, parse_document

DOC = """\
---
title: Implementation Document
version: "1.2"
---
# Implementation Document

## Go-Live Criteria!
- All tests passed.

## Timescales {#when}

### Phase 1
Testing ends in September.

## Testing approach
<!-- to be written -->
TBC

## Notes

```markdown
## Progress reporting
this heading is inside a code block
```
"""


def _doc():
    problems = DiagnosticList()
    doc = parse_document(DOC, "content/x.md", "x.md", problems)
    assert list(problems) == []
    return doc


def test_front_matter_is_parsed():
    assert _doc().front_matter == {"title": "Implementation Document", "version": "1.2"}


def test_titles_match_ignoring_case_and_punctuation():
    section = _doc().find_section(["Go-live criteria"])
    assert section is not None and section.provided and section.line == 7


def test_content_in_subsections_counts_and_attr_lists_are_ignored():
    section = _doc().find_section(["Timescales"])
    assert section.provided and "Phase 1" in section.content


def test_placeholder_sections_are_not_provided():
    section = _doc().find_section(["Testing approach"])
    assert section is not None and not section.provided


def test_headings_in_code_blocks_are_not_sections():
    assert _doc().find_section(["Progress reporting"]) is None


@pytest.mark.parametrize("text", ["", "  ", "TBC", "tbd.", "To follow", "To be confirmed", "<!-- x -->\n*TBC*"])
def test_placeholders(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["TBC on 1 May", "See the schedule."])
def test_real_content(text):
    assert not is_placeholder(text)


def test_normalise_title():
    assert normalise_title("  Go-live   Criteria: ") == "go live criteria"


def test_bad_front_matter_is_located():
    problems = DiagnosticList()
    parse_document("---\ntitle: [x\n---\n# T\n", "content/x.md", "x.md", problems)
    [problem] = list(problems)
    # The unclosed list starts on line 2; YAML notices at the closing marker, line 3.
    assert (problem.location.file, problem.location.line, problem.location.col, problem.code) == ("content/x.md", 3, 1, "yaml-syntax")


def test_front_matter_that_is_not_a_mapping_is_located():
    problems = DiagnosticList()
    doc = parse_document("---\n- a\n- b\n---\n# T\nText.\n", "content/x.md", "x.md", problems)
    [problem] = list(problems)
    assert (problem.code, problem.location.file, problem.location.line) == ("front-matter", "content/x.md", 2)
    assert problem.message == "the front matter must be a mapping of keys to values"
    assert doc.front_matter == {} and [s.title for s in doc.sections] == ["T"]


def test_front_matter_may_end_with_three_dots_and_lines_count_from_the_file():
    problems = DiagnosticList()
    doc = parse_document("---\ntitle: X\n...\n\n## Timescales\nSoon.\n", "content/x.md", "x.md", problems)
    assert list(problems) == []
    assert doc.front_matter == {"title": "X"}
    assert [(s.title, s.line, s.level) for s in doc.sections] == [("Timescales", 5, 2)]


def test_without_a_closing_marker_there_is_no_front_matter():
    problems = DiagnosticList()
    doc = parse_document("---\ntitle: X\n## Timescales\nSoon.\n", "content/x.md", "x.md", problems)
    assert (list(problems), doc.front_matter) == ([], {})
    assert [(s.title, s.line) for s in doc.sections] == [("Timescales", 3)]


def test_empty_front_matter_is_none():
    problems = DiagnosticList()
    doc = parse_document("---\n\n---\n# Title\n", "content/x.md", "x.md", problems)
    assert (list(problems), doc.front_matter, [(s.title, s.line) for s in doc.sections]) == ([], {}, [("Title", 4)])


def test_the_provided_one_of_two_matching_sections_is_found():
    problems = DiagnosticList()
    doc = parse_document("## Costs\nTBC\n\n## Cost review\nReviewed in June.\n", "content/x.md", "x.md", problems)
    found = doc.find_section(["Cost review", "Costs"])
    assert (found.title, found.line, found.provided) == ("Cost review", 4, True)
    only_placeholder = parse_document("## Costs\nTBC\n\n## Costs\nTBD\n", "content/x.md", "x.md", problems)
    found = only_placeholder.find_section(["Costs"])
    assert (found.line, found.provided) == (1, False)
    assert doc.find_section(["Budget"]) is None


@pytest.mark.parametrize("text", ["TBA", "to be agreed", "To Be Confirmed!"])
def test_more_placeholders(text):
    assert is_placeholder(text)


def test_normalise_title_folds_underscores_and_punctuation():
    assert normalise_title("Go_live: criteria (v2)") == "go live criteria v2"


def test_a_rule_line_later_in_a_page_is_not_front_matter():
    problems = DiagnosticList()
    doc = parse_document("# Title\nIntro.\n\n---\n\n## Timescales\nSoon.\n", "content/x.md", "x.md", problems)
    assert (list(problems), doc.front_matter) == ([], {})
    assert [(s.title, s.line) for s in doc.sections] == [("Title", 1), ("Timescales", 6)]


def test_front_matter_closed_on_the_next_line_is_empty():
    problems = DiagnosticList()
    doc = parse_document("---\n---\n# Title\nText.\n", "content/x.md", "x.md", problems)
    assert (list(problems), doc.front_matter, [(s.title, s.line) for s in doc.sections]) == ([], {}, [("Title", 3)])


def test_a_section_of_only_sub_headings_is_not_provided():
    problems = DiagnosticList()
    doc = parse_document("## Timescales\n### Phase 1\n### Phase 2\n", "content/x.md", "x.md", problems)
    assert doc.find_section(["Timescales"]).provided is False


def test_the_front_matter_hint_says_what_to_write():
    problems = DiagnosticList()
    parse_document("---\n- a\n---\n", "content/x.md", "x.md", problems)
    [problem] = list(problems)
    assert (problem.hint, problem.location.col) == ("write key: value lines between the --- markers", 1)
