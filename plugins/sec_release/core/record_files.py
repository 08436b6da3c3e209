"""Reading the record's files: each YAML file and document, parsed, validated and put into the :class:`Record`.

Every file read is counted by :meth:`Record.check_file`, in one place; every
problem becomes a diagnostic.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .link_check import check_text_links
from .diagnostics import DiagnosticList, Location
from .documents import Document, parse_document
from .file_memo import per_file
from .models import PartyList, PolicyFrontMatter
from .project import ProjectConfig
from .rulebook import Requirement, Rulebook, semantic_problems
from .validation import validate_model
from .yaml_source import SourceMap, load_yaml_file, read_text

if TYPE_CHECKING:
    from .record import Record


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


def _read_record_file(record: Record, path: Path, problems: DiagnosticList) -> tuple[Any, SourceMap] | None:
    """Read and parse one record file, counted as checked; None (and listed as unread) when it cannot be parsed."""
    file = record.config.relative(path)
    record.check_file(file)
    data, source = load_yaml_file(path, file, problems)
    record.sources[file] = source
    if data is None:
        record.unread_files.append(file)
        return None
    return data, source


def load_models(kind: type[BaseModel], folder: Path, record: Record, problems: DiagnosticList, raw: list | None = None) -> dict[str, tuple[Any, str]]:
    """Validated models by id. ``raw`` collects (file stem, data, file) of every parsed file, valid or not."""
    loaded: dict[str, tuple[Any, str]] = {}
    for path in _record_files(folder, record.config, problems):
        read = _read_record_file(record, path, problems)
        if read is None:
            continue
        data, source = read
        file = record.config.relative(path)
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


def load_rulebook(record: Record, problems: DiagnosticList) -> None:
    path = record.config.rulebook_path
    file = record.config.relative(path)
    if not path.is_file():
        problems.error(Location(file, 1, 1), "rulebook", "the rulebook file does not exist", "set rulebook in mkdocs.yml, or restore data/rulebook/d10.yaml")
        return
    read = _read_record_file(record, path, problems)
    if read is None:
        return
    data, source = read
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


def load_parties(record: Record, problems: DiagnosticList) -> None:
    """data/parties.yaml: the SEC Party categories that modifications' impacts name. Optional."""
    path = record.config.data_path / PARTIES_FILE
    if not path.is_file():
        return
    read = _read_record_file(record, path, problems)
    if read is None:
        return
    data, source = read
    parties = validate_model(PartyList, data, source, problems)
    if parties is None:
        return
    for index, party in enumerate(parties.parties):
        if party.id in record.parties:
            problems.error(source.locate(("parties", index, "id")), "duplicate-party", f'the party id "{party.id}" is listed twice', "list each category once")
            continue
        record.parties[party.id] = party


def file_stems(folder: Path) -> set[str]:
    """The ids of the record files in a folder, whether or not they load: what a reference may name."""
    return {p.stem for p in folder.glob("*.yaml") if p.is_file()} if folder.is_dir() else set()


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


def inside_content(config: ProjectConfig, page: str) -> bool:
    """After following symbolic links, the page is still inside the content dir."""
    return (config.content_path / page).resolve().is_relative_to(config.content_path.resolve())


_parse_document = per_file(parse_document)  # parsed again only when its text changed (`mkdocs serve`)


def load_document(record: Record, page: str, problems: DiagnosticList) -> Document | None:
    if page in record.documents:
        return record.documents[page]
    path = record.config.content_path / page
    file = record.config.relative(path)
    record.check_file(file)
    text = read_text(path, file, problems)
    if text is None:
        record.unread_files.append(file)
        return None
    document = _parse_document(text, file, page, problems=problems)
    record.documents[page] = document
    record.document_digests[page] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return document


def policy_front_matter(document: Document, problems: DiagnosticList) -> PolicyFrontMatter | None:
    """The Policy's version, approval date and approver, validated (the site shows them)."""
    source = document.front_matter_source or SourceMap(document.file)
    return validate_model(PolicyFrontMatter, document.front_matter, source, problems)
