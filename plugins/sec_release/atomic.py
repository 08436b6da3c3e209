"""Replace a folder only once its new content is complete.

``mkdocs build`` empties ``site_dir`` and writes into it page by page: a
build that fails half-way leaves a half-written site where a deployment step
would pick it up. :func:`build_atomically` builds into a new folder beside the
target and, only on success, renames it into place (the previous folder is
renamed away first, then deleted). On failure the new folder is deleted and
the previous site is left exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable


def build_atomically(target: Path, produce: Callable[[Path], None]) -> None:
    """Call ``produce(folder)`` on an empty folder beside ``target``; move it to ``target`` if it returns."""
    target = Path(os.path.abspath(target))
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    # Beside the target, so that the final rename stays on one file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=parent))
    try:
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read the site
        produce(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=parent))
        os.rmdir(previous)
        os.rename(target, previous)
    try:
        os.rename(staging, target)
    except BaseException:
        if previous is not None:
            os.rename(previous, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


__all__ = ["build_atomically"]
