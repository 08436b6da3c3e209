"""What the record says once its parts are read together: computed, never typed.

Pure functions of the validated record. An editor records what happened
(a baseline and what it froze, ``rest_in`` of a split modification, a
``removed:`` date, each date decision with its window, a proposal's history);
these functions derive what a reader needs from it:

* a modification **added by exception**: in a release whose full-scope
  baseline froze a list without it;
* the **other parts of a split modification**, both ways: the release that
  names ``rest_in`` and the release it names;
* **removed from scope on …**, from the entry's ``removed:`` date;
* each **step of a date change**, with its window and whether it fixed a day
  within the window an earlier step approved;
* the **life of a modification** across releases: its own history and every
  release that targeted, froze, carried or dropped it.

Nothing here renders text for a page or imports from the site; the view
models and exports turn these facts into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from .models import Baseline, DateChange, HistoryEntry, Release, ReleaseModification, Window


# --- added by exception -------------------------------------------------------


def full_baseline(release: Release) -> Baseline | None:
    """The latest full-scope baseline whose contents the record gives, or None."""
    recorded = [b for b in release.baselines if b.scope == "full" and b.modifications is not None]
    return max(recorded, key=lambda b: b.date) if recorded else None


def added_by_exception(release: Release) -> dict[str, Baseline]:
    """Modification id -> the full-scope baseline that froze the release without it.

    Empty when no full-scope baseline records what it froze: then nothing can
    be said either way.
    """
    baseline = full_baseline(release)
    if baseline is None:
        return {}
    frozen = set(baseline.modifications or ())
    return {entry.id: baseline for entry in release.modifications if entry.id not in frozen}


# --- split modifications -----------------------------------------------------------


@dataclass(frozen=True)
class OtherPart:
    """Another release carrying part of the same modification."""

    release: Release
    entry: ReleaseModification
    later: bool  # True: it goes live after this release (this one's rest_in names it, or it is later)


def other_parts(releases: dict[str, Release], release_id: str, modification_id: str) -> list[OtherPart]:
    """The other releases linked to this one's share of a modification by ``rest_in``, either way.

    This release's ``rest_in`` names the releases that carry the rest; a
    release whose entry names this one in its ``rest_in`` carries an earlier
    (or other) part. Ordered by go-live date.
    """
    here = releases.get(release_id)
    if here is None:
        return []
    mine = [e for e in here.modifications if e.id == modification_id]
    named = {rid for e in mine for rid in e.rest_in}
    out: list[OtherPart] = []
    for other in releases.values():
        if other.id == release_id:
            continue
        for entry in other.modifications:
            if entry.id != modification_id:
                continue
            if other.id in named or release_id in entry.rest_in:
                out.append(OtherPart(other, entry, later=(other.go_live, other.id) > (here.go_live, here.id)))
    out.sort(key=lambda p: (p.release.go_live, p.release.id))
    return out


# --- removed from scope -----------------------------------------------------------


def removed_on(entry: ReleaseModification) -> date | None:
    """When a removed modification left the release's scope, when the record gives the date."""
    return entry.removed if entry.status == "removed" else None


# --- the steps of a date change ------------------------------------------------------


@dataclass(frozen=True)
class DateStep:
    """One decision about a release's go-live date."""

    change: DateChange
    window: Optional[Window]  # the window this decision approved
    within: Optional[Window]  # the window of an earlier step that this one fixed the day in
    number: int  # 1-based, in the record's order

    @property
    def fixes_day(self) -> bool:
        return self.within is not None


def date_steps(release: Release) -> list[DateStep]:
    """Each date decision, oldest first, with the window it approved or the one it fixed the day in.

    A step fixes the day within a window when an earlier approved step gave a
    window, this step starts from that step's date and lands inside the window.
    """
    out: list[DateStep] = []
    open_window: Window | None = None
    for number, change in enumerate(release.date_changes, 1):
        within = None
        if (
            open_window is not None and change.outcome == "approved" and change.window is None
            and open_window.earliest <= change.to <= open_window.latest
        ):
            within = open_window
        out.append(DateStep(change, change.window, within, number))
        if change.outcome == "approved":
            open_window = change.window if change.window is not None else (open_window if within else None)
    return out


# --- the life of a modification ------------------------------------------------------


@dataclass(frozen=True)
class LifeEvent:
    """One dated (or, for a removal without a date, undated) step in a modification's life."""

    date: Optional[date]
    kind: str  # history | baselined | added | removed | implemented | planned
    release: Optional[Release] = None
    entry: Optional[ReleaseModification] = None
    history: Optional[HistoryEntry] = None
    baseline: Optional[Baseline] = None
    by_exception: bool = False  # added after the full-scope baseline froze the release without it

    @property
    def expected(self) -> bool:
        """A planned go-live, not yet happened (or not known to have happened)."""
        return self.kind == "planned"


_ORDER = {"history": 0, "baselined": 1, "added": 2, "removed": 3, "planned": 4, "implemented": 4}


def modification_life(releases: dict[str, Release], modification_id: str, history: list[HistoryEntry]) -> list[LifeEvent]:
    """The proposal's own history and every release that targeted, froze, carried or dropped it, by date.

    ``releases`` are those the reader may see (drafts left out by the caller).
    A removal without a recorded date sorts at its release's go-live date.
    """
    events: list[LifeEvent] = [LifeEvent(h.date, "history", history=h) for h in history]
    for release in releases.values():
        entries = [e for e in release.modifications if e.id == modification_id]
        if not entries:
            continue
        exceptions = added_by_exception(release)
        for baseline in release.baselines:
            if baseline.modifications is not None and modification_id in baseline.modifications:
                events.append(LifeEvent(baseline.date, "baselined", release=release, baseline=baseline))
        for entry in entries:
            if entry.added is not None or modification_id in exceptions:
                events.append(LifeEvent(entry.added, "added", release=release, entry=entry, by_exception=modification_id in exceptions, baseline=exceptions.get(modification_id)))
            if entry.status == "removed":
                events.append(LifeEvent(removed_on(entry), "removed", release=release, entry=entry))
            elif entry.status == "implemented" and release.status == "implemented":
                events.append(LifeEvent(release.go_live, "implemented", release=release, entry=entry))
            elif release.status != "cancelled":
                events.append(LifeEvent(release.go_live, "planned", release=release, entry=entry))

    # A history step "implemented" on the day a release carrying it went live is
    # that release's go-live, already in the list: keep the release's event only.
    went_live = {e.date for e in events if e.kind == "implemented"}
    events = [e for e in events if not (e.kind == "history" and e.history.event == "implemented" and e.date in went_live)]

    def key(event: LifeEvent):
        when = event.date or (event.release.go_live if event.release else date.min)
        return (when, event.release.go_live if event.release else date.min, _ORDER[event.kind])

    events.sort(key=key)
    return events
