"""When a requirement falls due: the day before, on and after each date rule's day.

The rules and their day counts come from the shipped rulebook, so these tests
follow SECAS's edits to it. Each test builds one release that lacks exactly
what one rule asks for and evaluates it in-process, as ``sec-release validate``
and the build do.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml

from sec_release.core.check import check_project
from sec_release.core.evaluate import Status
from sec_release.core.project import load_project
from tests.factory import RULEBOOK, complete_release, write_project

RULES = yaml.safe_load(RULEBOOK.read_text(encoding="utf-8"))["requirements"]
GO_LIVE = date(2026, 6, 4)


def _rule_with(key: str) -> dict:
    """The first rule with a date rule of this kind and one release field to satisfy it."""
    return next(r for r in RULES if r.get(key) is not None and isinstance(r["satisfied_by"].get("field"), str))


AFTER = _rule_with("due_days_after_go_live")  # the post go-live review
BEFORE = _rule_with("due_days_before_go_live")  # the Panel's cost review


def _evaluate(tmp_path, release: dict, as_of: date):
    root = write_project(tmp_path / f"p-{as_of.isoformat()}", [release])
    checked = check_project(load_project(root), as_of)
    return checked


def _without(rule: dict, **overrides) -> dict:
    release = complete_release("2026-06", GO_LIVE.isoformat(), **overrides)
    del release[rule["satisfied_by"]["field"]]
    return release


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(-1, Status.NOT_DUE), (0, Status.MISSING), (1, Status.MISSING)],
    ids=["day-before", "due-day", "day-after"],
)
def test_a_rule_due_days_after_go_live_falls_due_on_its_day(tmp_path, offset, expected):
    due_on = GO_LIVE + timedelta(days=AFTER["due_days_after_go_live"])
    checked = _evaluate(tmp_path, _without(AFTER), due_on + timedelta(days=offset))
    result = checked.evaluation.get("2026-06", AFTER["id"])
    assert result.status is expected
    assert result.due_on == due_on
    failing = [d.code for d in checked.evaluation.diagnostics if d.severity.value == "error"]
    assert failing == ([] if expected is Status.NOT_DUE else [AFTER["id"]])
    if expected is Status.NOT_DUE:
        assert result.reason == f"due from {due_on.isoformat()}"


def test_a_release_that_went_live_yesterday_is_not_yet_due_its_review(tmp_path):
    # Every release that has just gone live is in this state for the rule's whole period.
    checked = _evaluate(tmp_path, _without(AFTER), GO_LIVE + timedelta(days=1))
    result = checked.evaluation.get("2026-06", AFTER["id"])
    assert result.status is Status.NOT_DUE
    assert result.gaps == (f"{AFTER['satisfied_by']['field']} is not recorded",)
    assert not checked.evaluation.has_errors


def test_a_release_that_goes_live_today_is_not_yet_due_its_review(tmp_path):
    checked = _evaluate(tmp_path, _without(AFTER), GO_LIVE)
    assert checked.evaluation.get("2026-06", AFTER["id"]).status is Status.NOT_DUE
    assert not checked.evaluation.has_errors


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(-1, Status.NOT_DUE), (0, Status.MISSING), (1, Status.MISSING)],
    ids=["day-before", "due-day", "day-after"],
)
def test_a_rule_due_days_before_go_live_falls_due_on_its_day(tmp_path, offset, expected):
    # A baselined release, not yet live: only the date rule can keep it from being due.
    release = _without(BEFORE, status="baselined", go_live_decision=None, post_go_live_review=None)
    release = {k: v for k, v in release.items() if v is not None}
    due_on = GO_LIVE - timedelta(days=BEFORE["due_days_before_go_live"])
    checked = _evaluate(tmp_path, release, due_on + timedelta(days=offset))
    result = checked.evaluation.get("2026-06", BEFORE["id"])
    assert result.status is expected
    assert result.due_on == due_on
    errors = sorted(d.code for d in checked.evaluation.diagnostics if d.severity.value == "error")
    assert errors == ([] if expected is Status.NOT_DUE else [BEFORE["id"]])


def test_a_rule_is_not_due_before_the_status_it_is_due_from(tmp_path):
    rule = next(r for r in RULES if r.get("due_from") == "implemented" and r.get("due_days_after_go_live") is None)
    release = complete_release("2026-06", GO_LIVE.isoformat(), status="baselined")
    del release[rule["satisfied_by"]["field"]]
    checked = _evaluate(tmp_path, release, GO_LIVE - timedelta(days=1))
    result = checked.evaluation.get("2026-06", rule["id"])
    assert result.status is Status.NOT_DUE
    assert result.reason == "due once the release is implemented"
    # Once implemented, the same gap is missing.
    release["status"] = "implemented"
    checked = _evaluate(tmp_path / "implemented", release, GO_LIVE + timedelta(days=1))
    assert checked.evaluation.get("2026-06", rule["id"]).status is Status.MISSING


def test_a_release_whose_only_modification_is_removed_has_no_content(tmp_path):
    rule = next(r for r in RULES if (r["satisfied_by"].get("count") or {}).get("excluding_status"))
    excluded = rule["satisfied_by"]["count"]["excluding_status"][0]
    release = complete_release(modifications=[{"id": "MP071", "status": excluded}])
    checked = _evaluate(tmp_path, release, date(2026, 11, 26))
    result = checked.evaluation.get("2019-11", rule["id"])
    assert result.status is Status.MISSING
    assert result.gaps == (f"modifications: 0 of at least 1 (not counting {excluded})",)
    assert [d.code for d in checked.evaluation.diagnostics] == [rule["id"]]
    # The same release with the modification still in it meets the rule.
    kept = _evaluate(tmp_path / "kept", complete_release(), date(2026, 11, 26))
    assert kept.evaluation.get("2019-11", rule["id"]).status is Status.MET
    assert [e.text for e in kept.evaluation.get("2019-11", rule["id"]).evidence] == ["modifications: 1"]


def test_a_waived_gap_that_is_not_yet_due_is_waived(tmp_path):
    release = _without(AFTER, waivers=[{"requirement": AFTER["id"], "decided": "2026-06-01", "by": "Panel", "reason": "Reviewed with the next release."}])
    checked = _evaluate(tmp_path, release, GO_LIVE + timedelta(days=1))
    result = checked.evaluation.get("2026-06", AFTER["id"])
    assert result.status is Status.WAIVED
    assert result.waiver.reason == "Reviewed with the next release."
    assert result.due_on == GO_LIVE + timedelta(days=AFTER["due_days_after_go_live"])  # the compliance data still says when it falls due
