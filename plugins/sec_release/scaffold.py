"""``sec-release new``: start a release or a modification with files that already validate.

A new release gets its YAML file and one Markdown page per document the
rulebook asks of it (the Implementation Document; the Testing Approach
Document when it impacts DCC Systems), with every section the rulebook names
as a "TBC" placeholder. Section titles, document kinds and conditions come
from the rulebook, so a rulebook change changes the scaffold too. A planned
release's document requirements are not yet due, so the scaffold validates.

Nothing is ever overwritten: if any file exists, nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .core.date_consistency import date_contradictions
from .core.documents import normalise_title
from .core.document_kinds import DOCUMENT_KINDS, RELEASE_DOCUMENTS
from .core.models import Modification, Release

# Where a scaffolded file points editors for every field: the reference shipped
# in the repository (the site's editors' pages carry the same list).
FORMAT_REFERENCE = "docs/record-format.md"
from .core.project import ProjectConfig
from .core.rulebook import Rulebook
from .core.suggest import suggestion
from .core.yaml_source import SourceMap


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class NewFile:
    path: Path
    relative: str  # as messages show it
    text: str
    note: str = ""  # what the editor should know about it, printed beside its name


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the format reference writes them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)


_ID_FORMS = {
    Release: "a release id: YYYY-MM, with an optional lower-case suffix (2027-11, 2027-11-minor)",
    Modification: "a modification id such as MP250, SECMP0007, MP102A or DP238",
}


def _validated(model: type[BaseModel], data: dict) -> None:
    if any(ch in str(data.get("title", "")) for ch in "\r\n"):
        raise ScaffoldError("title: write the title on one line")
    try:
        model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            where = ".".join(str(p) for p in error["loc"]) or "value"
            if error["loc"] == ("id",) and error["type"] == "string_pattern_mismatch":
                problems.append(f"id: {data['id']!r} is not {_ID_FORMS[model]}")
            else:
                problems.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
        raise ScaffoldError("; ".join(problems)) from None


def _unset_fields(model: type[BaseModel], data: dict) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if (info.alias or name) not in data]


def document_sections(rulebook: Rulebook, applies_to: str) -> list[tuple[str, list[str]]]:
    """(section title, [requirement lines]) for every section the rulebook asks of a document, in rulebook order."""
    sections: dict[str, tuple[str, list[str]]] = {}
    for req in rulebook.requirements:
        if req.applies_to != applies_to or not req.satisfied_by.section:
            continue
        title = req.satisfied_by.section[0]
        key = normalise_title(title)
        sections.setdefault(key, (title, []))[1].append(f"{req.id} ({req.clause}): {req.title}")
    return list(sections.values())


def document_text(rulebook: Rulebook, kind: str, release_title: str) -> str:
    name = DOCUMENT_KINDS[kind].name
    heading = f"{release_title} – {name}"
    front = _yaml({"title": heading}).rstrip("\n")
    lines = ["---", front, "---", "", f"# {heading}", ""]
    for title, requirements in document_sections(rulebook, kind):
        lines.append(f"## {title}")
        lines.append("")
        lines.extend(f"<!-- {line.replace('--', '- -')} -->" for line in requirements)
        lines.append("TBC")
        lines.append("")
    return "\n".join(lines)


def _condition_holds(rulebook: Rulebook, kind: str, release: Release) -> bool:
    """Whether any requirement on this document kind applies to the release."""
    for req in rulebook.requirements:
        if req.applies_to == kind and (req.condition is None or bool(getattr(release, req.condition, False))):
            return True
    return False


def new_release(
    config: ProjectConfig,
    rulebook: Rulebook,
    known_modifications: set[str],
    release_id: str,
    title: str,
    go_live: date,
    *,
    dcc_systems_impact: bool,
    modifications: list[str] | None = None,
    as_of: date | None = None,
) -> list[NewFile]:
    """The files of a new planned release, validated but not yet written.

    ``as_of``: the date the record is checked as of; a planned release's
    go-live must come after it, or the new release would be stale at once.
    """
    unknown = [m for m in modifications or [] if m not in known_modifications]
    if unknown:
        near = suggestion(unknown[0], known_modifications)
        raise ScaffoldError(
            f"no such modification in {config.data_dir}/modifications/: {', '.join(unknown)} "
            + (f"({near.phrase()} If it is new, create it first: " if near else "(create it first: ")
            + f"sec-release new modification {unknown[0]} --title ...)"
        )
    data: dict = {
        "id": release_id,
        "title": title,
        "status": "planned",
        "draft": True,
        "go_live": go_live,
        "dcc_systems_impact": dcc_systems_impact,
        "modifications": [{"id": m, "status": "targeted"} for m in modifications or []],
    }
    _validated(Release, data)
    release = Release.model_validate(data)
    if date_contradictions(release, SourceMap("")):  # a new release's only date is go_live: against its id
        raise ScaffoldError(f"--go-live {go_live.isoformat()} is not in the month the id {release_id} names: give a date in that month, or the id of the month it goes live in")
    if as_of is not None and go_live < as_of:
        raise ScaffoldError(f"--go-live {go_live.isoformat()} has passed (as of {as_of.isoformat()}): a new release is planned for a date to come")
    documents: list[tuple[str, str]] = []
    for document in RELEASE_DOCUMENTS:
        kind = document.key
        if _condition_holds(rulebook, kind, release):
            page = document.page_for(release_id)
            data[document.release_field] = {"page": page, **({"owner": document.owner} if document.owner_in_data else {})}
            documents.append((kind, page))
    _validated(Release, data)

    later = ", ".join(_unset_fields(Release, data))
    text = (
        "# Scaffolded by `sec-release new release`.\n"
        "# draft: true keeps it out of the published site; set it to false to publish.\n"
        + _yaml(data)
        + f"\n# Add as the release progresses (every field: {FORMAT_REFERENCE}): {later}\n"
    )
    files = [NewFile(
        config.data_path / "releases" / f"{release_id}.yaml", f"{config.data_dir}/releases/{release_id}.yaml", text,
        "planned, draft: true",
    )]
    for kind, page in documents:
        files.append(NewFile(
            config.content_path / page, f"{config.docs_dir}/{page}", document_text(rulebook, kind, title),
            f"the {DOCUMENT_KINDS[kind].name}, every section TBC",
        ))
    return files


def new_modification(
    config: ProjectConfig,
    modification_id: str,
    title: str,
    decision_path: str,
    stage: str = "development",
    *,
    dcc_systems_impact: bool,
    raised: date | None = None,
    url: str | None = None,
    impacts: list[str] | None = None,
    known_parties: list[str] | None = None,
) -> list[NewFile]:
    """A new modification's file, validated but not yet written.

    ``impacts``: the SEC Party categories it impacts (None: not recorded; []: none);
    ``known_parties``: the ids data/parties.yaml lists, None when there is no such file.
    """
    data: dict = {
        "id": modification_id,
        "title": title,
        "decision_path": decision_path,
        "stage": stage,
        "dcc_systems_impact": dcc_systems_impact,
    }
    if raised:
        data["raised"] = raised
    if url:
        data["url"] = url
    if impacts is not None:
        _check_parties(config, impacts, known_parties)
        data["impacts"] = list(dict.fromkeys(impacts))
    _validated(Modification, data)
    later = ", ".join(_unset_fields(Modification, data))
    text = "# Scaffolded by `sec-release new modification`.\n" + _yaml(data) + (f"\n# Optional (every field: {FORMAT_REFERENCE}): {later}\n" if later else "")
    return [NewFile(config.data_path / "modifications" / f"{modification_id}.yaml", f"{config.data_dir}/modifications/{modification_id}.yaml", text)]


def _check_parties(config: ProjectConfig, impacts: list[str], known_parties: list[str] | None) -> None:
    parties_file = f"{config.data_dir}/parties.yaml"
    if impacts and known_parties is None:
        raise ScaffoldError(
            f"{parties_file} does not exist, so the party ids in --impacts cannot be checked: "
            "add the SEC Party categories there first, or leave --impacts out (impacts: not recorded)"
        )
    for party in impacts:
        if party not in (known_parties or []):
            near = suggestion(party, known_parties or [])
            raise ScaffoldError(
                f'--impacts: "{party}" is not a SEC Party category in {parties_file}'
                + (f" ({near.phrase()})" if near else "")
                + f"; the categories are: {', '.join(known_parties or [])}"
            )


def write_new(files: list[NewFile]) -> None:
    """Write every file, or none of them if any already exists."""
    existing = [f.relative for f in files if f.path.exists()]
    if existing:
        raise ScaffoldError(f"refusing to overwrite {', '.join(existing)}: nothing was written")
    for f in files:
        f.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f.path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never clobber, even in a race
            handle.write(f.text)
