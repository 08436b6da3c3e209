"""Load the whole record: releases, modifications, rulebook and documents.

``load_record`` never raises for bad input: every problem becomes a
:class:`Diagnostic` with a file and line, and loading goes on so that all
problems are reported together. Only files that validated cleanly are kept in
the :class:`Record`, so everything downstream can trust the models.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from .content_check import check_content
from .link_check import check_text_links
from .date_consistency import date_contradictions
from .diagnostics import Diagnostic, DiagnosticList, Location
from .document_kinds import RELEASE_DOCUMENTS
from .documents import Document, parse_document
from .models import MODIFICATION_ID_PATTERN, RELEASE_ID_PATTERN, Modification, Party, PartyList, PolicyFrontMatter, Release
from .project import ProjectConfig
from .rulebook import Requirement, Rulebook, semantic_problems
from .suggest import did_you_mean, suggestion
from .validation import validate_model
from .yaml_source import SourceMap, load_yaml_file, read_text


@dataclass
class Record:
    config: ProjectConfig
    releases: dict[str, Release] = field(default_factory=dict)  # ordered by go-live date
    modifications: dict[str, Modification] = field(default_factory=dict)  # ordered by id
    rulebook: Rulebook | None = None
    parties: dict[str, Party] = field(default_factory=dict)  # in the order data/parties.yaml lists them
    policy_front_matter: PolicyFrontMatter | None = None
    documents: dict[str, Document] = field(default_factory=dict)  # by page path under the content dir
    document_digests: dict[str, str] = field(default_factory=dict)  # page -> SHA-256 of its text, as loaded
    sources: dict[str, SourceMap] = field(default_factory=dict)  # by file, relative to the project
    release_files: dict[str, str] = field(default_factory=dict)  # release id -> file
    modification_files: dict[str, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    unread_files: list[str] = field(default_factory=list)  # files that could not be read or parsed

    @property
    def policy(self) -> Document | None:
        return self.documents.get(self.config.policy_page)

    @property
    def rulebook_file(self) -> str:
        return self.config.rulebook

    def release_source(self, release_id: str) -> SourceMap:
        file = self.release_files[release_id]
        return self.sources.get(file) or SourceMap(file)

    def document_for(self, release: Release, kind: str) -> Document | None:
        ref = getattr(release, kind, None)
        return self.documents.get(ref.page) if ref is not None else None


# ---------------------------------------------------------------------------
# loading


def _record_files(folder: Path, config: ProjectConfig, problems: DiagnosticList) -> list[Path]:
    if not folder.is_dir():
        problems.error(Location(config.relative(folder), 1, 1), "missing-folder", f"the folder {config.relative(folder)}/ does not exist", "create it, or set data_dir in mkdocs.yml")
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == ".yml":
            problems.error(Location(config.relative(path), 1, 1), "file-name", "record files end in .yaml, not .yml", f"rename it to {path.stem}.yaml")
        elif path.suffix == ".yaml":
            if path.is_file():
                files.append(path)
            else:  # a folder, a broken link, a link to a device: never skipped silently
                problems.error(Location(config.relative(path), 1, 1), "file-name", f"{path.name} is not a regular file", "replace it with a plain YAML file, or remove it")
    return files


def _load_models(kind: type[BaseModel], folder: Path, record: Record, problems: DiagnosticList, raw: list | None = None) -> dict[str, tuple[Any, str]]:
    """Validated models by id. ``raw`` collects (file stem, data, file) of every parsed file, valid or not."""
    loaded: dict[str, tuple[Any, str]] = {}
    for path in _record_files(folder, record.config, problems):
        file = record.config.relative(path)
        record.files_checked += 1
        data, source = load_yaml_file(path, file, problems)
        record.sources[file] = source
        if data is None:
            record.unread_files.append(file)
            continue
        check_text_links(data, source, path, problems)
        if raw is not None and isinstance(data, dict):
            raw.append((path.stem, data, file))
        model = validate_model(kind, data, source, problems)
        if model is None:
            continue
        if model.id != path.stem:
            problems.error(
                source.locate(("id",)), "id-mismatch",
                f'the id "{model.id}" differs from the file name "{path.name}"',
                f"rename the file to {model.id}.yaml, or change the id to {path.stem}",
            )
            continue
        loaded[model.id] = (model, file)
    return loaded


def _load_rulebook(record: Record, problems: DiagnosticList) -> None:
    path = record.config.rulebook_path
    file = record.config.relative(path)
    if not path.is_file():
        problems.error(Location(file, 1, 1), "rulebook", "the rulebook file does not exist", "set rulebook in mkdocs.yml, or restore data/rulebook/d10.yaml")
        return
    record.files_checked += 1
    data, source = load_yaml_file(path, file, problems)
    record.sources[file] = source
    if data is None:
        record.unread_files.append(file)
        return
    before = len(problems)
    rulebook = validate_model(Rulebook, data, source, problems)
    # Check the meaning of every entry that is well-formed on its own, even when
    # another entry is not, so that all problems are reported in one run.
    entries = data.get("requirements") if isinstance(data, dict) else None
    well_formed = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        try:
            well_formed.append((index, Requirement.model_validate(entry)))
        except ValidationError:
            pass  # already reported by the whole-file validation above
    for path_in_file, message, hint in semantic_problems(well_formed):
        problems.error(source.locate(path_in_file), "rulebook", message, hint)
    if rulebook is not None and len(problems) == before:
        record.rulebook = rulebook


PARTIES_FILE = "parties.yaml"


def _load_parties(record: Record, problems: DiagnosticList) -> None:
    """data/parties.yaml: the SEC Party categories that modifications' impacts name. Optional."""
    path = record.config.data_path / PARTIES_FILE
    if not path.is_file():
        return
    file = record.config.relative(path)
    record.files_checked += 1
    data, source = load_yaml_file(path, file, problems)
    record.sources[file] = source
    if data is None:
        return
    parties = validate_model(PartyList, data, source, problems)
    if parties is None:
        return
    for index, party in enumerate(parties.parties):
        if party.id in record.parties:
            problems.error(source.locate(("parties", index, "id")), "duplicate-party", f'the party id "{party.id}" is listed twice', "list each category once")
            continue
        record.parties[party.id] = party


def _check_modification(record: Record, mod: Modification, source: SourceMap, stems: set[str], problems: DiagnosticList) -> bool:
    """Cross-file checks of one valid modification: its parties, the proposal it is an alternative of, its history."""
    ok = True
    parties_file = f"{record.config.data_dir}/{PARTIES_FILE}"
    for index, party in enumerate(mod.impacts or []):
        if party not in record.parties:
            if record.parties:
                hint = did_you_mean(party, record.parties) + "the categories are: " + ", ".join(record.parties)
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
            hint = did_you_mean(mod.alternative_of, stems) + f"create {record.config.data_dir}/modifications/{mod.alternative_of}.yaml, or correct the id"
            problems.error(where, "unknown-modification", f'alternative_of names "{mod.alternative_of}", which is not in {record.config.data_dir}/modifications/', hint)
            ok = False
    for index in range(1, len(mod.history)):
        if mod.history[index].date < mod.history[index - 1].date:
            problems.error(source.locate(("history", index, "date")), "history-order", "history entries must be in date order, oldest first", "move this entry to its place in the list")
            ok = False
    return ok


def safe_page_path(page: str) -> bool:
    """A page path must stay inside the content dir: relative, no '..', a .md file."""
    pure = PurePosixPath(page)
    return (
        posixpath.normpath(page) == page  # no ./, no //, no trailing /: one spelling per page
        and not page.startswith(("/", "\\"))
        and "\\" not in page
        and ":" not in page
        and ".." not in pure.parts
        and pure.suffix == ".md"
    )


def _inside_content(config: ProjectConfig, page: str) -> bool:
    """After following symbolic links, the page is still inside the content dir."""
    return (config.content_path / page).resolve().is_relative_to(config.content_path.resolve())


def _load_document(record: Record, page: str, problems: DiagnosticList) -> Document | None:
    if page in record.documents:
        return record.documents[page]
    path = record.config.content_path / page
    file = record.config.relative(path)
    record.files_checked += 1
    text = read_text(path, file, problems)
    if text is None:
        record.unread_files.append(file)
        return None
    document = parse_document(text, file, page, problems)
    record.documents[page] = document
    record.document_digests[page] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return document


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


def _check_references(record: Record, data: dict, release_id: str, source: SourceMap, problems: DiagnosticList, release_ids: set[str] = frozenset()) -> bool:
    """Cross-file checks on a release's raw data, so they run even when its schema check failed."""
    ok = True
    data_dir = record.config.data_dir
    seen: dict[str, int] = {}
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
        key = f"{mid}|{entry.get('part') or ''}"
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
            hint = f"{near} correct the path, or create {docs_dir}/{page}" if near else f"create {docs_dir}/{page}, or correct the path"
            problems.error(where, "missing-page", f'the page "{page}" does not exist under {docs_dir}/', hint)
            ok = False
        elif not _inside_content(record.config, page):
            problems.error(where, "page-path", f'the page "{page}" is a link to a file outside {docs_dir}/', f"replace the link with the document itself, in {docs_dir}/")
            ok = False
        elif _load_document(record, page, problems) is None:
            ok = False
    return ok


def _check_release_consistency(release: Release, source: SourceMap, problems: DiagnosticList) -> bool:
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
    for index in range(1, len(release.amendments)):
        if release.amendments[index].date < release.amendments[index - 1].date:
            problems.error(source.locate(("amendments", index, "date")), "amendment-order", "amendments must be in date order, oldest first", "append new amendments at the end of the list")
            ok = False
    return ok


# The two generic reviewers of a Testing Approach Document; any other name is a Sub-Committee's.
PANEL_REVIEWERS = ("Panel", "Sub-Committee")


def _policy_front_matter(document: Document, problems: DiagnosticList) -> PolicyFrontMatter | None:
    """The Policy's version, approval date and approver, validated (the site shows them)."""
    source = document.front_matter_source or SourceMap(document.file)
    return validate_model(PolicyFrontMatter, document.front_matter, source, problems)


def load_record(config: ProjectConfig) -> Record:
    """Load and cross-check everything. Problems are in ``record.problems``."""
    record = Record(config=config)
    problems = DiagnosticList()
    _load_rulebook(record, problems)
    _load_parties(record, problems)

    raw_modifications: list[tuple[str, dict, str]] = []
    modifications = _load_models(Modification, config.data_path / "modifications", record, problems, raw_modifications)
    stems = {stem for stem, _, _ in raw_modifications} | set(modifications)
    modifications = {
        mid: (m, f) for mid, (m, f) in modifications.items()
        if _check_modification(record, m, record.sources[f], stems, problems)
    }
    record.modifications = {mid: m for mid, (m, _) in sorted(modifications.items())}
    record.modification_files = {mid: f for mid, (_, f) in modifications.items()}

    raw_releases: list[tuple[str, dict, str]] = []
    releases = _load_models(Release, config.data_path / "releases", record, problems, raw_releases)
    release_ids = {stem for stem, _, _ in raw_releases}
    references_ok = {
        file: _check_references(record, data, stem, record.sources[file], problems, release_ids) for stem, data, file in raw_releases
    }
    kept: list[tuple[Release, str]] = []
    for release, file in releases.values():
        if references_ok[file] and _check_release_consistency(release, record.sources[file], problems):
            kept.append((release, file))
    kept.sort(key=lambda pair: (pair[0].go_live, pair[0].id))
    record.releases = {r.id: r for r, _ in kept}
    record.release_files = {r.id: f for r, f in kept}

    policy = config.policy_page
    if safe_page_path(policy) and (config.content_path / policy).is_file() and _inside_content(config, policy):
        policy_doc = _load_document(record, config.policy_page, problems)
        if policy_doc is not None:
            record.policy_front_matter = _policy_front_matter(policy_doc, problems)
    check_content(config, problems)
    record.problems = list(problems)
    return record
