"""Checks across the record's files and within a release, after each file validated on its own.

* :func:`check_modification`: a valid modification's parties, the proposal it
  is an alternative of, its history;
* :func:`check_references`: on a release's raw data (so they run even when its
  schema check failed): modifications and releases that exist, waivers that
  name a requirement of the rulebook, document pages inside docs_dir;
* :func:`check_release_consistency`: on a valid release, things that cannot
  both be true (dates out of order or contradicting each other).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .date_consistency import date_contradictions
from .diagnostics import DiagnosticList
from .document_kinds import RELEASE_DOCUMENTS
from .models import MODIFICATION_ID_PATTERN, RELEASE_ID_PATTERN, Modification, Release
from .record_files import PARTIES_FILE, inside_content, load_document, safe_page_path
from .suggest import did_you_mean, suggestion
from .yaml_source import SourceMap

if TYPE_CHECKING:
    from .record import Record


def check_modification(record: Record, mod: Modification, source: SourceMap, stems: set[str], problems: DiagnosticList) -> bool:
    """Cross-file checks of one valid modification: its parties, the proposal it is an alternative of, its history."""
    ok = True
    parties_file = f"{record.config.data_dir}/{PARTIES_FILE}"
    for index, party in enumerate(mod.impacts or []):
        if party not in record.parties:
            if record.parties:
                hint = did_you_mean(party, record.parties) + "the categories are: " + ", ".join(record.parties)
            elif (record.config.data_path / PARTIES_FILE).is_file():  # there, but nothing in it loaded: not to be created
                hint = f"correct {parties_file} first: it holds no SEC Party category that loaded"
            else:
                hint = f"create {parties_file} with the SEC Party categories (id, label, description)"
            problems.error(source.locate(("impacts", index)), "unknown-party", f'"{party}" is not a SEC Party category in {parties_file}', hint)
            ok = False
    if mod.alternative_of is not None:
        where = source.locate(("alternative_of",))
        if mod.alternative_of == mod.id:
            problems.error(where, "unknown-modification", f"{mod.id} names itself as the proposal it is an alternative of", "name the original proposal, e.g. MP102 for MP102A")
            ok = False
        elif mod.alternative_of not in stems:
            hint = did_you_mean(mod.alternative_of, stems - {mod.id}) + f"create {record.config.data_dir}/modifications/{mod.alternative_of}.yaml, or correct the id"
            problems.error(where, "unknown-modification", f'alternative_of names "{mod.alternative_of}", which is not in {record.config.data_dir}/modifications/', hint)
            ok = False
    if not in_date_order(mod.history, "history", source, problems, "history-order", "history entries must be in date order, oldest first", "move this entry to its place in the list"):
        ok = False
    return ok


def in_date_order(entries: list, key: str, source: SourceMap, problems: DiagnosticList, code: str, message: str, hint: str) -> bool:
    """Each entry dated no earlier than the one before it; an entry that is earlier is reported at its date."""
    ok = True
    for index in range(1, len(entries)):
        if entries[index].date < entries[index - 1].date:
            problems.error(source.locate((key, index, "date")), code, message, hint)
            ok = False
    return ok


def _entries(data: dict, key: str) -> list[tuple[int, dict]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _known_modification_ids(record: Record) -> list[str]:
    """Every modification id with a file, valid or not: a near miss may point at either."""
    folder = record.config.data_path / "modifications"
    on_disk = [p.stem for p in folder.glob("*.yaml")] if folder.is_dir() else []
    return sorted(set(record.modifications) | set(on_disk))


def _pages_beside(content: Path, page: str) -> list[str]:
    """The Markdown pages in the folder a page path names: what a misspelt path most likely meant."""
    parent = PurePosixPath(page).parent
    folder = content / parent
    if not folder.is_dir():
        return []
    return [(parent / p.name).as_posix() for p in sorted(folder.glob("*.md"))]


def _unknown_modification_hint(record: Record, mid: str) -> str:
    data_dir = record.config.data_dir
    near = suggestion(mid, _known_modification_ids(record))
    if near is not None:  # most often a typo: the fix is the id, not a new file
        return (
            f"{near.phrase()} ({data_dir}/modifications/{near.value}.yaml); correct the id, "
            f"or, for a new proposal, create {data_dir}/modifications/{mid}.yaml"
        )
    return f"create {data_dir}/modifications/{mid}.yaml (sec-release new modification {mid} --title ...)"


def check_references(record: Record, data: dict, release_id: str, source: SourceMap, problems: DiagnosticList, release_ids: set[str] = frozenset()) -> bool:
    """Cross-file checks on a release's raw data, so they run even when its schema check failed."""
    ok = True
    data_dir = record.config.data_dir
    seen: dict[tuple, int] = {}  # (id, part) -> index of the entry
    listed: set[str] = set()
    for index, entry in _entries(data, "modifications"):
        mid = entry.get("id")
        if not isinstance(mid, str) or not re.match(MODIFICATION_ID_PATTERN, mid):
            continue  # a malformed id is a schema error; never look it up as a path ("../x")
        listed.add(mid)
        if mid not in record.modifications:
            if (record.config.data_path / "modifications" / f"{mid}.yaml").exists():
                # The file is there and its own errors are reported: one mistake, one
                # message. The release waits for it (it is not kept) without a second one.
                ok = False
                continue
            problems.error(source.locate(("modifications", index, "id")), "unknown-modification", f'the modification "{mid}" is not in {data_dir}/modifications/', _unknown_modification_hint(record, mid))
            ok = False
        rest_in = entry.get("rest_in")
        for r_index, other in enumerate(rest_in if isinstance(rest_in, list) else []):
            if not isinstance(other, str) or not re.match(RELEASE_ID_PATTERN, other):
                continue  # the schema check reports it
            where = source.locate(("modifications", index, "rest_in", r_index))
            if other == release_id:
                problems.error(where, "unknown-release", f"rest_in names this release itself ({other})", "name the other release(s) that carry the rest of the modification")
                ok = False
            elif other not in release_ids:
                hint = did_you_mean(other, release_ids - {release_id}) + f"create {data_dir}/releases/{other}.yaml, or correct the id"
                problems.error(where, "unknown-release", f'rest_in names the release "{other}", which is not in {data_dir}/releases/', hint)
                ok = False
        key = (mid, entry.get("part"))
        if key in seen:
            problems.error(source.locate(("modifications", index, "id")), "duplicate-modification", f"{mid} is listed twice in this release (also entry {seen[key] + 1})", "list it once; use part: to tell the shares of a split modification apart")
            ok = False
        seen[key] = index
    for b_index, baseline in _entries(data, "baselines"):
        frozen = baseline.get("modifications")
        for m_index, mid in enumerate(frozen if isinstance(frozen, list) else []):
            if not isinstance(mid, str) or not re.match(MODIFICATION_ID_PATTERN, mid):
                continue
            where = source.locate(("baselines", b_index, "modifications", m_index))
            if mid not in record.modifications:
                problems.error(where, "unknown-modification", f'the baseline names "{mid}", which is not in {data_dir}/modifications/', _unknown_modification_hint(record, mid))
                ok = False
            elif mid not in listed:
                hint = did_you_mean(mid, listed) + f"list {mid} under modifications: (status: removed, if it has left the release)"
                problems.error(where, "baseline-not-listed", f"the baseline froze {mid}, but this release does not list it under modifications", hint)
                ok = False
    rule_ids = record.rulebook.by_id() if record.rulebook else None
    for index, waiver in _entries(data, "waivers"):
        requirement = waiver.get("requirement")
        if rule_ids is not None and isinstance(requirement, str) and requirement not in rule_ids:
            problems.error(
                source.locate(("waivers", index, "requirement")), "unknown-requirement",
                f'the waiver names "{requirement}", which is not a requirement in the rulebook',
                did_you_mean(requirement, rule_ids) + f"the ids are listed in {record.config.rulebook}",
            )
            ok = False
    for kind in (k.release_field for k in RELEASE_DOCUMENTS):
        ref = data.get(kind)
        page = ref.get("page") if isinstance(ref, dict) else None
        if not isinstance(page, str):
            continue
        where = source.locate((kind, "page"))
        docs_dir = record.config.docs_dir
        if not safe_page_path(page):
            tidy = posixpath.normpath(page.replace("\\", "/"))
            example = tidy if safe_page_path(tidy) else f"releases/{release_id}/{kind.replace('_', '-')}.md"
            problems.error(where, "page-path", f'the page "{page}" is not a Markdown file path inside {docs_dir}/ written the plain way', f"write a path relative to {docs_dir}/ with / between folders and no ./, // or .., e.g. {example}")
            ok = False
        elif not (record.config.content_path / page).is_file():
            near = did_you_mean(page, _pages_beside(record.config.content_path, page))
            hint = f"{near}correct the path, or create {docs_dir}/{page}" if near else f"create {docs_dir}/{page}, or correct the path"
            problems.error(where, "missing-page", f'the page "{page}" does not exist under {docs_dir}/', hint)
            ok = False
        elif not inside_content(record.config, page):
            problems.error(where, "page-path", f'the page "{page}" is a link to a file outside {docs_dir}/', f"replace the link with the document itself, in {docs_dir}/")
            ok = False
        elif load_document(record, page, problems) is None:
            ok = False
    return ok


def check_release_consistency(release: Release, source: SourceMap, problems: DiagnosticList) -> bool:
    """Checks that need valid dates: things that cannot both be true."""
    ok = True
    consultation = release.testing_approach.consultation if release.testing_approach else None
    if consultation and consultation.closed < consultation.opened:
        problems.error(source.locate(("testing_approach", "consultation", "closed")), "date-order", "the consultation closed before it opened", "check the opened and closed dates")
        ok = False
    for index, change in enumerate(release.date_changes):
        if change.requested and change.decided and change.decided < change.requested:
            problems.error(source.locate(("date_changes", index, "decided")), "date-order", "the date change was decided before it was requested", "check the requested and decided dates")
            ok = False
    approved = [c for c in release.date_changes if c.outcome == "approved"]
    if approved and approved[-1].to != release.go_live:
        problems.error(
            source.locate(("go_live",)), "go-live-mismatch",
            f"go_live is {release.go_live.isoformat()} but the last approved date change moved it to {approved[-1].to.isoformat()}",
            "set go_live to the latest approved date, or add the date change that explains it",
        )
        ok = False
    for index, change in enumerate(release.date_changes):
        window = change.window
        if window is None:
            continue
        if window.latest < window.earliest:
            problems.error(source.locate(("date_changes", index, "window", "latest")), "date-order", "the window's latest date is before its earliest", "check the earliest and latest dates")
            ok = False
        elif not window.earliest <= change.to <= window.latest:
            problems.error(
                source.locate(("date_changes", index, "to")), "outside-window",
                f"the new date {change.to.isoformat()} is outside the window it was approved with ({window.earliest.isoformat()} to {window.latest.isoformat()})",
                "set to: to the date first fixed within the window (often its earliest), and record the day chosen later as its own date change",
            )
            ok = False
    for index, entry in enumerate(release.modifications):
        if entry.removed is not None and entry.status != "removed":
            problems.error(source.locate(("modifications", index, "removed")), "removed-date", f"{entry.id} has a removed: date but its status is {entry.status}", "set status: removed, or delete the removed: date")
            ok = False
    review = release.testing_approach.panel_review if release.testing_approach else None
    near = suggestion(review.by, PANEL_REVIEWERS) if review is not None else None
    if near is not None and near.case_only:  # "panel" would be published as a Sub-Committee called "panel"
        problems.error(
            source.locate(("testing_approach", "panel_review", "by")), "not-allowed",
            f"by: in the testing approach's Panel review is \"{review.by}\", which reads as the name of a Sub-Committee",
            f"{near.phrase()}, or write the Sub-Committee's own name",
        )
        ok = False
    contradictions = date_contradictions(release, source)
    if contradictions:
        problems.extend(contradictions)
        ok = False
    if not in_date_order(release.amendments, "amendments", source, problems, "amendment-order", "amendments must be in date order, oldest first", "append new amendments at the end of the list"):
        ok = False
    return ok


# The two generic reviewers of a Testing Approach Document; any other name is a Sub-Committee's.
PANEL_REVIEWERS = ("Panel", "Sub-Committee")
