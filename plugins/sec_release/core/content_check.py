"""``validate`` on every hand-written page under the content folder: raw HTML
off the allowlist and unpublishable links (:mod:`sec_release.core.content_html`)
and template expressions that reach beyond ``sec.*`` and ``page.*``
(:mod:`sec_release.core.page_templates`), each at file:line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .content_html import check_page
from .diagnostics import DiagnosticList, Location
from .documents import split_front_matter
from .file_memo import per_file
from .page_templates import problems_in
from .project import ProjectConfig
from .yaml_source import MAX_FILE_BYTES

# The Markdown extensions pages are read with: those of the shipped mkdocs.yml
# that change what HTML a page can carry (attr_list adds attributes).
EXTENSIONS = ["attr_list", "tables", "fenced_code", "admonition"]


def _pages(content: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(content):  # symbolic links to folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".md") and not path.is_symlink() and path.is_file():
                found.append(path)
    return found


def _read(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return None  # reported by the document checks where the record names the page
        return raw.decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None  # likewise


def check_content(config: ProjectConfig, problems: DiagnosticList) -> None:
    content = config.content_path
    if not content.is_dir():
        return
    for path in _pages(content):
        text = _read(path)
        if text is None:
            continue
        _check_page(text, config.relative(path), problems=problems)


@per_file  # checked again only when its text changed (`mkdocs serve`)
def _check_page(text: str, file: str, problems: DiagnosticList) -> None:
    front, body, first_line = split_front_matter(text)
    problems.extend(check_page(body, file, first_line, EXTENSIONS))
    if front is not None and re.search(r"^render_macros:\s*false\s*$", front, re.MULTILINE):
        return
    for line, message in problems_in(body):
        problems.error(Location(file, first_line + line - 1, 1), "page-template", message,
                       "a page may use only sec.* and page.* (README: Macros in hand-written pages)")
