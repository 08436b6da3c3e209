"""Load the whole record: releases, modifications, rulebook and documents.

``load_record`` never raises for bad input: every problem becomes a
:class:`Diagnostic` with a file and line, and loading goes on so that all
problems are reported together. Only files that validated cleanly are kept in
the :class:`Record`, so everything downstream can trust the models.

The jobs are in their own modules: reading and validating each file
(:mod:`.record_files`), the checks across files and within a release
(:mod:`.cross_checks`), turning pydantic's errors into messages
(:mod:`.validation`). This module holds the record and the order of loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .content_check import check_content
from .cross_checks import check_modification, check_references, check_release_consistency
from .diagnostics import Diagnostic, DiagnosticList
from .documents import Document
from .models import Modification, Party, PolicyFrontMatter, Release
from .project import ProjectConfig
from .record_files import file_stems, inside_content, load_document, load_models, load_parties, load_rulebook, policy_front_matter, safe_page_path
from .rulebook import Rulebook
from .sec_documents import check_document_names
from .yaml_source import SourceMap

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
    checked_files: list[str] = field(default_factory=list)  # every file read, in order (see check_file)
    unread_files: list[str] = field(default_factory=list)  # files that could not be read or parsed

    @property
    def files_checked(self) -> int:
        return len(self.checked_files)

    def check_file(self, file: str) -> None:
        """Count a file as checked: the one place that does, for every YAML file and document read."""
        self.checked_files.append(file)

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


def load_record(config: ProjectConfig) -> Record:
    """Load and cross-check everything. Problems are in ``record.problems``."""
    record = Record(config=config)
    problems = DiagnosticList()
    load_rulebook(record, problems)
    load_parties(record, problems)

    modifications = load_models(Modification, config.data_path / "modifications", record, problems)
    stems = file_stems(config.data_path / "modifications") | set(modifications)
    modifications = {
        mid: (m, f) for mid, (m, f) in modifications.items()
        if check_modification(record, m, record.sources[f], stems, problems)
    }
    record.modifications = {mid: m for mid, (m, _) in sorted(modifications.items())}
    record.modification_files = {mid: f for mid, (_, f) in modifications.items()}
    check_document_names(record.modifications, {mid: record.sources[f] for mid, f in record.modification_files.items()}, problems)

    raw_releases: list[tuple[str, dict, str]] = []
    releases = load_models(Release, config.data_path / "releases", record, problems, raw_releases)
    release_ids = file_stems(config.data_path / "releases")  # a file with errors is reported on its own
    references_ok = {
        file: check_references(record, data, stem, record.sources[file], problems, release_ids) for stem, data, file in raw_releases
    }
    kept: list[tuple[Release, str]] = []
    for release, file in releases.values():
        if references_ok[file] and check_release_consistency(release, record.sources[file], problems):
            kept.append((release, file))
    kept.sort(key=lambda pair: (pair[0].go_live, pair[0].id))
    record.releases = {r.id: r for r, _ in kept}
    record.release_files = {r.id: f for r, f in kept}

    policy = config.policy_page
    if safe_page_path(policy) and (config.content_path / policy).is_file() and inside_content(config, policy):
        policy_doc = load_document(record, config.policy_page, problems)
        if policy_doc is not None:
            record.policy_front_matter = policy_front_matter(policy_doc, problems)
    check_content(config, problems)
    record.problems = list(problems)
    return record
