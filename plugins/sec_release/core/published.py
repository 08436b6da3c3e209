"""The published record is never rewritten silently.

Compared with the published baseline (a :class:`~sec_release.core.compare.Snapshot`
of the base branch or of the live site), a change to the record must not:

* edit or remove an ``amendments`` entry of a published release (the log is
  append-only: new entries go at the end);
* change a published release's data without appending an ``amendments``
  entry that says what changed;
* make a published release disappear: delete its file, rename its id, or
  turn it back into a draft. A release that will not happen is ``cancelled``.

Releases that were drafts in the baseline were never published and are exempt.
Each problem is a :class:`Diagnostic` at the file and line to fix.
"""

from __future__ import annotations

from .compare import Snapshot, comparable_release, display
from .diagnostics import Diagnostic, Location, Severity
from .digest import prune
from .record import Record


def _amendments(data: dict) -> list[dict]:
    return [prune(a) for a in data.get("amendments") or [] if isinstance(a, dict)]


def _describe_amendment(entry: dict) -> str:
    return f"{entry.get('date', '?')}: {display(entry.get('summary'), 120)}"


def _error(location: Location, code: str, message: str, hint: str, release_id: str) -> Diagnostic:
    return Diagnostic(location, Severity.ERROR, code, message, hint, release=release_id)


def _amendment_problems(release_id: str, old: list[dict], new: list[dict], record: Record) -> list[Diagnostic]:
    source = record.release_source(release_id)
    out = []
    for index, entry in enumerate(old):
        if index < len(new) and new[index] == entry:
            continue
        if index < len(new):
            moved = entry in new
            location = source.locate(("amendments", index))
            if moved:
                message = (
                    f"amendments entry {index + 1} of the published record ({_describe_amendment(entry)}) "
                    f"is no longer in place: an entry was inserted or moved before it"
                )
            else:
                message = (
                    f"amendments entry {index + 1} of the published record was edited: "
                    f"it said \"{_describe_amendment(entry)}\", it now says \"{_describe_amendment(new[index])}\""
                )
            out.append(_error(
                location, "published-amendment-edited", message,
                "restore the published entries exactly as they were and append a new entry at the end of amendments",
                release_id,
            ))
        else:
            out.append(_error(
                source.locate(("amendments",), key=True), "published-amendment-removed",
                f"amendments entry {index + 1} of the published record ({_describe_amendment(entry)}) was removed",
                "restore it: the amendments of a published release are append-only; add a new entry to correct an old one",
                release_id,
            ))
    return out


def _changed_fields(old: dict, new: dict) -> list[str]:
    old_c, new_c = comparable_release(old), comparable_release(new)
    old_c.pop("amendments", None)
    new_c.pop("amendments", None)
    return [key for key in dict.fromkeys([*old_c, *new_c]) if old_c.get(key) != new_c.get(key)]


def _line_and_column(location: Location) -> tuple[int, int]:
    return location.line, location.col


def check_published(record: Record, baseline: Snapshot) -> list[Diagnostic]:
    """Problems with how this record changes the published ``baseline``; empty when none."""
    out: list[Diagnostic] = []
    data_dir = record.config.data_dir
    for release_id, old in baseline.releases.items():
        if old.get("draft"):
            continue  # never published
        file = record.release_files.get(release_id) or baseline.release_files.get(release_id) or f"{data_dir}/releases/{release_id}.yaml"
        release = record.releases.get(release_id)
        if release is None:
            if (record.config.root / file).is_file():
                # The file is there but did not load: its own errors say why (reported with the record's problems).
                continue
            out.append(_error(
                Location(file, 1, 1), "published-release-removed",
                f"the published release {release_id} ({display(old.get('title'), 120)}) is no longer in the record",
                f"restore {file}; a release that will not go ahead stays in the record with status: cancelled "
                "and an amendments entry saying why",
                release_id,
            ))
            continue
        source = record.release_source(release_id)
        if release.draft:
            out.append(_error(
                source.locate(("draft",)), "published-release-unpublished",
                f"the release {release_id} is published; setting draft: true would take it off the published record",
                "set draft: false; a release that will not go ahead is set to status: cancelled, with an amendments entry",
                release_id,
            ))
            continue
        new = release.model_dump(mode="json", by_alias=True)
        old_amendments, new_amendments = _amendments(old), _amendments(new)
        out.extend(_amendment_problems(release_id, old_amendments, new_amendments, record))
        changed = _changed_fields(old, new)
        if changed and len(new_amendments) <= len(old_amendments):
            # First in the file: by line, then column (a flow mapping puts several keys on one line).
            first = min(changed, key=lambda key: _line_and_column(source.locate((key,), key=True)))
            out.append(_error(
                source.locate((first,), key=True), "published-unrecorded-change",
                f"the published release {release_id} changed ({', '.join(changed)}) with no new amendments entry",
                "append an entry to amendments (date: and summary:) saying what changed and why",
                release_id,
            ))
    return out


def record_errors(record: Record) -> list[Diagnostic]:
    """The record's own load errors: a published release whose file does not load cannot be checked."""
    return [d for d in record.problems if d.severity is Severity.ERROR]


__all__ = ["check_published", "record_errors"]
