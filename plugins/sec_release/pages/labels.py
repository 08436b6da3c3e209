"""Display labels of the record's values: "Planned", "Self-Governance", "✓ Met".

Display text only; what the values mean is in the record format. Every table
is checked against the model's allowed values when this module is imported,
so a value the record can hold but no label names fails the tests, never a
page at render time.
"""

from __future__ import annotations

import typing

from ..core.evaluate import Status
from ..core.models import Baseline, DecisionPath, GoLiveDecision, ModificationStage, ModificationStatus, ReleaseStatus


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
):
    _complete(_table, _allowed)
