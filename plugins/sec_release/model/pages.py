"""The unit the engine adapters publish: a page (Markdown) or a file (bytes) at a path."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import yaml
from markupsafe import escape


def _yaml_value(value: object) -> str:
    """One front-matter value that YAML reads back exactly.

    Strings are written by PyYAML itself, double-quoted: JSON would write an
    emoji as a surrogate pair that YAML reads back as two broken characters,
    and a front matter MkDocs cannot parse silently loses ``render_macros``.
    Other values (lists, numbers, booleans) are JSON, which is YAML flow syntax.
    """
    if isinstance(value, str):
        return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1_000_000).strip().removesuffix("...").strip()
    return json.dumps(value)


def front_matter(title: str, **extra: object) -> str:
    """Front matter of a generated page: its title, not rendered as a template (``render_macros: false``), and ``extra`` keys.

    The title is HTML-escaped (themes print page titles as they are).
    """
    lines = [f"title: {_yaml_value(str(escape(title)))}", "render_macros: false"]
    lines += [f"{key}: {_yaml_value(value)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative source path, e.g. "releases/2019-11/index.md"
    content: str  # Markdown (may hold raw HTML blocks)
    title: str
    nav_section: str | None = None  # the top-level nav entry it belongs under; None: not in the nav
    nav_order: tuple = ()  # sort key within the section
    edit_path: str | None = None  # project-relative file an editor changes for this page (its YAML)
    # "page": a virtual page (a hand-written file at the same path replaces it);
    # "append" / "prepend": generated Markdown added after the hand-written page's
    # body, or before it (below its first "# " heading), so the body stays editable.
    placement: str = "page"

    def wrap(self, markdown: str, mark: Callable[[str], str] = lambda text: text,
             generated: Callable[[str], str] = lambda text: text) -> str:
        """A hand-written page's Markdown with this page's content added, as ``placement`` says.

        ``mark`` is applied to each hand-written piece (to sanitise it after rendering),
        ``generated`` to the generated one (to set its HTML aside)."""
        if self.placement == "append":
            return mark(markdown) + "\n\n" + generated(self.content)
        if self.placement != "prepend":
            return mark(markdown)
        lines = markdown.split("\n")
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            if line.startswith("# "):  # keep the page's own title first
                return (mark("\n".join(lines[: index + 1])) + "\n\n" + generated(self.content) + "\n\n"
                        + mark("\n".join(lines[index + 1 :])))
            break
        return generated(self.content) + "\n\n" + mark(markdown)

    def standalone(self) -> str:
        """The page of its own that a wrapping page becomes when its hand-written file is missing."""
        return front_matter(self.title) + f"<h1>{escape(self.title)}</h1>\n\n" + self.content


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # site-relative output path, e.g. "data/releases.json"
    content: bytes
