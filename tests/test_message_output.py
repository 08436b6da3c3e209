"""How one problem is printed: a headline that stays one line, and the JSON an editor's tools read."""

from __future__ import annotations

from sec_release.core.diagnostics import Diagnostic, Location, Severity, format_json


def test_a_file_name_holding_a_newline_stays_on_the_headline():
    problem = Diagnostic(Location("data/releases/2019\n-11.yaml", 3, 5), Severity.ERROR, "yaml-syntax", "bad", "fix it")
    assert problem.to_text() == "data/releases/2019\\n-11.yaml:3:5: error yaml-syntax\n  bad\n  hint: fix it"


def test_the_json_lists_each_problem_indented_with_its_place():
    problem = Diagnostic(Location("data/releases/2019-11.yaml", 3, 5), Severity.WARNING, "stale-release", "café", clause="D10.4", release="2019-11")
    assert format_json([problem]) == (
        '[\n  {\n    "severity": "warning",\n    "code": "stale-release",\n    "message": "café",\n    "hint": "",\n'
        '    "clause": "D10.4",\n    "release": "2019-11",\n    "file": "data/releases/2019-11.yaml",\n    "line": 3,\n    "col": 5\n  }\n]'
    )
