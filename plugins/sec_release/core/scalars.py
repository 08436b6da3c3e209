"""Scalars are what they look like: YAML 1.1's surprises are errors.

PyYAML reads YAML 1.1, where ``010`` is 8 (octal), ``1:30`` is 90
(sexagesimal), ``0x1f`` and ``1_000`` are numbers, and ``yes``, ``no``,
``on``, ``off``, ``True`` and ``FALSE`` are booleans. In the record an
unquoted integer is plain decimal and a boolean is ``true`` or ``false``;
every other spelling is an error whose hint quotes the text as written.

A number with a fraction keeps its source text (:class:`SourceFloat`), so
that a message about ``sec_version: 6.20`` suggests ``"6.20"``, not ``"6.2"``.
"""

from __future__ import annotations

import re

_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_OCTAL = re.compile(r"^[-+]?0[0-7]+$")
# The message codes this module reports (explained in the editors' guide).
_CODES = {"int": "yaml-number", "bool": "yaml-boolean"}
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"


class _AsWritten:
    """A number that prints as it was written, so messages quote the editor's text."""

    source: str

    def __new__(cls, value, source: str):
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __str__(self) -> str:
        return self.source

    __repr__ = __str__


class SourceFloat(_AsWritten, float):
    """A float that prints as it was written (``6.20`` stays ``6.20``)."""


class SourceInt(_AsWritten, int):
    """An integer that prints as it was written (``010`` stays ``010`` in messages)."""


def plain_scalar(tag: str, text: str) -> tuple[str, str, str] | None:
    """(code, message, hint) when an unquoted scalar would be read as something it does not look like."""
    if tag == INT_TAG and not _DECIMAL.match(text):
        if ":" in text:
            reading = "a number in base 60"
        elif text.lower().startswith(("0x", "-0x", "+0x")):
            reading = "a hexadecimal number"
        elif text.lower().startswith(("0b", "-0b", "+0b")):
            reading = "a binary number"
        elif "_" in text:
            reading = "a number with the underscores dropped"
        elif _OCTAL.match(text):
            reading = "an octal number"
        else:  # only an explicit tag (!!int x) makes YAML take this for a number
            return (_CODES["int"], f'"{text}" is not a whole number',
                    f'write the number in plain decimal digits, or "{text}" in quotes without the tag if it is text')
        digits = text.replace("_", "").lstrip("+")
        plain = str(int(digits, 10)) if re.fullmatch(r"-?[0-9]+", digits) else None
        hint = (f"write {plain} for the number {plain}, or " if plain else "write the number in plain decimal digits, or ") + f'"{text}" in quotes if it is text'
        return (_CODES["int"], f"{text} is not a plain decimal number (YAML would read it as {reading})", hint)
    if tag == BOOL_TAG and text not in ("true", "false"):
        if text.lower() in ("yes", "y", "on", "true"):
            meant = "true"
        elif text.lower() in ("no", "n", "off", "false"):
            meant = "false"
        else:  # only an explicit tag (!!bool maybe) makes YAML take this for a boolean
            return (_CODES["bool"], f'"{text}" is not true or false',
                    f'write true or false (lower case), or "{text}" in quotes without the tag if it is text')
        return (_CODES["bool"], f'"{text}" is not true or false (YAML 1.1 would read it as {meant})',
                f'write {meant} (lower case), or "{text}" in quotes if it is text')
    return None
