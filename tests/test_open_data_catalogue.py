"""What the /data/ page and the record format page say each file holds: field tables, types in words, CSV columns.

In-process, no build: the catalogue is read from the same schemas and column
declarations that write the files, so these tests pin the words readers see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

import pytest
import yaml
from pydantic import BaseModel, Field

from sec_release.core.project import config_from_options
from sec_release.core.rulebook import Rulebook
from sec_release.exports.catalogue import model_fields, open_data, record_format, schema_fields
from sec_release.model.open_data import ColumnInfo, FieldRow, FormatField
from tests.factory import RULEBOOK


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return Rulebook.model_validate(yaml.safe_load(RULEBOOK.read_text(encoding="utf-8")))


def rows(schema: dict) -> list[tuple[str, str, str]]:
    return [(r.path, r.type, r.description) for r in schema_fields(schema)]


# --- types in words, from a JSON Schema ----------------------------------------------


def test_each_json_type_is_named_in_words():
    schema = {"properties": {
        "a": {"type": "string", "description": "A text."},
        "b": {"type": "integer"},
        "c": {"type": "boolean"},
        "d": {},
        "e": {"type": "number"},
        "f": {"type": "string", "format": "date"},
        "g": {"type": "string", "format": "date-time"},
        "h": {"type": "string", "format": "email"},
        "i": {"type": "integer", "format": "date"},
    }}
    assert rows(schema) == [
        ("a", "text", "A text."),
        ("b", "whole number", ""),
        ("c", "true or false", ""),
        ("d", "any", ""),
        ("e", "number", ""),
        ("f", "date (YYYY-MM-DD)", ""),
        ("g", "date-time (UTC)", ""),
        ("h", "text", ""),
        ("i", "whole number", ""),
    ]


def test_a_constant_and_a_choice_are_spelt_out():
    schema = {"properties": {
        "version": {"const": 2, "type": "integer"},
        "status": {"enum": ["planned", "implemented", 3], "type": "string"},
    }}
    assert rows(schema) == [("version", "always 2", ""), ("status", "one of: planned, implemented, 3", "")]


def test_a_nullable_field_says_or_null_and_a_union_lists_its_types():
    schema = {"properties": {
        "maybe_date": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        "either_or_none": {"anyOf": [{"type": "integer"}, {"type": "null"}, {"type": "boolean"}]},
        "null_first": {"anyOf": [{"type": "null"}, {"type": "boolean"}]},
    }}
    assert rows(schema) == [
        ("maybe_date", "date (YYYY-MM-DD) or null", ""),
        ("either", "text or whole number", ""),
        ("either_or_none", "whole number or true or false or null", ""),
        ("null_first", "true or false or null", ""),
    ]


def test_nested_objects_and_lists_become_dotted_paths_with_descriptions_from_either_side_of_a_ref():
    schema = {
        "properties": {
            "owner": {"$ref": "#/$defs/Owner"},
            "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}, "description": "The items."},
            "maybe_owner": {"anyOf": [{"$ref": "#/$defs/Owner"}, {"type": "null"}], "description": "Perhaps."},
            "tags": {"type": "array", "items": {"type": "string"}},
            "anything": {"type": "array"},
            "choice": {"anyOf": [{"$ref": "#/$defs/Owner"}, {"$ref": "#/$defs/Item"}]},
        },
        "$defs": {
            "Owner": {"type": "object", "description": "Who owns it.", "properties": {"name": {"type": "string", "description": "Their name."}}},
            "Item": {"properties": {"when": {"type": "string", "format": "date"}, "parts": {"type": "array", "items": {"$ref": "#/$defs/Owner"}}}},
        },
    }
    assert rows(schema) == [
        ("owner", "object", "Who owns it."),
        ("owner.name", "text", "Their name."),
        ("items", "list of object", "The items."),
        ("items[].when", "date (YYYY-MM-DD)", ""),
        ("items[].parts", "list of object", ""),
        ("items[].parts[].name", "text", "Their name."),
        ("maybe_owner", "object or null", "Perhaps."),
        ("maybe_owner.name", "text", "Their name."),
        ("tags", "list of text", ""),
        ("anything", "list of any", ""),
        ("choice", "object or object", ""),
    ]


def test_a_schema_without_properties_has_no_fields():
    assert schema_fields({"type": "object"}) == []


# --- the /data/ page ---------------------------------------------------------------


def test_the_data_page_describes_the_three_json_files_naming_the_rulebooks_code(rulebook):
    files = open_data(rulebook).json_files
    assert [(f.key, f.description) for f in files] == [
        ("releases", "Every published release: status, dates, content, milestones, date changes, documents, the Panel's decisions and the change log."),
        ("modifications", "Every published Modification Proposal, with the releases that carry it."),
        ("compliance", "Every result of the check against Section D10: per requirement for the Policy, and per release x requirement, with the evidence and the gaps."),
    ]


def test_without_a_rulebook_the_compliance_file_is_checked_against_the_rulebook():
    assert open_data(None).json_files[2].description == (
        "Every result of the check against the rulebook: per requirement for the Policy, and per release x requirement, with the evidence and the gaps."
    )


def test_every_json_file_starts_with_its_header_fields(rulebook):
    header = [
        FieldRow("schema_version", "always 2", "The version of this file's shape. It rises only when a field is renamed or removed or changes meaning; new fields may appear without a change."),
        FieldRow("generated_at", "date-time (UTC)", "When the site was built (UTC), from the commit, not the wall clock."),
        FieldRow("licence", "object", "Reuse terms."),
        FieldRow("licence.name", "text", "The licence under which the data may be reused."),
        FieldRow("licence.url", "text", "Where the licence terms are published."),
    ]
    for info in open_data(rulebook).json_files:
        assert list(info.fields[:5]) == header


def test_the_releases_table_lists_release_fields_as_list_paths(rulebook):
    releases = open_data(rulebook).json_files[0].fields
    assert list(releases[5:9]) == [
        FieldRow("releases", "list of object", "Every published release, by go-live date."),
        FieldRow("releases[].id", "text", "The release id, YYYY-MM with an optional suffix, e.g. 2019-11 or 2023-11-minor. Stable: used in URLs."),
        FieldRow("releases[].title", "text", 'The release\'s name, e.g. "November 2019 SEC Release".'),
        FieldRow("releases[].kind", "one of: scheduled, ad-hoc", "scheduled: a SEC Release in the release windows; ad-hoc: an implementation outside them."),
    ]


def test_the_releases_table_names_the_clauses_a_field_satisfies(rulebook):
    releases = {f.path: f for f in open_data(rulebook).json_files[0].fields}
    assert releases["releases[].milestones"] == FieldRow("releases[].milestones", "list of object", "The release's timescales (D10.13(b)).")


def test_the_compliance_table_names_its_nullable_and_choice_fields(rulebook):
    compliance = open_data(rulebook).json_files[2].fields
    assert list(compliance[5:8]) == [
        FieldRow("as_of", "date (YYYY-MM-DD)", "The date the record was checked as of: whether a requirement is due depends on it."),
        FieldRow("results", "list of object", "One result per requirement for the Policy (release_id null) and per release x requirement, Policy first, then releases by go-live date, each in rulebook order."),
        FieldRow("results[].release_id", "text or null", "The release, or null for a requirement on the SEC Release Management Policy."),
    ]


def test_the_data_page_lists_both_csv_files_and_their_columns_in_file_order(rulebook):
    files = open_data(rulebook).csv_files
    assert [(f.key, f.description) for f in files] == [
        ("releases", "One row per release x modification (a release without modifications has one row with the modification columns empty), by go-live date, then in the order the release lists them."),
        ("compliance", "One row per requirement for the Policy and per release x requirement, as in compliance.json."),
    ]
    assert [c.name for c in files[0].columns] == [
        "release_id", "release_title", "release_status", "go_live", "sec_version", "release_dcc_systems_impact", "release_url",
        "modification_id", "modification_title", "modification_status_in_release", "part", "note", "decision_path",
        "modification_stage", "modification_dcc_systems_impact", "modification_url", "release_kind", "rest_in", "other_parts",
        "added", "added_by_exception", "removed_on", "impacts_recorded", "impacts", "release_sources",
    ]
    assert [c.name for c in files[1].columns] == [
        "release_id", "requirement_id", "clause", "title", "severity", "status", "due_on", "reason", "evidence", "gaps",
        "waiver_decided", "waiver_by", "waiver_reason",
    ]
    assert files[0].columns[:3] == (
        ColumnInfo("release_id", "The release id, e.g. 2019-11."),
        ColumnInfo("release_title", "The release's name."),
        ColumnInfo("release_status", "planned, baselined, implemented or cancelled."),
    )


def test_the_data_page_gives_the_schema_version_its_history_and_the_feed_length(rulebook):
    data = open_data(rulebook)
    assert data.schema_version == 2
    assert [version for version, _ in data.schema_changes] == [2, 1]
    assert data.schema_changes[1] == (1, "The first published version.")
    assert data.feed_max_entries == 200


# --- the record format page, for editors --------------------------------------------


class Child(BaseModel):
    """A child of the example."""

    name: str = Field(description="The child's name.")


class Example(BaseModel):
    id: str = Field(description="Stable.")
    note: Optional[str] = Field(None, description="Free text.")
    count: int = 3
    enabled: bool = True
    hidden: bool = False
    label: str = "none yet"
    tags: list[str] = []
    extra: dict[str, str] = {}
    kind: Literal["a", "b"] = "a"
    child: Child = Field(description="Its one child.")
    children: list[Child] = []
    maybe_child: Optional[Child] = None
    zero: int = 0
    plain: Child


def test_an_editors_field_table_says_required_defaults_and_types_without_null():
    assert model_fields(Example) == [
        FormatField("id", "text", True, "", "Stable."),
        FormatField("note", "text", False, "", "Free text."),
        FormatField("count", "whole number", False, "3", ""),
        FormatField("enabled", "true or false", False, "true", ""),
        FormatField("hidden", "true or false", False, "false", ""),
        FormatField("label", "text", False, "none yet", ""),
        FormatField("tags", "list of text", False, "", ""),
        FormatField("extra", "mapping (its keys follow)", False, "", ""),
        FormatField("kind", "one of: a, b", False, "a", ""),
        FormatField("child", "mapping (its keys follow)", True, "", "Its one child."),
        FormatField("child.name", "text", True, "", "The child's name."),
        FormatField("children", "list of mapping (its keys follow)", False, "", ""),
        FormatField("children[].name", "text", True, "", "The child's name."),
        FormatField("maybe_child", "mapping (its keys follow)", False, "", ""),
        FormatField("maybe_child.name", "text", True, "", "The child's name."),
        FormatField("zero", "whole number", False, "0", ""),
        FormatField("plain", "mapping (its keys follow)", True, "", "A child of the example."),  # the model's own words
        FormatField("plain.name", "text", True, "", "The child's name."),
    ]


def test_the_record_format_page_names_every_file_editors_write_where_the_project_keeps_it(tmp_path):
    config = config_from_options(tmp_path, "docs", {"data_dir": "record", "rulebook": "record/rules.yaml", "policy_page": "about/policy.md"})
    files = record_format(config)
    assert [(f.name, f.title, f.description) for f in files] == [
        ("record/releases/<id>.yaml", "A release", "One file per SEC Release, or per implementation outside the release windows."),
        ("record/modifications/<id>.yaml", "A modification", "One file per Modification Proposal."),
        ("record/parties.yaml", "The party categories", "The categories of SEC Party that a modification's impacts names."),
        ("docs/about/policy.md", "The Policy's front matter", "Between the --- lines at the top of the Policy page; other keys (title, MkDocs' own) pass unchecked."),
        ("record/rules.yaml", "The rulebook", "The requirements the record is checked against, as data."),
    ]


def test_each_record_file_lists_its_own_fields(tmp_path):
    files = record_format(config_from_options(Path(tmp_path), "content", {}))
    release, modification, parties, policy, rulebook = files
    assert release.fields[:3] == (
        FormatField("id", "text", True, "", "YYYY-MM with an optional lower-case suffix (2019-11, 2023-11-minor); equals the file name."),
        FormatField("title", "text", True, "", 'The release\'s name, e.g. "November 2019 SEC Release".'),
        FormatField("kind", "one of: scheduled, ad-hoc", False, "scheduled", "scheduled (default): a SEC Release; ad-hoc: an implementation outside the release windows. The rulebook says which requirements apply to each kind."),
    )
    changes = [f.path for f in release.fields if f.path.startswith("date_changes[].")]
    assert changes[:4] == ["date_changes[].requested", "date_changes[].decided", "date_changes[].from", "date_changes[].to"]  # as editors write them
    assert modification.fields[1] == FormatField("title", "text", True, "", "Its title, as SECAS publishes it.")
    assert [f.path for f in parties.fields] == ["parties", "parties[].id", "parties[].label", "parties[].description"]
    assert [f.path for f in policy.fields] == ["version", "approved", "approved_by"]
    assert rulebook.fields[0] == FormatField("schema_version", "always 1", False, "1", "Always 1.")
