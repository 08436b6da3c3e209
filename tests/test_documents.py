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
    assert problem.location.file == "content/x.md" and problem.location.line >= 2
