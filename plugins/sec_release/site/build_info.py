"""Which commit and when: provenance for the footer, read once per build.

The build date comes from SOURCE_DATE_EPOCH when set (reproducible builds),
else from the commit's own date, never from the wall clock, so the same
commit builds the same bytes.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from .context import BuildInfo


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def read_build_info(root: Path) -> BuildInfo:
    commit = os.environ.get("SEC_RELEASE_COMMIT") or _git(root, "rev-parse", "HEAD")
    branch = os.environ.get("SEC_RELEASE_BRANCH") or os.environ.get("GITHUB_HEAD_REF") or _git(root, "rev-parse", "--abbrev-ref", "HEAD")
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
    try:
        built_at = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    except (TypeError, ValueError):
        built_at = datetime(1970, 1, 1, tzinfo=timezone.utc)
    return BuildInfo(commit=commit, branch=branch if branch != "HEAD" else "", built_at=built_at)
