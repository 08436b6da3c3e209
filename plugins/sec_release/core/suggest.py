"""Did-you-mean suggestions for a mistyped id, in one place for every message.

Ids are compared case-insensitively (``mp071`` finds ``MP071``), then by
similarity (difflib), so that a slip of one character or of case gets the
right suggestion and an unrelated word gets none.
"""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` was most likely meant to be, or None."""
    options = list(choices)
    by_case = {c.lower(): c for c in options}
    if value.lower() in by_case:
        return by_case[value.lower()]
    found = difflib.get_close_matches(value.lower(), list(by_case), n=1, cutoff=0.6)
    return by_case[found[0]] if found else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """'did you mean "X"? ' (with the trailing space), or '' when nothing is close."""
    match = closest(value, choices)
    return f'did you mean "{match}"? ' if match else ""
