"""What `sec-release validate` prints in each of its formats (text, json, github), exactly.

The same problems, rendered as an editor reads them in a terminal, as a script
reads them as JSON, and as GitHub shows them on a pull request's lines.
"""

from __future__ import annotations

import json

from sec_release.core.diagnostics import Diagnostic, DiagnosticList, Location, Severity, add_capped, render

RELEASE = "data/releases/2019-11.yaml"
POLICY = "content/policy.md"


def _problems() -> list[Diagnostic]:
    return [
        Diagnostic(Location(RELEASE, 12, 3), Severity.WARNING, "future-implemented", "marked implemented", "check the status"),
        Diagnostic(Location(POLICY, 1, 1), Severity.ERROR, "d10-2-policy", "The Policy is published. Missing: the Policy.",
                   "write content/policy.md", "D10.2", ""),
        Diagnostic(Location(RELEASE, 4, 1), Severity.ERROR, "unknown-key", "unknown key 'titel'", "did you mean 'title'?", release="2019-11"),
        Diagnostic(Location(RELEASE, 30, 1), Severity.INFO, "d10-8d-release-cost-review", "a gap in a draft", ""),
    ]


def test_text_groups_by_file_in_line_order_and_ends_with_the_counts():
    assert render(_problems(), "text", 7) == "\n".join([
        POLICY,
        f"{POLICY}:1:1: error d10-2-policy [D10.2]",
        "  The Policy is published. Missing: the Policy.",
        "  hint: write content/policy.md",
        "",
        RELEASE,
        f"{RELEASE}:4:1: error unknown-key",
        "  unknown key 'titel'",
        "  hint: did you mean 'title'?",
        f"{RELEASE}:12:3: warning future-implemented",
        "  marked implemented",
        "  hint: check the status",
        f"{RELEASE}:30:1: info d10-8d-release-cost-review",
        "  a gap in a draft",
        "",
        "2 errors, 1 warning, 1 note in 7 files checked.",
    ])


def test_the_counts_are_in_the_singular_for_one_and_notes_only_when_there_are_some():
    one_each = [_problems()[1], _problems()[0], _problems()[3], _problems()[3]]  # the same note twice is one note
    assert render(one_each, "text", 1).splitlines()[-1] == "1 error, 1 warning, 2 notes in 1 files checked."
    assert render([], "text", 3) == "0 errors, 0 warnings in 3 files checked."


def test_the_same_problem_reached_twice_is_printed_once():
    twice = [_problems()[2], _problems()[2]]
    assert render(twice, "text", 1).count("unknown key 'titel'") == 1
    assert len(json.loads(render(twice, "json", 1))) == 1


def test_files_that_could_not_be_read_are_named_after_the_counts():
    one = render([], "text", 2, unread=[RELEASE, RELEASE]).splitlines()
    assert one == [
        "0 errors, 0 warnings in 2 files checked.",
        f"Not read: {RELEASE}. What it names (a release's documents, for example) could not be checked; "
        "fix the errors above and validate again.",
    ]
    two = render([], "text", 2, unread=["b.yaml", "a.yaml"]).splitlines()[1]
    assert two.startswith("Not read: a.yaml, b.yaml. What they name (a release's documents")


def test_json_lists_every_field_of_each_problem_in_line_order():
    assert json.loads(render(_problems(), "json", 7)) == [
        {"file": POLICY, "line": 1, "col": 1, "severity": "error", "code": "d10-2-policy",
         "message": "The Policy is published. Missing: the Policy.", "hint": "write content/policy.md", "clause": "D10.2", "release": ""},
        {"file": RELEASE, "line": 4, "col": 1, "severity": "error", "code": "unknown-key",
         "message": "unknown key 'titel'", "hint": "did you mean 'title'?", "clause": "", "release": "2019-11"},
        {"file": RELEASE, "line": 12, "col": 3, "severity": "warning", "code": "future-implemented",
         "message": "marked implemented", "hint": "check the status", "clause": "", "release": ""},
        {"file": RELEASE, "line": 30, "col": 1, "severity": "info", "code": "d10-8d-release-cost-review",
         "message": "a gap in a draft", "hint": "", "clause": "", "release": ""},
    ]
    assert render([], "json", 0) == "[]"
    assert "é" in render([Diagnostic(Location("a.yaml"), Severity.ERROR, "x", "café")], "json", 1)  # not \u00e9


def test_github_annotations_escape_what_would_end_a_field():
    tricky = Diagnostic(Location("data/a,b:c.yaml", 2, 5), Severity.ERROR, "d10-7", "100% done\r\nsecond line", "add it", "D10.7")
    assert render([tricky, _problems()[0], _problems()[3]], "github", 3).splitlines() == [
        "::error file=data/a%2Cb%3Ac.yaml,line=2,col=5,title=d10-7 [D10.7]::100%25 done%0D%0Asecond line%0Ahint: add it",
        f"::warning file={RELEASE},line=12,col=3,title=future-implemented::marked implemented%0Ahint: check the status",
        f"::notice file={RELEASE},line=30,col=1,title=d10-8d-release-cost-review::a gap in a draft",
    ]


def test_what_the_editor_wrote_cannot_rewrite_the_terminal_or_pose_as_a_headline():
    sneaky = Diagnostic(Location("data/\x1b[2Jx.yaml", 1, 1), Severity.ERROR, "unknown-key",
                        "unknown key 'a\u202eb'\ndata/x.yaml:1:1: error fake", "rename 'a\x07'")
    assert render([sneaky], "text", 1).splitlines()[:5] == [
        "data/\\x1b[2Jx.yaml",
        "data/\\x1b[2Jx.yaml:1:1: error unknown-key",
        "  unknown key 'a\\u202eb'",
        "    data/x.yaml:1:1: error fake",  # indented under the message, never a headline of its own
        "  hint: rename 'a\\x07'",
    ]


def test_a_file_with_too_many_problems_lists_the_first_hundred_and_counts_the_rest():
    found = [Diagnostic(Location(RELEASE, n), Severity.ERROR, "unknown-key", f"unknown key 'k{n}'") for n in range(1, 1252)]
    collected = DiagnosticList()
    add_capped(collected, found)
    assert len(collected) == 101
    assert collected.items[99].message == "unknown key 'k100'"
    last = collected.items[100]
    assert (last.location, last.code, last.message, last.hint) == (
        Location(RELEASE, 101), "too-many-problems", "1,151 more problems in this file are not listed", "fix the problems listed and validate again")
    few = DiagnosticList()
    add_capped(few, found[:100])
    assert len(few) == 100 and few.has_errors
