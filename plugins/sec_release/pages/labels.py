"""Display labels of the record's values: "Planned", "Self-Governance", "✓ Met".

Display text only; what the values mean is in the record format. Every table
is checked against the model's allowed values when this module is imported,
so a value the record can hold but no label names fails the tests, never a
page at render time.
"""

from __future__ import annotations

import typing
from datetime import date

from ..core.evaluate import Status
from ..core.models import Baseline, DecisionPath, GoLiveDecision, HistoryEvent, ModificationStage, ModificationStatus, ReleaseKind, ReleaseStatus


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
# A symbol and a word for every result: never colour alone.
STATUS_SYMBOL = {
    Status.MET: "✓",
    Status.MISSING: "✗",
    Status.NOT_DUE: "○",
    Status.NOT_APPLICABLE: "–",
    Status.WAIVED: "⊘",
}
STATUS_LABEL = {s: s.label for s in Status}  # Status.label builds its table on every call
RELEASE_KIND = {"scheduled": "Scheduled SEC Release", "ad-hoc": "Ad-hoc implementation, outside the release windows"}
HISTORY_EVENT = {
    "raised": "Raised",
    "refinement": "Refinement",
    "working-group": "Working Group",
    "report": "Modification Report",
    "consultation": "Consultation",
    "decision": "Decision",
    "implemented": "Implemented",
    "withdrawn": "Withdrawn",
}
# What a page says where the record does not hold a value.
NOT_RECORDED = "Not recorded"
# What a reader calls the release fields the checks look at.
FIELD_LABEL = {
    "modifications": "Modifications in scope",
    "milestones": "Dates",
    "cost_review": "Cost review",
    "go_live_decision": "Go-live decision",
    "post_go_live_review": "Post go-live review",
    "progress_reports": "Progress reports",
    "external_auditor": "External auditor",
    "implementation_document.version": "Implementation Document version",
    "testing_approach.consultation": "Industry consultation on the Testing Approach",
    "testing_approach.panel_review": "Review of the Testing Approach",
    "testing_approach.approved": "Approval of the Testing Approach",
    "dcc_systems_impact": "the release impacts DCC Systems",
}


def field_label(dotted: str) -> str:
    """A reader's name for a release field: from FIELD_LABEL, else its words."""
    if dotted in FIELD_LABEL:
        return FIELD_LABEL[dotted]
    words = dotted.replace(".", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def count(n: int, noun: str) -> str:
    """"1 requirement", "15 requirements"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def relative_time(day: date, as_of: date) -> str:
    """How far ``day`` is from the build's date, as a reader says it: "in 11 months", "3 years ago", "today"."""
    days = (day - as_of).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    span = abs(days)
    if span < 14:
        amount = count(span, "day")
    elif span < 60:
        amount = count(round(span / 7), "week")
    elif span < 548:
        amount = count(round(span / 30.44), "month")
    else:
        amount = count(round(span / 365.25), "year")
    return f"in {amount}" if days > 0 else f"{amount} ago"


def _complete(table: dict, allowed) -> None:
    values = set(typing.get_args(allowed)) if not isinstance(allowed, set) else allowed
    if set(table) != values:
        raise AssertionError(f"labels {sorted(map(str, table))} do not match the allowed values {sorted(map(str, values))}")


for _table, _allowed in (
    (RELEASE_STATUS, ReleaseStatus),
    (IN_RELEASE_STATUS, ModificationStatus),
    (DECISION_PATH, DecisionPath),
    (STAGE, ModificationStage),
    (BASELINE_SCOPE, Baseline.model_fields["scope"].annotation),
    (GO_LIVE_DECISION, GoLiveDecision.model_fields["decision"].annotation),
    (STATUS_SYMBOL, set(Status)),
    (RELEASE_KIND, ReleaseKind),
    (HISTORY_EVENT, HistoryEvent),
):
    _complete(_table, _allowed)
