"""/data/releases.csv and /data/compliance.csv, read back with the csv module."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sec_release.exports.csv_export import COMPLIANCE_COLUMNS, RELEASE_COLUMNS, neutralise
from tests.conftest import shared_fixture_scope
from tests.exports_support import (
    AT_MOD_TITLE, DASH_NOTE, HOSTILE_MOD_TITLE, HOSTILE_RELEASE_TITLE, IMPLEMENTED, PLANNED, export, planned_release,
    write_export_project,
)


@pytest.fixture(scope=shared_fixture_scope)
def files(tmp_path_factory):
    root = write_export_project(tmp_path_factory.mktemp("csv") / "project")
    out = tmp_path_factory.mktemp("out")
    export(root, out, "json")
    return export(root, out, "csv")


def rows(files, name) -> list[dict]:
    content = files[f"data/{name}.csv"]
    assert content.endswith(b"\r\n")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value, cell", [("plain", "plain"), (None, ""), (True, "true"), (6, "6"), ("a=b", "a=b"), (" =x", " =x")])
def test_other_cells_are_left_alone(value, cell):
    assert neutralise(value) == cell


def test_one_row_per_release_and_modification(files):
    table = rows(files, "releases")
    assert list(table[0]) == [c.name for c in RELEASE_COLUMNS]
    assert [(r["release_id"], r["modification_id"]) for r in table] == [(IMPLEMENTED, "MP071"), (IMPLEMENTED, "MP073"), (PLANNED, "MP250")]
    removed = table[1]
    assert removed["modification_status_in_release"] == "removed"
    assert removed["go_live"] == "2019-11-29" and removed["release_dcc_systems_impact"] == "true"


def test_hostile_text_reads_back_as_text_and_never_as_a_formula(files):
    table = rows(files, "releases")
    # The title with commas, quotes and a new line is one cell, with a quote in front of its "=".
    assert table[0]["release_title"] == "'" + HOSTILE_RELEASE_TITLE
    assert table[0]["modification_title"] == "'" + HOSTILE_MOD_TITLE
    assert table[1]["note"] == "'" + DASH_NOTE
    assert table[2]["modification_title"] == "'" + AT_MOD_TITLE
    for row in table:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


def test_compliance_rows_match_compliance_json(files):
    table = rows(files, "compliance")
    assert list(table[0]) == [c.name for c in COMPLIANCE_COLUMNS]
    results = json.loads(files["data/compliance.json"])["results"]
    assert [(r["release_id"] or "", r["requirement_id"], r["status"]) for r in results] == [
        (r["release_id"], r["requirement_id"], r["status"]) for r in table
    ]


def test_a_release_without_modifications_still_has_a_row(tmp_path):
    release = planned_release() | {"modifications": [], "draft": False}
    root = write_export_project(tmp_path / "project", [release])
    # A planned release with no content is an error in production: make it a waived requirement instead.
    (root / "data" / "releases" / f"{PLANNED}.yaml").write_text(
        (root / "data" / "releases" / f"{PLANNED}.yaml").read_text()
        + "waivers:\n  - requirement: d10-7-release-content\n    decided: 2026-10-01\n    by: Panel\n    reason: Scope not yet known.\n",
        encoding="utf-8",
    )
    exported = export(root, tmp_path / "out", "csv")
    assert [(r["release_id"], r["modification_id"]) for r in rows(exported, "releases")] == [(PLANNED, "")]
    compliance = {r["requirement_id"]: r for r in rows(exported, "compliance") if r["release_id"]}
    waived = compliance["d10-7-release-content"]
    assert (waived["status"], waived["waiver_by"], waived["waiver_reason"]) == ("waived", "Panel", "Scope not yet known.")
