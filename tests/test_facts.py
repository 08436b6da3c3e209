"""The facts the record implies, computed from small records built here."""

from __future__ import annotations

from datetime import date

from sec_release.core.facts import added_by_exception, date_steps, full_baseline, modification_life, other_parts, removed_on
from sec_release.core.models import HistoryEntry, Release


def release(rid: str, go_live: str, mods: list[dict], status: str = "implemented", **extra) -> Release:
    return Release.model_validate({
        "id": rid, "title": rid, "status": status, "go_live": go_live, "dcc_systems_impact": False,
        "modifications": mods, **extra,
    })


def by_id(*releases: Release) -> dict[str, Release]:
    return {r.id: r for r in releases}


# --- added by exception ---------------------------------------------------------


def test_a_modification_missing_from_the_full_baseline_was_added_by_exception():
    r = release("2019-11", "2019-11-29", [{"id": "MP071", "status": "implemented"}, {"id": "MP073", "status": "implemented"}],
                baselines=[{"scope": "dcc-systems", "date": "2018-11-16", "modifications": ["MP071"]},
                           {"scope": "full", "date": "2019-05-17", "modifications": ["MP071"]}])
    exceptions = added_by_exception(r)
    assert list(exceptions) == ["MP073"]
    assert exceptions["MP073"].date == date(2019, 5, 17)


def test_the_latest_full_baseline_counts_and_the_dcc_systems_one_does_not():
    r = release("2019-11", "2019-11-29", [{"id": "MP071", "status": "implemented"}, {"id": "MP073", "status": "implemented"}],
                baselines=[{"scope": "full", "date": "2019-03-01", "modifications": ["MP071"]},
                           {"scope": "full", "date": "2019-05-17", "modifications": ["MP071", "MP073"]},
                           {"scope": "dcc-systems", "date": "2019-06-01", "modifications": []}])
    assert full_baseline(r).date == date(2019, 5, 17)
    assert added_by_exception(r) == {}


def test_nothing_is_added_by_exception_when_the_baseline_does_not_say_what_it_froze():
    r = release("2019-11", "2019-11-29", [{"id": "MP073", "status": "implemented"}], baselines=[{"scope": "full", "date": "2019-05-17"}])
    assert added_by_exception(r) == {}


# --- split modifications, both ways ---------------------------------------------------


def test_a_split_modification_points_both_ways():
    june = release("2022-06", "2022-06-30", [{"id": "SECMP0015", "status": "implemented", "part": "document changes", "rest_in": ["2022-11"]}])
    november = release("2022-11", "2022-11-03", [{"id": "SECMP0015", "status": "implemented", "part": "system changes"}])
    unrelated = release("2023-02", "2023-02-23", [{"id": "SECMP0015", "status": "removed"}])
    releases = by_id(june, november, unrelated)
    [later] = other_parts(releases, "2022-06", "SECMP0015")
    assert (later.release.id, later.entry.part, later.later) == ("2022-11", "system changes", True)
    [earlier] = other_parts(releases, "2022-11", "SECMP0015")
    assert (earlier.release.id, earlier.entry.part, earlier.later) == ("2022-06", "document changes", False)
    assert other_parts(releases, "2023-02", "SECMP0015") == []


def test_rest_in_may_name_several_releases():
    first = release("2021-11", "2021-11-04", [{"id": "SECMP0007", "status": "implemented", "rest_in": ["2022-06", "2022-11"]}])
    second = release("2022-06", "2022-06-30", [{"id": "SECMP0007", "status": "implemented"}])
    third = release("2022-11", "2022-11-03", [{"id": "SECMP0007", "status": "targeted"}], status="planned")
    assert [p.release.id for p in other_parts(by_id(first, second, third), "2021-11", "SECMP0007")] == ["2022-06", "2022-11"]


# --- removed from scope ----------------------------------------------------------------


def test_removed_on_is_the_recorded_date_of_a_removed_entry_only():
    r = release("2021-11", "2021-11-04", [{"id": "MP129", "status": "removed", "removed": "2021-06-10"}, {"id": "MP143", "status": "removed"}])
    assert removed_on(r.modifications[0]) == date(2021, 6, 10)
    assert removed_on(r.modifications[1]) is None


# --- date changes -------------------------------------------------------------------------


def test_a_window_then_a_day_fixed_within_it_are_two_steps():
    r = release("2019-11", "2019-11-29", [{"id": "MP071", "status": "implemented"}], date_changes=[
        {"requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-24",
         "window": {"earliest": "2019-11-24", "latest": "2019-12-01"}, "by": "Authority"},
        {"decided": "2019-10-30", "from": "2019-11-24", "to": "2019-11-29", "by": "Panel"},
    ])
    first, second = date_steps(r)
    assert first.window.latest == date(2019, 12, 1) and not first.fixes_day
    assert second.fixes_day and second.within == first.window and second.window is None
    assert [s.number for s in date_steps(r)] == [1, 2]


def test_a_later_move_outside_the_window_does_not_fix_a_day_in_it():
    r = release("2020-06", "2020-07-30", [{"id": "MP071", "status": "implemented"}], date_changes=[
        {"decided": "2020-03-01", "from": "2020-06-25", "to": "2020-06-27", "window": {"earliest": "2020-06-27", "latest": "2020-07-01"}, "by": "Authority"},
        {"decided": "2020-05-01", "from": "2020-06-27", "to": "2020-07-30", "by": "Authority"},
    ])
    assert not date_steps(r)[1].fixes_day


def test_a_rejected_window_opens_nothing():
    r = release("2020-06", "2020-06-25", [{"id": "MP071", "status": "implemented"}], date_changes=[
        {"decided": "2020-03-01", "from": "2020-06-25", "to": "2020-06-27", "window": {"earliest": "2020-06-27", "latest": "2020-07-01"}, "by": "Authority", "outcome": "rejected"},
        {"decided": "2020-03-10", "from": "2020-06-25", "to": "2020-06-25", "by": "Panel"},
    ])
    assert not date_steps(r)[1].fixes_day


# --- the life of a modification ---------------------------------------------------------------


def test_the_life_of_a_modification_joins_its_history_and_every_release():
    history = [HistoryEntry(date=date(2019, 7, 3), event="raised", by="Proposer"), HistoryEntry(date=date(2020, 2, 20), event="decision", by="Change Board")]
    planned_in = release("2021-06", "2021-06-24", [{"id": "MP129", "status": "removed", "removed": "2021-03-01"}],
                         baselines=[{"scope": "full", "date": "2020-12-18", "modifications": ["MP129"]}])
    went_in = release("2021-11", "2021-11-04", [{"id": "MP129", "status": "implemented", "added": "2021-05-14"}],
                      baselines=[{"scope": "full", "date": "2021-05-01", "modifications": []}])
    future = release("2027-11", "2027-11-04", [{"id": "MP129", "status": "targeted"}], status="planned")
    life = modification_life(by_id(planned_in, went_in, future), "MP129", history)
    assert [(e.date, e.kind, e.release.id if e.release else None) for e in life] == [
        (date(2019, 7, 3), "history", None),
        (date(2020, 2, 20), "history", None),
        (date(2020, 12, 18), "baselined", "2021-06"),
        (date(2021, 3, 1), "removed", "2021-06"),
        (date(2021, 5, 14), "added", "2021-11"),
        (date(2021, 11, 4), "implemented", "2021-11"),
        (date(2027, 11, 4), "planned", "2027-11"),
    ]
    assert life[4].by_exception, "added after a full baseline that froze the release without it"
    assert life[-1].expected and not life[-2].expected


def test_a_removal_without_a_date_sorts_at_its_release():
    early = release("2020-11", "2020-11-05", [{"id": "MP077", "status": "removed"}])
    later = release("2021-11", "2021-11-04", [{"id": "MP077", "status": "implemented"}])
    life = modification_life(by_id(early, later), "MP077", [])
    assert [(e.kind, e.date) for e in life] == [("removed", None), ("implemented", date(2021, 11, 4))]


def test_a_cancelled_release_shows_no_planned_go_live():
    cancelled = release("2023-02", "2023-02-23", [{"id": "MP200", "status": "targeted"}], status="cancelled")
    assert modification_life(by_id(cancelled), "MP200", []) == []


def test_a_history_step_implemented_on_a_go_live_day_is_not_listed_twice():
    went = release("2022-06", "2022-06-30", [{"id": "MP071", "status": "implemented"}])
    history = [HistoryEntry(date=date(2022, 6, 30), event="implemented"), HistoryEntry(date=date(2022, 7, 18), event="implemented", note="Outside a release.")]
    life = modification_life(by_id(went), "MP071", history)
    assert [(e.kind, e.date) for e in life] == [("implemented", date(2022, 6, 30)), ("history", date(2022, 7, 18))]
