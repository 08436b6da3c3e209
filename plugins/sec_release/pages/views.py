"""The view models of one build: every release, modification and result, computed once.

Built once per build from a :class:`SiteContext` (never from files), so every
page kind, the macros for hand-written pages and any other engine see the same
numbers. Nothing here renders HTML or imports MkDocs; templates do the rest.

URLs are site-relative MkDocs URLs (``releases/2019-11/``) from
:mod:`sec_release.model.urls`, turned into links relative to the page being
rendered by :func:`~sec_release.model.urls.link`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cached_property

from markdown.extensions.toc import slugify, unique

from ..core.document_kinds import document_name
from ..core.documents import Document
from ..core.sec_documents import sort_key
from ..core.models import Release
from ..core.evaluate import Evidence, Result
from ..core.facts import modification_life
from ..core.rulebook import Requirement, clauses_for_field
from ..model.context import SiteContext
from ..model.urls import Urls, page_url
from .labels import field_label
from .view_models import (
    AmendmentView,
    ComplianceSummary,
    EvidenceView,
    ModificationView,
    PartyView,
    ReleaseView,
    SecDocumentView,
    ResultView,
    TimelineEvent,
    UpcomingMilestone,
    due_date,
    impacted_parties,
)

UPCOMING_DAYS = 90
TIMELINE_RECENT = 3  # implemented releases the timeline shows beside those in progress
LATEST_AMENDMENTS = 6


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
            by_release.setdefault(result.release_id, []).append(self._result_view(result, ctx.releases.get(result.release_id or "")))
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
            self.modifications.append(ModificationView(modification, carried, impacted_parties(modification, ctx.record.parties)))
        self.modification_by_id = {m.id: m for m in self.modifications}
        affected: dict[str, set[str]] = {r.id: set() for r in self.releases}
        for m in self.modifications:
            for r in m.active_releases:
                affected[r.id].update(m.party_ids)
        # Each release's party categories, in data/parties.yaml's order: whom its modifications impact.
        self.release_party_ids = {rid: [pid for pid in ctx.record.parties if pid in ids] for rid, ids in affected.items()}
        self.parties: list[PartyView] = [
            PartyView(party, [m for m in self.modifications if pid in m.party_ids])
            for pid, party in ctx.record.parties.items()
        ]
        # The SEC documents the modifications change, by name (in the order of their addresses).
        changed: dict[str, list[ModificationView]] = {}
        for m in self.modifications:
            for name in m.modification.sec_documents:
                changed.setdefault(name, []).append(m)
        self.sec_documents: list[SecDocumentView] = [
            SecDocumentView(name, mods) for name, mods in sorted(changed.items(), key=lambda item: sort_key(item[0]))
        ]
        known = frozenset(self.modification_by_id)
        alternatives: dict[str, list[str]] = {}
        for mid, modification in ctx.modifications.items():
            if modification.alternative_of:
                alternatives.setdefault(modification.alternative_of, []).append(mid)
        for view in self.modifications:
            view.life = modification_life(ctx.carriers(view.id), view.id, list(view.modification.history))
            view.alternatives = alternatives.get(view.id, [])
            view.known = known

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

    def _result_view(self, result: Result, release: Release | None) -> ResultView:
        evidence = tuple(self._evidence(e, result.release_id) for e in result.evidence)
        return ResultView(result, result.requirement, result.release_id, evidence, due_date(result, release))

    def _evidence(self, evidence: Evidence, release_id: str | None) -> EvidenceView:
        url = None
        doc = self._doc_by_file.get(evidence.file) if evidence.document is not None else None
        if doc is not None:
            anchor = self._anchors[doc.file].get(evidence.line, "")
            url = page_url(doc.page) + (f"#{anchor}" if anchor else "")
        elif evidence.field is not None and release_id is not None:
            url = Urls.release_field(release_id, evidence.field)
        return EvidenceView(
            evidence.text, evidence.file, evidence.line, url, self.source_url(evidence.file, evidence.line), _reader_text(evidence),
        )

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

    @property
    def unrecorded_impacts(self) -> list[ModificationView]:
        """Modifications that do not yet record whom they impact."""
        return [m for m in self.modifications if m.parties is None]

    def document_matrix(self) -> list[ReleaseView]:
        """The releases (newest first) that carry a change to any SEC document: the matrix's columns."""
        chosen = {r.id for d in self.sec_documents for r, _ in d.releases}
        return [r for r in self.newest_first if r.id in chosen]

    @cached_property
    def timeline_focus(self) -> list[ReleaseView]:
        """The releases that matter now, oldest first: those in progress and the last few implemented."""
        recent = [r for r in self.releases if r.release.status == "implemented"][-TIMELINE_RECENT:]
        chosen = {r.id for r in recent} | {r.id for r in self.in_progress}
        return [r for r in self.releases if r.id in chosen]

    @staticmethod
    def dated_events(releases: list[ReleaseView]) -> list[tuple[TimelineEvent, ReleaseView]]:
        """Every dated point of ``releases`` in date order (the timeline as a list, for phones)."""
        out = [(e, r) for r in releases for e in r.events]
        out.sort(key=lambda pair: (pair[0].date, pair[1].release.go_live))
        return out

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



def _reader_text(evidence: Evidence) -> str:
    """What the evidence is, for a reader: "“Timescales” in the Implementation Document", "Cost review, recorded 2019-02-15"."""
    if evidence.document is not None:
        name = document_name(evidence.document, "document")
        if evidence.section is not None:
            return f"“{evidence.section}” in the {name}"
        return f"The {name}"
    label = field_label(evidence.field or "")
    found = evidence.found
    if found.isdigit():
        return f"{label}: {found}"
    return f"{label}, {found}" if found else label

