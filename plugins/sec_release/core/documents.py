"""Markdown documents: front matter and the sections the rulebook looks for.

A section is a heading and everything under it up to the next heading of the
same or a higher level, so text in sub-sections counts as the section's
content. Headings are what a reader sees (:mod:`sec_release.core.sections`):
not inside comments or code fences; setext headings count. A section whose
visible content is empty (white space, ``&nbsp;``, ``<br>``, only
sub-headings) or only a placeholder (TBC, TBD, To follow, To be confirmed)
is treated as not provided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .diagnostics import DiagnosticList, Location
from .sections import sections as visible_sections
from .yaml_source import SourceMap, parse_yaml_text

PLACEHOLDERS = frozenset({"tbc", "tbd", "to follow", "to be confirmed", "tba", "to be agreed"})

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@lru_cache(maxsize=4096)  # the same few dozen titles are compared for every release
def normalise_title(text: str) -> str:
    """Lower-case, punctuation dropped, spaces folded: "Go-live criteria" == "go live criteria"."""
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(text.replace("_", " ").split())


def is_placeholder(content: str) -> bool:
    text = _COMMENT.sub("", content)
    text = normalise_title(text)
    return text == "" or text in PLACEHOLDERS


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    line: int  # line of the heading in the file
    content: str  # the visible text under the heading, sub-headings included
    body: str | None = None  # the same without sub-headings: what makes the section provided

    @property
    def provided(self) -> bool:
        return not is_placeholder(self.content if self.body is None else self.body)


@dataclass
class Document:
    """A Markdown page under the content directory."""

    file: str  # path relative to the project dir, for messages
    page: str  # path relative to the content dir, as the record names it
    front_matter: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    front_matter_source: SourceMap | None = field(default=None, compare=False, repr=False)  # positions in the file

    def find_section(self, accepted_titles: list[str]) -> Section | None:
        """The first provided section whose title is accepted, else the first matching one."""
        wanted = {normalise_title(t) for t in accepted_titles}
        matches = [s for s in self.sections if normalise_title(s.title) in wanted]
        for section in matches:
            if section.provided:
                return section
        return matches[0] if matches else None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, line number where the body starts)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None, text, 1


def parse_sections(body: str, first_line: int = 1) -> list[Section]:
    """The sections a reader sees (:mod:`sec_release.core.sections`); ``content`` is their visible text."""
    return [
        Section(title=heading.title, level=heading.level, line=first_line + heading.line - 1, content=shown, body=content)
        for heading, shown, content in visible_sections(body)
    ]


def parse_document(text: str, file: str, page: str, problems: DiagnosticList) -> Document:
    front_text, body, body_line = split_front_matter(text)
    front: dict[str, Any] = {}
    source = None
    if front_text is not None and front_text.strip():
        data, parsed = parse_yaml_text(front_text, file, problems, line_offset=1)
        source = parsed  # its lines are the file's (line_offset counts the opening ---)
        if isinstance(data, dict):
            front = data
        elif data is not None:
            problems.error(Location(file, 2, 1), "front-matter", "the front matter must be a mapping of keys to values", "write key: value lines between the --- markers")
    return Document(file=file, page=page, front_matter=front, sections=parse_sections(body, body_line), front_matter_source=source)
