"""/data/releases.json, /data/modifications.json, /data/compliance.json and their JSON Schemas."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from ..site.context import SiteContext
from ..site.pages import GeneratedFile
from .common import DATA_DIR, dump_json, site_link
from .shapes import JSON_FILES

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def data_path(name: str) -> str:
    return f"{DATA_DIR}/{name}.json"


def schema_path(name: str) -> str:
    return f"{DATA_DIR}/{name}.schema.json"


@cache
def _model_schema(model: type[BaseModel]) -> dict:
    return model.model_json_schema(mode="serialization", by_alias=True)  # the models never change: once per process


def export_schema(name: str, model: type[BaseModel], schema_id: str | None = None) -> dict:
    """The JSON Schema of a published file, generated from its pydantic model."""
    schema = dict(_model_schema(model))
    head = {"$schema": JSON_SCHEMA_DIALECT}
    if schema_id:
        head["$id"] = schema_id
    head["title"] = f"{name}.json"
    schema.pop("title", None)
    return {**head, **schema}


def json_files(ctx: SiteContext) -> list[GeneratedFile]:
    out = []
    for name, (model, fill) in JSON_FILES.items():
        out.append(GeneratedFile(data_path(name), dump_json(fill(ctx))))
        schema_id = site_link(ctx, schema_path(name)) if ctx.site_url else None
        out.append(GeneratedFile(schema_path(name), dump_json(export_schema(name, model, schema_id))))
    return out
