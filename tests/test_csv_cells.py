"""/data/releases.csv and /data/compliance.csv cell by cell: computed columns, impacts, waivers, formula-safe text.

In-process from a small record, no build: the rows a spreadsheet user opens.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sec_release.core.check import check_project
from sec_release.core.project import config_from_options
from sec_release.exports.csv_export import csv_files, neutralise
from sec_release.model.context import SiteContext
from tests.factory import PARTIES, complete_release, modification, write_project

HEADER = (
    "release_id,release_title,release_status,go_live,sec_version,release_dcc_systems_impact,release_url,modification_id,"
    "modification_title,modification_status_in_release,part,note,decision_path,modification_stage,modification_dcc_systems_impact,"
    "modification_url,release_kind,rest_in,other_parts,added,added_by_exception,removed_on,impacts_recorded,impacts,release_sources"
)
NOVEMBER = "2019-11,Release 2019-11,implemented,2019-11-29,6.21,true,https://example.org/test/releases/2019-11/"
FEBRUARY = "2020-02,Release 2020-02,implemented,2020-02-27,6.21,true,https://example.org/test/releases/2020-02/"
MOD = "implemented,,,self-governance,implemented,true,,scheduled,,"


@pytest.mark.parametrize("value, cell", [
    (None, ""),
    (True, "true"),
    (False, "false"),
    (0, "0"),
    ("", ""),
    (date(2019, 11, 29), "2019-11-29"),
    (datetime(2019, 11, 29, 9, 30, tzinfo=timezone.utc), "2019-11-29T09:30:00+00:00"),
    ("Plain text", "Plain text"),
    ("=SUM(A1)", "'=SUM(A1)"),
    ("+1", "'+1"),
    ("-2", "'-2"),
    ("@cmd", "'@cmd"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("a=b", "a=b"),
])
def test_a_cell_is_the_records_text_and_a_would_be_formula_is_quoted(value, cell):
    assert neutralise(value) == cell


@pytest.fixture
def csv(tmp_path):
    november = complete_release(
        "2019-11", "2019-11-29",
        modifications=[
            {"id": "MP071", "status": "implemented"},
            {"id": "MP072", "status": "implemented", "added": "2019-07-01"},
            {"id": "MP073", "status": "implemented"},
        ],
        baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP073"]}],
    )
    february = complete_release(
        "2020-02", "2020-02-27",
        modifications=[{"id": "MP074", "status": "implemented"}],
        waivers=[
            {"requirement": "d10-8-release-post-go-live-review", "decided": "2020-03-02", "by": "Panel", "reason": "Covered by the *next* review."},
            {"requirement": "d10-8d-release-cost-review", "decided": "2020-01-02", "by": "Panel", "reason": "Not needed."},
        ],
    )
    february.pop("post_go_live_review")
    mods = [
        modification("MP071", impacts=["dcc", "large-suppliers"]),
        modification("MP072", impacts=[]),
        modification("MP073"),
        modification("MP074", impacts=["dcc"]),
    ]
    root = write_project(tmp_path / "p", [november, february], mods, parties=PARTIES)
    checked = check_project(config_from_options(root, "content", {}), date(2026, 11, 26))
    assert not checked.record.problems, checked.record.problems
    ctx = SiteContext(checked.record, checked.evaluation, site_url="https://example.org/test/")
    return {f.path: f.content for f in csv_files(ctx)}


def test_releases_csv_says_who_is_impacted_and_what_came_in_after_the_baseline(csv):
    assert list(csv) == ["data/releases.csv", "data/compliance.csv"]
    assert csv["data/releases.csv"].decode().split("\r\n") == [
        HEADER,
        # In the full-scope baseline: not by exception. Impacts by label, in the record's order.
        f"{NOVEMBER},MP071,Modification MP071,{MOD},,false,,true,DCC | Large Suppliers,",
        # Added after the baseline froze the scope; the record says it impacts no SEC Party.
        f"{NOVEMBER},MP072,Modification MP072,{MOD},2019-07-01,true,,true,none,",
        # The record does not say whom it impacts.
        f"{NOVEMBER},MP073,Modification MP073,{MOD},,false,,false,,",
        # No baseline lists what it froze: by exception is unknown.
        f"{FEBRUARY},MP074,Modification MP074,{MOD},,,,true,DCC,",
        "",
    ]


def test_compliance_csv_gives_a_waiver_only_where_the_requirement_was_waived(csv):
    rows = [line for line in csv["data/compliance.csv"].decode().split("\r\n") if line.startswith("2020-02,d10-8")]
    assert rows == [
        # Waived, but met all the same: no waiver columns.
        "2020-02,d10-8d-release-cost-review,D10.8(d),The Panel's review of the release's costs is recorded.,error,met,2019-12-29,,cost_review: recorded 2019-06-14,,,,",
        "2020-02,d10-8e-release-go-live-decision,D10.8(e),The Panel's go-live decision for the release is recorded.,error,met,,,go_live_decision: recorded 2019-11-22,,,,",
        "2020-02,d10-8-release-post-go-live-review,D10.8,The post go-live review of the release is recorded.,error,waived,2020-05-27,,,post_go_live_review is not recorded,2020-03-02,Panel,Covered by the *next* review.",
    ]
