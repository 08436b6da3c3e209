"""Plain view models of the published record: what each page kind shows.

Built once per build from a :class:`SiteContext` (never from files), so every
page kind, the macros for hand-written pages and any other engine see the same
numbers. Nothing here renders HTML or imports MkDocs; templates do the rest.

URLs are site-relative MkDocs URLs (``releases/2019-11/``), turned into links
relative to the page being rendered by :func:`render.relative_url`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from markdown.extensions.toc import slugify, unique

from ..core.documents import Document
from ..core.evaluate import Evidence, Result, Status
from ..core.models import Modification, Release, ReleaseModification
from ..core.rulebook import Requirement, clauses_for_field
from .context import SiteContext
from .render import page_url
from ..core.digest import release_digest
from ..exports.common import release_calendar_path

# --------------------------------------------------------------------------
# Labels. Display text only; what the values mean is in the record format.

RELEASE_STATUS = {"planned": "Planned", "baselined": "Baselined", "implemented": "Implemented", "cancelled": "Cancelled"}
IN_RELEASE_STATUS = {"targeted": "Targeted", "approved": "Approved", "implemented": "Implemented", "removed": "Removed"}
DECISION_PATH = {
    "authority": "Authority",
    "self-governance": "Self-Governance",
    "fast-track": "Fast-Track",
    "authority-led": "Authority-Led Variation",
}
STAGE = {
    "development": "Development",
    "refinement": "Refinement",
    "report": "Modification Report",
    "decision": "Awaiting decision",
    "approved": "Approved",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "implemented": "Implemented",
}
BASELINE_SCOPE = {"dcc-systems": "DCC Systems scope", "full": "Full scope"}
GO_LIVE_DECISION = {"go": "Go", "no-go": "No-go", "deferred": "Deferred"}
APPLIES_TO = {
    "policy": "The SEC Release Management Policy",
    "release": "Each release's record",
    "implementation_document": "Each release's Implementation Document",
    "testing_approach": "Each release's Testing Approach Document",
}
# A symbol and a word for every result: never colour alone.
STATUS_SYMBOL = {
    Status.MET: "✓",
    Status.MISSING: "✗",
    Status.NOT_DUE: "○",
    Status.NOT_APPLICABLE: "–",
    Status.WAIVED: "⊘",
}
STATUS_LABEL = {s: s.label for s in Status}  # Status.label builds its table on every call
# Which section of a release page shows a release field (evidence links point there).
FIELD_SECTION = {
    "modifications": "content",
    "baselines": "scope-baselines",
    "milestones": "timescales",
    "date_changes": "go-live-date",
    "go_live": "go-live-date",
    "implementation_document": "documents",
    "testing_approach": "documents",
    "progress_reports": "governance",
    "cost_review": "governance",
    "external_auditor": "governance",
    "go_live_decision": "governance",
    "post_go_live_review": "governance",
    "waivers": "compliance",
    "amendments": "amendments",
}

UPCOMING_DAYS = 90
LATEST_AMENDMENTS = 6


# --------------------------------------------------------------------------
# URLs (site-relative; use_directory_urls)



def release_src_path(release_id: str) -> str:
    """The docs-relative source path of a release's page."""
    return f"releases/{release_id}/index.md"


def modification_src_path(modification_id: str) -> str:
    """The docs-relative source path of a modification's page."""
    return f"modifications/{modification_id}/index.md"

class Urls:
    home = ""
    releases = "releases/"
    modifications = "modifications/"
    timeline = "timeline/"
    compliance = "compliance/"
    rulebook = "rulebook/"

    @staticmethod
    def release(release_id: str, anchor: str = "") -> str:
        return f"releases/{release_id}/" + (f"#{anchor}" if anchor else "")

    @staticmethod
    def modification(modification_id: str) -> str:
        return f"modifications/{modification_id}/"

    @staticmethod
    def requirement(requirement_id: str) -> str:
        return f"rulebook/#{requirement_id}"

    @staticmethod
    def cell(requirement_id: str, release_id: str | None) -> str:
        return f"compliance/#{cell_id(requirement_id, release_id)}"


def cell_id(requirement_id: str, release_id: str | None) -> str:
    return f"r-{requirement_id}-{release_id}" if release_id else f"r-{requirement_id}-policy"


def row_id(requirement_id: str) -> str:
    return f"req-{requirement_id}"


# --------------------------------------------------------------------------
# Anchors of headings in the editors' Markdown (the toc extension's ids)


def heading_anchors(document: Document) -> dict[int, str]:
    """The id the toc extension gives each section heading, by the heading's line."""
    used: set[str] = set()
    out: dict[int, str] = {}
    for section in document.sections:
        out[section.line] = unique(slugify(section.title, "-"), used)
    return out


# --------------------------------------------------------------------------
# View models


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
            return f"compliance/#{self.cell_id}"
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
        return release_src_path(self.release.id)

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
        return release_calendar_path(self.release.id)

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
        return modification_src_path(self.modification.id)

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


# --------------------------------------------------------------------------
# The whole site


class SiteViews:
    """Every view model of one build, computed once."""

    def __init__(self, ctx: SiteContext):
        self.ctx = ctx
        self.as_of = ctx.as_of
        self.preview = ctx.preview
        self.record = ctx.record
        self.rulebook = ctx.record.rulebook
        self.policy_page = ctx.record.config.policy_page
        self.policy_url = page_url(self.policy_page)
        self._doc_by_file = {doc.file: doc for doc in ctx.record.documents.values()}
        self._anchors = {doc.file: heading_anchors(doc) for doc in ctx.record.documents.values()}

        results = ctx.results()
        by_release: dict[str | None, list[ResultView]] = {}
        for result in results:
            by_release.setdefault(result.release_id, []).append(self._result_view(result))
        self.policy_results: list[ResultView] = by_release.get(None, [])
        self.releases: list[ReleaseView] = [
            ReleaseView(release, ctx, by_release.get(rid, [])) for rid, release in ctx.releases.items()
        ]  # oldest first (go-live order)
        self.release_by_id = {r.id: r for r in self.releases}
        self.modifications: list[ModificationView] = []
        for mid, modification in ctx.modifications.items():
            carried = [
                (self.release_by_id[release.id], entry)
                for release, entry in ctx.releases_of(mid)
                if release.id in self.release_by_id
            ]
            self.modifications.append(ModificationView(modification, carried))
        self.modification_by_id = {m.id: m for m in self.modifications}

    # -- the rulebook's own names ---------------------------------------------

    @property
    def rules_code(self) -> str:
        """The part of the Code the rules come from, as the rulebook's code: names it."""
        return self.rulebook.code if self.rulebook else "the rulebook"

    @property
    def rules_title(self) -> str:
        return self.rulebook.title if self.rulebook else "The rulebook"

    def clause_note(self, field_name: str) -> str:
        """The clauses the rulebook cites for a release field or document, as " (clause, ...)", or ""."""
        clauses = clauses_for_field(self.rulebook, field_name)
        return f" ({clauses})" if clauses else ""

    # -- results -------------------------------------------------------------

    def _result_view(self, result: Result) -> ResultView:
        return ResultView(result, result.requirement, result.release_id, tuple(self._evidence(e, result.release_id) for e in result.evidence))

    def _evidence(self, evidence: Evidence, release_id: str | None) -> EvidenceView:
        url = None
        doc = self._doc_by_file.get(evidence.file)
        if doc is not None:
            anchor = self._anchors[doc.file].get(evidence.line, "")
            url = page_url(doc.page) + (f"#{anchor}" if anchor else "")
        elif release_id is not None:
            field_name = re.split(r"[:.\s]", evidence.text, maxsplit=1)[0]
            url = Urls.release(release_id, FIELD_SECTION.get(field_name, ""))
        return EvidenceView(evidence.text, evidence.file, evidence.line, url, self.source_url(evidence.file, evidence.line))

    def source_url(self, file: str, line: int = 0) -> str | None:
        """The file in the repository's web view, when the edit URI names a branch (GitHub, GitLab)."""
        repo, edit_uri = self.ctx.repo_url.rstrip("/"), self.ctx.edit_uri.strip("/")
        match = re.match(r"^(?:-/)?edit/([^/]+)", edit_uri)
        if not repo or not match:
            return None
        prefix = "-/blob" if edit_uri.startswith("-/") else "blob"
        return f"{repo}/{prefix}/{match.group(1)}/{file}" + (f"#L{line}" if line > 1 else "")

    @cached_property
    def requirements(self) -> list[Requirement]:
        return list(self.rulebook.requirements) if self.rulebook else []

    @cached_property
    def release_requirements(self) -> list[Requirement]:
        return [r for r in self.requirements if r.applies_to != "policy"]

    @cached_property
    def policy_requirements(self) -> list[Requirement]:
        return [r for r in self.requirements if r.applies_to == "policy"]

    @cached_property
    def matrix(self) -> dict[tuple[str, str], ResultView]:
        return {(r.requirement.id, rv.id): r for rv in self.releases for r in rv.results}

    @cached_property
    def policy_summary(self) -> ComplianceSummary:
        return ComplianceSummary.of(self.policy_results)

    def policy_section_url(self, result: ResultView) -> str | None:
        links = [e.url for e in result.evidence if e.url]
        return links[-1] if links else None

    # -- orderings and selections -------------------------------------------

    @property
    def newest_first(self) -> list[ReleaseView]:
        return list(reversed(self.releases))

    def by_year(self) -> list[tuple[int, list[ReleaseView]]]:
        groups: dict[int, list[ReleaseView]] = {}
        for release in self.newest_first:
            groups.setdefault(release.release.go_live.year, []).append(release)
        return list(groups.items())

    @property
    def in_progress(self) -> list[ReleaseView]:
        return [r for r in self.releases if r.in_progress]

    @property
    def next_release(self) -> ReleaseView | None:
        """The first release not yet implemented or cancelled whose go-live is today or later."""
        for r in self.releases:
            if r.release.status in ("planned", "baselined") and r.release.go_live >= self.as_of:
                return r
        return None

    @property
    def latest_implemented(self) -> ReleaseView | None:
        done = [r for r in self.releases if r.release.status == "implemented"]
        return done[-1] if done else None

    def upcoming(self, days: int = UPCOMING_DAYS) -> list[UpcomingMilestone]:
        end = self.as_of + timedelta(days=days)
        out = [
            UpcomingMilestone(r, e)
            for r in self.releases
            for e in r.events
            if e.kind != "moved" and self.as_of <= e.date <= end
        ]
        out.sort(key=lambda u: (u.event.date, u.release.release.go_live))
        return out

    def latest_amendments(self, count: int = LATEST_AMENDMENTS) -> list[AmendmentView]:
        out = [AmendmentView(r, a.date, a.summary) for r in self.releases for a in r.release.amendments if a.date <= self.as_of]
        out.sort(key=lambda a: a.date, reverse=True)
        return out[:count]

    def nav_releases(self, limit: int) -> list[ReleaseView]:
        """The releases named in the navigation: those in progress, then the most recent, ``limit`` at most.

        Material renders the whole nav into every page, so listing every
        release would make each page grow with the record; the releases index
        lists them all.
        """
        chosen = [r for r in self.newest_first if r.in_progress][:limit]
        for r in self.newest_first:
            if len(chosen) >= limit:
                break
            if r not in chosen:
                chosen.append(r)
        chosen.sort(key=lambda r: (r.release.go_live, r.id), reverse=True)
        return chosen



def _is_go_live_name(name: str) -> bool:
    return re.sub(r"[^a-z]", "", name.lower()).startswith("golive")


def yes_no(value: Any) -> str:
    return "Yes" if value else "No"
