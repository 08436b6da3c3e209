"""The checked record of the previous build, reused while none of its files changed.

`mkdocs serve` rebuilds the whole site whenever any watched file changes (a
template, a page, mkdocs.yml). Loading and checking the record is the same
work each time unless one of the files it is made from changed, so the
adapter keeps one :class:`CheckCache` for the life of the process: the key is
the SHA-256 of every file the record is read from (the data folder, the
rulebook, the content folder), their paths, the project's settings and the
as-of date. Contents, not modification times: an editor's undo, or a checkout
that rewrites a file unchanged, reuses the record.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

from .check import CheckedRecord, check_project
from .project import ProjectConfig


def _files_under(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    found: list[Path] = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        found.extend(Path(parent) / name for name in sorted(names))
    return found


def project_digest(config: ProjectConfig, as_of: date) -> str:
    """SHA-256 of everything :func:`check_project` reads, and of what it is asked."""
    digest = hashlib.sha256(repr((config, as_of.isoformat())).encode())
    seen: set[Path] = set()
    for folder in (config.data_path, config.rulebook_path, config.content_path):
        for path in _files_under(folder):
            if path in seen:  # the rulebook is usually inside the data folder
                continue
            seen.add(path)
            try:
                content = path.read_bytes()
            except OSError:  # vanished while listing, or unreadable: the loader reports it
                content = b"\0unreadable"
            digest.update(f"\0{path}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


class CheckCache:
    """One checked record, and the digest it was made from."""

    def __init__(self) -> None:
        self.digest: str | None = None
        self.checked: CheckedRecord | None = None

    def check(self, config: ProjectConfig, as_of: date) -> CheckedRecord:
        """The record of ``config`` checked as of ``as_of``: the previous one when nothing it is made from changed."""
        digest = project_digest(config, as_of)
        if digest != self.digest or self.checked is None:
            self.checked = check_project(config, as_of)
            self.digest = digest
        return self.checked


__all__ = ["CheckCache", "project_digest"]
