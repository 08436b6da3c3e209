"""What the exports publish, described for the /data/ page (:class:`~sec_release.model.open_data.OpenData`).

The field tables are read from the same JSON Schemas that are published
beside the files, and the CSV columns from the same declarations that write them.
"""

from __future__ import annotations


from pydantic import BaseModel

from ..core.models import Modification, PartyList, PolicyFrontMatter, Release
from ..core.project import ProjectConfig
from ..core.rulebook import Rulebook
from ..model.open_data import ColumnInfo, CsvFileInfo, FieldRow, FormatField, FormatFile, JsonFileInfo, OpenData
from .atom import MAX_ENTRIES
from .csv_export import CSV_FILES
from .json_export import export_schema
from .shapes import JSON_FILES, SCHEMA_CHANGES, SCHEMA_VERSION

JSON_DESCRIPTIONS = {
    "releases": "Every published release: status, dates, content, milestones, date changes, documents, the Panel's decisions and the change log.",
    "modifications": "Every published Modification Proposal, with the releases that carry it.",
    "compliance": "Every result of the check against {code}: per requirement for the Policy, and per release x requirement, with the evidence and the gaps.",
}


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


def open_data(rulebook: Rulebook | None) -> OpenData:
    """What the exports publish; the descriptions and schemas name the rulebook's code and clauses."""
    code = rulebook.code if rulebook else "the rulebook"
    return OpenData(
        json_files=tuple(
            JsonFileInfo(key, JSON_DESCRIPTIONS[key].format(code=code), tuple(schema_fields(export_schema(key, model, rulebook=rulebook))))
            for key, (model, _) in JSON_FILES.items()
        ),
        csv_files=tuple(
            CsvFileInfo(key, description, tuple(ColumnInfo(c.name, c.description) for c in columns))
            for key, (columns, description) in CSV_FILES.items()
        ),
        schema_version=SCHEMA_VERSION,
        schema_changes=SCHEMA_CHANGES,
        feed_max_entries=MAX_ENTRIES,
    )


# --- the record format, for editors -------------------------------------------------


def _default_text(prop: dict) -> str:
    value = prop.get("default")
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def model_fields(model: type[BaseModel]) -> list[FormatField]:
    """Every field editors may write in a model, nested ones as dotted paths, in declaration order."""
    schema = model.model_json_schema(mode="validation", by_alias=True)

    def walk(node: dict, prefix: str) -> list[FormatField]:
        rows = []
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            label, child = _type_label(schema, prop)
            # Editors leave an optional key out rather than write null; "required" says which.
            label = label.removesuffix(" or null").replace("object", "mapping (its keys follow)")
            description = prop.get("description") or _resolve(schema, prop).get("description", "")
            rows.append(FormatField(prefix + name, label, name in required, _default_text(prop), description))
            if child is not None:
                rows.extend(walk(child, prefix + name + ("[]." if label.startswith("list of") else ".")))
        return rows

    return walk(schema, "")


def record_format(config: ProjectConfig) -> tuple[FormatFile, ...]:
    """Every file editors write and its fields, from the models the loader validates them with."""
    data = config.data_dir
    files: list[tuple[str, str, str, type[BaseModel]]] = [
        (f"{data}/releases/<id>.yaml", "A release", "One file per SEC Release, or per implementation outside the release windows.", Release),
        (f"{data}/modifications/<id>.yaml", "A modification", "One file per Modification Proposal.", Modification),
        (f"{data}/parties.yaml", "The party categories", "The categories of SEC Party that a modification's impacts names.", PartyList),
        (f"{config.docs_dir}/{config.policy_page}", "The Policy's front matter", "Between the --- lines at the top of the Policy page; other keys (title, MkDocs' own) pass unchecked.", PolicyFrontMatter),
        (config.rulebook, "The rulebook", "The requirements the record is checked against, as data.", Rulebook),
    ]
    return tuple(FormatFile(name, title, description, tuple(model_fields(model))) for name, title, description, model in files)
