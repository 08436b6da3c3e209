"""The JSON Schemas published beside /data/*.json, and the ones editors load for their YAML files.

In-process, no build: what a program reading the open data validates against,
with the rulebook's clauses in the descriptions of the release fields.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml

from sec_release.core.check import check_project
from sec_release.core.project import config_from_options
from sec_release.core.rulebook import Rulebook
from sec_release.exports.common import dump_json
from sec_release.exports.editor_schemas import EDITOR_SCHEMAS, editor_schema_texts, write_editor_schemas
from sec_release.exports.json_export import export_schema, json_files
from sec_release.exports.shapes import JSON_FILES, ReleasesFile
from sec_release.model.context import SiteContext
from tests.factory import RULEBOOK, complete_release, write_project

DIALECT = "https://json-schema.org/draft/2020-12/schema"


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    return Rulebook.model_validate(yaml.safe_load(RULEBOOK.read_text(encoding="utf-8")))


def release_field(schema: dict, definition: str, name: str) -> str:
    return schema["$defs"][definition]["properties"][name]["description"]


def test_a_published_schema_names_its_dialect_its_address_and_its_file(rulebook):
    schema = export_schema("releases", ReleasesFile, "https://example.org/test/data/releases.schema.json", rulebook)
    assert list(schema)[:3] == ["$schema", "$id", "title"]
    assert (schema["$schema"], schema["$id"], schema["title"]) == (DIALECT, "https://example.org/test/data/releases.schema.json", "releases.json")


def test_without_an_address_a_schema_has_no_id():
    schema = export_schema("compliance", JSON_FILES["compliance"][0])
    assert list(schema)[:2] == ["$schema", "title"]
    assert "$id" not in schema and schema["title"] == "compliance.json"


def test_release_fields_name_the_clauses_their_requirements_cite(rulebook):
    schema = export_schema("releases", ReleasesFile, rulebook=rulebook)
    assert release_field(schema, "ReleaseOut", "milestones") == "The release's timescales (D10.13(b))."
    assert release_field(schema, "ReleaseOut", "testing_approach") == "DCC's SEC Release Testing Approach Document (D10.18, D10.19, D10.20)."
    assert release_field(schema, "TestingApproachOut", "consultation") == "DCC's consultation of industry on it (D10.19)."
    # A field no requirement names keeps its description as it is.
    assert release_field(schema, "ReleaseOut", "go_live") == "The target go-live date, or the actual date once implemented."


def test_without_a_rulebook_no_clause_is_added_and_the_shared_schema_is_untouched(rulebook):
    export_schema("releases", ReleasesFile, rulebook=rulebook)  # adding clauses must not change what the next build starts from
    schema = export_schema("releases", ReleasesFile)
    assert release_field(schema, "ReleaseOut", "milestones") == "The release's timescales."
    assert release_field(schema, "TestingApproachOut", "consultation") == "DCC's consultation of industry on it."


@pytest.mark.parametrize("site_url", ["https://example.org/test/", ""])
def test_each_json_file_is_written_with_its_schema_beside_it(tmp_path, rulebook, site_url):
    root = write_project(tmp_path / "p", [complete_release()])
    checked = check_project(config_from_options(root, "content", {}), date(2026, 11, 26))
    assert not checked.record.problems
    ctx = SiteContext(checked.record, checked.evaluation, site_url=site_url)
    files = {f.path: f.content for f in json_files(ctx)}
    assert list(files) == [
        "data/releases.json", "data/releases.schema.json",
        "data/modifications.json", "data/modifications.schema.json",
        "data/compliance.json", "data/compliance.schema.json",
    ]
    for name, (model, fill) in JSON_FILES.items():
        assert files[f"data/{name}.json"] == dump_json(fill(ctx))
        schema_id = f"https://example.org/test/data/{name}.schema.json" if site_url else None
        assert files[f"data/{name}.schema.json"] == dump_json(export_schema(name, model, schema_id, rulebook))
    releases_schema = json.loads(files["data/releases.schema.json"])
    assert releases_schema["title"] == "releases.json"
    assert releases_schema.get("$id") == ("https://example.org/test/data/releases.schema.json" if site_url else None)
    assert release_field(releases_schema, "ReleaseOut", "milestones") == "The release's timescales (D10.13(b))."


# --- for editors --------------------------------------------------------------------


def test_each_editor_schema_opens_with_its_dialect_title_and_purpose():
    texts = editor_schema_texts()
    assert list(texts) == ["release.schema.json", "modification.schema.json", "rulebook.schema.json"]
    assert texts["release.schema.json"].startswith(
        "{\n"
        f'  "$schema": "{DIALECT}",\n'
        '  "title": "Release",\n'
        '  "description": "A SEC Release in the public record (one file per release).",\n'
        '  "$defs": {\n'
    )
    assert texts["modification.schema.json"].splitlines()[2:4] == [
        '  "title": "Modification",',
        '  "description": "A Modification Proposal in the public record (one file per modification).",',
    ]
    assert texts["rulebook.schema.json"].splitlines()[2:4] == [
        '  "title": "Rulebook",',
        '  "description": "The rulebook: the requirements the record is checked against.",',
    ]
    assert [applies for _, _, applies in EDITOR_SCHEMAS.values()] == ["data/releases/*.yaml", "data/modifications/*.yaml", "data/rulebook/*.yaml"]


def test_an_editor_schema_uses_the_names_editors_write():
    release = json.loads(editor_schema_texts()["release.schema.json"])
    assert list(release["$defs"]["DateChange"]["properties"])[:3] == ["requested", "decided", "from"]
    assert release["description"] == "A SEC Release in the public record (one file per release)."  # not the model's docstring


def test_write_editor_schemas_writes_each_text_into_a_new_folder(tmp_path):
    out = tmp_path / "new" / "schemas"
    written = write_editor_schemas(out)
    assert written == [out / "release.schema.json", out / "modification.schema.json", out / "rulebook.schema.json"]
    texts = editor_schema_texts()
    for path in written:
        assert path.read_bytes() == texts[path.name].encode("utf-8")
    assert write_editor_schemas(out) == written  # again over the same folder


def test_a_published_schema_is_titled_by_its_file_however_often_it_is_made():
    model = JSON_FILES["modifications"][0]
    first = export_schema("modifications", model)
    assert export_schema("modifications", model) == first
    assert first["title"] == "modifications.json"
