"""/data/releases.json, /data/modifications.json, /data/compliance.json and their JSON Schemas."""

from __future__ import annotations

import copy
from functools import cache

from pydantic import BaseModel

from ..core.rulebook import Rulebook, clauses_for_field
from ..model.context import SiteContext
from ..model.pages import GeneratedFile
from ..model.urls import Urls
from .common import dump_json
from .shapes import JSON_FILES

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@cache
def _model_schema(model: type[BaseModel]) -> dict:
    return model.model_json_schema(mode="serialization", by_alias=True)  # the models never change: once per process


# The export models whose fields are release fields (with this prefix in the
# record): their descriptions get the clauses of the requirements those fields
# satisfy, from the rulebook, so that no clause number is written in code.
CLAUSE_FIELDS = {"ReleaseOut": "", "TestingApproachOut": "testing_approach."}


def with_clauses(schema: dict, rulebook: Rulebook | None) -> dict:
    """``schema`` with " (clause, ...)" after the description of each field a requirement names."""
    if rulebook is None:
        return schema
    schema = copy.deepcopy(schema)
    for def_name, prefix in CLAUSE_FIELDS.items():
        for field_name, prop in schema.get("$defs", {}).get(def_name, {}).get("properties", {}).items():
            clauses = clauses_for_field(rulebook, prefix + field_name)
            if clauses and prop.get("description"):
                prop["description"] = prop["description"].rstrip(".") + f" ({clauses})."
    return schema


def export_schema(name: str, model: type[BaseModel], schema_id: str | None = None, rulebook: Rulebook | None = None) -> dict:
    """The JSON Schema of a published file, generated from its pydantic model (clauses from the rulebook)."""
    # A new dict: without a rulebook, with_clauses gives back the cached schema, which must not change.
    schema = {key: value for key, value in with_clauses(_model_schema(model), rulebook).items() if key != "title"}
    head = {"$schema": JSON_SCHEMA_DIALECT}
    if schema_id:
        head["$id"] = schema_id
    head["title"] = f"{name}.json"
    return {**head, **schema}


def json_files(ctx: SiteContext) -> list[GeneratedFile]:
    out = []
    for name, (model, fill) in JSON_FILES.items():
        out.append(GeneratedFile(Urls.data_file(name), dump_json(fill(ctx))))
        schema_id = ctx.address(Urls.data_schema(name)) if ctx.site_url else None
        out.append(GeneratedFile(Urls.data_schema(name), dump_json(export_schema(name, model, schema_id, ctx.record.rulebook))))
    return out
