"""The record as typed, validated data (pydantic v2).

These models are the contract of ``docs/record-format.md``: field names here are
what editors write in ``data/releases/*.yaml`` and ``data/modifications/*.yaml``.
Unknown keys are errors (``extra="forbid"``) so that a typo never passes
silently. Positions are not stored on the models: each loaded file keeps a
:class:`~sec_release.core.yaml_source.SourceMap` keyed by the same paths.
"""

from __future__ import annotations

import re
import unicodedata
import typing
from datetime import date
from typing import Annotated, Literal, Optional

from .urls import scheme
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints

RELEASE_ID_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-[a-z][a-z0-9]*)?$"
MODIFICATION_ID_PATTERN = r"^[A-Z]{2,6}[0-9]{1,5}[A-Z]?$"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_iso_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None


def _check_url(value: str) -> str:
    # Only web addresses: a javascript: or data: URL in the record would run in readers' browsers.
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE) or scheme(value) not in ("http", "https"):
        raise ValueError("must be a web address starting with https:// or http://")
    return value


def _visible(value: str) -> str:
    # A title of only zero-width or bidi characters (Unicode Cf) shows as nothing.
    shown = value if value.isascii() else "".join(ch for ch in value if unicodedata.category(ch) != "Cf")  # no ASCII character is Cf
    if not shown.strip():
        raise ValueError("is empty: it holds only invisible characters")
    return value


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(_visible)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_visible)]
MarkdownText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000), AfterValidator(_visible)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000), AfterValidator(_check_url)]
ReleaseId = Annotated[str, StringConstraints(pattern=RELEASE_ID_PATTERN)]
ModificationId = Annotated[str, StringConstraints(pattern=MODIFICATION_ID_PATTERN)]
PagePath = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

ReleaseStatus = Literal["planned", "baselined", "implemented", "cancelled"]
ModificationStatus = Literal["targeted", "approved", "implemented", "removed"]
DecisionPath = Literal["authority", "self-governance", "fast-track", "authority-led"]
ModificationStage = Literal[
    "development", "refinement", "report", "decision", "approved", "rejected", "withdrawn", "implemented"
]
Body = Literal["Panel", "Authority", "Change Board", "DCC", "Sub-Committee", "SECAS"]
ReleaseKind = Literal["scheduled", "ad-hoc"]
HistoryEvent = Literal[
    "raised", "refinement", "working-group", "report", "consultation", "decision", "implemented", "withdrawn"
]
PARTY_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
PartyId = Annotated[str, StringConstraints(pattern=PARTY_ID_PATTERN, max_length=60)]

# Release statuses in the order a release passes through them; the rulebook's
# ``due_from`` names one of the first three.
STATUS_ORDER: tuple[str, ...] = ("planned", "baselined", "implemented")


def model_in(annotation) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``Optional[Consultation]`` or ``list[Milestone]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found:
            return found
    return None


class RecordModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def about(text: str, default=...):
    """A field's meaning for editors: shown in the format reference, the schemas and the editor's hover."""
    return Field(default, description=text)


class ReleaseModification(RecordModel):
    """One modification in a release's content."""

    id: ModificationId = about("The modification's id; it must have a file in data/modifications/.")
    status: ModificationStatus = about("Its status in this release: targeted (planned for it), approved (decided, awaiting go-live), implemented, or removed (taken out of the release's scope).")
    part: Optional[Name] = about("This release's share of a modification split over several releases, e.g. \"part 2\" or \"CSP changes\".", None)
    rest_in: list[ReleaseId] = about("The release(s) that carry the rest of a split modification. The other release shows the link back without being told.", [])
    added: Optional[IsoDate] = about("When it was added to the release's scope, if that was after a baseline.", None)
    removed: Optional[IsoDate] = about("When it left the release's scope (status: removed only). Pages say \"removed from scope on\" this date.", None)
    note: Optional[MarkdownText] = about("A note on the modification in this release (Markdown).", None)


class Baseline(RecordModel):
    """A scope baseline set by the Panel."""

    scope: Literal["dcc-systems", "full"] = about("What the Panel baselined: dcc-systems (the DCC Systems scope, about twelve months before go-live) or full (the full scope, about six months before).")
    date: IsoDate = about("When the Panel baselined it.")
    modifications: Optional[list[ModificationId]] = about("The ids of the modifications the baseline froze. A modification in the release but not in its latest full-scope baseline shows as \"added by exception\". Leave it out when the record does not say.", None)


class Window(RecordModel):
    """The dates between which a go-live may fall (the Authority approved a window)."""

    earliest: IsoDate = about("The earliest go-live date the decision allows.")
    latest: IsoDate = about("The latest go-live date the decision allows.")


class Milestone(RecordModel):
    """A dated step of the release's timescales."""

    name: Title = about("What the milestone is, e.g. \"DCC System Integration Testing complete\".")
    date: IsoDate = about("Its date.")
    state: Literal["actual", "expected"] = about("actual: it happened on that date; expected: a plan that may move (tentative).")
    # Milestones are the timescales up to go-live; one that really comes after
    # it (early life support, say) says so, and is not taken for a wrong date.
    # Absent, not false, so that the data's digest is unchanged.
    after_go_live: Optional[StrictBool] = about("true for a milestone that comes after go-live (early life support, say), so that its date is not taken for a mistake.", None)


class DateChange(RecordModel):
    """One decision about the go-live date, oldest first."""

    requested: Optional[IsoDate] = about("When the change was asked for (e.g. when the Panel wrote to the Authority).", None)
    decided: Optional[IsoDate] = about("When it was decided.", None)
    from_: IsoDate = Field(alias="from", description="The go-live date before this decision.")
    to: IsoDate = about("The go-live date after it. With a window, the date first fixed within it (often its earliest).")
    window: Optional[Window] = about("The window the decision approved ({earliest, latest}); a later entry by the Panel then fixes the day within it.", None)
    by: Body = about("Who decided: Panel, Authority, Change Board, DCC, Sub-Committee or SECAS.")
    reason: Optional[MarkdownText] = about("Why the date moved (Markdown).", None)
    outcome: Literal["approved", "rejected"] = about("approved (default) or rejected. go_live must equal the last approved date.", "approved")


class ImplementationDocument(RecordModel):
    """The release's SEC Release Implementation Document: its text is a Markdown page."""

    page: PagePath = about("Its Markdown page, relative to content/, e.g. releases/2019-11/implementation-document.md.")
    version: Optional[Name] = about("Its version, e.g. \"1.3\" (in quotes). A version starting 0. reads as a draft.", None)
    updated: Optional[IsoDate] = about("When it was last updated (re-issued when scope changes).", None)


class Consultation(RecordModel):
    """DCC's consultation of industry on the Testing Approach Document."""

    opened: IsoDate = about("When the consultation opened.")
    closed: IsoDate = about("When it closed.")
    responses: Optional[Annotated[int, Field(ge=0, strict=True)]] = about("How many responses it received.", None)


class PanelReview(RecordModel):
    """The review of the Testing Approach Document by the Panel or the Sub-Committee it delegated to."""

    date: IsoDate = about("When it was reviewed.")
    by: Name = about("\"Panel\", or the name of the Sub-Committee the Panel delegated the review to, e.g. \"Operations Group\" (the generic \"Sub-Committee\" is still accepted).")
    outcome: Optional[MarkdownText] = about("What the review concluded (Markdown).", None)


class Approval(RecordModel):
    """An approval and who gave it."""

    date: IsoDate = about("When it was approved.")
    by: Body = about("Who approved it: normally DCC, which owns the document.")


class TestingApproach(RecordModel):
    """DCC's SEC Release Testing Approach Document: its text is a Markdown page."""

    page: PagePath = about("Its Markdown page, relative to content/, e.g. releases/2019-11/testing-approach.md.")
    owner: Name = about("Who owns the document.", "DCC")
    version: Optional[Name] = about("Its version, in quotes.", None)
    updated: Optional[IsoDate] = about("When it was last updated.", None)
    consultation: Optional[Consultation] = about("DCC's consultation of industry on it.", None)
    panel_review: Optional[PanelReview] = about("The review by the Panel, or the Sub-Committee it delegated to.", None)
    approved: Optional[Approval] = about("DCC's approval of it.", None)


class ProgressReport(RecordModel):
    """One of DCC's reports of progress towards readiness."""

    date: IsoDate = about("The report's date.")
    title: Title = about("Its title.")
    url: Optional[Url] = about("Where it is published (https://), if it is.", None)


class CostReview(RecordModel):
    """The Panel's review of the release's costs."""

    date: IsoDate = about("When the Panel reviewed the costs.")
    summary: Optional[MarkdownText] = about("What it found (Markdown).", None)


class ExternalAuditor(RecordModel):
    """An external auditor the Panel appointed to monitor DCC's implementation."""

    appointed: IsoDate = about("When the Panel appointed the auditor.")
    name: Name = about("The auditor.")
    scope: Optional[MarkdownText] = about("What the auditor monitors (Markdown).", None)


class GoLiveDecision(RecordModel):
    """The Panel's go-live decision."""

    date: IsoDate = about("When the decision was taken.")
    decision: Literal["go", "no-go", "deferred"] = about("go, no-go or deferred.")
    by: Body = about("Who took it.", "Panel")
    criteria_met: Optional[StrictBool] = about("Whether the go-live criteria were met (true or false).", None)


class PostGoLiveReview(RecordModel):
    """The review after go-live."""

    date: IsoDate = about("When the review took place.")
    summary: Optional[MarkdownText] = about("What it found (Markdown).", None)


class Waiver(RecordModel):
    """A requirement the Panel decided not to apply to this release."""

    requirement: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)] = about("The requirement's id in the rulebook.")
    decided: IsoDate = about("When the Panel decided.")
    by: Body = about("Who decided.")
    reason: MarkdownText = about("Why (Markdown).")


class Amendment(RecordModel):
    """One entry of the release record's own change log."""

    date: IsoDate = about("When the record was amended.")
    summary: MarkdownText = about("What changed and why (Markdown). Append-only once the release is published.")


class Release(RecordModel):
    """A SEC Release, or an implementation outside the release windows (one file per release)."""

    id: ReleaseId = about("YYYY-MM with an optional lower-case suffix (2019-11, 2023-11-minor); equals the file name.")
    title: Title = about("The release's name, e.g. \"November 2019 SEC Release\".")
    kind: ReleaseKind = about("scheduled (default): a SEC Release; ad-hoc: an implementation outside the release windows. The rulebook says which requirements apply to each kind.", "scheduled")
    status: ReleaseStatus = about("planned, baselined (scope fixed by the Panel), implemented or cancelled.")
    draft: StrictBool = about("true: shown in preview builds only, never published.", False)
    go_live: IsoDate = about("The target go-live date, or the actual date once implemented.")
    sec_version: Optional[Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]] = about("The SEC version that implemented it, in quotes, e.g. \"6.21\".", None)
    dcc_systems_impact: StrictBool = about("true when the release changes DCC Systems: then a Testing Approach Document is required.")
    summary: Optional[MarkdownText] = about("A short description (Markdown).", None)
    illustrative: StrictBool = about("true: the release is not confirmed by the public record and is kept as an example; pages say so and it needs no sources.", False)
    modifications: list[ReleaseModification] = about("The release's content, including modifications removed from it.", [])
    baselines: list[Baseline] = about("Scope baselines set by the Panel.", [])
    milestones: list[Milestone] = about("The release's timescales.", [])
    date_changes: list[DateChange] = about("One entry per decision about the go-live date, oldest first.", [])
    implementation_document: Optional[ImplementationDocument] = about("The SEC Release Implementation Document.", None)
    testing_approach: Optional[TestingApproach] = about("DCC's SEC Release Testing Approach Document; required when dcc_systems_impact.", None)
    progress_reports: list[ProgressReport] = about("DCC's reports of progress towards readiness.", [])
    cost_review: Optional[CostReview] = about("The Panel's review of the release's costs.", None)
    external_auditor: Optional[ExternalAuditor] = about("An external auditor appointed by the Panel, if any.", None)
    go_live_decision: Optional[GoLiveDecision] = about("The Panel's go-live decision.", None)
    post_go_live_review: Optional[PostGoLiveReview] = about("The post go-live monitoring and review.", None)
    waivers: list[Waiver] = about("Requirements the Panel decided not to apply to this release.", [])
    amendments: list[Amendment] = about("This record's own change log, oldest first; append-only once published.", [])
    sources: list[Url] = about("The public pages (https://) the release's facts come from.", [])

    def active_modifications(self) -> list[ReleaseModification]:
        return [m for m in self.modifications if m.status != "removed"]


class HistoryEntry(RecordModel):
    """A dated step of a Modification Proposal itself."""

    date: IsoDate = about("When it happened.")
    event: HistoryEvent = about("raised, refinement, working-group, report, consultation, decision, implemented or withdrawn.")
    by: Optional[Name] = about("Who did it, e.g. Proposer, Panel, Change Board, Authority.", None)
    note: Optional[MarkdownText] = about("A note (Markdown).", None)


class Modification(RecordModel):
    """A Modification Proposal (one file per modification)."""

    id: ModificationId = about("SECMP0007, MP071, MP102A (an alternative solution), DP238 (a Draft Proposal) ...; equals the file name.")
    title: Title = about("Its title, as SECAS publishes it.")
    decision_path: Optional[DecisionPath] = about("authority, self-governance, fast-track or authority-led. Leave it out when the public record does not say: pages then show \"not recorded\".", None)
    stage: Optional[ModificationStage] = about("development, refinement, report, decision, approved, rejected, withdrawn or implemented. Leave it out when not known.", None)
    dcc_systems_impact: Optional[StrictBool] = about("true when it changes DCC Systems. Leave it out when not known.", None)
    raised: Optional[IsoDate] = about("When it was raised.", None)
    url: Optional[Url] = about("Its official page (https://).", None)
    summary: Optional[MarkdownText] = about("A short description (Markdown).", None)
    illustrative: StrictBool = about("true: the modification is not confirmed by the public record and is kept as an example; pages say so and it needs no sources.", False)
    alternative_of: Optional[ModificationId] = about("The proposal this one is an alternative solution to, e.g. MP102 for MP102A; it must have a file too.", None)
    draft_proposal: Optional[ModificationId] = about("Its Draft Proposal number, e.g. DP238, if it had one.", None)
    impacts: Optional[list[PartyId]] = about("The SEC Party categories it impacts (ids from data/parties.yaml). Leave it out when not recorded; write impacts: [] when no SEC Party is impacted. Pages show the difference.", None)
    sec_documents: list[Name] = about("The parts of the SEC it changes, as SECAS names them, e.g. \"Section H\", \"Appendix AD\".", [])
    history: list[HistoryEntry] = about("Dated steps of the proposal itself, oldest first.", [])
    sources: list[Url] = about("The public pages (https://) the modification's facts come from.", [])


class Party(RecordModel):
    """A category of SEC Party, as SECAS's modification pages name them under "Who is impacted?"."""

    id: PartyId = about("What impacts: writes, e.g. large-suppliers (lower case, hyphens).")
    label: Title = about("What readers see, e.g. \"Large Suppliers\".")
    description: Title = about("One short sentence on who is in it.")


class PartyList(RecordModel):
    """data/parties.yaml."""

    parties: list[Party] = about("The categories, in the order pages list them.")


class PolicyFrontMatter(BaseModel):
    """What the Policy page's front matter says about the Policy itself.

    Other keys (title, MkDocs' own) are allowed: the page is a MkDocs page.
    """

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    version: Optional[Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]] = about("The Policy's version, in quotes, e.g. \"2.0\".", None)
    approved: Optional[IsoDate] = about("When this version was approved.", None)
    approved_by: Optional[Name] = about("Who approved it, e.g. Panel.", None)
