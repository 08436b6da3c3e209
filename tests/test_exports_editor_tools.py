"""Tools for editors: the shipped JSON Schemas of the YAML, their VS Code wiring, and the editors' guide."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from sec_release.core.check import check_project, resolve_as_of
from sec_release.core.project import load_project
from sec_release.exports.editor_schemas import EDITOR_SCHEMAS, editor_schema_texts
from sec_release.core.message_codes import MESSAGE_CODES
from sec_release.pages.guide import guide_page
from sec_release.model.render import break_identifier
from sec_release.model.context import SiteContext
from tests.conftest import run_cli
from tests.factory import REPO, complete_release, modification

def as_editor_sees(value):
    """YAML as the editor's language server reads it (YAML 1.2): dates are strings."""
    if isinstance(value, dict):
        return {k: as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_shipped_schemas_are_the_generated_ones():
    shipped = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.schema.json")}
    assert shipped == editor_schema_texts(), "run: sec-release schema schemas/"


def test_the_schema_command_writes_them(tmp_path):
    result = run_cli("schema", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}
    assert written == editor_schema_texts()


def test_vscode_maps_each_schema_to_its_files():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert {Path(k).name: v for k, v in mapping.items()} == {name: [glob] for name, (_, _, glob) in EDITOR_SCHEMAS.items()}
    for schema_path in mapping:
        assert (REPO / schema_path).is_file()


@pytest.mark.parametrize("data", [complete_release(), complete_release(draft=True, waivers=[{"requirement": "d10-19-consultation", "decided": "2019-03-01", "by": "Panel", "reason": "Urgent."}])])
def test_a_valid_release_is_valid_for_the_editor(data):
    assert [e.message for e in validator("release.schema.json").iter_errors(as_editor_sees(data))] == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"titel": "x"}, "'titel' was unexpected"),
        ({"status": "done"}, "is not one of"),
        ({"sec_version": 6.21}, "is not valid under any of the given schemas"),
        ({"go_live": "29/11/2019"}, "is not a 'date'"),
        ({"milestones": [{"name": "x", "date": "2019-01-01", "state": "actual", "stat": "x"}]}, "'stat' was unexpected"),
    ],
)
def test_the_editor_flags_what_the_loader_rejects(change, expected):
    errors = [e.message for e in validator("release.schema.json").iter_errors(as_editor_sees({**complete_release(), **change}))]
    assert any(expected in message for message in errors), errors


def test_modification_and_rulebook_schemas():
    assert list(validator("modification.schema.json").iter_errors(modification("MP071"))) == []
    assert not validator("modification.schema.json").is_valid({**modification("MP071"), "decision": "x"})
    rulebook = as_editor_sees(yaml.safe_load((REPO / "data" / "rulebook" / "d10.yaml").read_text(encoding="utf-8")))
    assert [e.message for e in validator("rulebook.schema.json").iter_errors(rulebook)] == []


# --- the editors' guide --------------------------------------------------------


def test_the_guide_covers_every_requirement_and_code(project):
    config = load_project(project)
    checked = check_project(config, resolve_as_of(None, config))
    page = guide_page(SiteContext(checked.record, checked.evaluation))[0]
    for requirement in checked.record.rulebook.requirements:
        assert f"\n### {requirement.id}\n" in page.content  # its anchor is its id, as messages print it
    for code in MESSAGE_CODES:
        assert f'<th scope="row"><code>{break_identifier(code)}</code></th>' in page.content
    timescales = page.content.split("### d10-13-timescales")[1].split("\n### ")[0]
    assert "Timescales" in timescales and "Schedule" in timescales and "milestones" in timescales
    assert "once the release is baselined" in timescales
    consultation = page.content.split("### d10-19-consultation")[1].split("\n### ")[0]
    assert "dcc\\_systems\\_impact is true" in consultation and "responses: 7" in consultation  # the rulebook's example
