"""/calendar.ics and /releases/<id>/calendar.ics, read back with icalendar."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from tests.exports_support import (
    BUILT_AT, HOSTILE_RELEASE_TITLE, IMPLEMENTED, PLANNED, draft_release, export, implemented_release, planned_release,
    write_export_project,
)
from tests.factory import write_yaml


def events(content: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(content)
    found = calendar.walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found), "UIDs must be unique"
    return by_uid


def uid(kind: str, release: str) -> str:
    return f"sec-release-{release}-{kind}@example.org"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = write_export_project(tmp_path_factory.mktemp("ics") / "project")
    return root, export(root, tmp_path_factory.mktemp("out"), "ics")


def test_every_go_live_and_milestone_of_every_published_release(exported):
    _, files = exported
    found = events(files["calendar.ics"])
    assert set(found) == {
        uid("go-live", IMPLEMENTED),
        uid("milestone-system-integration-testing-complete", IMPLEMENTED),
        uid("milestone-regression-testing-final", IMPLEMENTED),
        uid("go-live", PLANNED),
        uid("milestone-full-scope-baseline", PLANNED),
        uid("milestone-dcc-systems-scope-baseline", PLANNED),
    }
    # One calendar per published release, with only its own events.
    assert set(events(files[f"releases/{PLANNED}/calendar.ics"])) == {u for u in found if f"-{PLANNED}-" in u}
    assert set(files) == {"calendar.ics", f"releases/{IMPLEMENTED}/calendar.ics", f"releases/{PLANNED}/calendar.ics"}


def test_events_are_all_day(exported):
    _, files = exported
    for event in events(files["calendar.ics"]).values():
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date
        assert end == start + timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"


def test_status_tentative_for_expected_and_confirmed_for_actual(exported):
    _, files = exported
    found = events(files["calendar.ics"])
    assert found[uid("go-live", IMPLEMENTED)]["STATUS"] == "CONFIRMED"
    assert found[uid("go-live", PLANNED)]["STATUS"] == "TENTATIVE"
    assert found[uid("milestone-full-scope-baseline", PLANNED)]["STATUS"] == "TENTATIVE"
    assert found[uid("milestone-dcc-systems-scope-baseline", PLANNED)]["STATUS"] == "CONFIRMED"


def test_sequence_counts_the_moves_of_the_go_live_date(exported):
    _, files = exported
    found = events(files["calendar.ics"])
    assert found[uid("go-live", IMPLEMENTED)].decoded("SEQUENCE") == 1  # moved once, 7 to 29 November
    assert found[uid("go-live", PLANNED)].decoded("SEQUENCE") == 0


def test_stamps_come_from_the_build_not_the_clock(exported):
    _, files = exported
    for event in events(files["calendar.ics"]).values():
        assert event.decoded("DTSTAMP") == BUILT_AT
        assert event.decoded("LAST-MODIFIED") == BUILT_AT


def test_hostile_title_is_escaped_and_reads_back(exported):
    _, files = exported
    raw = files["calendar.ics"].decode("utf-8")
    assert "\\nsecond line" in raw and 'x"\\,"Click' in raw  # TEXT escapes: \n, \,, \;
    go_live = events(files["calendar.ics"])[uid("go-live", IMPLEMENTED)]
    assert str(go_live["SUMMARY"]) == f"{HOSTILE_RELEASE_TITLE}: go-live"
    assert str(go_live["URL"]) == f"https://example.org/test/releases/{IMPLEMENTED}/"
    # Every unfolded line is NAME[;PARAMS]:VALUE: the new line in the title did not start a line of its own.
    unfolded = raw.replace("\r\n ", "").rstrip("\r\n").split("\r\n")
    assert all(re.match(r"^[A-Z][A-Z0-9-]*(;[A-Z-]+=[^:;]+)*:", line) for line in unfolded)
    assert not any(line.startswith("second line") for line in unfolded)


def test_uids_survive_a_rebuild_reordered_milestones_and_moved_dates(exported, tmp_path):
    root, files = exported
    before = events(files["calendar.ics"])
    assert set(events(export(root, tmp_path / "again", "ics")["calendar.ics"])) == set(before)

    moved = implemented_release()
    moved["milestones"] = list(reversed(moved["milestones"]))
    moved["milestones"][0] = moved["milestones"][0] | {"date": "2019-11-18"}
    moved["date_changes"].append({"decided": "2019-11-20", "from": "2019-11-29", "to": "2019-12-05", "by": "Authority"})
    moved["go_live"] = "2019-12-05"
    moved["go_live_decision"] = moved["go_live_decision"] | {"date": "2019-12-01"}
    planned = planned_release()
    planned["milestones"] = list(reversed(planned["milestones"]))
    write_yaml(root / "data" / "releases" / f"{IMPLEMENTED}.yaml", moved)
    write_yaml(root / "data" / "releases" / f"{PLANNED}.yaml", planned)
    after = events(export(root, tmp_path / "moved", "ics")["calendar.ics"])

    assert set(after) == set(before)
    go_live = after[uid("go-live", IMPLEMENTED)]
    assert go_live.decoded("DTSTART") == date(2019, 12, 5)
    assert go_live.decoded("SEQUENCE") == 2  # it rose: calendars replace the event
    assert after[uid("milestone-regression-testing-final", IMPLEMENTED)].decoded("DTSTART") == date(2019, 11, 18)


def test_a_cancelled_release_cancels_its_expected_dates(tmp_path):
    cancelled = planned_release() | {"status": "cancelled"}
    root = write_export_project(tmp_path / "project", [cancelled, draft_release()])
    found = events(export(root, tmp_path / "out", "ics")["calendar.ics"])
    assert found[uid("go-live", PLANNED)]["STATUS"] == "CANCELLED"
    assert found[uid("milestone-full-scope-baseline", PLANNED)]["STATUS"] == "CANCELLED"
    assert found[uid("milestone-dcc-systems-scope-baseline", PLANNED)]["STATUS"] == "CONFIRMED"  # it happened
