"""Generated pages' HTML, kept out of Python-Markdown's way.

A generated page is HTML from our templates (tables, facts, pictures) with
Markdown headings between the blocks, so that the engine makes the table of
contents, the permalinks and the search sections as for any page. Handing the
HTML to Python-Markdown costs most of the page's rendering: its raw-HTML
preprocessor parses every block to find where it ends, and the engine parses
the whole page again for the ids links may point to, only to copy the blocks
out unchanged. :func:`set_aside` replaces each top-level block by a
placeholder paragraph before rendering; :meth:`SetAside.put_back` puts the
blocks back into the rendered HTML, exactly where Python-Markdown would have
put them, and :meth:`SetAside.anchor_ids` says which ids they hold.

A block is set aside only when it is unambiguous: a run of lines between
blank lines that starts with a block-level start tag at the beginning of the
line and ends with that element's end tag. Anything else stays in the
Markdown, and renders as before.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field

# Python-Markdown's block-level elements (markdown.Markdown().block_level_elements) that our templates start blocks with.
_BLOCK_START = re.compile(r"<(div|dl|table|figure|section|p|ul|ol|h[1-6]|details|nav|aside|blockquote|pre)[\s>]")
_ID = re.compile(r"""<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s<>=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*)\s*/?>""")
_ATTRIBUTE = re.compile(r"""([^\s<>=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?""")


@dataclass
class SetAside:
    token: str = field(default_factory=lambda: "secreleaseblock" + secrets.token_hex(8))
    blocks: list[str] = field(default_factory=list)

    def placeholder(self, index: int) -> str:
        return f"{self.token}x{index}"

    def put_back(self, rendered: str) -> str:
        """The rendered page with each placeholder paragraph replaced by its block."""
        for index, block in enumerate(self.blocks):
            paragraph = f"<p>{self.placeholder(index)}</p>"
            at = rendered.find(paragraph)
            if at < 0:
                continue
            end = at + len(paragraph)
            # Python-Markdown keeps a raw block with the end of its last line, except at the end of the page
            rendered = rendered[:at] + block + ("\n" if end < len(rendered) else "") + rendered[end:]
        return rendered

    def anchor_ids(self) -> set[str]:
        """The ids (and <a name>s) in the blocks, as the engine's HTML parser would find them."""
        found: set[str] = set()
        for block in self.blocks:
            for match in _ID.finditer(block):
                tag = match.group(1).lower()
                for name, double, single, bare in _ATTRIBUTE.findall(match.group(2)):
                    name = name.lower()
                    if name == "id" or (name == "name" and tag == "a"):
                        found.add(html.unescape(double or single or bare))
        return found


def _is_block(lines: list[str]) -> bool:
    start = _BLOCK_START.match(lines[0])
    return bool(start) and lines[-1].rstrip().endswith(f"</{start.group(1)}>")


def set_aside(markdown: str) -> tuple[str, SetAside]:
    """``markdown`` with its unambiguous top-level HTML blocks replaced by placeholders, and the blocks."""
    aside = SetAside()
    out: list[str] = []
    run: list[str] = []  # the lines since the last blank one

    def flush() -> None:
        if run and _is_block(run):
            out.append(aside.placeholder(len(aside.blocks)))
            aside.blocks.append("\n".join(run))
        else:
            out.extend(run)
        run.clear()

    for line in markdown.split("\n"):
        if line.strip():
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out), aside


__all__ = ["SetAside", "set_aside"]
