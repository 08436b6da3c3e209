"""Dates in a release that contradict each other are errors naming both places."""

from __future__ import annotations

from datetime import date

from sec_release.core.check import check_project
from sec_release.core.diagnostics import Severity
from sec_release.core.project import load_project
from tests.factory import complete_release, write_project


def _findings(tmp_path, release: dict, as_of: date = date(2026, 11, 26)):
    root = write_project(tmp_path / "p", [release])
    checked = check_project(load_project(root), as_of)
    return [d for d in checked.evaluation.diagnostics if d.severity is not Severity.INFO or d.code == "stale-release"]


def _planned(rid="2027-11", go_live="2027-11-04", **overrides):
    release = complete_release(rid, go_live, status="planned", **overrides)
    for key in ("cost_review", "go_live_decision", "post_go_live_review", "progress_reports"):
        release.pop(key)
    return release


def test_the_shipped_shape_is_consistent(tmp_path):
    assert _findings(tmp_path, complete_release()) == []


def test_a_planned_release_whose_go_live_has_passed_is_an_error_offering_both_fixes(tmp_path):
    [found] = _findings(tmp_path, _planned(), as_of=date(2027, 11, 10))
    assert (found.code, found.severity, found.location.line) == ("stale-release", Severity.ERROR, 3)
    assert "still planned (line 3)" in found.message and "2027-11-04 (line 5)" in found.message
    assert "set status: implemented" in found.hint and "date_changes" in found.hint and "from: 2027-11-04" in found.hint


def test_a_stale_draft_is_only_a_note(tmp_path):
    [found] = _findings(tmp_path, _planned(draft=True), as_of=date(2027, 11, 10))
    assert (found.code, found.severity) == ("stale-release", Severity.INFO)


def test_a_go_live_outside_the_month_of_the_id_names_both_lines_and_the_milestones(tmp_path):
    release = _planned(go_live="2026-11-04", milestones=[
        {"name": "Full scope baseline", "date": "2027-05-14", "state": "expected"},
    ])
    [found] = _findings(tmp_path, release)
    assert (found.code, found.location.line) == ("go-live-month", 5)
    assert "not in November 2027, the month of the release id 2027-11 (line 1)" in found.message
    assert "before 1 of the release's milestones (line" in found.message
    assert "correct it to a day in November 2027" in found.hint and "date_changes" in found.hint


def test_a_move_to_another_month_recorded_as_a_date_change_is_accepted(tmp_path):
    release = complete_release(go_live="2019-12-05", date_changes=[
        {"decided": "2019-10-08", "from": "2019-11-29", "to": "2019-12-05", "by": "Authority"},
    ])
    assert _findings(tmp_path, release) == []


def test_the_first_date_change_must_start_in_the_month_of_the_id(tmp_path):
    release = complete_release(go_live="2019-11-29", date_changes=[
        {"decided": "2019-10-08", "from": "2019-10-29", "to": "2019-11-29", "by": "Authority"},
    ])
    [found] = _findings(tmp_path, release)
    assert found.code == "go-live-month" and found.message.startswith("the first date change's from is 2019-10-29")


def test_milestones_after_go_live_are_one_error_naming_each(tmp_path):
    release = complete_release(milestones=[
        {"name": "Testing complete", "date": "2019-12-13", "state": "actual"},
        {"name": "Go-live", "date": "2019-11-29", "state": "actual"},
        {"name": "Regression testing", "date": "2019-12-20", "state": "actual"},
    ])
    [found] = _findings(tmp_path, release)
    assert found.code == "milestone-after-go-live"
    assert "2 milestones are dated after the go-live date 2019-11-29 (line" in found.message
    assert '"Testing complete" 2019-12-13' in found.message and '"Regression testing" 2019-12-20' in found.message
    assert "after_go_live: true" in found.hint


def test_a_milestone_marked_after_go_live_is_accepted(tmp_path):
    release = complete_release(milestones=[
        {"name": "Early life support ends", "date": "2019-12-20", "state": "actual", "after_go_live": True},
    ])
    assert _findings(tmp_path, release) == []


def test_a_date_change_must_start_where_the_previous_one_ended(tmp_path):
    release = complete_release(date_changes=[
        {"decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-24", "by": "Authority"},
        {"decided": "2019-10-30", "from": "2019-11-20", "to": "2019-11-29", "by": "Panel"},
    ])
    [found] = _findings(tmp_path, release)
    assert found.code == "date-change-from"
    assert "from 2019-11-20, but the change before it (line" in found.message and "set it to 2019-11-24" in found.message
    assert found.hint.startswith("write from: 2019-11-24")


def test_a_rejected_date_change_does_not_move_the_chain(tmp_path):
    release = complete_release(date_changes=[
        {"decided": "2019-10-08", "from": "2019-11-07", "to": "2019-12-24", "by": "Authority", "outcome": "rejected"},
        {"decided": "2019-10-30", "from": "2019-11-07", "to": "2019-11-29", "by": "Authority"},
    ])
    assert _findings(tmp_path, release) == []


def test_the_milestones_after_go_live_are_named_with_their_lines_and_a_milestone_on_the_day_is_not_one(tmp_path):
    release = complete_release(milestones=[
        {"name": "Testing complete", "date": "2019-12-13", "state": "actual"},
        {"name": "Go-live", "date": "2019-11-29", "state": "actual"},  # on the go-live day: not after it
        {"name": "Regression testing", "date": "2019-12-20", "state": "actual"},
    ])
    [found] = _findings(tmp_path, release)
    assert (found.location.file, found.location.line, found.location.col) == ("data/releases/2019-11.yaml", 17, 9)  # the first one's date
    assert found.message == (
        '2 milestones are dated after the go-live date 2019-11-29 (line 5): '
        '"Testing complete" 2019-12-13 (line 17); "Regression testing" 2019-12-20 (line 23)'
    )
    assert found.hint == (
        "correct the milestone's date, or go_live if that is the wrong one; a milestone that really comes after go-live "
        "(early life support, say) takes after_go_live: true; the post go-live review has its own field, post_go_live_review"
    )


def test_a_go_live_outside_its_month_names_every_milestone_it_comes_before(tmp_path):
    release = _planned(go_live="2026-11-04", milestones=[
        {"name": "Full scope baseline", "date": "2027-05-14", "state": "expected"},
        {"name": "DCC baseline", "date": "2026-11-11", "state": "expected"},
    ])
    [found] = _findings(tmp_path, release)
    assert found.message == (
        "go_live is 2026-11-04, which is not in November 2027, the month of the release id 2027-11 (line 1), "
        "and is before 2 of the release's milestones (lines 17, 20)"
    )
    assert found.hint == (
        "if the date is a typo, correct it to a day in November 2027; if the release was moved to another month, "
        "keep the id and record the move under date_changes (from: the date it was planned for, to: 2026-11-04)"
    )
