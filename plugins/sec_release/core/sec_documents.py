"""The parts of the Code a modification changes, as SECAS names them: "Section H (DCC Services)".

A name starts with the part ("Section H", "Schedule 8", "Appendix AD") and
may go on with its title in brackets. The part is what identifies the
document: two modifications that name "Schedule 8" under two titles change
the same document, and the site lists one page per name, so the record must
spell it one way.
"""

from __future__ import annotations

from .diagnostics import DiagnosticList
from .models import Modification
from .yaml_source import SourceMap

PART_KINDS = ("section", "schedule", "appendix")  # in the order the Code prints them


def document_part(name: str) -> str | None:
    """ "Section H" for "Section H (DCC Services)"; None for a name that is not a section, schedule or appendix."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in PART_KINDS:
        return None
    return f"{words[0].capitalize()} {words[1]}"


def sort_key(name: str) -> tuple:
    """Sections, schedules, then appendices, each by its letter or number: Schedule 9 before Schedule 10,
    Appendix D before Appendix AD; the title in brackets does not count."""
    part = document_part(name)
    if part is None:
        return (len(PART_KINDS), (1, 0, ""), name)
    kind, mark = part.split(" ", 1)
    order = (0, int(mark), "") if mark.isdigit() else (1, len(mark), mark)
    return (PART_KINDS.index(kind.lower()), order, name)


def check_document_names(modifications: dict[str, Modification], sources: dict[str, SourceMap], problems: DiagnosticList) -> None:
    """Each section, schedule or appendix written one way across the record (the first spelling, by modification id, wins)."""
    first: dict[str, tuple[str, str]] = {}  # part -> (name as first written, modification id)
    for mid in sorted(modifications):
        for index, name in enumerate(modifications[mid].sec_documents):
            part = document_part(name)
            if part is None:
                continue
            known, where = first.setdefault(part, (name, mid))
            if name != known:
                problems.error(
                    sources[mid].locate(("sec_documents", index)), "sec-document-name",
                    f'"{name}" names {part}, which {where} writes as "{known}"',
                    f'write "{known}" here too (or change both): the site lists one page per name',
                )
