"""The shapes of the published JSON files, as pydantic models, and how to fill them.

These models are the open-data contract: their field names and descriptions
are what ``/data/*.schema.json`` publish and what the ``/data/`` page lists.
Every key is always present (``null`` or ``[]`` when the record has nothing),
so a reader never has to guess whether a key is missing or empty.

``SCHEMA_VERSION`` rises only when a field is renamed or removed, or its
meaning or type changes; new fields are added without a change of version.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..core.evaluate import Result, Status
from ..core.models import DecisionPath, ModificationStage, ModificationStatus, Release, ReleaseStatus
from ..core.document_kinds import AppliesTo
from ..model.context import SiteContext
from ..model.urls import GUIDE_PAGE, Urls, page_url

SCHEMA_VERSION = 1

ResultStatus = Literal[tuple(s.value for s in Status)]  # type: ignore[valid-type]


class _Out(BaseModel):
    # Serialisation schema: keys with defaults are still always written, so mark them required.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, json_schema_serialization_defaults_required=True)


class LicenceOut(_Out):
    name: str = Field(description="The licence under which the data may be reused.")
    url: str = Field(description="Where the licence terms are published.")


class FileHeader(_Out):
    schema_version: Literal[1] = Field(description="The version of this file's shape. It rises only when a field is renamed or removed or changes meaning; new fields may appear without a change.")
    generated_at: dt.datetime = Field(description="When the site was built (UTC), from the commit, not the wall clock.")
    licence: LicenceOut = Field(description="Reuse terms.")


# --- releases.json ---------------------------------------------------------


class ReleaseModificationOut(_Out):
    id: str = Field(description="The Modification Proposal's id, e.g. MP071 or SECMP0007.")
    title: str = Field(description="The modification's title.")
    status: ModificationStatus = Field(description="Its status in this release: targeted (planned for it), approved (decided, awaiting go-live), implemented, or removed from the release's scope.")
    part: Optional[str] = Field(description="This release's share of a modification split over several releases, e.g. \"part 2\" or \"CSP changes\".")
    rest_in: list[str] = Field(description="The ids of the releases that carry the rest of a split modification.")
    added: Optional[dt.date] = Field(description="When it was added to the release's scope, where the record gives the date.")
    removed: Optional[dt.date] = Field(description="When it was removed from the release's scope (status removed), where the record gives the date.")
    note: Optional[str] = Field(description="A note on the modification in this release (Markdown).")


class BaselineOut(_Out):
    scope: Literal["dcc-systems", "full"] = Field(description="What the Panel baselined: the DCC Systems scope, or the full scope.")
    date: dt.date = Field(description="When the Panel baselined it.")
    modifications: Optional[list[str]] = Field(description="The ids of the modifications the baseline froze; null when the record does not say.")


class WindowOut(_Out):
    earliest: dt.date = Field(description="The earliest go-live date the decision allowed.")
    latest: dt.date = Field(description="The latest go-live date the decision allowed.")


class MilestoneOut(_Out):
    name: str = Field(description="The milestone, e.g. \"DCC System Integration Testing complete\".")
    date: dt.date = Field(description="Its date.")
    state: Literal["actual", "expected"] = Field(description="actual: it happened on that date; expected: a plan that may move.")
    after_go_live: Optional[bool] = Field(description="true: a milestone that comes after go-live by design (early life support, say); otherwise null.")


class DateChangeOut(_Out):
    from_: dt.date = Field(alias="from", description="The go-live date before the change.")
    to: dt.date = Field(description="The go-live date asked for.")
    requested: Optional[dt.date] = Field(description="When the change was asked for.")
    decided: Optional[dt.date] = Field(description="When it was decided.")
    window: Optional[WindowOut] = Field(description="The window within which the go-live was approved to fall, when the decision gave one (the day is then fixed by a later change).")
    by: str = Field(description="Who decided: Panel, Authority or Change Board.")
    outcome: Literal["approved", "rejected"] = Field(description="Whether the change was approved.")
    reason: Optional[str] = Field(description="Why the date moved (Markdown).")


class DocumentOut(_Out):
    url: str = Field(description="The document's page on this site.")
    version: Optional[str] = Field(description="Its version, e.g. \"1.3\".")
    updated: Optional[dt.date] = Field(description="When it was last updated.")


class ConsultationOut(_Out):
    opened: dt.date = Field(description="When DCC's consultation of industry opened.")
    closed: dt.date = Field(description="When it closed.")
    responses: Optional[int] = Field(description="How many responses it received.")


class DatedDecisionOut(_Out):
    date: dt.date = Field(description="When it happened.")
    by: str = Field(description="Who did it: Panel, DCC, Authority, Change Board, SECAS, or the name of a Panel Sub-Committee.")
    outcome: Optional[str] = Field(description="What was concluded (Markdown), if recorded.")


class TestingApproachOut(DocumentOut):
    owner: str = Field(description="Who owns the document (DCC).")
    consultation: Optional[ConsultationOut] = Field(description="DCC's consultation of industry on it.")
    panel_review: Optional[DatedDecisionOut] = Field(description="The review by the Panel, or by the Sub-Committee it delegated the review to.")
    approved: Optional[DatedDecisionOut] = Field(description="DCC's approval of it.")


class ProgressReportOut(_Out):
    date: dt.date = Field(description="The report's date.")
    title: str = Field(description="Its title.")
    url: Optional[str] = Field(description="Where the report is published, if it is.")


class DatedSummaryOut(_Out):
    date: dt.date = Field(description="When it happened.")
    summary: Optional[str] = Field(description="What it found (Markdown).")


class ExternalAuditorOut(_Out):
    appointed: dt.date = Field(description="When the Panel appointed the auditor.")
    name: str = Field(description="The auditor.")
    scope: Optional[str] = Field(description="What the auditor monitors (Markdown).")


class GoLiveDecisionOut(_Out):
    date: dt.date = Field(description="When the decision was taken.")
    decision: Literal["go", "no-go", "deferred"] = Field(description="The decision.")
    by: str = Field(description="Who took it (normally the Panel).")
    criteria_met: Optional[bool] = Field(description="Whether the go-live criteria were met.")


class WaiverOut(_Out):
    requirement: str = Field(description="The id of the requirement the Panel decided not to apply to this release.")
    decided: dt.date = Field(description="When it was decided.")
    by: str = Field(description="Who decided.")
    reason: str = Field(description="Why (Markdown).")


class AmendmentOut(_Out):
    date: dt.date = Field(description="When the release's record was amended.")
    summary: str = Field(description="What changed (Markdown).")


class ReleaseOut(_Out):
    id: str = Field(description="The release id, YYYY-MM with an optional suffix, e.g. 2019-11 or 2023-11-minor. Stable: used in URLs.")
    title: str = Field(description="The release's name, e.g. \"November 2019 SEC Release\".")
    kind: Literal["scheduled", "ad-hoc"] = Field(description="scheduled: a SEC Release in the release windows; ad-hoc: an implementation outside them.")
    url: str = Field(description="The release's page on this site.")
    calendar_url: str = Field(description="The release's iCalendar file (go-live and milestones).")
    status: ReleaseStatus = Field(description="planned, baselined (scope fixed by the Panel), implemented, or cancelled.")
    go_live: dt.date = Field(description="The target go-live date, or the actual date once implemented.")
    sec_version: Optional[str] = Field(description="The SEC version that implemented the release, e.g. \"6.21\".")
    dcc_systems_impact: bool = Field(description="Whether the release changes DCC Systems (then a Testing Approach Document is required).")
    summary: Optional[str] = Field(description="A short description (Markdown).")
    modifications: list[ReleaseModificationOut] = Field(description="The release's content, in the order the record lists it, including modifications removed from it.")
    baselines: list[BaselineOut] = Field(description="Scope baselines set by the Panel.")
    milestones: list[MilestoneOut] = Field(description="The release's timescales.")
    date_changes: list[DateChangeOut] = Field(description="The history of its go-live date, oldest first.")
    implementation_document: Optional[DocumentOut] = Field(description="The SEC Release Implementation Document.")
    testing_approach: Optional[TestingApproachOut] = Field(description="DCC's SEC Release Testing Approach Document.")
    progress_reports: list[ProgressReportOut] = Field(description="DCC's reports of progress towards readiness.")
    cost_review: Optional[DatedSummaryOut] = Field(description="The Panel's review of the release's costs.")
    external_auditor: Optional[ExternalAuditorOut] = Field(description="An external auditor appointed by the Panel.")
    go_live_decision: Optional[GoLiveDecisionOut] = Field(description="The Panel's go-live decision.")
    post_go_live_review: Optional[DatedSummaryOut] = Field(description="The review after go-live.")
    waivers: list[WaiverOut] = Field(description="Requirements the Panel decided not to apply to this release.")
    amendments: list[AmendmentOut] = Field(description="The change log of this release's record, oldest first.")
    sources: list[str] = Field(description="The public pages the release's facts come from.")


class ReleasesFile(FileHeader):
    releases: list[ReleaseOut] = Field(description="Every published release, by go-live date.")


# --- modifications.json ----------------------------------------------------


class ModificationReleaseOut(_Out):
    release_id: str = Field(description="A release that carries the modification.")
    release_url: str = Field(description="That release's page on this site.")
    status: ModificationStatus = Field(description="The modification's status in that release.")
    part: Optional[str] = Field(description="The share of the modification in that release, when it is split.")
    note: Optional[str] = Field(description="A note on it in that release (Markdown).")


class HistoryOut(_Out):
    date: dt.date = Field(description="When it happened.")
    event: Literal["raised", "refinement", "working-group", "report", "consultation", "decision", "implemented", "withdrawn"] = Field(description="What happened.")
    by: Optional[str] = Field(description="Who did it, e.g. Proposer, Change Board, Authority.")
    note: Optional[str] = Field(description="A note (Markdown).")


class PartyOut(_Out):
    id: str = Field(description="The category's id, as impacts names it.")
    label: str = Field(description="Its name, e.g. \"Large Suppliers\".")
    description: str = Field(description="What it covers.")


class ModificationOut(_Out):
    id: str = Field(description="The Modification Proposal's id, e.g. MP071, SECMP0007, MP102A or DP238.")
    title: str = Field(description="Its title.")
    decision_path: DecisionPath = Field(description="Who decides it: the Authority, the Change Board (self-governance), fast-track, or Authority-led variation.")
    stage: ModificationStage = Field(description="Where it is in the modification process.")
    dcc_systems_impact: bool = Field(description="Whether it changes DCC Systems.")
    raised: Optional[dt.date] = Field(description="When it was raised.")
    url: Optional[str] = Field(description="Its official page.")
    summary: Optional[str] = Field(description="A short description (Markdown).")
    alternative_of: Optional[str] = Field(description="The proposal this one is an alternative solution to.")
    draft_proposal: Optional[str] = Field(description="Its Draft Proposal number, e.g. DP238.")
    impacts: Optional[list[str]] = Field(description="The ids of the SEC Party categories it impacts (see parties in this file); null: not recorded; []: no SEC Party is impacted.")
    sec_documents: list[str] = Field(description="The parts of the SEC it changes, as SECAS names them, e.g. \"Section H\".")
    history: list[HistoryOut] = Field(description="Dated steps of the proposal itself, oldest first.")
    sources: list[str] = Field(description="The public pages the modification's facts come from.")
    releases: list[ModificationReleaseOut] = Field(description="The published releases that carry it, by go-live date.")


class ModificationsFile(FileHeader):
    parties: list[PartyOut] = Field(description="The SEC Party categories that impacts names.")
    modifications: list[ModificationOut] = Field(description="Every published Modification Proposal, by id.")


# --- compliance.json -------------------------------------------------------


class EvidenceOut(_Out):
    text: str = Field(description="What satisfies (part of) the requirement.")
    file: str = Field(description="The source file it was found in, relative to the repository.")
    line: int = Field(description="The line in that file.")


class ResultOut(_Out):
    release_id: Optional[str] = Field(description="The release, or null for a requirement on the SEC Release Management Policy.")
    requirement_id: str = Field(description="The requirement's stable id in the rulebook.")
    clause: str = Field(description="The SEC clause it cites, as the rulebook writes it.")
    title: str = Field(description="What the requirement asks for.")
    applies_to: AppliesTo = Field(description="What the requirement is about.")
    severity: Literal["error", "warning"] = Field(description="error: a missing result stops publication; warning: it is reported.")
    status: ResultStatus = Field(description="met, missing, not-yet-due, not-applicable (its condition is false) or waived.")
    due_on: Optional[dt.date] = Field(description="The date from which a date rule makes it due, when the rulebook gives one.")
    reason: Optional[str] = Field(description="Why it is not applicable or not yet due.")
    evidence: list[EvidenceOut] = Field(description="What satisfied it.")
    gaps: list[str] = Field(description="What is missing (also listed when not yet due or waived).")
    waiver: Optional[WaiverOut] = Field(description="The Panel's decision not to apply it, when waived.")
    guide_url: str = Field(description="The requirement's entry in the editors' guide.")


class ComplianceFile(FileHeader):
    as_of: dt.date = Field(description="The date the record was checked as of: whether a requirement is due depends on it.")
    results: list[ResultOut] = Field(description="One result per requirement for the Policy (release_id null) and per release x requirement, Policy first, then releases by go-live date, each in rulebook order.")


# --- filling the shapes from the context -------------------------------------


def _header(ctx: SiteContext) -> dict:
    name, url = ctx.licence
    return {"schema_version": SCHEMA_VERSION, "generated_at": ctx.build.built_at, "licence": LicenceOut(name=name, url=url)}


def _copy(model: type[_Out], source, **values):
    """An export model from a record model: its fields of the same names, and ``values``.

    Fields are picked by name, so a field added to the record format is not
    published until an export model names it (and documents it).
    """
    if source is None:
        return None
    fields = {name: getattr(source, name, None) for name in model.model_fields if name not in values}
    return model(**fields, **values)


def release_out(ctx: SiteContext, release: Release) -> ReleaseOut:
    mods = ctx.record.modifications
    doc, tad = release.implementation_document, release.testing_approach
    return _copy(
        ReleaseOut,
        release,
        url=ctx.address(Urls.release(release.id)),
        calendar_url=ctx.address(Urls.release_calendar(release.id)),
        modifications=[_copy(ReleaseModificationOut, m, title=mods[m.id].title if m.id in mods else m.id) for m in release.modifications],
        baselines=[_copy(BaselineOut, b) for b in release.baselines],
        milestones=[_copy(MilestoneOut, m) for m in release.milestones],
        date_changes=[_copy(DateChangeOut, c, window=_copy(WindowOut, c.window)) for c in release.date_changes],
        implementation_document=_copy(DocumentOut, doc, url=_document_address(ctx, doc.page)) if doc else None,
        testing_approach=_copy(
            TestingApproachOut, tad,
            url=_document_address(ctx, tad.page),
            consultation=_copy(ConsultationOut, tad.consultation),
            panel_review=_copy(DatedDecisionOut, tad.panel_review),
            approved=_copy(DatedDecisionOut, tad.approved),
        ) if tad else None,
        progress_reports=[_copy(ProgressReportOut, p) for p in release.progress_reports],
        cost_review=_copy(DatedSummaryOut, release.cost_review),
        external_auditor=_copy(ExternalAuditorOut, release.external_auditor),
        go_live_decision=_copy(GoLiveDecisionOut, release.go_live_decision),
        post_go_live_review=_copy(DatedSummaryOut, release.post_go_live_review),
        waivers=[_copy(WaiverOut, w) for w in release.waivers],
        amendments=[_copy(AmendmentOut, a) for a in release.amendments],
    )


def releases_file(ctx: SiteContext) -> ReleasesFile:
    return ReleasesFile(**_header(ctx), releases=[release_out(ctx, r) for r in ctx.releases.values()])


def modifications_file(ctx: SiteContext) -> ModificationsFile:
    out = []
    for mod in ctx.modifications.values():
        carried = [
            ModificationReleaseOut(release_id=r.id, release_url=ctx.address(Urls.release(r.id)), status=e.status, part=e.part, note=e.note)
            for r, e in ctx.releases_of(mod.id)
        ]
        out.append(_copy(ModificationOut, mod, releases=carried, history=[_copy(HistoryOut, h) for h in mod.history]))
    parties = [_copy(PartyOut, p) for p in ctx.record.parties.values()]
    return ModificationsFile(**_header(ctx), parties=parties, modifications=out)


def ordered_results(ctx: SiteContext) -> list[Result]:
    """The Policy's results first, then each release's by go-live date, each in rulebook order."""
    rule_order = {r.id: i for i, r in enumerate(ctx.record.rulebook.requirements)} if ctx.record.rulebook else {}
    release_order = {rid: i for i, rid in enumerate(ctx.releases)}
    return sorted(
        ctx.results(),
        key=lambda r: (-1 if r.release_id is None else release_order[r.release_id], rule_order.get(r.requirement.id, len(rule_order)), r.requirement.id),
    )


def _document_address(ctx: SiteContext, page: str | None) -> str | None:
    """The address of a Markdown page named in the record (e.g. an Implementation Document)."""
    return ctx.address(page_url(page)) if page else None


def guide_link(ctx: SiteContext, requirement_id: str) -> str:
    return ctx.address(page_url(GUIDE_PAGE) + f"#{requirement_id}")


def result_out(ctx: SiteContext, result: Result) -> ResultOut:
    req = result.requirement
    return ResultOut(
        release_id=result.release_id,
        requirement_id=req.id,
        clause=req.clause,
        title=req.title,
        applies_to=req.applies_to,
        severity=req.severity,
        status=result.status.value,
        due_on=result.due_on,
        reason=result.reason or None,
        evidence=[EvidenceOut(text=e.text, file=e.file, line=e.line) for e in result.evidence],
        gaps=list(result.gaps),
        waiver=_copy(WaiverOut, result.waiver) if result.status is Status.WAIVED else None,
        guide_url=guide_link(ctx, req.id),
    )


def compliance_file(ctx: SiteContext) -> ComplianceFile:
    return ComplianceFile(**_header(ctx), as_of=ctx.as_of, results=[result_out(ctx, r) for r in ordered_results(ctx)])


# The published JSON files: site path -> (model of the file, how to fill it).
JSON_FILES = {
    "releases": (ReleasesFile, releases_file),
    "modifications": (ModificationsFile, modifications_file),
    "compliance": (ComplianceFile, compliance_file),
}
