"""A release's canonical data and its SHA-256: what a reader can check a copy against.

The canonical data of a release is its YAML file as validated (defaults
filled in, dates as ``YYYY-MM-DD``), with every absent value dropped
(``null``, empty lists and empty mappings), serialised as JSON with keys
sorted, no whitespace, and UTF-8 without escapes. The same values written
differently in YAML (quoted or not, keys in another order, ``owner: DCC``
spelled out or left to its default, ``waivers: []`` or nothing) give the
same bytes, so the digest changes only when what the record says changes.

:func:`release_digest` is what each release page shows.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .models import Release


def prune(value: Any) -> Any:
    """Drop absent values (None, empty lists, empty mappings), recursively."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = prune(item)
            if item is None or item == [] or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


# Fields the format gained after digests were first published, at the value a
# release without them has: left out, so that a release whose record says the
# same as before keeps the digest its page showed.
LATER_FIELD_DEFAULTS = {"kind": "scheduled", "illustrative": False}


def canonical_data(release: Release) -> dict[str, Any]:
    """The release as plain JSON values: field names as editors write them, absent values dropped."""
    data = prune(release.model_dump(mode="json", by_alias=True))
    for key, default in LATER_FIELD_DEFAULTS.items():
        if data.get(key) == default:
            del data[key]
    return data


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def release_digest(release: Release) -> str:
    """The SHA-256 (64 hex digits) of the release's canonical data."""
    return hashlib.sha256(canonical_json(canonical_data(release))).hexdigest()


__all__ = ["prune", "canonical_data", "canonical_json", "release_digest"]
