"""Text from the record placed into what is published, escaped for where it goes.

* :func:`markdown_escape`: into Markdown (headings, table cells): shows literally;
* :func:`protect_braces`: into HTML or Markdown that a later template engine
  (mkdocs-macros) reads: ``{`` and ``}`` as character references;
* :func:`clean_text`: into XML and iCalendar: characters they cannot carry dropped.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Markdown's syntax characters, backslashed; braces become character references instead.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]()#+!>|~])")

# Characters XML 1.0 and iCalendar TEXT cannot carry. YAML's escapes ("\x07")
# can put them into a title; a feed reader must not choke on them.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def protect_braces(text: str) -> str:
    """Mustache-style braces would be read as template syntax by a later renderer
    (mkdocs-macros); character references keep them literal in the page."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def markdown_escape(text: object, *, one_line: bool = False) -> Markup:
    """Text placed into Markdown (headings, table cells, list items) shows literally:
    HTML-escaped, Markdown syntax backslashed, braces as character references.
    ``one_line`` folds line breaks and runs of spaces into one space (a list item).

    Returns Markup so that autoescaping does not escape it a second time."""
    text = " ".join(str(text).split()) if one_line else str(text)
    return Markup(protect_braces(_MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(text)))))


def clean_text(text: str | None) -> str:
    return _FORBIDDEN_CHARS.sub("", text or "")
