"""What an editor probably meant by a date that is not written YYYY-MM-DD.

The record's dates are ISO (``2021-06-24``). Editors in the UK write
``24/06/2021`` or ``24 June 2021``; when the intent is clear the hint gives
the date to write, and when it is not (``06/07/2021`` is 6 July or 7 June)
it says so and gives both readings.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_NUMERIC = re.compile(r"^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{2,4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})$")
_ISO_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _year(text: str) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)  # the record starts in 2018; "21" is 2021
    return None


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _spoken(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]}"


def impossible_date_hint(text: str) -> str:
    """Why an ISO-shaped date such as 2021-04-31 or 2021-02-29 does not exist."""
    match = _ISO_SHAPE.match(text)
    if not match:
        return ""
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        swapped = _real(year, day, month) if 1 <= day <= 12 else None
        if swapped:
            return f"there is no month {month:02d}; if you meant {_spoken(swapped)} {year}, write {swapped.isoformat()} (year, month, day)"
        return f"there is no month {month:02d}: the month comes second and runs from 01 to 12"
    last = calendar.monthrange(year, month)[1]
    if day > last or day == 0:
        leap = " (not a leap year)" if month == 2 and day == 29 else ""
        return f"{calendar.month_name[month]} {year} has {last} days{leap}: check the day"
    return ""


def suggest_iso_date(value: object) -> str:
    """A hint giving the ISO date an editor meant, or saying why it cannot be told; "" when unsure."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if _ISO_SHAPE.match(text):
        return impossible_date_hint(text)
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, third = numeric.groups()
        if len(first) == 4:  # 2021/06/24, 2021-6-24
            meant = _real(int(first), int(second), int(third)) if len(third) <= 2 else None
            return f"write {meant.isoformat()}" if meant else ""
        year = _year(third)
        if year is None:
            return ""
        day_first = _real(year, int(second), int(first))  # 24/06/2021, as written in the UK
        month_first = _real(year, int(first), int(second))  # 06/24/2021, as written in the US
        if day_first and month_first and day_first != month_first:
            return (
                f"{text} could be {_spoken(day_first)} or {_spoken(month_first)} {year}: "
                f"write {day_first.isoformat()} ({_spoken(day_first)}) or {month_first.isoformat()} ({_spoken(month_first)})"
            )
        meant = day_first or month_first
        return f"write {meant.isoformat()}" if meant else ""
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        match = pattern.match(text)
        if not match:
            continue
        a, b, c = match.groups()
        day_text, month_text = (a, b) if order == "dmy" else (b, a)
        month = _MONTHS.get(month_text.lower())
        year = _year(c)
        meant = _real(year, month, int(day_text)) if month and year else None
        return f"write {meant.isoformat()}" if meant else ""
    return ""
