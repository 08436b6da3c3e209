"""/calendar.ics and /releases/<id>/calendar.ics, read back with icalendar."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from tests.conftest import shared_fixture_scope
from tests.exports_support import (
    BUILT_AT, HOSTILE_RELEASE_TITLE, IMPLEMENTED, PLANNED, draft_release, export, implemented_release, planned_release,
    write_export_project,
)
from tests.factory import complete_release, write_yaml


def events(content: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(content)
    found = calendar.walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found), "UIDs must be unique"
    return by_uid


def uid(kind: str, release: str) -> str:
    return f"sec-release-{release}-{kind}@example.org"


@pytest.fixture(scope=shared_fixture_scope)
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


def test_only_an_implemented_release_has_a_confirmed_go_live(tmp_path):
    # Baselined means the plan is fixed, not that the release went live: still tentative.
    baselined = complete_release(PLANNED, "2027-11-04", status="baselined", milestones=[
        {"name": "Full scope baseline", "date": "2027-05-14", "state": "expected"},
        {"name": "DCC Systems scope baseline", "date": "2026-11-11", "state": "actual"},
    ])
    for later in ("go_live_decision", "post_go_live_review"):
        del baselined[later]
    root = write_export_project(tmp_path / "project", [implemented_release(), baselined])
    found = events(export(root, tmp_path / "out", "ics")["calendar.ics"])
    assert found[uid("go-live", PLANNED)]["STATUS"] == "TENTATIVE"
    assert found[uid("go-live", IMPLEMENTED)]["STATUS"] == "CONFIRMED"
    # A baselined release's milestones keep their own state.
    assert found[uid("milestone-full-scope-baseline", PLANNED)]["STATUS"] == "TENTATIVE"
    assert found[uid("milestone-dcc-systems-scope-baseline", PLANNED)]["STATUS"] == "CONFIRMED"


def test_two_milestones_with_the_same_name_are_two_events(tmp_path):
    repeated = planned_release() | {"milestones": [
        {"name": "Readiness review", "date": "2027-03-01", "state": "expected"},
        {"name": "Readiness review", "date": "2027-06-01", "state": "expected"},
    ]}
    root = write_export_project(tmp_path / "project", [implemented_release(), repeated])
    found = events(export(root, tmp_path / "out", "ics")[f"releases/{PLANNED}/calendar.ics"])
    reviews = {key: event.decoded("DTSTART") for key, event in found.items() if "readiness-review" in key}
    assert reviews == {
        uid("milestone-readiness-review", PLANNED): date(2027, 3, 1),
        uid("milestone-readiness-review-2", PLANNED): date(2027, 6, 1),
    }


def test_what_a_subscriber_reads_in_each_event(exported):
    _, files = exported
    found = events(files[f"releases/{IMPLEMENTED}/calendar.ics"])
    go_live = found[uid("go-live", IMPLEMENTED)]
    url = f"https://example.org/test/releases/{IMPLEMENTED}/"
    assert str(go_live["DESCRIPTION"]) == "\n\n".join([
        f"{HOSTILE_RELEASE_TITLE} (implemented).",
        "Summary with <script>alert(1)</script> and {{ braces }}.",
        "Who is impacted: not recorded.",
        "Date decisions: the Authority moved go-live on 8 October 2019 from 7 November 2019 to 29 November 2019.",
        url,
    ])
    assert (go_live.decoded("DTSTART"), str(go_live["TRANSP"])) == (date(2019, 11, 29), "TRANSPARENT")
    milestone = found[uid("milestone-system-integration-testing-complete", IMPLEMENTED)]
    assert str(milestone["SUMMARY"]) == f"{HOSTILE_RELEASE_TITLE}: System Integration Testing complete"
    assert str(milestone["DESCRIPTION"]) == f"System Integration Testing complete, a milestone of the {HOSTILE_RELEASE_TITLE}: the actual date.\n\n{url}"
    assert milestone.decoded("SEQUENCE") == 0
    planned = events(files["calendar.ics"])[uid("milestone-full-scope-baseline", PLANNED)]
    assert str(planned["DESCRIPTION"]).startswith("Full scope baseline, a milestone of the November 2027 SEC Release: an expected date; it may move.")


def test_each_calendar_names_itself(exported):
    _, files = exported
    site = Calendar.from_ical(files["calendar.ics"])
    assert (str(site["X-WR-CALNAME"]), str(site["NAME"])) == ("SEC Releases", "SEC Releases")
    assert str(site["X-WR-CALDESC"]) == "Go-live dates and milestones of every SEC Release on the public record."
    assert str(site["SOURCE"]) == "https://example.org/test/calendar.ics"
    assert (str(site["METHOD"]), str(site["CALSCALE"]), str(site["VERSION"])) == ("PUBLISH", "GREGORIAN", "2.0")
    assert str(site["PRODID"]) == "-//sec-release//SEC Releases public record//EN"
    assert site.decoded("REFRESH-INTERVAL") == timedelta(days=1) and str(site["X-PUBLISHED-TTL"]) == "P1D"
    one = Calendar.from_ical(files[f"releases/{PLANNED}/calendar.ics"])
    assert str(one["X-WR-CALNAME"]) == "November 2027 SEC Release"
    assert str(one["DESCRIPTION"]) == "Go-live date and milestones of the November 2027 SEC Release."
    assert str(one["SOURCE"]) == f"https://example.org/test/releases/{PLANNED}/calendar.ics"
    # Events in date order, so the bytes do not depend on the order of the record's lists.
    starts = [e.decoded("DTSTART") for e in Calendar.from_ical(files["calendar.ics"]).walk("VEVENT")]
    assert starts == sorted(starts)


def test_a_rejected_or_empty_date_change_does_not_count_as_a_move(tmp_path):
    release = implemented_release()
    release["date_changes"] = [
        {"from": "2019-11-07", "to": "2019-11-29", "by": "Authority"},
        {"from": "2019-11-29", "to": "2019-12-05", "by": "Panel", "outcome": "rejected"},
        {"from": "2019-11-29", "to": "2019-11-29", "by": "Panel"},
    ]
    root = write_export_project(tmp_path / "project", [release, planned_release()])
    found = events(export(root, tmp_path / "out", "ics")["calendar.ics"])
    assert found[uid("go-live", IMPLEMENTED)].decoded("SEQUENCE") == 1


def test_a_milestone_named_only_in_symbols_still_gets_a_uid(tmp_path):
    odd = planned_release() | {"milestones": [{"name": "–", "date": "2027-03-01", "state": "expected"}]}
    root = write_export_project(tmp_path / "project", [implemented_release(), odd])
    found = events(export(root, tmp_path / "out", "ics")[f"releases/{PLANNED}/calendar.ics"])
    assert uid("milestone-milestone", PLANNED) in found


def test_without_a_site_url_uids_use_a_reserved_domain_and_nothing_links_out(tmp_path):
    root = write_export_project(tmp_path / "project", [implemented_release(), planned_release()])
    config = root / "mkdocs.yml"
    config.write_text("".join(line for line in config.read_text().splitlines(keepends=True) if not line.startswith("site_url:")))
    files = export(root, tmp_path / "out", "ics")
    found = events(files["calendar.ics"])
    assert f"sec-release-{PLANNED}-go-live@sec-release.invalid" in found
    assert all("URL" not in event for event in found.values())
    assert "SOURCE" not in Calendar.from_ical(files["calendar.ics"])


def test_an_http_site_still_links_each_event(tmp_path):
    release = implemented_release()
    release["date_changes"] = [
        {"from": "2019-11-07", "to": "2019-11-21", "by": "Panel"},
        {"from": "2019-11-21", "to": "2019-11-29", "by": "Authority"},
    ]
    root = write_export_project(tmp_path / "project", [release, planned_release()])
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/test/", "site_url: http://example.org/test/"))
    go_live = events(export(root, tmp_path / "out", "ics")["calendar.ics"])[uid("go-live", IMPLEMENTED)]
    assert str(go_live["URL"]) == f"http://example.org/test/releases/{IMPLEMENTED}/"
    assert "Date decisions: the Panel moved go-live from 7 November 2019 to 21 November 2019; the Authority moved go-live from 21 November 2019 to 29 November 2019." in str(go_live["DESCRIPTION"])
    assert go_live.decoded("SEQUENCE") == 2
