"""The /data/ page: every published file, its fields, its schema, its licence.

The field tables are read from the same JSON Schemas that are published
beside the files, and the CSV columns from the same declarations that write
them, so the page cannot drift from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site.context import SiteContext
from ..site.pages import GeneratedPage, front_matter
from ..site.render import page_url, relative_url
from .atom import MAX_ENTRIES
from .common import CALENDAR_PATH, DATA_PAGE, FEED_PATH, GUIDE_PAGE, licence, release_calendar_path, template_env
from .csv_export import CSV_FILES
from .json_export import data_path, export_schema, schema_path
from .shapes import JSON_FILES, SCHEMA_VERSION


JSON_DESCRIPTIONS = {
    "releases": "Every published release: status, dates, content, milestones, date changes, documents, the Panel's decisions and the change log.",
    "modifications": "Every published Modification Proposal, with the releases that carry it.",
    "compliance": "Every result of the check against {code}: per requirement for the Policy, and per release x requirement, with the evidence and the gaps.",
}


@dataclass(frozen=True)
class FieldRow:
    path: str
    type: str
    description: str


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref")
    if ref:
        return schema["$defs"][ref.rsplit("/", 1)[-1]]
    return node


def _type_label(schema: dict, node: dict) -> tuple[str, dict | None]:
    """(a readable type, the object schema to descend into, if any)."""
    node = _resolve(schema, node)
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(node["anyOf"])
        label, child = _type_label(schema, options[0]) if len(options) == 1 else (" or ".join(_type_label(schema, o)[0] for o in options), None)
        return (label + " or null" if nullable else label), child
    if "const" in node:
        return f"always {node['const']}", None
    if "enum" in node:
        return "one of: " + ", ".join(str(v) for v in node["enum"]), None
    kind = node.get("type")
    if kind == "array":
        label, child = _type_label(schema, node.get("items", {}))
        return f"list of {label}", child
    if kind == "object" or "properties" in node:
        return "object", node
    fmt = node.get("format")
    if kind == "string" and fmt == "date":
        return "date (YYYY-MM-DD)", None
    if kind == "string" and fmt == "date-time":
        return "date-time (UTC)", None
    return {"string": "text", "integer": "whole number", "boolean": "true or false", None: "any"}.get(kind, kind), None


def schema_fields(schema: dict, node: dict | None = None, prefix: str = "") -> list[FieldRow]:
    """Every field of a JSON Schema, nested ones as dotted paths (lists as ``name[]``)."""
    node = node or schema
    rows = []
    for name, prop in node.get("properties", {}).items():
        label, child = _type_label(schema, prop)
        path = prefix + name
        description = prop.get("description") or _resolve(schema, prop).get("description", "")
        rows.append(FieldRow(path, label, description))
        if child is not None:
            suffix = "[]." if label.startswith("list of") else "."
            rows.extend(schema_fields(schema, child, path + suffix))
    return rows


def data_page(ctx: SiteContext) -> list[GeneratedPage]:
    here = page_url(DATA_PAGE)

    def link(path: str) -> str:
        return relative_url(path, here)

    name, url = licence(ctx)
    json_files = [
        {
            "name": f"{key}.json",
            "url": link(data_path(key)),
            "schema_name": f"{key}.schema.json",
            "schema_url": link(schema_path(key)),
            "description": JSON_DESCRIPTIONS[key].format(code=ctx.record.rulebook.code if ctx.record.rulebook else "the rulebook"),
            "fields": schema_fields(export_schema(key, model, rulebook=ctx.record.rulebook)),
        }
        for key, (model, _) in JSON_FILES.items()
    ]
    csv_files = [
        {"name": f"{key}.csv", "url": link(f"data/{key}.csv"), "description": description, "columns": columns}
        for key, (columns, description) in CSV_FILES.items()
    ]
    example_release = next(iter(ctx.releases), None)
    content = template_env(ctx).get_template("open_data.md.j2").render(
        json_files=json_files,
        csv_files=csv_files,
        schema_version=SCHEMA_VERSION,
        licence_name=name,
        licence_url=url,
        calendar_url=link(CALENDAR_PATH),
        release_calendar_url=link(release_calendar_path(example_release)) if example_release else None,
        release_calendar_path="/" + release_calendar_path("<id>"),
        feed_url=link(FEED_PATH),
        feed_max=MAX_ENTRIES,
        guide_url=link(page_url(GUIDE_PAGE)),
    )
    title = "Open data"
    return [GeneratedPage(DATA_PAGE, front_matter(title) + content, title, nav_section=title, nav_order=(0,))]
