"""View models of one release, one modification, one result: what a page shows about each.

Plain data computed from the :class:`SiteContext`; :mod:`.views` builds them
once per build. Nothing here renders HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..core.digest import release_digest
from ..core.evaluate import Result, Status
from ..core.facts import DateStep, LifeEvent, OtherPart, added_by_exception, date_steps, other_parts, removed_on
from ..core.models import Baseline, Modification, Party, Release, ReleaseModification
from ..core.rulebook import Requirement
from ..model.context import SiteContext
from ..model.urls import Sources, Urls, cell_id, page_url, row_id
from .labels import (
    BASELINE_SCOPE, DECISION_PATH, IN_RELEASE_STATUS, NOT_RECORDED, RELEASE_KIND, RELEASE_STATUS, STAGE, STATUS_LABEL, STATUS_SYMBOL,
    count, field_label, lower_first,
)



@dataclass(frozen=True)
class EvidenceView:
    text: str  # the editor's words: field names and paths
    file: str
    line: int
    url: str | None  # site-relative link to where a reader sees it
    source_url: str | None  # the file at that line in the repository, when known
    reader_text: str = ""  # the reader's words: what it is, never a file or field name


@dataclass(frozen=True)
class ResultView:
    result: Result
    requirement: Requirement
    release_id: str | None
    evidence: tuple[EvidenceView, ...]
    due_date: date | None = None  # the day it falls (or fell) due, when the record says

    @property
    def reader_reason(self) -> str:
        """Why it does not apply, in a reader's words."""
        if self.result.status is not Status.NOT_APPLICABLE:
            return ""
        condition = self.requirement.condition
        if condition and self.result.reason == f"{condition} is false":
            return f"Applies only when {lower_first(field_label(condition))}"
        return self.result.reason[:1].upper() + self.result.reason[1:]

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def key(self) -> str:
        return self.result.status.value

    @property
    def label(self) -> str:
        return STATUS_LABEL[self.result.status]

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOL[self.result.status]

    @property
    def cell_id(self) -> str:
        return cell_id(self.requirement.id, self.release_id)

    @property
    def cell_url(self) -> str:
        return Urls.cell(self.requirement.id, self.release_id)

    @property
    def row_id(self) -> str:
        return row_id(self.requirement.id)

    @property
    def detail_url(self) -> str:
        """The release page row that spells out evidence or gaps (the matrix cell links here)."""
        if self.release_id is None:
            return Urls.cell(self.requirement.id, None)
        return Urls.release(self.release_id, self.row_id)

    @property
    def requirement_url(self) -> str:
        return Urls.requirement(self.requirement.id)

    @property
    def gaps(self) -> tuple[str, ...]:
        return self.result.gaps

    @property
    def hint(self) -> str:
        return self.result.hint

    @property
    def reason(self) -> str:
        return self.result.reason

    @property
    def waiver(self):
        return self.result.waiver


@dataclass(frozen=True)
class ComplianceSummary:
    met: int = 0
    missing: int = 0
    not_due: int = 0
    not_applicable: int = 0
    waived: int = 0
    overdue: tuple[ResultView, ...] = ()  # the missing results, in rulebook order
    next_due: date | None = None  # the first day a not-yet-due requirement falls due, when known

    @property
    def applicable(self) -> int:
        return self.met + self.missing + self.not_due + self.waived

    @property
    def text(self) -> str:
        return f"{self.met} of {self.applicable} requirements met"

    @property
    def state(self) -> str:
        """One word for the release as a whole."""
        if self.missing:
            return "missing"
        if self.not_due:
            return "not-yet-due"
        return "met"

    @property
    def details(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"{self.missing} missing")
        if self.not_due:
            parts.append(f"{self.not_due} not yet due")
        if self.waived:
            parts.append(f"{self.waived} waived")
        return ", ".join(parts)

    @property
    def requirements(self) -> str:
        """"18 requirements", "1 requirement"."""
        return count(self.applicable, "requirement")

    @property
    def not_due_text(self) -> str:
        return count(self.not_due, "requirement")

    @classmethod
    def of(cls, results: list[ResultView]) -> "ComplianceSummary":
        counts = {s: 0 for s in Status}
        for r in results:
            counts[r.status] += 1
        overdue = tuple(r for r in results if r.status is Status.MISSING)
        dates = [r.due_date for r in results if r.status is Status.NOT_DUE and r.due_date is not None]
        return cls(
            counts[Status.MET], counts[Status.MISSING], counts[Status.NOT_DUE], counts[Status.NOT_APPLICABLE], counts[Status.WAIVED],
            overdue, min(dates) if dates else None,
        )


def yes_no(value) -> str:
    return "Yes" if value else "No"


def yes_no_unknown(value: bool | None) -> str:
    """Yes, No, or "Not recorded" when the record does not say."""
    return NOT_RECORDED if value is None else yes_no(value)


def impacted_parties(modification: Modification | None, parties: dict[str, Party]) -> list[Party] | None:
    """Whom a modification impacts, in data/parties.yaml's order; None when the record does not say ([] is "none")."""
    if modification is None or modification.impacts is None:
        return None
    return [party for pid, party in parties.items() if pid in modification.impacts]


@dataclass(frozen=True)
class ContentRow:
    entry: ReleaseModification
    modification: Modification | None
    parties: list[Party] | None = None  # whom it impacts; None: not recorded
    by_exception: Baseline | None = None  # the full-scope baseline that froze the release without it
    other_parts: tuple[OtherPart, ...] = ()

    @property
    def removed_on(self) -> date | None:
        return removed_on(self.entry)

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def url(self) -> str:
        return Urls.modification(self.entry.id)

    @property
    def removed(self) -> bool:
        return self.entry.status == "removed"

    @property
    def status_label(self) -> str:
        return IN_RELEASE_STATUS[self.entry.status]


@dataclass(frozen=True)
class TimelineEvent:
    """One dated point of a release, for the pictures and their text equivalents."""

    date: date
    kind: str  # go-live | milestone | baseline | moved (a go-live date that has since moved)
    label: str
    actual: bool  # False: expected (tentative)
    note: str = ""
    moved_to: date | None = None  # for kind "moved": where the date went
    step: DateStep | None = None  # for kind "moved": the decision that moved it (its window, or the one it fixed the day in)


@dataclass
class ReleaseView:
    release: Release
    ctx: SiteContext
    results: list[ResultView] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.release.id

    @property
    def title(self) -> str:
        return self.release.title

    @property
    def url(self) -> str:
        return Urls.release(self.release.id)

    @property
    def src_path(self) -> str:
        return Sources.release(self.release.id)

    @property
    def draft(self) -> bool:
        return self.release.draft

    @property
    def status_label(self) -> str:
        return RELEASE_STATUS[self.release.status]

    @property
    def kind_label(self) -> str:
        return RELEASE_KIND[self.release.kind]

    @property
    def ad_hoc(self) -> bool:
        return self.release.kind == "ad-hoc"

    @cached_property
    def date_steps(self) -> list[DateStep]:
        return date_steps(self.release)

    @cached_property
    def impacted(self) -> list[tuple[Party, list[str]]]:
        """Each SEC Party category the release's modifications (not removed) impact, with their ids."""
        parties = self.ctx.record.parties
        found: dict[str, list[str]] = {}
        for row in self.content:
            if row.removed:
                continue
            for party in row.parties or []:
                found.setdefault(party.id, []).append(row.id)
        return [(parties[pid], found[pid]) for pid in parties if pid in found]

    @cached_property
    def impacts_not_recorded(self) -> list[str]:
        """The modifications in scope whose impacts the record does not give."""
        return [row.id for row in self.content if not row.removed and row.parties is None]

    @cached_property
    def exceptions(self) -> dict[str, Baseline]:
        """Modification id -> the full-scope baseline that froze this release without it."""
        return added_by_exception(self.release)

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the release's canonical data: readers can check a copy against it."""
        return release_digest(self.release)

    @property
    def calendar_url(self) -> str:
        return Urls.release_calendar(self.release.id)

    @property
    def in_progress(self) -> bool:
        return self.release.status in ("planned", "baselined")

    def status_date(self, status: str) -> date | None:
        return status_date(self.release, status)

    @property
    def go_live_is_actual(self) -> bool:
        return self.release.status == "implemented"

    @cached_property
    def content(self) -> list[ContentRow]:
        mods, parties = self.ctx.record.modifications, self.ctx.record.parties
        exceptions = self.exceptions
        return [
            ContentRow(
                entry, mods.get(entry.id), impacted_parties(mods.get(entry.id), parties),
                exceptions.get(entry.id),
                tuple(other_parts(self.ctx.carriers(entry.id), self.release.id, entry.id)),
            )
            for entry in self.release.modifications
        ]

    @property
    def active_count(self) -> int:
        return len(self.release.active_modifications())

    @property
    def removed_count(self) -> int:
        return len(self.release.modifications) - self.active_count

    @cached_property
    def summary(self) -> ComplianceSummary:
        return ComplianceSummary.of(self.results)

    @property
    def approved_changes(self):
        return [c for c in self.release.date_changes if c.outcome == "approved"]

    @property
    def first_go_live(self) -> date:
        """The go-live date first planned (before any approved change)."""
        approved = self.approved_changes
        return approved[0].from_ if approved else self.release.go_live

    @property
    def moved(self) -> bool:
        return bool(self.approved_changes)

    def document_url(self, kind: str) -> str | None:
        ref = getattr(self.release, kind)
        if ref is None or ref.page not in self.ctx.record.documents:
            return None
        return page_url(ref.page)

    @property
    def implementation_document_url(self) -> str | None:
        return self.document_url("implementation_document")

    @property
    def testing_approach_url(self) -> str | None:
        return self.document_url("testing_approach")

    @property
    def edit_path(self) -> str:
        return self.ctx.record.release_files[self.release.id]

    @cached_property
    def events(self) -> list[TimelineEvent]:
        r = self.release
        out: list[TimelineEvent] = []
        for b in r.baselines:
            out.append(TimelineEvent(b.date, "baseline", f"{BASELINE_SCOPE[b.scope]} baselined", b.date <= self.ctx.as_of))
        go_live_label = "Go-live" + (f" (SEC v{r.sec_version})" if r.sec_version else "")
        baseline_days = {b.date for b in r.baselines}
        for m in r.milestones:
            if m.date == r.go_live and _is_go_live_name(m.name):
                go_live_label = m.name  # the record names the go-live itself: show it once
                continue
            if m.date in baseline_days and "baseline" in m.name.lower():
                continue  # the baseline recorded on that day is the same fact: one row per fact
            out.append(TimelineEvent(m.date, "milestone", m.name, m.state == "actual"))
        for step in self.date_steps:
            change = step.change
            if change.outcome != "approved":
                continue
            out.append(TimelineEvent(
                change.from_, "moved", "Go-live date before it moved", False,
                note=f"moved to {change.to.isoformat()}", moved_to=change.to, step=step,
            ))
        out.append(TimelineEvent(r.go_live, "go-live", go_live_label, self.go_live_is_actual))
        order = {"baseline": 0, "milestone": 1, "moved": 2, "go-live": 3}
        out.sort(key=lambda e: (e.date, order[e.kind]))
        return out

    @cached_property
    def next_event(self) -> TimelineEvent | None:
        """The release's next dated step after the build's date (not a moved date)."""
        later = [e for e in self.events if e.kind != "moved" and e.date > self.ctx.as_of]
        return later[0] if later else None

    @property
    def active_content(self) -> list[ContentRow]:
        return [row for row in self.content if not row.removed]

    @property
    def amendments_newest_first(self):
        return list(reversed(self.release.amendments))

    def document_status(self, kind: str) -> str:
        """A short status for a document's header."""
        r = self.release
        if kind == "implementation_document":
            ref = r.implementation_document
            if ref is None:
                return "Not yet issued"
            if ref.version:
                return f"Version {ref.version}" + (" (draft)" if ref.version.startswith("0.") else "")
            return "Not yet versioned"
        ref = r.testing_approach
        if ref is None:
            return "Not yet issued"
        as_of = self.ctx.as_of
        if ref.approved and ref.approved.date <= as_of:
            return f"Approved by {ref.approved.by}"
        if ref.panel_review and ref.panel_review.date <= as_of:
            return f"Reviewed by the {ref.panel_review.by}, awaiting approval"
        if ref.consultation:
            if ref.consultation.opened <= as_of <= ref.consultation.closed:
                return "Out for industry consultation"
            if ref.consultation.closed < as_of:
                return "Consultation closed, awaiting Panel review"
        return "Draft"


@dataclass
class ModificationView:
    modification: Modification
    carried_by: list[tuple[ReleaseView, ReleaseModification]]
    parties: list[Party] | None = None  # whom it impacts, in data/parties.yaml's order; None: not recorded
    life: list[LifeEvent] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)  # ids of the proposals that are alternatives of this one
    known: frozenset[str] = frozenset()  # modification ids with a page, for links

    @property
    def party_ids(self) -> list[str]:
        return [p.id for p in self.parties or []]

    @property
    def active_releases(self) -> list[ReleaseView]:
        """The releases that carry it (not those it was removed from)."""
        return [r for r, entry in self.carried_by if entry.status != "removed"]

    @property
    def go_live(self) -> date | None:
        """When it goes (or went) live: the last go-live of the releases that carry it."""
        days = [r.release.go_live for r in self.active_releases]
        return max(days) if days else None

    @property
    def upcoming(self) -> bool:
        """Carried by a release still in progress."""
        return any(r.in_progress for r in self.active_releases)

    @property
    def id(self) -> str:
        return self.modification.id

    @property
    def url(self) -> str:
        return Urls.modification(self.modification.id)

    @property
    def src_path(self) -> str:
        return Sources.modification(self.modification.id)

    @property
    def decision_path_label(self) -> str:
        path = self.modification.decision_path
        return DECISION_PATH[path] if path else NOT_RECORDED

    @property
    def stage_label(self) -> str:
        stage = self.modification.stage
        return STAGE[stage] if stage else NOT_RECORDED

    @property
    def dcc_systems_impact_label(self) -> str:
        return yes_no_unknown(self.modification.dcc_systems_impact)

    def link_for(self, modification_id: str | None) -> str | None:
        """The page of a modification this one names, when it has one."""
        return Urls.modification(modification_id) if modification_id in self.known else None


@dataclass(frozen=True)
class UpcomingMilestone:
    release: ReleaseView
    event: TimelineEvent


@dataclass(frozen=True)
class AmendmentView:
    release: ReleaseView
    date: date
    summary: str


def _is_go_live_name(name: str) -> bool:
    return re.sub(r"[^a-z]", "", name.lower()).startswith("golive")


def _is_full_baseline_name(name: str) -> bool:
    squeezed = re.sub(r"[^a-z]", "", name.lower())
    return "fullscope" in squeezed and "baseline" in squeezed


def status_date(release: Release, status: str) -> date | None:
    """The day a release reaches ``status`` (actual or expected), when the record says.

    Baselined: its full-scope baseline (recorded, else the milestone that plans
    it); implemented: its go-live date.
    """
    if status == "implemented":
        return release.go_live
    if status == "baselined":
        full = [b.date for b in release.baselines if b.scope == "full"]
        if full:
            return min(full)
        planned = [m.date for m in release.milestones if _is_full_baseline_name(m.name)]
        return min(planned) if planned else None
    return None


def due_date(result: Result, release: Release | None) -> date | None:
    """The day a release requirement falls due: the later of its status rule's day and its date rule's."""
    if release is None:
        return None
    req = result.requirement
    days = [result.due_on] if result.due_on else []
    if req.due_from and req.due_from != "planned":
        reached = status_date(release, req.due_from)
        if reached is None:
            return None
        days.append(reached)
    return max(days) if days else None


@dataclass
class PartyView:
    """A category of SEC Party and the changes that affect it: /parties/<id>/."""

    party: Party
    modifications: list[ModificationView]  # every modification whose impacts name it

    @property
    def id(self) -> str:
        return self.party.id

    @property
    def label(self) -> str:
        return self.party.label

    @property
    def url(self) -> str:
        return Urls.party(self.party.id)

    @property
    def src_path(self) -> str:
        return Sources.party(self.party.id)

    @property
    def upcoming(self) -> list[ModificationView]:
        """Changes in releases still in progress, soonest first."""
        out = [m for m in self.modifications if m.upcoming]
        out.sort(key=lambda m: (m.go_live or date.max, m.id))
        return out

    @property
    def past(self) -> list[ModificationView]:
        """Every other change, newest first (those in no release last)."""
        out = sorted((m for m in self.modifications if not m.upcoming), key=lambda m: m.id)
        out.sort(key=lambda m: m.go_live or date.min, reverse=True)  # stable: same day, in id order
        return out


@dataclass
class SecDocumentView:
    """A part of the SEC that modifications change ("Section H"): /sec-documents/<slug>/."""

    name: str
    modifications: list[ModificationView]  # those whose sec_documents name it, in id order

    @property
    def url(self) -> str:
        return Urls.sec_document(self.name)

    @property
    def src_path(self) -> str:
        return Sources.sec_document(self.name)

    @cached_property
    def releases(self) -> list[tuple[ReleaseView, list[ModificationView]]]:
        """Each release that carries a change to it, newest first, with those changes."""
        by_release: dict[str, tuple[ReleaseView, list[ModificationView]]] = {}
        for m in self.modifications:
            for r in m.active_releases:
                by_release.setdefault(r.id, (r, []))[1].append(m)
        out = list(by_release.values())
        out.sort(key=lambda pair: (pair[0].release.go_live, pair[0].id), reverse=True)
        return out

    @property
    def unreleased(self) -> list[ModificationView]:
        return [m for m in self.modifications if not m.active_releases]
