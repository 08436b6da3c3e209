"""``/data/manifest.json``: every published file with its SHA-256.

Written last, after every page, export and plugin output is in the site
folder, by walking that folder: what it lists is exactly what is published
(the manifest itself excepted). Paths are sorted and use forward slashes, so
two builds of the same commit give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..model.context import SiteContext
from .common import pretty_json

MANIFEST_PATH = "data/manifest.json"
MANIFEST_SCHEMA_VERSION = 1


def _sha256_and_size(path: Path) -> tuple[str, int]:
    data = path.read_bytes()  # site files are small enough to read whole (the largest, the search index, a few MB)
    return hashlib.sha256(data).hexdigest(), len(data)


def site_files(site_dir: Path) -> list[str]:
    """Every file under ``site_dir``, site-relative with forward slashes, sorted.

    Symbolic links to files count; links to folders are not followed (as ``os.walk``).
    ``os.scandir`` knows most entries' kinds without a ``stat`` per file.
    """
    out: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if not entry.is_symlink():
                        walk(entry.path, prefix + entry.name + "/")
                elif entry.is_file():
                    out.append(prefix + entry.name)

    walk(os.fspath(site_dir), "")
    return sorted(out)


def build_manifest(ctx: SiteContext, site_dir: Path) -> bytes:
    files = []
    for rel in site_files(site_dir):
        if rel != MANIFEST_PATH:
            sha256, size = _sha256_and_size(site_dir / rel)
            files.append({"path": rel, "sha256": sha256, "bytes": size})
    data = {
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "generated_at": ctx.build.built_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": ctx.build.commit or None,
        "as_of": ctx.as_of.isoformat(),
        "algorithm": "sha256",
        "files": files,
    }
    return pretty_json(data) + b"\n"


def write_manifest(ctx: SiteContext, site_dir: Path) -> Path:
    target = site_dir / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    content = build_manifest(ctx, site_dir)
    target.write_bytes(content)
    return target


__all__ = ["MANIFEST_PATH", "build_manifest", "write_manifest", "site_files"]
