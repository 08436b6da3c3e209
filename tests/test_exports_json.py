"""/data/*.json, read back with json and checked with jsonschema against the schemas published beside them."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.conftest import shared_fixture_scope
from tests.exports_support import (
    AT_MOD_TITLE, BUILT_AT, DRAFT_ONLY_MOD, HOSTILE_MOD_TITLE, HOSTILE_RELEASE_TITLE, IMPLEMENTED, PLANNED,
    export, write_export_project,
)
from tests.factory import RULEBOOK

NAMES = ("releases", "modifications", "compliance")


@pytest.fixture(scope=shared_fixture_scope)
def files(tmp_path_factory):
    root = write_export_project(tmp_path_factory.mktemp("json") / "project")
    return export(root, tmp_path_factory.mktemp("out"), "json")


def load(files, name):
    return json.loads(files[f"data/{name}.json"])


@pytest.mark.parametrize("name", NAMES)
def test_each_file_is_valid_against_its_published_schema(files, name):
    schema = json.loads(files[f"data/{name}.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load(files, name))]
    assert errors == []


@pytest.mark.parametrize("name", NAMES)
def test_the_schema_rejects_what_the_contract_forbids(files, name):
    schema = json.loads(files[f"data/{name}.schema.json"])
    data = load(files, name)
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({**data, "schema_version": 1}), "a version-1 reader's promise no longer holds"
    assert not validator.is_valid({**data, "schema_version": 3})
    missing = dict(data)
    del missing["generated_at"]
    assert not validator.is_valid(missing)  # every key is always present


@pytest.mark.parametrize("name", NAMES)
def test_header(files, name):
    data = load(files, name)
    assert data["schema_version"] == 2  # 2: decision_path, stage and dcc_systems_impact may be null
    assert data["generated_at"] == BUILT_AT.strftime("%Y-%m-%dT%H:%M:%SZ")  # from SOURCE_DATE_EPOCH
    assert data["licence"]["name"] == "Open Government Licence v3.0"


def test_releases(files):
    releases = load(files, "releases")["releases"]
    assert [r["id"] for r in releases] == [IMPLEMENTED, PLANNED]  # by go-live, no draft
    first = releases[0]
    assert first["url"] == "https://example.org/test/releases/2019-11/"
    assert first["calendar_url"] == "https://example.org/test/releases/2019-11/calendar.ics"
    assert first["implementation_document"]["url"] == "https://example.org/test/releases/2019-11/implementation-document/"
    assert first["date_changes"][0]["from"] == "2019-11-07"  # the record's name, not a Python one
    assert [m["id"] for m in first["modifications"]] == ["MP071", "MP073"]
    assert first["modifications"][1]["status"] == "removed"
    assert releases[1]["testing_approach"] is None and releases[1]["sec_version"] is None


def test_modifications_say_which_releases_carry_them(files):
    mods = {m["id"]: m for m in load(files, "modifications")["modifications"]}
    assert sorted(mods) == ["MP071", "MP073", "MP250"]  # MP999 is carried only by the draft
    assert DRAFT_ONLY_MOD not in mods
    assert [(r["release_id"], r["status"]) for r in mods["MP073"]["releases"]] == [(IMPLEMENTED, "removed")]
    assert mods["MP250"]["title"] == AT_MOD_TITLE


def test_compliance_has_one_result_per_requirement_and_release(files):
    requirements = yaml.safe_load(RULEBOOK.read_text())["requirements"]
    policy = [r["id"] for r in requirements if r["applies_to"] == "policy"]
    per_release = [r["id"] for r in requirements if r["applies_to"] != "policy"]
    data = load(files, "compliance")
    assert data["as_of"] == "2026-11-26"
    keys = [(r["release_id"], r["requirement_id"]) for r in data["results"]]
    assert keys == [(None, p) for p in policy] + [(rid, q) for rid in (IMPLEMENTED, PLANNED) for q in per_release]
    by_key = {(r["release_id"], r["requirement_id"]): r for r in data["results"]}
    timescales = by_key[(IMPLEMENTED, "d10-13-timescales")]
    assert timescales["status"] == "met" and timescales["clause"] == "D10.13(b)"
    assert {e["file"] for e in timescales["evidence"]} == {"data/releases/2019-11.yaml", "content/releases/2019-11/implementation-document.md"}
    not_due = by_key[(PLANNED, "d10-13-timescales")]
    assert not_due["status"] == "not-yet-due" and not_due["gaps"] and "baselined" in not_due["reason"]
    assert timescales["guide_url"] == "https://example.org/test/editors/#d10-13-timescales"


def test_hostile_text_is_escaped_and_reads_back_unchanged(files):
    raw = files["data/releases.json"].decode("utf-8")
    assert "<script>" not in raw and "\\u003cscript\\u003e" in raw  # safe to paste into an HTML page
    releases = load(files, "releases")["releases"]
    assert releases[0]["title"] == HOSTILE_RELEASE_TITLE
    assert releases[0]["modifications"][0]["title"] == HOSTILE_MOD_TITLE
    assert releases[0]["summary"] == "Summary with <script>alert(1)</script> and {{ braces }}."
