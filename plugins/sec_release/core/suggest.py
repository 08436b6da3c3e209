"""Did-you-mean: the closest known value to something an editor wrote, in one place for every message.

Every message that names an unknown key, id or value (modification, release,
party and requirement ids, enum values) suggests the same way. Values are
compared case-insensitively first (``mp071`` finds ``MP071``), then by
similarity (difflib), so that a slip of one character or of case gets the
right suggestion and an unrelated word gets none. A difference of case only
is named as such ("write "implemented" in lower case"): it is the commonest
slip and the easiest to fix once it is pointed out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

# difflib's ratio from which a candidate counts as a near miss. 0.6 is
# difflib's own default; "MP164X" → "MP164" scores 0.91, "titel" → "title" 0.8.
CUTOFF = 0.6


@dataclass(frozen=True)
class Suggestion:
    value: str  # the known value, spelt as it must be written
    case_only: bool  # the editor's text differs from it only in case

    def phrase(self) -> str:
        """Words for a hint: 'did you mean "MP164"?' or 'write "implemented" in lower case'."""
        if not self.case_only:
            return f'did you mean "{self.value}"?'
        if self.value == self.value.lower():
            how = "in lower case"
        elif self.value == self.value.upper():
            how = "in capitals"
        elif self.value == self.value[0].upper() + self.value[1:].lower():
            how = f"with a capital {self.value[0]}"
        else:
            how = "with the capitals as shown"
        return f'write "{self.value}" {how}'


def suggestion(word: object, candidates: Iterable[str], cutoff: float = CUTOFF) -> Suggestion | None:
    """The known value ``word`` most probably means, or None when nothing is close (or it is right as written)."""
    if not isinstance(word, str) or not word.strip():
        return None
    known = [c for c in dict.fromkeys(candidates) if isinstance(c, str)]
    text = word.strip()
    if text in known:
        return None
    by_folded: dict[str, str] = {}
    for candidate in known:
        by_folded.setdefault(candidate.casefold(), candidate)
    same_letters = by_folded.get(text.casefold())
    if same_letters is not None:
        return Suggestion(same_letters, case_only=True)
    # Compare case-folded, so that "Implemnted" still finds "implemented".
    matches = difflib.get_close_matches(text.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return Suggestion(by_folded[matches[0]], case_only=False) if matches else None


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` was most likely meant to be, or None."""
    options = list(choices)
    if value in options:
        return value
    found = suggestion(value, options)
    return found.value if found else None


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """The start of a hint, with its trailing space: 'did you mean "X"? ',
    'write "MP071" in capitals; ', or '' when nothing is close."""
    found = suggestion(value, choices)
    if found is None:
        return ""
    phrase = found.phrase()
    return phrase + (" " if phrase.endswith("?") else "; ")
