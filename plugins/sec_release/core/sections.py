"""The sections of a document as a reader sees them.

Headings are found by a CommonMark parser with source line maps
(markdown-it-py), not by matching lines: a heading inside an HTML comment
(``<!-- ## Costs -->``) or a code fence (three or more backticks or tildes)
is not a heading, and a setext heading (a line underlined with ``===`` or
``---``) is. A section's content is its *visible* text, sub-sections
included: the text of paragraphs, lists, tables and code, with HTML tags and
comments dropped, character references (``&nbsp;``) decoded and blank
characters removed. Sub-headings on their own are not content, so a section
holding only ``&nbsp;``, ``<br>`` or a sub-heading is empty.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from markdown_it import MarkdownIt

_HEADING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")  # attr_list: "## Timescales {#timescales}"
_COMMENT = re.compile(r"<!--.*?(-->|$)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")

_parser = MarkdownIt("commonmark").enable("table")


def visible_text(fragment: str, *, markup: bool = True) -> str:
    """Text a reader sees: for HTML (``markup``), tags and comments out and references decoded;
    then white space and invisible format characters (Unicode Cf) folded."""
    text = html.unescape(_TAG.sub(" ", _COMMENT.sub(" ", fragment))) if markup else fragment
    if not text.isascii():  # no ASCII character is Cf, and split() splits where isspace() is true
        text = "".join(" " if ch.isspace() or unicodedata.category(ch) == "Cf" else ch for ch in text)
    return " ".join(text.split())


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "html_inline":
            parts.append(_TAG.sub(" ", child.content))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


@dataclass(frozen=True)
class FoundHeading:
    index: int  # position in the token stream
    level: int
    line: int  # 1-based, in the body
    title: str


def parse(body: str) -> tuple[list[FoundHeading], list[tuple[int, str]]]:
    """Headings, and (token position, visible text) of every content block."""
    tokens = _parser.parse(body)
    headings: list[FoundHeading] = []
    texts: list[tuple[int, str]] = []
    in_heading = False
    for position, token in enumerate(tokens):
        if token.type == "heading_open":
            in_heading = True
            level = int(token.tag[1])
            line = token.map[0] + 1  # markdown-it maps every block token
            title = _HEADING_ATTRS.sub("", _inline_text(tokens[position + 1]))  # heading_open, inline, heading_close
            headings.append(FoundHeading(position, level, line, " ".join(title.split())))
            if headings[-1].title:
                texts.append((position, "\0" + headings[-1].title))  # a sub-heading: shown, but not content
        elif token.type == "heading_close":
            in_heading = False
        elif in_heading:
            continue
        elif token.type == "inline":
            texts.append((position, visible_text(_inline_text(token), markup=False)))
        elif token.type in ("fence", "code_block"):
            texts.append((position, visible_text(token.content, markup=False)))
        elif token.type == "html_block":
            texts.append((position, visible_text(token.content)))
    return headings, texts


def sections(body: str) -> list[tuple[FoundHeading, str, str]]:
    """Each heading with (all visible text under it, that text without sub-headings), up to the next
    heading of the same or a higher level."""
    headings, texts = parse(body)
    found = []
    for n, heading in enumerate(headings):
        end = None
        for later in headings[n + 1 :]:
            if later.level <= heading.level:
                end = later.index
                break
        inside = [t for position, t in texts if position > heading.index and (end is None or position < end) and t]
        shown = " ".join(t.lstrip("\0") for t in inside)
        content = " ".join(t for t in inside if not t.startswith("\0"))
        found.append((heading, shown, content))
    return found
