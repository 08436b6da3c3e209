"""What every export shares: stable keys and stable JSON."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json
from ..model.render import long_date


def unique_key(seen: dict[str, int], key: str) -> str:
    """``key`` the first time, then ``key-2``, ``key-3`` ...: stable ids for things that share a name."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def dump_json(data: Any) -> bytes:
    """Stable JSON: the models' field order, two-space indent, a final newline.

    ``data`` is plain JSON values, or a pydantic model, written by its aliases
    as ``model_dump(mode="json", by_alias=True)`` gives it (pydantic writes
    the JSON itself, with no dict of every value in between).

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes: the value read back is the
    same, and a file pasted into an HTML page cannot close a ``<script>`` element.
    """
    if isinstance(data, BaseModel):
        text = data.model_dump_json(indent=2, by_alias=True).encode("utf-8")
    else:
        text = pretty_json(data)
    return text.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026") + b"\n"


def pretty_json(data: Any) -> bytes:
    """``json.dumps(data, indent=2, ensure_ascii=False)`` in UTF-8, made by pydantic-core.

    The standard library's encoder is pure Python when it indents (about
    0.1 s for the exports at N = 100). For what the exports hold (text,
    integers, booleans, null, lists and objects) the bytes are the same; the
    two differ only in how some floats are written (``1e-7`` against
    ``1e-07``), and no published field is a float.
    """
    return to_json(data, indent=2)


def impacts_text(record, release) -> str:
    """Who the release's modifications (not removed) impact, in one plain sentence, for calendars and the feed."""
    mods, parties = record.modifications, record.parties
    in_scope = [mods[e.id] for e in release.active_modifications() if e.id in mods]
    if not in_scope:
        return ""
    named = [p.label for pid, p in parties.items() if any(m.impacts and pid in m.impacts for m in in_scope)]
    unknown = sum(1 for m in in_scope if m.impacts is None)
    if not named:
        return "Who is impacted: not recorded." if unknown else "Who is impacted: no SEC Party."
    text = "Who is impacted: " + ", ".join(named)
    if unknown:
        text += f" (not recorded for {unknown} of {len(in_scope)} modifications)"
    return text + "."


def date_step_text(step) -> str:
    """One decision on a go-live date in words (a :class:`~sec_release.core.facts.DateStep`)."""
    c = step.change
    decided = f" on {long_date(c.decided)}" if c.decided else ""
    if c.outcome != "approved":
        return f"the {c.by} rejected moving go-live to {long_date(c.to)}{decided}"
    if step.window is not None:
        return f"the {c.by} approved{decided} a go-live between {long_date(step.window.earliest)} and {long_date(step.window.latest)}"
    if step.fixes_day:
        return f"the {c.by} fixed the day{decided} within that window: {long_date(c.to)}"
    return f"the {c.by} moved go-live{decided} from {long_date(c.from_)} to {long_date(c.to)}"
