"""Which commit and when: provenance for the footer, read once per build.

The build date comes from SOURCE_DATE_EPOCH when set (reproducible builds),
else from the commit's own date, never from the wall clock, so the same
commit builds the same bytes.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from ..core.git import git_text
from ..core.options import Environment, read_environment
from .context import BuildInfo


def read_build_info(root: Path, env: Environment | None = None) -> BuildInfo:
    env = env or read_environment()
    commit = env.commit or git_text(root, "rev-parse", "HEAD")
    branch = env.branch or git_text(root, "rev-parse", "--abbrev-ref", "HEAD")
    epoch = env.source_date_epoch or git_text(root, "log", "-1", "--format=%ct")
    try:
        built_at = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    except (TypeError, ValueError):
        built_at = datetime(1970, 1, 1, tzinfo=timezone.utc)
    return BuildInfo(commit=commit, branch=branch if branch != "HEAD" else "", built_at=built_at)
