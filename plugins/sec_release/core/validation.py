"""Translate pydantic's validation errors into diagnostics an editor can act on.

pydantic reports an error as a type code ("extra_forbidden", "missing",
"literal_error" ...), a location inside the data and a message written for
programmers. None of its words reach an editor: each error becomes a
:class:`Diagnostic` with the file and line of the key or value, a message
code, a message that names the place in plain words ("the first milestone's
date") and a hint that says what to write instead.

One mistake, one message: an unknown key that is a near miss of a required
key that is missing (``dcc_system_impact`` for ``dcc_systems_impact``) is
reported once, as the did-you-mean, not also as a missing key; a value that
may be a text or a list is reported by the branch of the shape written, not by both.
"""

from __future__ import annotations

import re
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .date_hints import impossible_date_hint, suggest_iso_date
from .diagnostics import MAX_PROBLEMS_PER_FILE, Diagnostic, DiagnosticList, Location, Severity
from .models import MODIFICATION_ID_PATTERN, RELEASE_ID_PATTERN, model_in
from .suggest import suggestion
from .yaml_source import SourceMap

# ---------------------------------------------------------------------------
# The record's keys in plain words. A key not listed reads as itself with
# spaces for underscores, so a new field is never unnamed.

FIELD_WORDS: dict[str, str] = {
    "go_live": "go-live date",
    "sec_version": "SEC version",
    "dcc_systems_impact": "DCC Systems impact",
    "decision_path": "decision path",
    "draft_proposal": "Draft Proposal",
    "alternative_of": "alternative_of",
    "implementation_document": "Implementation Document entry",
    "testing_approach": "testing approach",
    "panel_review": "Panel review",
    "cost_review": "cost review",
    "external_auditor": "external auditor",
    "go_live_decision": "go-live decision",
    "post_go_live_review": "post go-live review",
    "criteria_met": "criteria_met flag",
    "after_go_live": "after_go_live flag",
    "from": "from date",
    "to": "to date",
    "requested": "requested date",
    "decided": "decided date",
    "raised": "raised date",
    "updated": "updated date",
    "opened": "opening date",
    "closed": "closing date",
    "appointed": "appointment date",
    "responses": "number of responses",
    "url": "web address",
    "page": "page",
    "satisfied_by": "satisfied_by",
    "sec_documents": "SEC documents",
}

# List keys: the words for one entry ("the first milestone").
ENTRY_WORDS: dict[str, str] = {
    "modifications": "modification",
    "baselines": "baseline",
    "milestones": "milestone",
    "date_changes": "date change",
    "progress_reports": "progress report",
    "waivers": "waiver",
    "amendments": "amendment",
    "requirements": "requirement",
    "history": "history entry",
    "sources": "source",
    "impacts": "impact",
    "sec_documents": "SEC document",
    "rest_in": "rest_in release",
    "parties": "party",
    "kinds": "kind",
}

# The thing a whole file describes, by model.
MODEL_WORDS: dict[str, str] = {"Release": "release", "Modification": "modification", "Rulebook": "rulebook", "PartyList": "parties file", "PolicyFrontMatter": "Policy's front matter"}

# Keys whose name says more than any paraphrase: named as written ("by: in the
# testing approach's Panel review").
KEYS_AS_WRITTEN = {"by", "satisfied_by", "alternative_of", "approved"}

_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _ordinal(index: int) -> str:
    if index < len(_ORDINALS):
        return _ORDINALS[index]
    number = index + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _words(key: str) -> str:
    return FIELD_WORDS.get(key, key.replace("_", " "))


def plain_path(path: tuple, model: type[BaseModel] | None = None) -> str:
    """A place in a file in plain words: ("milestones", 0, "date") -> "the first milestone's date"."""
    if path and path[-1] in KEYS_AS_WRITTEN:
        return f"{path[-1]}: in {plain_path(path[:-1], model)}"
    parts: list[str] = []
    index = 0
    while index < len(path):
        part = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        if isinstance(part, str) and isinstance(following, int):
            parts.append(f"{_ordinal(following)} {ENTRY_WORDS.get(part, _words(part))}")
            index += 2
            continue
        if isinstance(part, int):
            parts.append(f"{_ordinal(part)} entry")
        else:
            parts.append(_words(part))
        index += 1
    if not parts:
        return f"the {MODEL_WORDS.get(model.__name__, 'file')}" if model is not None else "the file"
    return "the " + "'s ".join(parts)


# ---------------------------------------------------------------------------
# What the models allow where an error is


def _field_by_name(cls: type[BaseModel], name: str):
    for field_name, info in cls.model_fields.items():
        if name in (field_name, info.alias):
            return info
    return None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the last element of ``loc``."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        cls = model_in(current)
        if cls is None:
            return None
        field_info = _field_by_name(cls, part)
        if field_info is None:
            return None
        current = field_info.annotation
    return model_in(current)


def _allowed_keys(cls: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in cls.model_fields.items()]


def _literal_values(annotation) -> list[str]:
    if typing.get_origin(annotation) is Literal:
        return [str(v) for v in typing.get_args(annotation)]
    for arg in typing.get_args(annotation):
        found = _literal_values(arg)
        if found:
            return found
    return []


def _allowed_values(model: type[BaseModel], path: tuple, error: dict) -> list[str]:
    trimmed = path[:-1] if path and isinstance(path[-1], int) else path  # an entry of a list of values
    owner = _model_at(model, trimmed) if trimmed else None
    info = _field_by_name(owner, trimmed[-1]) if owner is not None else None
    values = _literal_values(info.annotation) if info is not None else []
    if values:
        return values
    expected = (error.get("ctx") or {}).get("expected", "")
    return re.findall(r"'([^']*)'", str(expected))


def _data_path(loc: tuple, data: Any, missing: bool = False) -> tuple:
    """Keep only the parts of a pydantic loc that index into the data (drops union branch names).

    ``missing``: the loc ends in a key that is not in the data; it is kept.
    """
    path: list = []
    current = data
    for position, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif missing and position == len(loc) - 1 and isinstance(current, dict):
            path.append(part)
    return tuple(path)


def _misfit_branch(loc: tuple, data: Any) -> tuple | None:
    """The loc of the union an error is in, when the error's branch takes another shape than the
    one written: a list branch for a text (``field: 5``) or a text branch for a list. None otherwise."""
    current = data
    for position, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and part.startswith("list[") != isinstance(current, list):
            return loc[:position]
    return None


def _one_branch_each(errors: list[dict], data: Any) -> list[dict]:
    """A value a union rejects is reported by every branch ("field is a number where text
    belongs" and "field must be a list"): keep the branches of the shape the editor wrote,
    unless none of that union's errors is of that shape."""
    misfits = [_misfit_branch(tuple(e["loc"]), data) for e in errors]
    fitting = [tuple(e["loc"]) for e, misfit in zip(errors, misfits) if misfit is None]
    return [
        e for e, misfit in zip(errors, misfits)
        if misfit is None or not any(loc[: len(misfit)] == misfit for loc in fitting)
    ]


def _listing(values: list[str]) -> str:
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " or " + values[-1]


def _shown(value: Any) -> str:
    """A value as the editor wrote it, short."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a set of keys"
    if value is None:
        return "empty"
    text = str(value)
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


# ---------------------------------------------------------------------------
# One error type at a time


def _example_value(model: type[BaseModel], key: str) -> str:
    owner_field = _field_by_name(model, key)
    values = _literal_values(owner_field.annotation) if owner_field is not None else []
    if values:
        return _listing(values)
    annotation = str(owner_field.annotation) if owner_field is not None else ""
    if "date" in annotation:
        return "a date, YYYY-MM-DD"
    if "bool" in annotation:
        return "true or false"
    if "list" in annotation:
        return "a list, one entry per line starting with \"- \""
    return "a value"


# The message codes of errors about a value, by what is wrong with it
# (the editors' guide explains each code).
_CODES = {"choice": "not-allowed", "type": "wrong-type", "value": "invalid-value"}


def _write_or_remove(key: str) -> str:
    what = f"a value after {key}:" if key in KEYS_AS_WRITTEN else f"the {_words(key)}"
    return f"write {what}, or remove {key}: if it is optional"


def _value_message(kind: str, error: dict, where: str, path: tuple, model: type[BaseModel]) -> tuple[str, str, str]:
    """(code, message, hint) for an error about a value."""
    value = error.get("input")
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    ctx = error.get("ctx") or {}
    reason = str(ctx.get("error", ""))
    if kind in ("literal_error", "enum"):
        allowed = _allowed_values(model, path, error)
        near = suggestion(value, allowed) if isinstance(value, str) else None
        hint = near.phrase() if near else f"write one of {_listing(allowed)}, exactly as shown"
        return _CODES["choice"], f"{where} must be one of {_listing(allowed)}, not {_shown(value)}", hint
    if kind == "value_error" and "date" in reason:
        text = str(value)
        if "not a real date" in reason:
            return _CODES["value"], f"{where}, {text}, is not a real date", impossible_date_hint(text) or "check the year, the month and the day"
        hint = suggest_iso_date(value) or "write the date as YYYY-MM-DD, e.g. 2019-11-29"
        return _CODES["value"], f"{where} is {_shown(value)}: dates are written YYYY-MM-DD", hint
    if kind == "value_error" and "invisible" in reason:  # a text of only zero-width or bidi characters
        return _CODES["value"], f"{where} is empty: it holds only invisible characters", _write_or_remove(key)
    if kind == "value_error" and "web address" in reason:
        text = str(value).strip()
        fixed = f"https://{text}" if re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", text, re.IGNORECASE) else ""
        hint = f"write the full address, e.g. {fixed}" if fixed else "write the full address, starting with https://"
        return _CODES["value"], f"{where} is {_shown(value)}: it must start with https:// (or http://)", hint
    if kind in ("string_type",):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _CODES["type"], f"{where} is a number ({value}) where text belongs", (
                f'put it in quotes: {key}: "{value}" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'
            )
        if isinstance(value, bool):
            return _CODES["type"], f"{where} is {_shown(value)}, read as true/false, where text belongs", f'put it in quotes: {key}: "{_shown(value)}"'
        if isinstance(value, (list, dict)):
            return _CODES["type"], f"{where} is {_shown(value)} where a single text belongs", "write it on one line after the colon; check the indentation of the lines below it"
        return _CODES["type"], f"{where} must be text", "write it after the colon on the same line"
    if kind in ("bool_type", "bool_parsing"):
        return _CODES["type"], f"{where} is {_shown(value)}; it must be true or false", "write true or false (lower case, no quotes)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _CODES["type"], f"{where} is {_shown(value)}; it must be a whole number", "write the number in digits, without quotes, e.g. 4"
    if kind == "greater_than_equal":
        limit = ctx.get("ge")
        return _CODES["value"], f"{where} is {_shown(value)}; it cannot be less than {limit}", f"write {limit} or more"
    if kind == "greater_than":  # no field has one yet; "less than" would be wrong for the limit itself
        limit = ctx.get("gt")
        return _CODES["value"], f"{where} is {_shown(value)}; it must be more than {limit}", f"write a number more than {limit}"
    if kind == "string_too_short":
        return _CODES["value"], f"{where} is empty", _write_or_remove(key)
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return _CODES["value"], f"{where} is {len(str(value)):,} characters long; at most {limit:,} fit", "shorten it; long text belongs in the Markdown documents under content/"
    if kind == "string_pattern_mismatch":
        return (_CODES["value"],) + _pattern_message(where, key, value, str(ctx["pattern"]))
    if kind == "list_type":
        return _CODES["type"], f"{where} must be a list", f'write each entry on its own line below {key}:, starting with "- " and indented'
    if kind in ("model_type", "dict_type"):
        return _CODES["type"], f"{where} must be a set of keys and values", f"write its keys on the lines below {key}:, indented by two more spaces"
    if kind.startswith("date_"):  # date_type, date_parsing ...: a date field without the record's own date check
        return _CODES["value"], f"{where} is {_shown(value)}: dates are written YYYY-MM-DD", suggest_iso_date(value) or "write the date as YYYY-MM-DD, e.g. 2019-11-29"
    # Anything else the models can reject: still our words, never pydantic's.
    return _CODES["value"], f"{where} is {_shown(value)}, which the record format does not accept here", f"see the editors' guide for what {key}: takes"


def _pattern_message(where: str, key: str, value: Any, pattern: str) -> tuple[str, str]:
    text = str(value)
    if pattern == MODIFICATION_ID_PATTERN:
        if re.match(MODIFICATION_ID_PATTERN, text.strip().upper()):
            return f"{where} is {_shown(value)}, which is not a modification id", f'write "{text.strip().upper()}" in capitals'
        return f"{where} is {_shown(value)}, which is not a modification id", "modification ids look like MP071, SECMP0007, MP102A or DP238"
    if pattern == RELEASE_ID_PATTERN:
        fixed = re.sub(r"^(\d{4})[/_ .](\d{1,2})$", lambda m: f"{m[1]}-{int(m[2]):02d}", text.strip())
        fixed = re.sub(r"^(\d{4})-(\d)$", lambda m: f"{m[1]}-0{m[2]}", fixed)
        if fixed != text and re.match(RELEASE_ID_PATTERN, fixed):
            return f"{where} is {_shown(value)}, which is not a release id", f"write {fixed} (year, hyphen, two-digit month)"
        if re.match(RELEASE_ID_PATTERN, text.strip().lower()):
            return f"{where} is {_shown(value)}, which is not a release id", f'write "{text.strip().lower()}" in lower case'
        return f"{where} is {_shown(value)}, which is not a release id", "release ids look like 2019-11, or 2023-11-minor for a second release in a month"
    if key == "sec_version":
        return f"{where} is {_shown(value)}, which is not a version number", 'write the version as numbers and dots, in quotes, e.g. "6.21"'
    if key == "requirement":
        return f"{where} is {_shown(value)}, which is not a requirement id", f"requirement ids are lower-case words joined by hyphens, e.g. d10-13-timescales: copy the id from the rulebook"
    return f"{where} is {_shown(value)}, which is not in the form {key}: takes", f"see the editors' guide for what {key}: takes"


def _too_many(rest: list[dict], data: Any, source: SourceMap) -> Diagnostic:
    return Diagnostic(
        source.locate(_data_path(tuple(rest[0]["loc"]), data)), Severity.ERROR, "too-many-problems",
        f"{len(rest):,} more problems in this file are not listed",
        "fix the problems listed and validate again",
    )


def validation_diagnostics(exc: ValidationError, model: type[BaseModel], data: Any, source: SourceMap) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    errors = exc.errors(include_url=False)
    if len(errors) > MAX_PROBLEMS_PER_FILE:  # converting 100,000 errors takes seconds; list the first
        out.append(_too_many(errors[MAX_PROBLEMS_PER_FILE:], data, source))
        errors = errors[:MAX_PROBLEMS_PER_FILE]
    errors = _one_branch_each(errors, data)
    # The data path of a missing or unknown key always ends in that key (validate_model
    # only validates a mapping; a union's branch names are never last).
    paths = [_data_path(tuple(e["loc"]), data, missing=e["type"] == "missing") for e in errors]

    # Required keys that are missing, by the path of their mapping: an unknown
    # key beside one of them that is a near miss is the same mistake.
    missing: dict[tuple, list[str]] = {}
    for error, path in zip(errors, paths):
        if error["type"] == "missing":
            missing.setdefault(path[:-1], []).append(str(path[-1]))
    explained: set[tuple] = set()  # missing keys an unknown key already explains

    for error, path in zip(errors, paths):
        kind = error["type"]
        if kind != "extra_forbidden":
            continue
        key = str(path[-1])
        owner = _model_at(model, path) or model
        near_missing = suggestion(key, missing.get(path[:-1], []))
        if near_missing is not None:
            explained.add(path[:-1] + (near_missing.value,))
            what = plain_path(path[:-1], model)
            out.append(Diagnostic(
                source.locate(path, key=True), Severity.ERROR, "unknown-key",
                f'unknown key "{key}" in {what}, which has no "{near_missing.value}"',
                f'{near_missing.phrase()} rename it to {near_missing.value}: ({what} must have it)',
            ))
            continue
        near = suggestion(key, _allowed_keys(owner))
        hint = (near.phrase() + " " if near else "") + ("" if near else "the keys allowed here: " + ", ".join(_allowed_keys(owner)))
        out.append(Diagnostic(
            source.locate(path, key=True), Severity.ERROR, "unknown-key",
            f'unknown key "{key}" in {plain_path(path[:-1], model)}', hint.strip(),
        ))

    for error, path in zip(errors, paths):
        kind = error["type"]
        if kind == "extra_forbidden":
            continue
        if kind == "missing":
            if path in explained:
                continue
            key = str(path[-1])
            owner = _model_at(model, path) or model
            container = path[:-1]
            out.append(Diagnostic(
                source.locate(container, key=True), Severity.ERROR, "missing-key",
                f'{plain_path(container, model)} has no "{key}"' + (f" (the {_words(key)})" if _words(key) != key else "") + ", which it must have",
                f"add {key}: with {_example_value(owner, key)}",
            ))
            continue
        code, message, hint = _value_message(kind, error, plain_path(path, model), path, model)
        out.append(Diagnostic(source.locate(path), Severity.ERROR, code, message, hint))
    return out


def validate_model(model: type[BaseModel], data: Any, source: SourceMap, problems: DiagnosticList):
    if not isinstance(data, dict):
        problems.error(Location(source.file, 1, 1), "schema", "the file must hold a mapping of keys to values", "start with lines like  id: ...")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_diagnostics(exc, model, data, source))
        return None
