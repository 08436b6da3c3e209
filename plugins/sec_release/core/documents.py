"""Markdown documents: front matter and the sections the rulebook looks for.

A section is a heading and everything under it up to the next heading of the
same or a higher level, so text in sub-sections counts as the section's
content. Headings inside fenced code blocks are ignored. A section whose only
content is a placeholder (TBC, TBD, To follow, To be confirmed) is treated as
not provided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .diagnostics import DiagnosticList, Location
from .yaml_source import SourceMap, parse_yaml_text

PLACEHOLDERS = frozenset({"tbc", "tbd", "to follow", "to be confirmed", "tba", "to be agreed"})

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")  # attr_list: "## Timescales {#timescales}"


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
    content: str

    @property
    def provided(self) -> bool:
        return not is_placeholder(self.content)


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
    headings: list[tuple[int, int, str]] = []  # (index, level, title)
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence:
            continue
        match = _ATX.match(line)
        if match:
            title = _HEADING_ATTRS.sub("", match.group(2) or "").strip()
            headings.append((index, len(match.group(1)), title))
    sections = []
    for n, (index, level, title) in enumerate(headings):
        end = len(lines)
        for later_index, later_level, _ in headings[n + 1 :]:
            if later_level <= level:
                end = later_index
                break
        content = "\n".join(lines[index + 1 : end])
        sections.append(Section(title=title, level=level, line=first_line + index, content=content))
    return sections


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
