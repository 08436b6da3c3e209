"""Dates in one release that cannot all be true.

Each check names both places (file lines) so that the editor can decide
which of the two is wrong, and the hint offers the fix for either. These
checks need no as-of date; whether a go-live has passed is judged in
:mod:`sec_release.core.evaluate`, which knows the date the record is checked as of.
"""

from __future__ import annotations

import calendar
from datetime import date

from .diagnostics import Diagnostic, Severity
from .models import Release
from .yaml_source import SourceMap


def _line(source: SourceMap, *path) -> int:
    return source.locate(tuple(path)).line


def _month_of(release_id: str) -> tuple[int, int]:
    year, month = release_id.split("-")[:2]
    return int(year), int(month)


def _month_name(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


def planned_go_live(release: Release) -> tuple[date, tuple]:
    """The go-live date the release was first planned for, and where it is written.

    With date changes, that is the first change's ``from``; the later dates
    are explained by the changes themselves.
    """
    if release.date_changes:
        return release.date_changes[0].from_, ("date_changes", 0, "from")
    return release.go_live, ("go_live",)


def _go_live_outside_month(release: Release, source: SourceMap) -> Diagnostic | None:
    year, month = _month_of(release.id)
    first, path = planned_go_live(release)
    if (first.year, first.month) == (year, month):
        return None
    id_line = _line(source, "id")
    written = "go_live" if path == ("go_live",) else "the first date change's from"
    later = [m for m in release.milestones if m.date > release.go_live and not m.after_go_live]
    milestones = ""
    if path == ("go_live",) and later:
        lines = ", ".join(str(_line(source, "milestones", release.milestones.index(m), "date")) for m in later)
        milestones = f", and is before {len(later)} of the release's milestones (line{'s' if len(later) > 1 else ''} {lines})"
    return Diagnostic(
        source.locate(path), Severity.ERROR, "go-live-month",
        f"{written} is {first.isoformat()}, which is not in {_month_name(year, month)}, "
        f"the month of the release id {release.id} (line {id_line}){milestones}",
        f"if the date is a typo, correct it to a day in {_month_name(year, month)}; "
        "if the release was moved to another month, keep the id and record the move under date_changes "
        f"(from: the date it was planned for, to: {first.isoformat()})",
        release=release.id,
    )


def _milestones_after_go_live(release: Release, source: SourceMap) -> Diagnostic | None:
    later = [(i, m) for i, m in enumerate(release.milestones) if m.date > release.go_live and not m.after_go_live]
    if not later:
        return None
    go_live_line = _line(source, "go_live")
    named = "; ".join(f'"{m.name}" {m.date.isoformat()} (line {_line(source, "milestones", i, "date")})' for i, m in later)
    first_index = later[0][0]
    return Diagnostic(
        source.locate(("milestones", first_index, "date")), Severity.ERROR, "milestone-after-go-live",
        f"{'a milestone is' if len(later) == 1 else f'{len(later)} milestones are'} dated after the go-live date "
        f"{release.go_live.isoformat()} (line {go_live_line}): {named}",
        "correct the milestone's date, or go_live if that is the wrong one; a milestone that really comes after "
        "go-live (early life support, say) takes after_go_live: true; the post go-live review has its own "
        "field, post_go_live_review",
        release=release.id,
    )


def _date_change_chain(release: Release, source: SourceMap) -> list[Diagnostic]:
    """Each date change starts from the go-live date the previous approved change left."""
    out = []
    current, set_at = None, None  # the go-live in force, and the line that set it
    for index, change in enumerate(release.date_changes):
        if current is not None and change.from_ != current:
            out.append(Diagnostic(
                source.locate(("date_changes", index, "from")), Severity.ERROR, "date-change-from",
                f"this date change moves the go-live from {change.from_.isoformat()}, but the change before it "
                f"(line {set_at}) had set it to {current.isoformat()}",
                f"write from: {current.isoformat()}, or correct the earlier change's to:",
                release=release.id,
            ))
        if change.outcome == "approved":
            current, set_at = change.to, _line(source, "date_changes", index, "to")
        elif current is None:
            current, set_at = change.from_, _line(source, "date_changes", index, "from")
    return out


def date_contradictions(release: Release, source: SourceMap) -> list[Diagnostic]:
    """Every pair of dates in ``release`` that contradict each other."""
    out: list[Diagnostic] = []
    month = _go_live_outside_month(release, source)
    if month is not None:
        out.append(month)
    # A go-live outside its month has already named the milestones it falls before.
    if month is None or release.date_changes:
        milestones = _milestones_after_go_live(release, source)
        if milestones is not None:
            out.append(milestones)
    out.extend(_date_change_chain(release, source))
    return out
