"""Evaluate the record against the rulebook, as of a date.

``evaluate`` is a pure function of (record, as-of date): it reads nothing from
disk and never looks at the clock, so a build with a fixed ``as_of`` can be
reproduced. It yields one :class:`Result` per release x requirement (and per
Policy requirement), and the diagnostics an editor must act on.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import Any

from .diagnostics import Diagnostic, Location, Severity
from .documents import Document, normalise_title
from .models import STATUS_ORDER, Release, Waiver
from .record import Record
from .document_kinds import DOCUMENT_KINDS, release_document
from .rulebook import Requirement


class Status(str, Enum):
    MET = "met"
    MISSING = "missing"
    NOT_DUE = "not-yet-due"
    NOT_APPLICABLE = "not-applicable"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        return {"met": "Met", "missing": "Missing", "not-yet-due": "Not yet due", "not-applicable": "Not applicable", "waived": "Waived"}[self.value]


@dataclass(frozen=True)
class Evidence:
    """One thing that satisfied part of a requirement, as data: what it is and where.

    Exactly one of ``field`` (a release field, dotted) and ``document`` (a
    document kind, with ``section`` when a section of it) says what it is;
    ``found`` is what was found there ("3 entries", "recorded 2019-02-15"),
    ``text`` the whole in words, for the open data and the editors.
    """

    file: str
    line: int
    field: str | None = None  # "testing_approach.consultation"
    document: str | None = None  # a key of DOCUMENT_KINDS
    section: str | None = None  # the section's title as written
    found: str = ""

    @property
    def text(self) -> str:
        if self.field is not None:
            return f"{self.field}: {self.found}"
        name = DOCUMENT_KINDS[self.document].name if self.document else "document"
        if self.section is not None:
            return f'section "{self.section}" of the {name}'
        return f"{name}: {self.found}"


@dataclass(frozen=True)
class Result:
    requirement: Requirement
    release_id: str | None  # None for the Policy
    status: Status
    evidence: tuple[Evidence, ...] = ()  # what satisfied it
    gaps: tuple[str, ...] = ()  # what is missing (also listed when not yet due)
    location: Location | None = None
    hint: str = ""
    reason: str = ""  # why not applicable / not yet due
    due_on: date | None = None  # when a date rule makes it due
    waiver: Waiver | None = None


@dataclass
class Evaluation:
    as_of: date
    results: list[Result] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def for_release(self, release_id: str) -> list[Result]:
        return [r for r in self.results if r.release_id == release_id]

    def for_policy(self) -> list[Result]:
        return [r for r in self.results if r.release_id is None]

    # (release id, requirement id) -> the first such result; rebuilt when results were added since.
    _index: dict[tuple[str | None, str], Result] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    def get(self, release_id: str | None, requirement_id: str) -> Result | None:
        if self._indexed != len(self.results):
            self._index = {}
            for r in self.results:
                self._index.setdefault((r.release_id, r.requirement.id), r)
            self._indexed = len(self.results)
        return self._index.get((release_id, requirement_id))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def _value_at(release: Release, dotted: str) -> Any:
    value: Any = release
    for part in dotted.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, dict, str)):
        return len(value) > 0
    return True


def _found(value: Any) -> str:
    """What a present release field holds, in a few words."""
    if isinstance(value, list):
        return f"{len(value)} entr{'y' if len(value) == 1 else 'ies'}"
    date_value = getattr(value, "date", None)
    if isinstance(date_value, date):
        return f"recorded {date_value.isoformat()}"
    return "recorded"


@dataclass
class _Check:
    evidence: list[Evidence] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    location: Location | None = None

    def fail(self, gap: str, hint: str, location: Location) -> None:
        self.gaps.append(gap)
        self.hints.append(hint)
        self.location = self.location or location


def _near_heading(doc: Document, accepted: list[str]):
    """A heading that is probably a misspelling of an accepted title (e.g. "Timescale")."""
    def squeeze(title: str) -> str:  # "Time-scale" and "Timescales" differ only in spacing and a letter
        return normalise_title(title).replace(" ", "")

    wanted = [squeeze(t) for t in accepted]
    for section in doc.sections:
        if difflib.get_close_matches(squeeze(section.title), wanted, n=1, cutoff=0.8):
            return section
    return None


def _check_document(req: Requirement, doc: Document | None, page: str, docs_dir: str, check: _Check, fallback: Location) -> None:
    name = DOCUMENT_KINDS[req.applies_to].name
    if doc is None:
        check.fail(f"the {name} does not exist", f"write {docs_dir}/{page} and name it in the record", fallback)
        return
    if req.satisfied_by.document:
        check.evidence.append(Evidence(doc.file, 1, document=req.applies_to, found=f"{docs_dir}/{doc.page}"))
    if req.satisfied_by.section:
        section = doc.find_section(req.satisfied_by.section)
        wanted = req.satisfied_by.section[0]
        if section is None:
            hint = f'add a "## {wanted}" section to {doc.file}'
            where = Location(doc.file, 1, 1)
            near = _near_heading(doc, req.satisfied_by.section)
            if near is not None:
                accepted = ", ".join(f'"{t}"' for t in req.satisfied_by.section)
                hint += f'; the heading "{near.title}" (line {near.line}) looks close, but the rulebook accepts only {accepted}'
                where = Location(doc.file, near.line, 1)  # point at the heading to fix
            check.fail(f'no "{wanted}" section in the {name}', hint, where)
        elif not section.provided:
            check.fail(
                f'the "{section.title}" section of the {name} is empty or a placeholder',
                f'write the "{section.title}" section of {doc.file} (line {section.line}); "TBC" does not count',
                Location(doc.file, section.line, 1),
            )
        else:
            check.evidence.append(Evidence(doc.file, section.line, document=req.applies_to, section=section.title))


def _check_release_fields(req: Requirement, release: Release, record: Record, check: _Check) -> None:
    source = record.release_source(release.id)
    for dotted in req.satisfied_by.fields():
        value = _value_at(release, dotted)
        if _present(value):
            line = source.locate(tuple(dotted.split("."))).line
            check.evidence.append(Evidence(source.file, line, field=dotted, found=_found(value)))
        else:
            parent = tuple(dotted.split(".")[:-1])
            location = source.locate(parent, key=True)  # a top-level field: where the release's mapping begins
            check.fail(f"{dotted} is not recorded", f"add {dotted} to {source.file}", location)
    count = req.satisfied_by.count
    if count is not None:
        items = _value_at(release, count.field) or []
        counted = [i for i in items if getattr(i, "status", None) not in count.excluding_status]
        if len(counted) >= count.at_least:
            line = source.locate((count.field,)).line
            check.evidence.append(Evidence(source.file, line, field=count.field, found=str(len(counted))))
        else:
            excluded = f" (not counting {', '.join(count.excluding_status)})" if count.excluding_status else ""
            check.fail(
                f"{count.field}: {len(counted)} of at least {count.at_least}{excluded}",
                f"add at least {count.at_least} entr{'y' if count.at_least == 1 else 'ies'} to {count.field} in {source.file}",
                source.locate((count.field,), key=True),
            )


def _due(req: Requirement, release: Release, as_of: date) -> tuple[bool, str, date | None]:
    """Whether the requirement is due for this release, why not, and the date rule's day."""
    reasons = []
    due_on = None
    if req.due_from is not None and STATUS_ORDER.index(release.status) < STATUS_ORDER.index(req.due_from):
        reasons.append(f"due once the release is {req.due_from}")
    if req.due_days_before_go_live is not None:
        due_on = release.go_live - timedelta(days=req.due_days_before_go_live)
    if req.due_days_after_go_live is not None:
        due_on = max(due_on or date.min, release.go_live + timedelta(days=req.due_days_after_go_live))
    if due_on is not None and as_of < due_on:
        reasons.append(f"due from {due_on.isoformat()}")
    return (not reasons, "; ".join(reasons), due_on)


def _evaluate_release(req: Requirement, release: Release, record: Record, as_of: date) -> Result:
    source = record.release_source(release.id)
    if release.status == "cancelled":
        return Result(req, release.id, Status.NOT_APPLICABLE, reason="the release was cancelled")
    if req.kinds is not None and release.kind not in req.kinds:
        return Result(req, release.id, Status.NOT_APPLICABLE, reason=f"it applies to {' and '.join(req.kinds)} releases; this one is {release.kind}")
    if req.condition and not _value_at(release, req.condition):
        return Result(req, release.id, Status.NOT_APPLICABLE, reason=f"{req.condition} is false")

    check = _Check()
    document = release_document(req.applies_to)
    if document is not None:
        kind = document.release_field
        ref = getattr(release, kind)
        page = ref.page if ref else document.page_for(release.id)
        fallback = source.locate((kind,) if ref else (), key=True)  # no reference: where the release's mapping begins
        if req.satisfied_by.document or req.satisfied_by.section:
            doc = record.documents.get(ref.page) if ref else None
            if doc is None and ref is None:
                check.fail(
                    f"the {document.name} is not named in the record",
                    f"add {kind}: {{page: {page}}} to {source.file} and write {record.config.docs_dir}/{page}",
                    fallback,
                )
            else:
                _check_document(req, doc, page, record.config.docs_dir, check, fallback)
    _check_release_fields(req, release, record, check)

    is_due, why_not, due_on = _due(req, release, as_of)
    waiver = next((w for w in release.waivers if w.requirement == req.id), None)
    evidence, gaps = tuple(check.evidence), tuple(check.gaps)
    hint = req.hint or "; ".join(dict.fromkeys(check.hints))
    if not gaps:
        return Result(req, release.id, Status.MET, evidence, location=check.location, due_on=due_on, waiver=waiver)
    if waiver is not None:
        return Result(req, release.id, Status.WAIVED, evidence, gaps, check.location, hint, due_on=due_on, waiver=waiver)
    if not is_due:
        return Result(req, release.id, Status.NOT_DUE, evidence, gaps, check.location, hint, reason=why_not, due_on=due_on)
    return Result(req, release.id, Status.MISSING, evidence, gaps, check.location, hint, due_on=due_on)


def _evaluate_policy(req: Requirement, record: Record) -> Result:
    check = _Check()
    page = record.config.policy_page
    _check_document(req, record.policy, page, record.config.docs_dir, check, Location(f"{record.config.docs_dir}/{page}", 1, 1))
    if check.gaps:
        return Result(req, None, Status.MISSING, tuple(check.evidence), tuple(check.gaps), check.location, req.hint or "; ".join(check.hints))
    return Result(req, None, Status.MET, tuple(check.evidence))


def _staleness(release: Release, record: Record, as_of: date) -> list[Diagnostic]:
    source = record.release_source(release.id)
    where = source.locate(("status",))
    out = []
    if release.status in ("planned", "baselined") and release.go_live < as_of:
        # An error, not a warning: a build must not publish a go-live date that
        # has passed as if it were still to come. In a draft it is only a note.
        go_live_line = source.locate(("go_live",)).line
        out.append(Diagnostic(
            where, Severity.INFO if release.draft else Severity.ERROR, "stale-release",
            f"the release is still {release.status} (line {where.line}) but its go-live date, "
            f"{release.go_live.isoformat()} (line {go_live_line}), has passed (checked as of {as_of.isoformat()})",
            "if it went live, set status: implemented and go_live: to the day it actually went live; "
            "if it was moved, add the date change under date_changes "
            f"(from: {release.go_live.isoformat()}, to: the new date) and set go_live: to the new date",
            release=release.id,
        ))
    if release.status == "implemented" and release.go_live > as_of:
        out.append(Diagnostic(
            where, Severity.WARNING, "future-implemented",
            f"the release is marked implemented but its go-live date {release.go_live.isoformat()} is in the future",
            "check the status and go_live date",
            release=release.id,
        ))
    return out


def _diagnostic_for(result: Result, release: Release | None) -> Diagnostic:
    req = result.requirement
    severity = Severity(req.severity)
    if release is not None and release.draft:
        severity = Severity.INFO  # gaps in a draft are shown, never fail a build
    # Only a missing result is reported, and it always has a gap and the place of its first one.
    message = f"{req.title} Missing: {'; '.join(result.gaps)}."
    return Diagnostic(result.location, severity, req.id, message, result.hint, req.clause, release.id if release else "")


def evaluate(record: Record, as_of: date) -> Evaluation:
    evaluation = Evaluation(as_of=as_of, diagnostics=list(record.problems))
    if record.rulebook is None:
        return evaluation
    for req in record.rulebook.requirements:
        if req.applies_to == "policy":
            result = _evaluate_policy(req, record)
            evaluation.results.append(result)
            if result.status is Status.MISSING:
                evaluation.diagnostics.append(_diagnostic_for(result, None))
            continue
        for release in record.releases.values():
            result = _evaluate_release(req, release, record, as_of)
            evaluation.results.append(result)
            if result.status is Status.MISSING:
                evaluation.diagnostics.append(_diagnostic_for(result, release))
    for release in record.releases.values():
        evaluation.diagnostics.extend(_staleness(release, record, as_of))
    return evaluation
