"""The computed facts reach the pages, the JSON, the CSV, the calendars and the feed.

A small record built here: a modification split over two releases (rest_in
written on one side only), one added after the full-scope baseline froze the
release without it, one removed on a recorded date, a two-step date change
(a window, then the day fixed within it), and impacts recorded, absent and
empty.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from tests.exports_support import export
from tests.factory import PARTIES, complete_release, modification, write_project
from tests.test_site_support import Site, build_site, listed, text

JUNE = complete_release(
    "2022-06", "2022-06-30",
    modifications=[
        {"id": "MP071", "status": "implemented", "part": "document changes", "rest_in": ["2022-11"]},
        {"id": "MP072", "status": "implemented"},
        {"id": "MP073", "status": "removed", "removed": "2022-03-18"},
        {"id": "MP074", "status": "implemented", "added": "2022-02-01"},
    ],
    baselines=[{"scope": "full", "date": "2021-12-17", "modifications": ["MP071", "MP072", "MP073"]}],
    date_changes=[
        {"requested": "2022-04-01", "decided": "2022-04-08", "from": "2022-06-23", "to": "2022-06-27",
         "window": {"earliest": "2022-06-27", "latest": "2022-07-01"}, "by": "Authority", "reason": "More time."},
        {"decided": "2022-04-30", "from": "2022-06-27", "to": "2022-06-30", "by": "Panel"},
    ],
    sources=["https://example.org/june-2022/"],
)
NOVEMBER = complete_release("2022-11", "2022-11-03", modifications=[{"id": "MP071", "status": "implemented", "part": "system changes"}])
MODS = [
    modification("MP071", impacts=["large-suppliers", "dcc"], history=[{"date": "2020-01-10", "event": "raised", "by": "Proposer"}]),
    modification("MP072", impacts=[]),
    modification("MP073"),
    modification("MP074", impacts=["small-suppliers"]),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("facts") / "p", [JUNE, NOVEMBER], MODS, parties=PARTIES)


@pytest.fixture(scope="module")
def site(project):
    return Site(build_site(project))


def plain(element) -> str:
    """The element's text as a reader reads it: inline tags joined without spaces, inline list items with commas."""
    element = copy.copy(element)
    for items in element.select("ul.sec-inline-list"):
        items.replace_with(listed(items))
    return " ".join(element.get_text("").split())


def _content_rows(art):
    header = [text(th) for th in art.select("table.sec-content thead th")]
    return {text(r.th): dict(zip(header[1:], (plain(td) for td in r.find_all("td")))) for r in art.select("table.sec-content tbody tr")}


def test_release_page_shows_exceptions_splits_removals_and_impacts(site):
    rows = _content_rows(site.article("releases/2022-06/"))
    assert "Added by exception: after the full scope was baselined on 17 December 2021, on 1 February 2022." in rows["MP074"]["Status in this release"]
    assert "Added by exception" not in rows["MP072"]["Status in this release"]
    assert rows["MP073"]["Status in this release"] == "Removed from scope on 18 March 2022"
    assert "The rest went live in the Release 2022-11 (system changes)." in rows["MP071"]["Title"]
    assert rows["MP071"]["Who is impacted"] == "Large Suppliers, DCC"
    assert rows["MP072"]["Who is impacted"] == "No SEC Party"
    assert rows["MP073"]["Who is impacted"] == "Not recorded"


def test_the_other_release_of_a_split_modification_links_back_without_being_told(site):
    rows = _content_rows(site.article("releases/2022-11/"))
    assert "An earlier part went live in the Release 2022-06 (document changes)." in rows["MP071"]["Title"]


def test_release_head_sums_up_who_is_impacted(site):
    art = site.article("releases/2022-06/")
    facts = {text(dt): plain(dt.find_next_sibling("dd")) for dt in art.select(".sec-release-head dl dt")}
    assert facts["Who is impacted"] == "Large Suppliers, Small Suppliers, DCC"
    assert facts["Kind"] == "Scheduled SEC Release"


def test_each_step_of_the_date_change_shows_its_window(site):
    art = site.article("releases/2022-06/")
    table = next(t for t in art.select("table") if text(t.caption).startswith("Decisions on the go-live date"))
    rows = [[plain(c) for c in r.find_all(["th", "td"])] for r in table.select("tbody tr")]
    assert rows[0][:4] == ["Step 1", "8 April 2022requested 1 April 2022", "from 23 June 2022to 27 June 2022within a window of 27 June 2022 to 1 July 2022", "Authority"]
    assert rows[1][:4] == ["Step 2", "30 April 2022", "from 27 June 2022to 30 June 2022the day fixed within the window of 27 June 2022 to 1 July 2022", "Panel"]
    timeline = site.article("timeline/")
    moved = [plain(r) for r in timeline.select("tr.sec-moved-row")]
    assert any("the Authority approved a window to 1 July 2022" in m for m in moved)
    assert any("the Panel fixed the day within the window" in m for m in moved)


def test_a_modification_page_shows_its_whole_life(site):
    art = site.article("modifications/MP071/")
    life = next(t for t in art.select("table") if "by date" in text(t.caption))
    rows = [(plain(r.td), plain(r.th)) for r in life.select("tbody tr")]
    assert rows == [
        ("10 January 2020", "Raised: Proposer"),
        ("17 December 2021", "Frozen in the full scope baseline of the Release 2022-06"),
        ("30 June 2022", "Went live in the Release 2022-06 (document changes)"),
        ("3 November 2022", "Went live in the Release 2022-11 (system changes)"),
    ]
    removed = site.article("modifications/MP073/")
    assert "Removed from the scope of the Release 2022-06" in plain(removed)
    added = site.article("modifications/MP074/")
    assert "Added to the Release 2022-06 by exception, after its full scope was baselined on 17 December 2021" in plain(added)


def test_the_register_shows_impacts_and_exceptions(site):
    art = site.article("modifications/")
    rows = {text(r.th): [plain(td) for td in r.find_all("td")] for r in art.select("table.sec-register tbody tr")}
    assert rows["MP072"][3] == "No SEC Party" and rows["MP073"][3] == "Not recorded"
    assert "added by exception" in rows["MP074"][4]
    assert "removed on 18 March 2022" in rows["MP073"][4]


@pytest.fixture(scope="module")
def files(project, tmp_path_factory):
    return export(project, tmp_path_factory.mktemp("out"), "all")


def test_the_json_carries_the_computed_facts(files):
    releases = {r["id"]: r for r in json.loads(files["data/releases.json"])["releases"]}
    june = releases["2022-06"]["computed"]
    assert june["added_by_exception"] == ["MP074"]
    assert june["other_parts"] == [{"modification_id": "MP071", "part": "document changes", "release_id": "2022-11", "release_part": "system changes", "later": True}]
    assert [s["fixes_day_within"] for s in june["date_steps"]] == [None, {"earliest": "2022-06-27", "latest": "2022-07-01"}]
    assert {i["party"]: i["modifications"] for i in june["impacted"]} == {"large-suppliers": ["MP071"], "small-suppliers": ["MP074"], "dcc": ["MP071"]}
    assert june["impacts_not_recorded"] == []  # MP073 is removed, so not counted
    assert releases["2022-11"]["computed"]["other_parts"][0]["later"] is False
    mods = {m["id"]: m for m in json.loads(files["data/modifications.json"])["modifications"]}
    assert mods["MP072"]["impacts"] == [] and mods["MP073"]["impacts"] is None
    assert [e["kind"] for e in mods["MP071"]["computed"]["life"]] == ["history", "baselined", "implemented", "implemented"]


def test_the_csv_carries_them(files):
    rows = {(r["release_id"], r["modification_id"]): r for r in csv.DictReader(io.StringIO(files["data/releases.csv"].decode("utf-8")))}
    assert rows[("2022-06", "MP074")]["added_by_exception"] == "true"
    assert rows[("2022-06", "MP072")]["added_by_exception"] == "false"
    assert rows[("2022-11", "MP071")]["added_by_exception"] == ""  # no baseline says what it froze
    assert rows[("2022-06", "MP071")]["rest_in"] == "2022-11" and rows[("2022-11", "MP071")]["other_parts"] == "2022-06"
    assert rows[("2022-06", "MP073")]["removed_on"] == "2022-03-18"
    assert (rows[("2022-06", "MP072")]["impacts"], rows[("2022-06", "MP072")]["impacts_recorded"]) == ("none", "true")
    assert (rows[("2022-06", "MP073")]["impacts"], rows[("2022-06", "MP073")]["impacts_recorded"]) == ("", "false")
    assert rows[("2022-06", "MP071")]["impacts"] == "Large Suppliers | DCC"


def test_calendars_and_feed_carry_them(files):
    from icalendar import Calendar

    calendar = Calendar.from_ical(files["releases/2022-06/calendar.ics"])
    go_live = next(e for e in calendar.walk("VEVENT") if str(e["summary"]).endswith("go-live"))
    description = str(go_live["description"])
    assert "Who is impacted: Large Suppliers, Small Suppliers, DCC." in description
    assert "the Authority approved on 8 April 2022 a go-live between 27 June 2022 and 1 July 2022" in description
    assert "the Panel fixed the day on 30 April 2022 within that window: 30 June 2022" in description
    feed = files["feed.xml"].decode("utf-8")
    assert "go-live to fall between 27 June 2022 and 1 July 2022" in feed
    assert "go-live fixed at 30 June 2022 within the window" in feed
