"""Dates within one release that cannot all be true: each message exactly, with the lines it names.

A release file is read as an editor wrote it (``parse_yaml_text``), so the
lines in the messages are the lines of that text; each test's text is short
enough to count them.
"""

from __future__ import annotations

import pytest

from sec_release.core.date_consistency import date_contradictions, planned_go_live
from sec_release.core.diagnostics import DiagnosticList, Severity
from sec_release.core.models import Release
from sec_release.core.yaml_source import parse_yaml_text

FILE = "data/releases/2019-11.yaml"
HEAD = "title: Release\nid: {rid}\nstatus: planned\ngo_live: {go_live}\ndcc_systems_impact: true\n"  # id on line 2, go_live on line 4
MONTH_HINT = (
    "if the date is a typo, correct it to a day in {month}; if the release was moved to another month, "
    "keep the id and record the move under date_changes (from: the date it was planned for, to: {first})"
)
MILESTONE_HINT = (
    "correct the milestone's date, or go_live if that is the wrong one; a milestone that really comes after go-live "
    "(early life support, say) takes after_go_live: true; the post go-live review has its own field, post_go_live_review"
)


def _milestones(*entries: tuple) -> str:
    """Each milestone takes three lines (four with after_go_live): name, date, state."""
    text = "milestones:\n"
    for entry in entries:
        name, day = entry[:2]
        text += f"  - name: {name}\n    date: {day}\n    state: expected\n"
        if len(entry) > 2:
            text += f"    after_go_live: {entry[2]}\n"
    return text


def _changes(*entries: tuple) -> str:
    """Each date change takes four lines (five with an outcome): from, to, by, decided."""
    text = "date_changes:\n"
    for entry in entries:
        start, end = entry[:2]
        text += f"  - from: {start}\n    to: {end}\n    by: Panel\n    decided: 2019-01-10\n"
        if len(entry) > 2:
            text += f"    outcome: {entry[2]}\n"
    return text


def _found(text: str):
    problems = DiagnosticList()
    data, source = parse_yaml_text(text, FILE, problems)
    assert list(problems) == []
    release = Release.model_validate(data)
    return [
        (d.location.line, d.location.col, d.severity, d.code, d.message, d.hint, d.release)
        for d in date_contradictions(release, source)
    ]


def _release(go_live: str, rid: str = "2019-11", extra: str = "") -> str:
    return HEAD.format(rid=rid, go_live=go_live) + extra


# --- go-live in the month of the id ------------------------------------------------------------

@pytest.mark.parametrize("go_live", ["2019-11-01", "2019-11-30"])
def test_a_go_live_on_the_first_or_last_day_of_the_month_of_the_id_is_consistent(go_live):
    assert _found(_release(go_live)) == []


@pytest.mark.parametrize(
    ("go_live", "rid", "month"),
    [
        ("2019-10-31", "2019-11", "November 2019"),  # the day before the month
        ("2019-12-01", "2019-11", "November 2019"),  # the day after it
        ("2018-11-15", "2019-11", "November 2019"),  # the right month of another year
        ("2023-12-02", "2023-11-minor", "November 2023"),  # an id with a suffix
    ],
    ids=["day-before", "day-after", "another-year", "suffixed-id"],
)
def test_a_go_live_outside_the_month_of_the_id_names_both_lines_and_offers_both_fixes(go_live, rid, month):
    assert _found(_release(go_live, rid)) == [
        (4, 10, Severity.ERROR, "go-live-month",
         f"go_live is {go_live}, which is not in {month}, the month of the release id {rid} (line 2)",
         MONTH_HINT.format(month=month, first=go_live), rid),
    ]


def test_a_go_live_outside_its_month_names_the_one_milestone_it_comes_before_in_one_message():
    text = _release("2019-10-20", extra=_milestones(("Testing", "2019-10-13"), ("Dress rehearsal", "2019-10-27"), ("On the day", "2019-10-20")))
    assert _found(text) == [
        (4, 10, Severity.ERROR, "go-live-month",
         "go_live is 2019-10-20, which is not in November 2019, the month of the release id 2019-11 (line 2), "
         "and is before 1 of the release's milestones (line 11)",
         MONTH_HINT.format(month="November 2019", first="2019-10-20"), "2019-11"),
    ]


def test_a_milestone_marked_after_go_live_is_not_named_but_one_marked_false_is():
    text = _release("2019-10-20", extra=_milestones(("Support ends", "2019-12-20", "true"), ("Rehearsal", "2019-10-27", "false"), ("Cut-over", "2019-10-28")))
    [(line, _, _, code, message, _, _)] = _found(text)
    assert (line, code) == (4, "go-live-month")
    assert message.endswith("and is before 2 of the release's milestones (lines 12, 16)")


def test_when_the_release_was_moved_the_first_date_change_must_start_in_the_month_of_the_id():
    text = _release("2019-11-29", extra=_changes(("2019-10-29", "2019-11-29")) + _milestones(("Late", "2019-12-13")))
    assert _found(text) == [
        (7, 11, Severity.ERROR, "go-live-month",
         "the first date change's from is 2019-10-29, which is not in November 2019, the month of the release id 2019-11 (line 2)",
         MONTH_HINT.format(month="November 2019", first="2019-10-29"), "2019-11"),
        # The month message of a moved release does not name the milestones: they have their own.
        (13, 11, Severity.ERROR, "milestone-after-go-live",
         'a milestone is dated after the go-live date 2019-11-29 (line 4): "Late" 2019-12-13 (line 13)', MILESTONE_HINT, "2019-11"),
    ]


def test_a_move_to_another_month_recorded_as_a_date_change_is_consistent():
    assert _found(_release("2019-12-05", extra=_changes(("2019-11-29", "2019-12-05")))) == []


def test_the_date_first_planned_is_the_first_date_change_s_from_or_else_go_live():
    problems = DiagnosticList()
    data, _ = parse_yaml_text(_release("2019-12-05", extra=_changes(("2019-11-29", "2019-12-01"), ("2019-12-01", "2019-12-05"))), FILE, problems)
    moved = Release.model_validate(data)
    assert [(d.isoformat(), path) for d, path in [planned_go_live(moved)]] == [("2019-11-29", ("date_changes", 0, "from"))]
    data, _ = parse_yaml_text(_release("2019-11-20"), FILE, problems)
    assert [(d.isoformat(), path) for d, path in [planned_go_live(Release.model_validate(data))]] == [("2019-11-20", ("go_live",))]


# --- milestones after go-live ------------------------------------------------------------------

def test_one_milestone_after_go_live_is_named_at_its_date():
    text = _release("2019-11-20", extra=_milestones(("On the day", "2019-11-20"), ("Testing complete", "2019-11-21")))
    assert _found(text) == [
        (11, 11, Severity.ERROR, "milestone-after-go-live",
         'a milestone is dated after the go-live date 2019-11-20 (line 4): "Testing complete" 2019-11-21 (line 11)', MILESTONE_HINT, "2019-11"),
    ]


def test_several_milestones_after_go_live_are_one_message_at_the_first_naming_each():
    text = _release("2019-11-20", extra=_milestones(("Before", "2019-11-01"), ("Testing", "2019-11-25"), ("Support", "2019-12-20", "true"), ("Rehearsal", "2019-11-27")))
    assert _found(text) == [
        (11, 11, Severity.ERROR, "milestone-after-go-live",
         '2 milestones are dated after the go-live date 2019-11-20 (line 4): "Testing" 2019-11-25 (line 11); "Rehearsal" 2019-11-27 (line 18)',
         MILESTONE_HINT, "2019-11"),
    ]


def test_milestones_up_to_and_on_go_live_are_consistent():
    assert _found(_release("2019-11-20", extra=_milestones(("Testing", "2019-11-19"), ("Go-live", "2019-11-20")))) == []


# --- the chain of date changes ----------------------------------------------------------------

def test_each_date_change_starts_where_the_approved_one_before_it_ended():
    text = _release("2019-11-29", extra=_changes(("2019-11-07", "2019-11-24"), ("2019-11-24", "2019-11-29")))
    assert _found(text) == []


def test_a_date_change_that_does_not_start_where_the_previous_ended_names_the_line_that_set_it():
    text = _release("2019-11-29", extra=_changes(("2019-11-07", "2019-11-24"), ("2019-11-20", "2019-11-29")))
    assert _found(text) == [
        (11, 11, Severity.ERROR, "date-change-from",
         "this date change moves the go-live from 2019-11-20, but the change before it (line 8) had set it to 2019-11-24",
         "write from: 2019-11-24, or correct the earlier change's to:", "2019-11"),
    ]


def test_after_a_rejected_first_change_the_next_starts_from_the_date_it_left_in_force():
    rejected = "date_changes:\n  - decided: 2019-01-10\n    by: Authority\n    outcome: rejected\n    from: 2019-11-07\n    to: 2019-12-24\n"
    text = _release("2019-11-29", extra=rejected + _changes(("2019-11-08", "2019-11-29")).removeprefix("date_changes:\n"))
    assert _found(text) == [  # the rejected change's from is on line 10
        (12, 11, Severity.ERROR, "date-change-from",
         "this date change moves the go-live from 2019-11-08, but the change before it (line 10) had set it to 2019-11-07",
         "write from: 2019-11-07, or correct the earlier change's to:", "2019-11"),
    ]


def test_a_rejected_change_later_in_the_chain_does_not_move_it():
    text = _release("2019-11-29", extra=_changes(
        ("2019-11-07", "2019-11-20"), ("2019-11-20", "2019-12-24", "rejected"), ("2019-11-20", "2019-11-29"),
    ))
    assert _found(text) == []


def test_every_broken_link_of_the_chain_is_reported():
    text = _release("2019-11-29", extra=_changes(
        ("2019-11-07", "2019-11-20"), ("2019-11-21", "2019-11-25"), ("2019-11-26", "2019-11-29"),
    ))
    assert [(line, message) for line, _, _, _, message, _, _ in _found(text)] == [
        (11, "this date change moves the go-live from 2019-11-21, but the change before it (line 8) had set it to 2019-11-20"),
        (15, "this date change moves the go-live from 2019-11-26, but the change before it (line 12) had set it to 2019-11-25"),
    ]
