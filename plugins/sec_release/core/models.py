"""The record as typed, validated data (pydantic v2).

These models are the contract of ``record-format.md``: field names here are
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
    if not "".join(ch for ch in value if unicodedata.category(ch) != "Cf").strip():
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


class ReleaseModification(RecordModel):
    id: ModificationId
    status: ModificationStatus
    part: Optional[Name] = None
    # The release(s) that carry the rest of a split modification.
    rest_in: list[ReleaseId] = []
    # When it was added to the release's scope, if after a baseline (optional).
    added: Optional[IsoDate] = None
    # When it left the release's scope (status removed); optional.
    removed: Optional[IsoDate] = None
    note: Optional[MarkdownText] = None


class Baseline(RecordModel):
    scope: Literal["dcc-systems", "full"]
    date: IsoDate
    # What the baseline froze. Absent: not recorded (nothing is computed from it).
    modifications: Optional[list[ModificationId]] = None


class Window(RecordModel):
    """The dates between which a go-live may fall (the Authority approved a window)."""

    earliest: IsoDate
    latest: IsoDate


class Milestone(RecordModel):
    name: Title
    date: IsoDate
    state: Literal["actual", "expected"]
    # Milestones are the timescales up to go-live; one that really comes after
    # it (early life support, say) says so, and is not taken for a wrong date.
    after_go_live: Optional[StrictBool] = None  # absent, not false, so that the data's digest is unchanged


class DateChange(RecordModel):
    requested: Optional[IsoDate] = None
    decided: Optional[IsoDate] = None
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    window: Optional[Window] = None
    by: Body
    reason: Optional[MarkdownText] = None
    outcome: Literal["approved", "rejected"] = "approved"


class ImplementationDocument(RecordModel):
    page: PagePath
    version: Optional[Name] = None
    updated: Optional[IsoDate] = None


class Consultation(RecordModel):
    opened: IsoDate
    closed: IsoDate
    responses: Optional[Annotated[int, Field(ge=0, strict=True)]] = None


class PanelReview(RecordModel):
    date: IsoDate
    # "Panel", or the name of the Sub-Committee the Panel delegated the review to
    # (e.g. "Operations Group"); the generic "Sub-Committee" is still accepted.
    by: Name
    outcome: Optional[MarkdownText] = None


class Approval(RecordModel):
    date: IsoDate
    by: Body


class TestingApproach(RecordModel):
    page: PagePath
    owner: Name = "DCC"
    version: Optional[Name] = None
    updated: Optional[IsoDate] = None
    consultation: Optional[Consultation] = None
    panel_review: Optional[PanelReview] = None
    approved: Optional[Approval] = None


class ProgressReport(RecordModel):
    date: IsoDate
    title: Title
    url: Optional[Url] = None


class CostReview(RecordModel):
    date: IsoDate
    summary: Optional[MarkdownText] = None


class ExternalAuditor(RecordModel):
    appointed: IsoDate
    name: Name
    scope: Optional[MarkdownText] = None


class GoLiveDecision(RecordModel):
    date: IsoDate
    decision: Literal["go", "no-go", "deferred"]
    by: Body = "Panel"
    criteria_met: Optional[StrictBool] = None


class PostGoLiveReview(RecordModel):
    date: IsoDate
    summary: Optional[MarkdownText] = None


class Waiver(RecordModel):
    requirement: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)]
    decided: IsoDate
    by: Body
    reason: MarkdownText


class Amendment(RecordModel):
    date: IsoDate
    summary: MarkdownText


class Release(RecordModel):
    id: ReleaseId
    title: Title
    kind: ReleaseKind = "scheduled"
    status: ReleaseStatus
    draft: StrictBool = False
    go_live: IsoDate
    sec_version: Optional[Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]] = None
    dcc_systems_impact: StrictBool
    summary: Optional[MarkdownText] = None
    modifications: list[ReleaseModification] = []
    baselines: list[Baseline] = []
    milestones: list[Milestone] = []
    date_changes: list[DateChange] = []
    implementation_document: Optional[ImplementationDocument] = None
    testing_approach: Optional[TestingApproach] = None
    progress_reports: list[ProgressReport] = []
    cost_review: Optional[CostReview] = None
    external_auditor: Optional[ExternalAuditor] = None
    go_live_decision: Optional[GoLiveDecision] = None
    post_go_live_review: Optional[PostGoLiveReview] = None
    waivers: list[Waiver] = []
    amendments: list[Amendment] = []
    sources: list[Url] = []  # public pages the facts above come from

    def active_modifications(self) -> list[ReleaseModification]:
        return [m for m in self.modifications if m.status != "removed"]


class HistoryEntry(RecordModel):
    """A dated step of a Modification Proposal itself."""

    date: IsoDate
    event: HistoryEvent
    by: Optional[Name] = None
    note: Optional[MarkdownText] = None


class Modification(RecordModel):
    id: ModificationId
    title: Title
    decision_path: DecisionPath
    stage: ModificationStage
    dcc_systems_impact: StrictBool
    raised: Optional[IsoDate] = None
    url: Optional[Url] = None
    summary: Optional[MarkdownText] = None
    alternative_of: Optional[ModificationId] = None  # the proposal this one is an alternative solution to
    draft_proposal: Optional[ModificationId] = None  # its Draft Proposal number, e.g. DP238
    # SEC Party categories affected (ids from data/parties.yaml). None: not
    # recorded; []: no SEC Party is impacted. The two read differently.
    impacts: Optional[list[PartyId]] = None
    sec_documents: list[Name] = []  # parts of the SEC it changes, as SECAS names them
    history: list[HistoryEntry] = []  # oldest first
    sources: list[Url] = []  # public pages the facts above come from


class Party(RecordModel):
    """A category of SEC Party, as SECAS's modification pages name them."""

    id: PartyId
    label: Title
    description: Title  # one short sentence


class PartyList(RecordModel):
    parties: list[Party]


class PolicyFrontMatter(BaseModel):
    """What the Policy page's front matter says about the Policy itself.

    Other keys (title, MkDocs' own) are allowed: the page is a MkDocs page.
    """

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=True)

    version: Optional[Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]] = None
    approved: Optional[IsoDate] = None
    approved_by: Optional[Name] = None
