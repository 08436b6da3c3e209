"""/data/releases.csv (one row per release x modification) and /data/compliance.csv.

RFC 4180 CSV in UTF-8. Cells are text as the record has it; a cell a
spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading ``'`` so that it shows as text.
The columns are declared once, here, and listed on the ``/data/`` page.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..core.evaluate import Result, Status
from ..core.facts import added_by_exception, other_parts
from ..core.models import Release, ReleaseModification
from ..model.context import SiteContext
from ..model.pages import GeneratedFile
from ..model.urls import Urls
from .shapes import ordered_results

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """The cell as text; a would-be formula is prefixed with a single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[..., Any]


def write_csv(columns: list[Column], rows: Iterable[tuple]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([neutralise(c.value(*row)) for c in columns])
    return buffer.getvalue().encode("utf-8")


# --- releases.csv: (ctx, release, entry or None) -----------------------------

def _mod(ctx: SiteContext, entry: ReleaseModification | None, field: str):
    if entry is None:
        return None
    modification = ctx.record.modifications.get(entry.id)
    return getattr(modification, field, None)


RELEASE_COLUMNS: list[Column] = [
    Column("release_id", "The release id, e.g. 2019-11.", lambda ctx, r, e: r.id),
    Column("release_title", "The release's name.", lambda ctx, r, e: r.title),
    Column("release_status", "planned, baselined, implemented or cancelled.", lambda ctx, r, e: r.status),
    Column("go_live", "The target go-live date, or the actual one once implemented (YYYY-MM-DD).", lambda ctx, r, e: r.go_live),
    Column("sec_version", "The SEC version that implemented the release.", lambda ctx, r, e: r.sec_version),
    Column("release_dcc_systems_impact", "true when the release changes DCC Systems.", lambda ctx, r, e: r.dcc_systems_impact),
    Column("release_url", "The release's page on this site.", lambda ctx, r, e: ctx.address(Urls.release(r.id))),
    Column("modification_id", "A Modification Proposal in the release; empty on the one row of a release without any.", lambda ctx, r, e: e.id if e else None),
    Column("modification_title", "The modification's title.", lambda ctx, r, e: _mod(ctx, e, "title")),
    Column("modification_status_in_release", "targeted, approved, implemented or removed (from this release's scope).", lambda ctx, r, e: e.status if e else None),
    Column("part", "This release's share of a split modification.", lambda ctx, r, e: e.part if e else None),
    Column("note", "A note on the modification in this release.", lambda ctx, r, e: e.note if e else None),
    Column("decision_path", "authority, self-governance, fast-track or authority-led.", lambda ctx, r, e: _mod(ctx, e, "decision_path")),
    Column("modification_stage", "Where the modification is in its process.", lambda ctx, r, e: _mod(ctx, e, "stage")),
    Column("modification_dcc_systems_impact", "true when the modification changes DCC Systems.", lambda ctx, r, e: _mod(ctx, e, "dcc_systems_impact")),
    Column("modification_url", "The modification's official page.", lambda ctx, r, e: _mod(ctx, e, "url")),
    # Added in schema version 2, after the columns above so that their positions hold.
    Column("release_kind", "scheduled (a SEC Release) or ad-hoc (an implementation outside the release windows).", lambda ctx, r, e: r.kind),
    Column("rest_in", "The releases that carry the rest of a split modification, separated by \" | \".", lambda ctx, r, e: " | ".join(e.rest_in) if e else None),
    Column("other_parts", "Every other release carrying part of the same modification, either way round, separated by \" | \" (computed).", lambda ctx, r, e: " | ".join(p.release.id for p in other_parts(ctx.carriers(e.id), r.id, e.id)) if e else None),
    Column("added", "When the modification was added to the release's scope, when recorded.", lambda ctx, r, e: e.added if e else None),
    Column("added_by_exception", "true when it was added after the release's full-scope baseline froze the release without it (computed; empty when no baseline records what it froze).", lambda ctx, r, e: _by_exception(r, e)),
    Column("removed_on", "When it was removed from the release's scope, when recorded.", lambda ctx, r, e: e.removed if e else None),
    Column("impacts_recorded", "true when the record says who the modification impacts; false when it does not (then impacts is empty).", lambda ctx, r, e: None if e is None or e.id not in ctx.record.modifications else _mod(ctx, e, "impacts") is not None),
    Column("impacts", "The SEC Party categories it impacts, by label, separated by \" | \"; \"none\" when no SEC Party is impacted.", lambda ctx, r, e: _impacts(ctx, e)),
    Column("release_sources", "The public pages the release's facts come from, separated by \" | \".", lambda ctx, r, e: " | ".join(r.sources)),
]


def _by_exception(release: Release, entry: ReleaseModification | None):
    if entry is None or not any(b.scope == "full" and b.modifications is not None for b in release.baselines):
        return None
    return entry.id in added_by_exception(release)


def _impacts(ctx: SiteContext, entry: ReleaseModification | None):
    impacts = _mod(ctx, entry, "impacts")
    if impacts is None:
        return None
    if not impacts:
        return "none"
    parties = ctx.record.parties
    return " | ".join(parties[p].label if p in parties else p for p in impacts)


def _release_rows(ctx: SiteContext) -> Iterable[tuple]:
    release: Release
    for release in ctx.releases.values():
        if not release.modifications:
            yield (ctx, release, None)
        for entry in release.modifications:
            yield (ctx, release, entry)


# --- compliance.csv: (ctx, result) ---------------------------------------------

def _waiver(result: Result, field: str):
    return getattr(result.waiver, field) if result.status is Status.WAIVED and result.waiver else None


COMPLIANCE_COLUMNS: list[Column] = [
    Column("release_id", "The release; empty for a requirement on the SEC Release Management Policy.", lambda ctx, r: r.release_id),
    Column("requirement_id", "The requirement's stable id in the rulebook.", lambda ctx, r: r.requirement.id),
    Column("clause", "The SEC clause it cites.", lambda ctx, r: r.requirement.clause),
    Column("title", "What the requirement asks for.", lambda ctx, r: r.requirement.title),
    Column("severity", "error or warning.", lambda ctx, r: r.requirement.severity),
    Column("status", "met, missing, not-yet-due, not-applicable or waived.", lambda ctx, r: r.status.value),
    Column("due_on", "The date from which a date rule makes it due, if any.", lambda ctx, r: r.due_on),
    Column("reason", "Why it is not applicable or not yet due.", lambda ctx, r: r.reason),
    Column("evidence", "What satisfied it, separated by \" | \".", lambda ctx, r: " | ".join(e.text for e in r.evidence)),
    Column("gaps", "What is missing, separated by \" | \".", lambda ctx, r: " | ".join(r.gaps)),
    Column("waiver_decided", "When the Panel waived it, if it did.", lambda ctx, r: _waiver(r, "decided")),
    Column("waiver_by", "Who waived it.", lambda ctx, r: _waiver(r, "by")),
    Column("waiver_reason", "Why.", lambda ctx, r: _waiver(r, "reason")),
]


CSV_FILES: dict[str, tuple[list[Column], str]] = {
    "releases": (RELEASE_COLUMNS, "One row per release x modification (a release without modifications has one row with the modification columns empty), by go-live date, then in the order the release lists them."),
    "compliance": (COMPLIANCE_COLUMNS, "One row per requirement for the Policy and per release x requirement, as in compliance.json."),
}


def csv_files(ctx: SiteContext) -> list[GeneratedFile]:
    return [
        GeneratedFile(Urls.csv_file("releases"), write_csv(RELEASE_COLUMNS, _release_rows(ctx))),
        GeneratedFile(Urls.csv_file("compliance"), write_csv(COMPLIANCE_COLUMNS, ((ctx, r) for r in ordered_results(ctx)))),
    ]
