"""The calendars a subscriber adds: each SEC Party category's, the site's header lines, and event order.

In-process from a checked record (no site build), read back as a calendar app reads them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from icalendar import Calendar

from sec_release.core.check import check_project
from sec_release.core.project import config_from_options
from sec_release.exports.ical import ics_files
from sec_release.model.context import BuildInfo, SiteContext
from tests.factory import PARTIES, modification, write_project

AS_OF = date(2026, 11, 26)
BUILT_AT = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
SITE = "https://example.org/test/"


def planned(rid: str, go_live: str, mods: list[str], **overrides) -> dict:
    return {
        "id": rid,
        "title": f"Release {rid}",
        "status": "planned",
        "draft": False,
        "go_live": go_live,
        "dcc_systems_impact": True,
        "modifications": [{"id": m, "status": "targeted"} for m in mods],
        "milestones": [],
        "amendments": [{"date": "2026-10-16", "summary": "Release created."}],
    } | overrides


# DCC is affected by both releases, Large Suppliers by the second only, Small
# Suppliers by none: the modification naming them was removed from its release.
MODS = [
    modification("MP250", impacts=["dcc"]),
    modification("MP260", impacts=["large-suppliers", "dcc"]),
    modification("MP270", impacts=["small-suppliers"]),
]
FIRST = planned("2027-06", "2027-06-24", ["MP250"], milestones=[{"name": "Full scope baseline", "date": "2027-01-14", "state": "actual"}])
SECOND = planned("2027-11", "2027-11-04", ["MP260", "MP270"])
SECOND["modifications"][1]["status"] = "removed"


def files(tmp_path, releases=(FIRST, SECOND), mods=MODS, site_url=SITE) -> dict[str, bytes]:
    root = write_project(tmp_path / "p", list(releases), list(mods), parties=PARTIES)
    checked = check_project(config_from_options(root, "content", {}), AS_OF)
    assert not checked.record.problems, checked.record.problems
    ctx = SiteContext(checked.record, checked.evaluation, build=BuildInfo(built_at=BUILT_AT), site_url=site_url)
    out = {f.path: f.content for f in ics_files(ctx)}
    assert len(out) == len(ics_files(ctx)), "each calendar has its own path"
    return out


def head(content: bytes) -> list[str]:
    """The calendar's own lines (before its first event), unfolded."""
    lines = content.decode("utf-8").replace("\r\n ", "").split("\r\n")
    return lines[: lines.index("BEGIN:VEVENT")] if "BEGIN:VEVENT" in lines else lines[: lines.index("END:VCALENDAR")]


def uids(content: bytes) -> list[str]:
    return [str(e["UID"]) for e in Calendar.from_ical(content).walk("VEVENT")]


def test_each_party_category_has_a_calendar_at_its_own_address(tmp_path):
    assert sorted(files(tmp_path)) == [
        "calendar.ics",
        "parties/dcc/calendar.ics",
        "parties/large-suppliers/calendar.ics",
        "parties/small-suppliers/calendar.ics",
        "releases/2027-06/calendar.ics",
        "releases/2027-11/calendar.ics",
    ]


def test_a_party_calendar_holds_the_events_of_the_releases_affecting_it(tmp_path):
    out = files(tmp_path)
    assert uids(out["parties/dcc/calendar.ics"]) == [
        "sec-release-2027-06-milestone-full-scope-baseline@example.org",
        "sec-release-2027-06-go-live@example.org",
        "sec-release-2027-11-go-live@example.org",
    ]
    assert uids(out["parties/large-suppliers/calendar.ics"]) == ["sec-release-2027-11-go-live@example.org"]
    # Its events are the release's own, byte for byte.
    dcc = out["parties/dcc/calendar.ics"]
    assert out["releases/2027-11/calendar.ics"].split(b"BEGIN:VEVENT", 1)[1] in dcc


def test_a_change_removed_from_a_release_does_not_put_it_in_the_party_calendar(tmp_path):
    out = files(tmp_path)
    assert uids(out["parties/small-suppliers/calendar.ics"]) == []
    assert b"BEGIN:VEVENT" not in out["parties/small-suppliers/calendar.ics"]
    assert head(out["parties/small-suppliers/calendar.ics"])[7] == "NAME:SEC Releases affecting Small Suppliers"


def test_a_party_calendar_names_the_party_and_links_to_itself(tmp_path):
    assert head(files(tmp_path)["parties/large-suppliers/calendar.ics"]) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//sec-release//SEC Releases public record//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "DESCRIPTION:Go-live dates and milestones of the SEC Releases that carry changes affecting Large Suppliers.",
        "X-WR-CALDESC:Go-live dates and milestones of the SEC Releases that carry changes affecting Large Suppliers.",
        "NAME:SEC Releases affecting Large Suppliers",
        "X-WR-CALNAME:SEC Releases affecting Large Suppliers",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "SOURCE;VALUE=URI:https://example.org/test/parties/large-suppliers/calendar.ics",
        "X-PUBLISHED-TTL:P1D",
    ]


def test_calendar_apps_read_a_daily_refresh_and_the_source_as_an_address(tmp_path):
    site = Calendar.from_ical(files(tmp_path)["calendar.ics"])
    assert site["REFRESH-INTERVAL"].params == {"VALUE": "DURATION"}
    assert site["REFRESH-INTERVAL"].to_ical() == b"P1D"
    assert site["SOURCE"].params == {"VALUE": "URI"}
    assert str(site["SOURCE"]) == "https://example.org/test/calendar.ics"


def test_an_http_site_still_names_each_calendars_source(tmp_path):
    out = files(tmp_path, site_url="http://example.org/test/")
    assert head(out["releases/2027-06/calendar.ics"])[-2] == "SOURCE;VALUE=URI:http://example.org/test/releases/2027-06/calendar.ics"
    assert head(out["parties/dcc/calendar.ics"])[-2] == "SOURCE;VALUE=URI:http://example.org/test/parties/dcc/calendar.ics"


def test_events_on_the_same_day_are_in_uid_order_not_record_order(tmp_path):
    # The record lists 2027-11 before 2027-11-a (same go-live, then by id); their UIDs sort the other way.
    twin = planned("2027-11-a", "2027-11-04", ["MP260"])
    out = files(tmp_path, releases=(FIRST, SECOND, twin))
    assert uids(out["calendar.ics"]) == [
        "sec-release-2027-06-milestone-full-scope-baseline@example.org",
        "sec-release-2027-06-go-live@example.org",
        "sec-release-2027-11-a-go-live@example.org",
        "sec-release-2027-11-go-live@example.org",
    ]
    assert uids(out["parties/large-suppliers/calendar.ics"]) == [
        "sec-release-2027-11-a-go-live@example.org",
        "sec-release-2027-11-go-live@example.org",
    ]


def test_an_ad_hoc_release_says_it_is_outside_the_release_windows(tmp_path):
    ad_hoc = planned("2027-08-fix", "2027-08-12", ["MP250"], kind="ad-hoc", title="August 2027 fix")
    out = files(tmp_path, releases=(FIRST, ad_hoc))
    (go_live,) = Calendar.from_ical(out["releases/2027-08-fix/calendar.ics"]).walk("VEVENT")
    assert str(go_live["DESCRIPTION"]).split("\n\n")[0] == "August 2027 fix (planned, an implementation outside the release windows)."
    scheduled = Calendar.from_ical(out["releases/2027-06/calendar.ics"]).walk("VEVENT")[1]
    assert str(scheduled["UID"]) == "sec-release-2027-06-go-live@example.org"
    assert str(scheduled["DESCRIPTION"]).split("\n\n")[0] == "Release 2027-06 (planned)."


def test_what_a_calendar_app_reads_in_a_go_live_event(tmp_path):
    event = files(tmp_path)["releases/2027-11/calendar.ics"].decode("utf-8").split("BEGIN:VEVENT\r\n", 1)[1]
    assert event.replace("\r\n ", "").split("\r\n") == [
        "SUMMARY:Release 2027-11: go-live",
        "DTSTART;VALUE=DATE:20271104",
        "DTEND;VALUE=DATE:20271105",
        "DTSTAMP:20261120T093000Z",
        "UID:sec-release-2027-11-go-live@example.org",
        "SEQUENCE:0",
        "DESCRIPTION:Release 2027-11 (planned).\\n\\nWho is impacted: Large Suppliers\\, DCC.\\n\\nhttps://example.org/test/releases/2027-11/",
        "LAST-MODIFIED:20261120T093000Z",
        "STATUS:TENTATIVE",
        "TRANSP:TRANSPARENT",
        "URL:https://example.org/test/releases/2027-11/",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
