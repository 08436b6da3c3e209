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
from ..core.models import Modification, Release, ReleaseModification
from ..core.rulebook import Requirement
from ..model.context import SiteContext
from ..model.urls import Sources, Urls, cell_id, page_url, row_id
from .labels import BASELINE_SCOPE, DECISION_PATH, IN_RELEASE_STATUS, RELEASE_STATUS, STAGE, STATUS_LABEL, STATUS_SYMBOL



@dataclass(frozen=True)
class EvidenceView:
    text: str
    file: str
    line: int
    url: str | None  # site-relative link to where a reader sees it
    source_url: str | None  # the file at that line in the repository, when known


@dataclass(frozen=True)
class ResultView:
    result: Result
    requirement: Requirement
    release_id: str | None
    evidence: tuple[EvidenceView, ...]

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

    @classmethod
    def of(cls, results: list[ResultView]) -> "ComplianceSummary":
        counts = {s: 0 for s in Status}
        for r in results:
            counts[r.status] += 1
        return cls(counts[Status.MET], counts[Status.MISSING], counts[Status.NOT_DUE], counts[Status.NOT_APPLICABLE], counts[Status.WAIVED])


@dataclass(frozen=True)
class ContentRow:
    entry: ReleaseModification
    modification: Modification | None

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

    @property
    def go_live_is_actual(self) -> bool:
        return self.release.status == "implemented"

    @cached_property
    def content(self) -> list[ContentRow]:
        mods = self.ctx.record.modifications
        return [ContentRow(entry, mods.get(entry.id)) for entry in self.release.modifications]

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
        for m in r.milestones:
            if m.date == r.go_live and _is_go_live_name(m.name):
                go_live_label = m.name  # the record names the go-live itself: show it once
                continue
            out.append(TimelineEvent(m.date, "milestone", m.name, m.state == "actual"))
        for change in self.approved_changes:
            out.append(TimelineEvent(
                change.from_, "moved", "Go-live date before it moved", False,
                note=f"moved to {change.to.isoformat()}", moved_to=change.to,
            ))
        out.append(TimelineEvent(r.go_live, "go-live", go_live_label, self.go_live_is_actual))
        order = {"baseline": 0, "milestone": 1, "moved": 2, "go-live": 3}
        out.sort(key=lambda e: (e.date, order[e.kind]))
        return out

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
        return DECISION_PATH[self.modification.decision_path]

    @property
    def stage_label(self) -> str:
        return STAGE[self.modification.stage]


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
