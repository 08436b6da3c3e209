"""The shapes of the published JSON files, as pydantic models, and how to fill them.

These models are the open-data contract: their field names and descriptions
are what ``/data/*.schema.json`` publish and what the ``/data/`` page lists.
Every key is always present (``null`` or ``[]`` when the record has nothing),
so a reader never has to guess whether a key is missing or empty.

``SCHEMA_VERSION`` rises only when a field is renamed or removed, or its
meaning or type changes; new fields are added without a change of version.
``SCHEMA_CHANGES`` says what each version changed (the ``/data/`` page lists
it). What the site works out from the record (added by exception, split
parts, date steps, who is impacted, a modification's life) is under
``computed``, apart from what editors write.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..core.evaluate import Result, Status
from ..core.facts import added_by_exception, date_steps, modification_life, other_parts
from ..core.models import DecisionPath, HistoryEvent, Modification, ModificationStage, ModificationStatus, Release, ReleaseKind, ReleaseStatus
from ..core.document_kinds import AppliesTo
from ..model.context import SiteContext
from ..model.urls import GUIDE_PAGE, Urls, page_url

SCHEMA_VERSION = 2
# What each version changed, newest first: what a program reading version 1 must know.
SCHEMA_CHANGES = (
    (2, "A modification's decision_path, stage and dcc_systems_impact may be null where the record does not say; "
        "a Testing Approach review's by may name a Sub-Committee. Added without a change of version: "
        "kind, impacts, sec_documents, sources, history and computed."),
    (1, "The first published version."),
)

ResultStatus = Literal[tuple(s.value for s in Status)]  # type: ignore[valid-type]


class _Out(BaseModel):
    # Serialisation schema: keys with defaults are still always written, so mark them required.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, json_schema_serialization_defaults_required=True)


class LicenceOut(_Out):
    name: str = Field(description="The licence under which the data may be reused.")
    url: str = Field(description="Where the licence terms are published.")


class FileHeader(_Out):
    schema_version: Literal[2] = Field(description="The version of this file's shape. It rises only when a field is renamed or removed or changes meaning; new fields may appear without a change.")
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


class OtherPartOut(_Out):
    modification_id: str = Field(description="A modification split over releases.")
    part: Optional[str] = Field(description="This release's share of it.")
    release_id: str = Field(description="Another release carrying part of it.")
    release_part: Optional[str] = Field(description="The share that release carries.")
    later: bool = Field(description="true: that release goes live after this one (it carries the rest); false: before it.")


class DateStepOut(_Out):
    number: int = Field(description="The decision's place in date_changes, from 1.")
    window: Optional[WindowOut] = Field(description="The window the decision approved, if any.")
    fixes_day_within: Optional[WindowOut] = Field(description="When the decision fixed the day within the window an earlier decision approved: that window.")


class ImpactedOut(_Out):
    party: str = Field(description="A SEC Party category's id (see parties in modifications.json).")
    label: str = Field(description="Its name.")
    modifications: list[str] = Field(description="The release's modifications (not removed) that impact it.")


class ReleaseFactsOut(_Out):
    added_by_exception: list[str] = Field(description="Modifications added after the latest full-scope baseline that records what it froze, which did not include them.")
    other_parts: list[OtherPartOut] = Field(description="For each split modification, the other releases that carry part of it (either way round).")
    date_steps: list[DateStepOut] = Field(description="Each decision on the go-live date, with its window or the window it fixed the day in.")
    impacted: list[ImpactedOut] = Field(description="The SEC Party categories the release's modifications impact.")
    impacts_not_recorded: list[str] = Field(description="The release's modifications (not removed) whose impacts the record does not give.")


class ReleaseOut(_Out):
    id: str = Field(description="The release id, YYYY-MM with an optional suffix, e.g. 2019-11 or 2023-11-minor. Stable: used in URLs.")
    title: str = Field(description="The release's name, e.g. \"November 2019 SEC Release\".")
    kind: ReleaseKind = Field(description="scheduled: a SEC Release in the release windows; ad-hoc: an implementation outside them.")
    illustrative: bool = Field(description="true: the release is an example, not from the public record.")
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
    computed: ReleaseFactsOut = Field(description="What the site works out from the release's record (never typed by editors).")


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
    event: HistoryEvent = Field(description="What happened.")
    by: Optional[str] = Field(description="Who did it, e.g. Proposer, Change Board, Authority.")
    note: Optional[str] = Field(description="A note (Markdown).")


class PartyOut(_Out):
    id: str = Field(description="The category's id, as impacts names it.")
    label: str = Field(description="Its name, e.g. \"Large Suppliers\".")
    description: str = Field(description="What it covers.")


class LifeEventOut(_Out):
    date: Optional[dt.date] = Field(description="When it happened; null for a removal whose date the record does not give.")
    kind: Literal["history", "baselined", "added", "removed", "planned", "implemented"] = Field(description="history: a step of the proposal itself; baselined: frozen in a release's baseline; added: added to a release; removed: removed from a release's scope; planned: a release's expected go-live; implemented: went live in a release.")
    release_id: Optional[str] = Field(description="The release, for every kind but history.")
    part: Optional[str] = Field(description="The share of the modification in that release, when split.")
    event: Optional[HistoryEvent] = Field(description="For history: what happened.")
    by: Optional[str] = Field(description="For history: who did it.")
    note: Optional[str] = Field(description="For history: its note (Markdown).")
    by_exception: bool = Field(description="For added: it was added after the full-scope baseline froze the release without it.")


class ModificationFactsOut(_Out):
    life: list[LifeEventOut] = Field(description="Its history and every published release that targeted, froze, carried or dropped it, by date.")


class ModificationOut(_Out):
    id: str = Field(description="The Modification Proposal's id, e.g. MP071, SECMP0007, MP102A or DP238.")
    title: str = Field(description="Its title.")
    decision_path: Optional[DecisionPath] = Field(description="Who decides it: the Authority, the Change Board (self-governance), fast-track, or Authority-led variation; null when the record does not say.")
    stage: Optional[ModificationStage] = Field(description="Where it is in the modification process; null when the record does not say.")
    dcc_systems_impact: Optional[bool] = Field(description="Whether it changes DCC Systems; null when the record does not say.")
    illustrative: bool = Field(description="true: the modification is an example, not from the public record.")
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
    computed: ModificationFactsOut = Field(description="What the site works out from the record (never typed by editors).")


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
        computed=release_facts(ctx, release),
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


def release_facts(ctx: SiteContext, release: Release) -> ReleaseFactsOut:
    parties, mods = ctx.record.parties, ctx.record.modifications
    parts = [
        OtherPartOut(modification_id=e.id, part=e.part, release_id=p.release.id, release_part=p.entry.part, later=p.later)
        for e in release.modifications
        for p in other_parts(ctx.carriers(e.id), release.id, e.id)
    ]
    in_scope = [mods[e.id] for e in release.active_modifications() if e.id in mods]
    impacted = [
        ImpactedOut(party=pid, label=party.label, modifications=[m.id for m in in_scope if m.impacts and pid in m.impacts])
        for pid, party in parties.items()
        if any(m.impacts and pid in m.impacts for m in in_scope)
    ]
    steps = [
        DateStepOut(number=s.number, window=_copy(WindowOut, s.window), fixes_day_within=_copy(WindowOut, s.within))
        for s in date_steps(release)
    ]
    return ReleaseFactsOut(
        added_by_exception=list(added_by_exception(release)),
        other_parts=parts,
        date_steps=steps,
        impacted=impacted,
        impacts_not_recorded=[m.id for m in in_scope if m.impacts is None],
    )


def modification_facts(ctx: SiteContext, mod: Modification) -> ModificationFactsOut:
    life = []
    for e in modification_life(ctx.carriers(mod.id), mod.id, list(mod.history)):
        h = e.history
        life.append(LifeEventOut(
            date=e.date, kind=e.kind, release_id=e.release.id if e.release else None,
            part=e.entry.part if e.entry else None,
            event=h.event if h else None, by=h.by if h else None, note=h.note if h else None,
            by_exception=e.by_exception,
        ))
    return ModificationFactsOut(life=life)


def releases_file(ctx: SiteContext) -> ReleasesFile:
    return ReleasesFile(**_header(ctx), releases=[release_out(ctx, r) for r in ctx.releases.values()])


def modifications_file(ctx: SiteContext) -> ModificationsFile:
    out = []
    for mod in ctx.modifications.values():
        carried = [
            ModificationReleaseOut(release_id=r.id, release_url=ctx.address(Urls.release(r.id)), status=e.status, part=e.part, note=e.note)
            for r, e in ctx.releases_of(mod.id)
        ]
        out.append(_copy(ModificationOut, mod, releases=carried, history=[_copy(HistoryOut, h) for h in mod.history], computed=modification_facts(ctx, mod)))
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
