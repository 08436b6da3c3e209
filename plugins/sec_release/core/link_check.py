"""``validate``: addresses in the record's text that would never be published.

Every text value of every release and modification file is read as the pages
read it (:mod:`sec_release.core.record_markdown`); each link, image or
reference-link address that is not http(s), mailto, a fragment or relative
(:mod:`sec_release.core.urls`) is an error at its file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from .diagnostics import DiagnosticList, Location
from .record_markdown import unsafe_links
from .urls import problem
from .yaml_source import SourceMap


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def line_of(lines: list[str], start: int, needle: str) -> int:
    """The first line at or after ``start`` (1-based) that holds ``needle`` (or its first line)."""
    probe = needle.splitlines()[0].strip() if needle.strip() else needle
    for number in range(max(start, 1), len(lines) + 1):
        if probe and probe in lines[number - 1]:
            return number
    return start


def check_text_links(data: Any, source: SourceMap, file_path: Path, problems: DiagnosticList) -> None:
    """Report every unpublishable address in the text values of one parsed YAML file."""
    lines: list[str] | None = None
    for path, text in _strings(data):
        for url in unsafe_links(text):
            if lines is None:
                try:
                    lines = file_path.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    lines = []
            start = source.locate(path)
            found = problem(url)
            if found is None:  # cannot happen: unsafe_links only returns unpublishable ones
                continue
            message, hint = found
            problems.error(Location(source.file, line_of(lines, start.line, url), 1), "unsafe-link", message, hint)
