"""Rules a rulebook can be written with beyond the shipped ones, and what each says when it is not met.

SECAS edits the rulebook when the legal text moves: a count over any list, a
count that leaves out several statuses, a field three levels down. Each gap
must still name what is missing and point at the place to fix it.
"""

from __future__ import annotations

from datetime import date

import yaml

from sec_release.core.check import check_project
from sec_release.core.diagnostics import Location
from sec_release.core.evaluate import Status
from sec_release.core.project import load_project
from tests.factory import complete_release, write_project

AS_OF = date(2026, 11, 26)
FILE = "data/releases/2019-11.yaml"


def _with_rule(tmp_path, release: dict, **rule):
    root = write_project(tmp_path / "p", [release])
    path = root / "data/rulebook/d10.yaml"
    rulebook = yaml.safe_load(path.read_text(encoding="utf-8"))
    rulebook["requirements"].append({
        "id": "extra-rule", "clause": "D10.99", "title": "An extra rule.", "applies_to": "release", "severity": "error", **rule,
    })
    path.write_text(yaml.safe_dump(rulebook, sort_keys=False, allow_unicode=True), encoding="utf-8")
    checked = check_project(load_project(root), AS_OF)
    assert [d.code for d in checked.evaluation.diagnostics if d.code != "extra-rule"] == []
    return checked.evaluation.get("2019-11", "extra-rule"), root


def _line(root, needle: str) -> int:
    return next(n for n, line in enumerate((root / FILE).read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_count_over_a_list_whose_entries_have_no_status_counts_every_entry(tmp_path):
    result, root = _with_rule(tmp_path, complete_release(), satisfied_by={"count": {"field": "milestones", "at_least": 2}})
    assert result.status is Status.MISSING
    assert result.gaps == ("milestones: 1 of at least 2",)
    assert result.hint == f"add at least 2 entries to milestones in {FILE}"
    assert result.location == Location(FILE, _line(root, "milestones:"), 1)
    met, _ = _with_rule(tmp_path / "met", complete_release(), satisfied_by={"count": {"field": "milestones", "at_least": 1}})
    assert [(e.text, e.line) for e in met.evidence] == [("milestones: 1", _line(root, "milestones:") + 1)]


def test_a_count_that_leaves_out_several_statuses_names_them_all(tmp_path):
    release = complete_release(modifications=[
        {"id": "MP071", "status": "removed"}, {"id": "MP071", "status": "targeted", "part": "SEC text"},
    ])
    result, _ = _with_rule(tmp_path, release, satisfied_by={"count": {"field": "modifications", "at_least": 1, "excluding_status": ["removed", "targeted"]}})
    assert result.gaps == ("modifications: 0 of at least 1 (not counting removed, targeted)",)


def test_a_field_three_levels_down_is_a_gap_at_the_mapping_that_should_hold_it(tmp_path):
    release = complete_release()
    del release["testing_approach"]["consultation"]["responses"]
    result, root = _with_rule(tmp_path, release, satisfied_by={"field": "testing_approach.consultation.responses"})
    assert result.gaps == ("testing_approach.consultation.responses is not recorded",)
    assert result.location == Location(FILE, _line(root, "consultation:"), 3)
    assert result.hint == f"add testing_approach.consultation.responses to {FILE}"


def test_a_missing_top_level_field_is_a_gap_at_the_first_line_and_column(tmp_path):
    result, _ = _with_rule(tmp_path, complete_release(), satisfied_by={"field": "external_auditor"})
    assert (result.gaps, result.location) == (("external_auditor is not recorded",), Location(FILE, 1, 1))
