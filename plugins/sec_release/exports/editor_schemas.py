"""JSON Schemas of the files editors write, for their editor (``sec-release schema``).

Generated from the same pydantic models the loader validates with, so an
editor that loads ``schemas/release.schema.json`` (VS Code with the YAML
extension, via ``.vscode/settings.json``) completes the same field names and
flags the same unknown keys as ``sec-release validate``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..core.models import Modification, Release
from ..core.rulebook import Rulebook
from .json_export import JSON_SCHEMA_DIALECT

# file name -> (model, what the schema is for, which files it applies to)
EDITOR_SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "release.schema.json": (Release, "A SEC Release in the public record (one file per release).", "data/releases/*.yaml"),
    "modification.schema.json": (Modification, "A Modification Proposal in the public record (one file per modification).", "data/modifications/*.yaml"),
    "rulebook.schema.json": (Rulebook, "The rulebook: the requirements the record is checked against.", "data/rulebook/*.yaml"),
}


def editor_schema(model: type[BaseModel], description: str) -> dict:
    schema = model.model_json_schema(mode="validation", by_alias=True)
    schema.pop("description", None)  # the model's docstring, written for programmers
    return {"$schema": JSON_SCHEMA_DIALECT, "title": schema.pop("title", model.__name__), "description": description, **schema}


def editor_schema_texts() -> dict[str, str]:
    """File name -> the schema's text, exactly as ``sec-release schema`` writes it."""
    return {
        name: json.dumps(editor_schema(model, description), indent=2, ensure_ascii=False) + "\n"
        for name, (model, description, _) in EDITOR_SCHEMAS.items()
    }


def write_editor_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in editor_schema_texts().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
