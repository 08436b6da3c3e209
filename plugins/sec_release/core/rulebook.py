"""The rulebook: what must exist, for what, and from when.

The rulebook is data (``data/rulebook/d10.yaml``) that SECAS edits when the
legal text moves; this module only defines its shape and checks that every
entry names things that exist (release fields, document kinds, statuses), so
that a typo in the rulebook fails loudly instead of silently passing.
"""

from __future__ import annotations

import typing
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .document_kinds import RELEASE_DOCUMENTS, AppliesTo, release_document
from .models import STATUS_ORDER, Release, ReleaseKind, model_in


class _RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CountCheck(_RuleModel):
    """At least ``at_least`` items in a list field, not counting items whose status is excluded."""

    field: str = Field(description="A list field of a release, e.g. modifications.")
    at_least: Annotated[int, Field(ge=1, strict=True)] = Field(1, description="How many items it must hold.")
    excluding_status: list[str] = Field([], description="Items whose status is one of these do not count, e.g. removed.")


class SatisfiedBy(_RuleModel):
    """What satisfies a requirement. Every check given must pass."""

    document: bool = Field(False, description="true: the document named by applies_to exists.")
    section: list[Annotated[str, StringConstraints(min_length=1)]] = Field([], description="The accepted titles of one section of that document (case and punctuation ignored); it must have real content.")
    field: Union[str, list[str], None] = Field(None, description="A dotted release field, or a list of them, that must be present and not empty.")
    count: Optional[CountCheck] = Field(None, description="At least so many items in a list field.")

    @field_validator("section", mode="before")
    @classmethod
    def _one_title_is_a_list(cls, value):
        return [value] if isinstance(value, str) else value

    def fields(self) -> list[str]:
        if self.field is None:
            return []
        return [self.field] if isinstance(self.field, str) else list(self.field)

    def is_empty(self) -> bool:
        return not (self.document or self.section or self.fields() or self.count)


class Requirement(_RuleModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)] = Field(description="Stable; used in waivers, messages, the compliance matrix and URLs.")
    clause: Annotated[str, StringConstraints(min_length=1, max_length=50)] = Field(description="The clause of the Code it cites.")
    title: Annotated[str, StringConstraints(min_length=1, max_length=300)] = Field(description="What a reader sees.")
    applies_to: AppliesTo = Field(description="policy, release, implementation_document or testing_approach.")
    condition: Optional[str] = Field(None, description="A true/false release field, e.g. dcc_systems_impact; when false the requirement is not applicable.")
    kinds: Optional[list[ReleaseKind]] = Field(None, description="The kinds of release it applies to (scheduled, ad-hoc); for a release of another kind it is not applicable. Left out: every kind.")
    due_from: Optional[Literal["planned", "baselined", "implemented"]] = Field(None, description="The release status from which it is due.")
    due_days_before_go_live: Optional[Annotated[int, Field(ge=0, strict=True)]] = Field(None, description="Due from this many days before go-live.")
    due_days_after_go_live: Optional[Annotated[int, Field(ge=0, strict=True)]] = Field(None, description="Due from this many days after go-live.")
    satisfied_by: SatisfiedBy = Field(description="What satisfies it; every check given must pass.")
    severity: Literal["error", "warning"] = Field("error", description="error: a missing result stops publication; warning: it is reported.")
    hint: Optional[str] = Field(None, description="Replaces the generated \"how to fix\" text.")
    example: Optional[str] = Field(None, description="Shown in the editors' guide.")


class Rulebook(_RuleModel):
    schema_version: Literal[1] = Field(1, description="Always 1.")
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(description="The rulebook's name: the heading of its page.")
    code: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(description="The short name of the part of the Code the requirements come from; pages say \"Compliance with\" it.")
    requirements: list[Requirement] = Field(description="The requirements, in the order pages list them.")

    def by_id(self) -> dict[str, Requirement]:
        return {r.id: r for r in self.requirements}


def clauses_of(requirements: list[Requirement]) -> str:
    """The distinct clauses of some requirements, in rulebook order, joined by ", "."""
    out: list[str] = []
    for req in requirements:
        if req.clause not in out:
            out.append(req.clause)
    return ", ".join(out)


def _document_field(applies_to: str) -> str | None:
    """The release field naming the document a requirement looks in, if any."""
    kind = release_document(applies_to)
    return kind.release_field if kind is not None else None


def clauses_for_field(rulebook: Rulebook | None, dotted: str) -> str:
    """The clauses of the requirements that a release field (or the document it names) satisfies."""
    if rulebook is None:
        return ""
    top = dotted.split(".")[0]
    found = [
        r for r in rulebook.requirements
        if any(f == dotted or f.startswith(dotted + ".") for f in r.satisfied_by.fields())
        or (r.satisfied_by.count is not None and r.satisfied_by.count.field == dotted)
        or (dotted == top and _document_field(r.applies_to) == top and r.satisfied_by.document)
    ]
    return clauses_of(found)


def due_conditions(req: Requirement) -> list[str]:
    """A requirement's due rules in words, one phrase each (all must hold); empty when always due.

    Both the rulebook page and the editors' guide say when a requirement is due;
    they take the words from here so that they never disagree.
    """
    parts = []
    if req.due_from == "planned":
        parts.append("as soon as the release is in the record (planned)")
    elif req.due_from:
        parts.append(f"once the release is {req.due_from}")
    if req.due_days_before_go_live is not None:
        parts.append(f"from {req.due_days_before_go_live} days before its go-live date")
    if req.due_days_after_go_live is not None:
        parts.append(f"from {req.due_days_after_go_live} days after its go-live date")
    return parts


def _release_field_type(dotted: str):
    """The annotation of a dotted release field, or None when it does not exist."""
    model: type[BaseModel] | None = Release
    annotation = None
    for part in dotted.split("."):
        if model is None or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
        model = model_in(annotation)
    return annotation


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list


def _list_on_the_way(dotted: str) -> str | None:
    """The list a dotted release field goes through (``milestones`` for ``milestones.date``), if any.

    Evaluation reads one value per field, so a field inside the items of a list would never be found.
    """
    parts = dotted.split(".")
    for end in range(1, len(parts)):
        if _is_list(_release_field_type(".".join(parts[:end]))):
            return ".".join(parts[:end])
    return None


def semantic_problems(requirements: list[tuple[int, Requirement]]) -> list[tuple[tuple, str, str]]:
    """Problems a schema cannot see, for (index in the file, requirement) pairs: (path, message, hint)."""
    problems: list[tuple[tuple, str, str]] = []
    seen: dict[str, int] = {}
    for index, req in requirements:
        here = ("requirements", index)
        if req.id in seen:
            problems.append((here + ("id",), f'the requirement id "{req.id}" is used twice', "ids must be unique; they appear in waivers and URLs"))
        seen.setdefault(req.id, index)
        check = req.satisfied_by
        if check.is_empty():
            problems.append((here + ("satisfied_by",), "satisfied_by names no check", "give at least one of: document, section, field, count"))
        if req.applies_to == "policy":
            if check.fields() or check.count:
                problems.append((here + ("satisfied_by",), "a Policy requirement can only be satisfied by the document or its sections", "use document: true or section: [...]"))
            if req.condition or req.kinds is not None or req.due_from or req.due_days_before_go_live is not None or req.due_days_after_go_live is not None:
                problems.append((here + ("applies_to",), "a Policy requirement has no release condition or due date", "remove condition, kinds and due_* from it"))
        if req.applies_to == "release" and (check.document or check.section):
            problems.append((here + ("satisfied_by",), "a release requirement has no document to look in", "set applies_to to " + " or ".join(k.key for k in RELEASE_DOCUMENTS)))
        if req.kinds is not None and not req.kinds:
            problems.append((here + ("kinds",), "kinds is empty, so the requirement would apply to no release", "list the kinds it applies to (scheduled, ad-hoc), or remove kinds"))
        if req.condition is not None:
            annotation = _release_field_type(req.condition)
            if annotation is None:
                problems.append((here + ("condition",), f'condition names "{req.condition}", which is not a release field', "use a true/false release field such as dcc_systems_impact"))
            elif "bool" not in str(annotation).lower():
                problems.append((here + ("condition",), f'condition "{req.condition}" is not a true/false field', "use a true/false release field such as dcc_systems_impact"))
        for dotted in check.fields():
            if _release_field_type(dotted) is None:
                problems.append((here + ("satisfied_by", "field"), f'satisfied_by names the field "{dotted}", which releases do not have', "use a release field (docs/record-format.md lists them), e.g. milestones or testing_approach.consultation"))
            elif (through := _list_on_the_way(dotted)) is not None:
                problems.append((
                    here + ("satisfied_by", "field"),
                    f'satisfied_by names the field "{dotted}", which is inside the items of the list {through}; a requirement can only check a field of the release or of a part of it that is not a list',
                    f"name the list itself (field: {through}) to require at least one entry, or count: {{field: {through}, at_least: N}}",
                ))
        if check.count is not None:
            annotation = _release_field_type(check.count.field)
            if annotation is None or not _is_list(annotation):
                problems.append((here + ("satisfied_by", "count", "field"), f'count names "{check.count.field}", which is not a list field of a release', "use a list field such as modifications or milestones"))
    return problems


__all__ = ["Rulebook", "Requirement", "SatisfiedBy", "CountCheck", "STATUS_ORDER", "semantic_problems"]
