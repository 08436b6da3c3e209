"""What a build would change in the published record: a pure comparison of two snapshots.

A :class:`Snapshot` is the record reduced to plain JSON values (releases,
modifications, compliance results, document text digests), so that a
baseline read from a git ref (a whole record, loaded and evaluated) and one
read from a published site's ``/data/*.json`` compare the same way.
:func:`compare` lists, per release: added, removed, or changed field by field
(old -> new); modifications added to or removed from it; go-live moved;
documents re-issued; compliance results that changed. :func:`to_markdown`
(:mod:`sec_release.pages.changes_markdown`) writes that for a pull-request
comment and for the preview's ``/changes/`` page.

Nothing here reads git or files: see :mod:`sec_release.core.baseline`.
Links are semantic targets (``("release", "2019-11")``); each adapter turns
them into addresses, so the core knows no URL scheme.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Optional

from .digest import prune
from .evaluate import Evaluation, Status
from .document_kinds import DOCUMENT_KINDS, RELEASE_DOCUMENTS
from .record import Record

# The release fields that name a document.
_DOCUMENT_FIELDS = tuple(k.release_field for k in RELEASE_DOCUMENTS)

# A target a change links to; adapters turn it into an address (or None: no link).
#   ("release", id) ("modification", id) ("document", page) ("policy",)
#   ("result", requirement_id, release_id or None)
Target = tuple
Href = Callable[[Target], Optional[str]]

# How items of a release's list fields are told apart between two versions.
# Lists without a key (amendments) and lists with duplicate keys are compared by position.
_LIST_KEYS: dict[str, Callable[[dict], Any]] = {
    "modifications": lambda m: m.get("id", "?") + (f" ({m['part']})" if m.get("part") else ""),
    "baselines": lambda b: b.get("scope"),
    "milestones": lambda m: m.get("name"),
    "date_changes": lambda d: f"{d.get('from')} to {d.get('to')}",
    "progress_reports": lambda p: p.get("title"),
    "waivers": lambda w: w.get("requirement"),
}

STATUS_LABELS = {s.value: s.label.lower() for s in Status}


# ---------------------------------------------------------------------------
# snapshots


@dataclass
class Snapshot:
    """One version of the record as plain values."""

    label: str  # what it is, for people: "origin/main (commit 1a2b3c4)", "this build"
    releases: dict[str, dict] = field(default_factory=dict)  # id -> the release's data (field names as in YAML)
    modifications: dict[str, dict] = field(default_factory=dict)
    results: dict[tuple[Optional[str], str], str] = field(default_factory=dict)  # (release id | None, requirement id) -> status
    requirements: dict[str, tuple[str, str]] = field(default_factory=dict)  # requirement id -> (clause, title), rulebook order
    documents: Optional[dict[str, str]] = None  # page -> SHA-256 of its text; None when the source has no text
    release_files: dict[str, str] = field(default_factory=dict)  # id -> project-relative file, when known
    policy_page: Optional[str] = None
    as_of: Optional[date] = None  # the date its compliance results were computed as of
    problems: int = 0  # files of this version that did not load cleanly (their releases are missing here)

    def is_draft(self, release_id: str) -> bool:
        return bool(self.releases.get(release_id, {}).get("draft", False))


def snapshot_from_record(record: Record, evaluation: Evaluation, label: str) -> Snapshot:
    """A loaded record as a snapshot; document texts by the digests the loader took (nothing is read again)."""
    documents = dict(record.document_digests)
    requirements = {}
    if record.rulebook is not None:
        requirements = {r.id: (r.clause, r.title) for r in record.rulebook.requirements}
    return Snapshot(
        label=label,
        releases={rid: r.model_dump(mode="json", by_alias=True) for rid, r in record.releases.items()},
        modifications={mid: m.model_dump(mode="json", by_alias=True) for mid, m in record.modifications.items()},
        results={(r.release_id, r.requirement.id): r.status.value for r in evaluation.results},
        requirements=requirements,
        documents=documents,
        release_files=dict(record.release_files),
        policy_page=record.config.policy_page,
        as_of=evaluation.as_of,
        problems=sum(1 for d in record.problems if d.severity.value == "error"),
    )


def comparable_release(data: dict) -> dict:
    """A release's data without what only one kind of source has (page paths, site URLs, titles copied in)."""
    data = copy.deepcopy(data)
    # "computed" is what a site works out from the record; "kind" and
    # "illustrative" at their defaults are what a site of schema version 1 left out.
    for key in ("url", "calendar_url", "draft", "computed"):
        data.pop(key, None)
    if data.get("kind") == "scheduled":
        data.pop("kind")
    if data.get("illustrative") is False:
        data.pop("illustrative")
    for kind in _DOCUMENT_FIELDS:
        if isinstance(data.get(kind), dict):
            data[kind].pop("page", None)
            data[kind].pop("url", None)
    for entry in data.get("modifications") or []:
        if isinstance(entry, dict):
            entry.pop("title", None)
    return prune(data)


def comparable_modification(data: dict) -> dict:
    data = copy.deepcopy(data)
    data.pop("releases", None)
    data.pop("computed", None)
    if data.get("illustrative") is False:
        data.pop("illustrative")
    return prune(data)


# ---------------------------------------------------------------------------
# the comparison


@dataclass(frozen=True)
class FieldChange:
    field: str  # dotted, list items by their key: "milestones[Testing complete].date"
    old: Optional[str]  # display text; None when absent
    new: Optional[str]


@dataclass(frozen=True)
class ContentChange:
    """A modification added to, removed from, or changed in a release's content."""

    id: str
    part: Optional[str]
    kind: str  # added | removed (status set to removed) | unlisted (entry deleted) | restored | status | changed
    old_status: Optional[str] = None
    new_status: Optional[str] = None
    detail: str = ""


@dataclass(frozen=True)
class DocumentChange:
    kind: str  # implementation_document | testing_approach
    change: str  # added | removed | reissued | text (text changed, same version and date)
    page: Optional[str] = None  # the current page, for the link
    old_version: Optional[str] = None
    new_version: Optional[str] = None
    old_updated: Optional[str] = None
    new_updated: Optional[str] = None

    @property
    def name(self) -> str:
        return DOCUMENT_KINDS[self.kind].name


@dataclass(frozen=True)
class ResultChange:
    requirement_id: str
    clause: str
    title: str
    release_id: Optional[str]
    old: Optional[str]  # status value, or None when the requirement did not exist there
    new: Optional[str]


@dataclass
class ReleaseChange:
    id: str
    title: str
    kind: str  # added | removed | changed
    draft: bool  # a draft in the newer version (or, when removed, in the older one)
    status: str = ""
    go_live: str = ""
    go_live_moved: Optional[tuple[str, str]] = None
    content: list[ContentChange] = field(default_factory=list)
    documents: list[DocumentChange] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    results: list[ResultChange] = field(default_factory=list)
    result_counts: dict[str, int] = field(default_factory=dict)  # for an added release: status -> count
    amendments: list[str] = field(default_factory=list)  # entries appended to its amendments log


@dataclass
class ModificationChange:
    id: str
    title: str
    kind: str  # added | removed | changed
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Comparison:
    baseline: str
    current: str
    as_of: Optional[date] = None
    baseline_as_of: Optional[date] = None
    releases: list[ReleaseChange] = field(default_factory=list)
    modifications: list[ModificationChange] = field(default_factory=list)
    policy_results: list[ResultChange] = field(default_factory=list)
    policy_text_changed: bool = False
    policy_page: Optional[str] = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.releases or self.modifications or self.policy_results or self.policy_text_changed)

    def releases_of_kind(self, kind: str) -> list[ReleaseChange]:
        return [r for r in self.releases if r.kind == kind]


def display(value: Any, limit: int = 240) -> Optional[str]:
    """A value as one line of text."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dict):
        text = "; ".join(f"{k}: {display(v, limit)}" for k, v in value.items())
    elif isinstance(value, list):
        text = ", ".join(display(v, limit) or "" for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _keyed(name: str, items: list) -> dict[str, Any] | None:
    key_of = _LIST_KEYS.get(name)
    if key_of is None or not all(isinstance(i, dict) for i in items):
        return None
    keys = [str(key_of(i)) for i in items]
    if len(set(keys)) != len(keys):
        return None
    return dict(zip(keys, items))


def diff_values(old: Any, new: Any, path: str, out: list[FieldChange], list_name: str = "") -> None:
    """Field-by-field differences between two JSON values, appended to ``out``."""
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            diff_values(old.get(key), new.get(key), f"{path}.{key}" if path else str(key), out, str(key))
        return
    if isinstance(old, list) and new is None:
        new = []
    elif isinstance(new, list) and old is None:
        old = []
    if isinstance(old, list) and isinstance(new, list):
        old_keyed, new_keyed = _keyed(list_name, old), _keyed(list_name, new)
        if old_keyed is None or new_keyed is None:
            old_keyed = {f"#{i + 1}": v for i, v in enumerate(old)}
            new_keyed = {f"#{i + 1}": v for i, v in enumerate(new)}
        for key in dict.fromkeys([*old_keyed, *new_keyed]):
            diff_values(old_keyed.get(key), new_keyed.get(key), f"{path}[{key}]", out, list_name)
        return
    out.append(FieldChange(path, display(old), display(new)))


def _content_changes(old: list[dict], new: list[dict]) -> list[ContentChange]:
    def key(entry: dict) -> tuple:
        return (entry.get("id"), entry.get("part"))

    old_by, new_by = {key(e): e for e in old}, {key(e): e for e in new}
    out = []
    for k, entry in new_by.items():
        before = old_by.get(k)
        status = entry.get("status")
        if before is None:
            out.append(ContentChange(k[0], k[1], "added", None, status))
            continue
        was = before.get("status")
        if was != status:
            kind = "removed" if status == "removed" else "restored" if was == "removed" else "status"
            out.append(ContentChange(k[0], k[1], kind, was, status))
        elif before.get("note") != entry.get("note"):
            out.append(ContentChange(k[0], k[1], "changed", was, status, f"note: {display(before.get('note')) or '(none)'} → {display(entry.get('note')) or '(none)'}"))
    for k, entry in old_by.items():
        if k not in new_by:
            out.append(ContentChange(k[0], k[1], "unlisted", entry.get("status"), None))
    return out


def _document_changes(old_raw: dict, new_raw: dict, old: Snapshot, new: Snapshot) -> list[DocumentChange]:
    out = []
    for kind in _DOCUMENT_FIELDS:
        before, after = old_raw.get(kind), new_raw.get(kind)
        if not before and not after:
            continue
        page = (after or {}).get("page")
        if not before:
            out.append(DocumentChange(kind, "added", page, new_version=after.get("version"), new_updated=after.get("updated")))
            continue
        if not after:
            out.append(DocumentChange(kind, "removed", None, old_version=before.get("version"), old_updated=before.get("updated")))
            continue
        versions = (before.get("version"), after.get("version"))
        updates = (before.get("updated"), after.get("updated"))
        if versions[0] != versions[1] or updates[0] != updates[1]:
            out.append(DocumentChange(kind, "reissued", page, versions[0], versions[1], updates[0], updates[1]))
        elif old.documents is not None and new.documents is not None:
            old_text = old.documents.get(before.get("page") or "")
            new_text = new.documents.get(page or "")
            if old_text and new_text and old_text != new_text:
                out.append(DocumentChange(kind, "text", page, versions[0], versions[1], updates[0], updates[1]))
    return out


def _strip_for_fields(data: dict) -> dict:
    """What the field-by-field list shows: everything not reported in its own line."""
    data = dict(data)
    for key in ("go_live", "modifications"):
        data.pop(key, None)
    for kind in _DOCUMENT_FIELDS:
        if isinstance(data.get(kind), dict):
            data[kind] = {k: v for k, v in data[kind].items() if k not in ("version", "updated")}
    return data


def _result_changes(old: Snapshot, new: Snapshot, release_id: Optional[str]) -> list[ResultChange]:
    out = []
    requirement_ids = list(dict.fromkeys([*new.requirements, *old.requirements]))
    for rid in requirement_ids:
        before = old.results.get((release_id, rid))
        after = new.results.get((release_id, rid))
        if before == after or (before is None and after is None):
            continue
        clause, title = new.requirements.get(rid) or old.requirements.get(rid) or ("", rid)
        out.append(ResultChange(rid, clause, title, release_id, before, after))
    return out


def compare(old: Snapshot, new: Snapshot) -> Comparison:
    """What changes from ``old`` (the published baseline) to ``new`` (this build)."""
    comparison = Comparison(
        baseline=old.label, current=new.label, as_of=new.as_of, baseline_as_of=old.as_of, policy_page=new.policy_page or old.policy_page
    )
    if old.problems:
        comparison.notes.append(
            f"{old.problems} problem{'s' if old.problems != 1 else ''} in the baseline's files: "
            "releases in files that did not load there count as added here."
        )
    if new.problems:
        comparison.notes.append(
            f"{new.problems} problem{'s' if new.problems != 1 else ''} in this version's files: "
            "releases in files that did not load count as removed (run sec-release validate)."
        )
    for rid, data in new.releases.items():
        before = old.releases.get(rid)
        title = str(data.get("title", rid))
        if before is None:
            counts: dict[str, int] = {}
            for (release_id, _), status in new.results.items():
                if release_id == rid:
                    counts[status] = counts.get(status, 0) + 1
            comparison.releases.append(ReleaseChange(
                rid, title, "added", bool(data.get("draft")), str(data.get("status", "")), str(data.get("go_live", "")),
                result_counts=counts,
            ))
            continue
        change = ReleaseChange(rid, title, "changed", bool(data.get("draft")), str(data.get("status", "")), str(data.get("go_live", "")))
        old_c, new_c = comparable_release(before), comparable_release(data)
        if old_c.get("go_live") != new_c.get("go_live"):
            change.go_live_moved = (str(old_c.get("go_live")), str(new_c.get("go_live")))
        change.content = _content_changes(old_c.get("modifications") or [], new_c.get("modifications") or [])
        change.documents = _document_changes(before, data, old, new)
        if bool(before.get("draft")) != bool(data.get("draft")):
            change.fields.append(FieldChange("draft", display(bool(before.get("draft"))), display(bool(data.get("draft")))))
        old_log, new_log = old_c.get("amendments") or [], new_c.get("amendments") or []
        if new_log[: len(old_log)] == old_log:
            # Appended entries get a line each; an edited log shows field by field.
            change.amendments = [f"{a.get('date', '?')}: {display(a.get('summary'))}" for a in new_log[len(old_log):]]
            old_c["amendments"] = new_c["amendments"] = []
        diff_values(_strip_for_fields(old_c), _strip_for_fields(new_c), "", change.fields)
        change.results = _result_changes(old, new, rid)
        if change.go_live_moved or change.content or change.documents or change.fields or change.results or change.amendments:
            comparison.releases.append(change)
    for rid, data in old.releases.items():
        if rid not in new.releases:
            comparison.releases.append(ReleaseChange(
                rid, str(data.get("title", rid)), "removed", bool(data.get("draft")), str(data.get("status", "")), str(data.get("go_live", ""))
            ))

    for mid in dict.fromkeys([*new.modifications, *old.modifications]):
        before, after = old.modifications.get(mid), new.modifications.get(mid)
        title = str((after or before or {}).get("title", mid))
        if before is None:
            comparison.modifications.append(ModificationChange(mid, title, "added"))
        elif after is None:
            comparison.modifications.append(ModificationChange(mid, title, "removed"))
        else:
            fields: list[FieldChange] = []
            diff_values(comparable_modification(before), comparable_modification(after), "", fields)
            if fields:
                comparison.modifications.append(ModificationChange(mid, title, "changed", fields))

    comparison.policy_results = _result_changes(old, new, None)
    if old.documents is not None and new.documents is not None and comparison.policy_page:
        before_text = old.documents.get(comparison.policy_page)
        after_text = new.documents.get(comparison.policy_page)
        comparison.policy_text_changed = bool(before_text and after_text and before_text != after_text)
    return comparison


__all__ = [
    "Snapshot", "snapshot_from_record", "comparable_release", "compare", "Comparison", "ReleaseChange",
    "ContentChange", "DocumentChange", "ResultChange", "FieldChange", "ModificationChange", "Target", "Href",
    "display", "STATUS_LABELS",
]
