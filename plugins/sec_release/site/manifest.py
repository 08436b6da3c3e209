"""``/data/manifest.json``: every published file with its SHA-256.

Written last, after every page, export and plugin output is in the site
folder, by walking that folder: what it lists is exactly what is published
(the manifest itself excepted). Paths are sorted and use forward slashes, so
two builds of the same commit give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .context import SiteContext

MANIFEST_PATH = "data/manifest.json"
MANIFEST_SCHEMA_VERSION = 1


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site_dir: Path) -> list[str]:
    """Every file under ``site_dir``, site-relative with forward slashes, sorted."""
    out = []
    for folder, dirs, names in os.walk(site_dir):
        dirs.sort()
        for name in names:
            path = Path(folder) / name
            if path.is_file():
                out.append(path.relative_to(site_dir).as_posix())
    return sorted(out)


def build_manifest(ctx: SiteContext, site_dir: Path) -> bytes:
    files = [
        {"path": rel, "sha256": _sha256(site_dir / rel), "bytes": (site_dir / rel).stat().st_size}
        for rel in site_files(site_dir)
        if rel != MANIFEST_PATH
    ]
    data = {
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "generated_at": ctx.build.built_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": ctx.build.commit or None,
        "as_of": ctx.as_of.isoformat(),
        "algorithm": "sha256",
        "files": files,
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_manifest(ctx: SiteContext, site_dir: Path) -> Path:
    target = site_dir / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    content = build_manifest(ctx, site_dir)
    target.write_bytes(content)
    return target


__all__ = ["MANIFEST_PATH", "build_manifest", "write_manifest", "site_files"]
