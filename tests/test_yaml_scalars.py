"""YAML 1.1's surprises in a record file, and what an editor is told to write instead.

PyYAML reads ``010`` as 8, ``1:30`` as 90 and ``yes`` as true; in the record an
unquoted number is plain decimal and a boolean is ``true`` or ``false``. Each
other spelling is an error at the value, quoting what was written.
"""

from __future__ import annotations

import pytest

from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.yaml_source import parse_yaml_text

NUMBERS = [
    ("010", "an octal number", 'write 10 for the number 10, or "010" in quotes if it is text'),
    ("+010", "an octal number", 'write 10 for the number 10, or "+010" in quotes if it is text'),
    ("1:30", "a number in base 60", 'write the number in plain decimal digits, or "1:30" in quotes if it is text'),
    ("0x1f", "a hexadecimal number", 'write the number in plain decimal digits, or "0x1f" in quotes if it is text'),
    ("-0x1F", "a hexadecimal number", 'write the number in plain decimal digits, or "-0x1F" in quotes if it is text'),
    ("+0x1", "a hexadecimal number", 'write the number in plain decimal digits, or "+0x1" in quotes if it is text'),
    ("0b101", "a binary number", 'write the number in plain decimal digits, or "0b101" in quotes if it is text'),
    ("-0b1", "a binary number", 'write the number in plain decimal digits, or "-0b1" in quotes if it is text'),
    ("+0b1", "a binary number", 'write the number in plain decimal digits, or "+0b1" in quotes if it is text'),
    ("1_000", "a number with the underscores dropped", 'write 1000 for the number 1000, or "1_000" in quotes if it is text'),
]
BOOLEANS = [("yes", "true"), ("Y", None), ("On", "true"), ("True", "true"), ("no", "false"), ("OFF", "false"), ("FALSE", "false")]


def _problems(value: str):
    problems = DiagnosticList()
    parse_yaml_text(f"id: MP071\nresponses: {value}\n", "data/modifications/MP071.yaml", problems)
    return [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in problems]


@pytest.mark.parametrize(("written", "reading", "hint"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_a_number_that_is_not_plain_decimal_is_named_with_how_yaml_would_read_it(written, reading, hint):
    assert _problems(written) == [
        (2, 12, "yaml-number", f"{written} is not a plain decimal number (YAML would read it as {reading})", hint),
    ]


@pytest.mark.parametrize(("written", "meant"), BOOLEANS, ids=[b[0] for b in BOOLEANS])
def test_a_boolean_spelt_another_way_says_which_it_would_be(written, meant):
    expected = [] if meant is None else [  # a lone Y is text in PyYAML
        (2, 12, "yaml-boolean", f'"{written}" is not true or false (YAML 1.1 would read it as {meant})',
         f'write {meant} (lower case), or "{written}" in quotes if it is text'),
    ]
    assert _problems(written) == expected


@pytest.mark.parametrize("written", ["12", "-3", "+4", "0", "true", "false", "'010'", "6.20"])
def test_plain_numbers_booleans_and_quoted_text_are_accepted(written):
    assert _problems(written) == []
