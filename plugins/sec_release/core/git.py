"""Running git: one helper for every caller.

:func:`git` is for work that needs git (reading the baseline at a ref) and
raises :class:`GitError` with a reason for people; :func:`git_text` is for
facts that are nice to have (the commit and date of a build) and gives ""
when git is missing, slow or says no.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

GIT_TIMEOUT = 60  # seconds; reading a large tree at a ref
QUICK_TIMEOUT = 10  # a one-line answer: the commit, its date, the branch


class GitError(Exception):
    """git could not do it; the message says why, for a person."""


def git(cwd: Path, *args: str, input: bytes | None = None, timeout: int = GIT_TIMEOUT) -> bytes:
    """git's standard output; raises GitError when git is missing, too slow, or fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed, so a git ref cannot be read") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {timeout} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])} failed: {message[-1] if message else 'exit ' + str(done.returncode)}")
    return done.stdout


def git_text(cwd: Path, *args: str) -> str:
    """git's one-line answer, stripped; "" when there is none (not a repository, no git, a failure)."""
    try:
        return git(cwd, *args, timeout=QUICK_TIMEOUT).decode("utf-8", "replace").strip()
    except (GitError, OSError, subprocess.SubprocessError):
        return ""


__all__ = ["GitError", "git", "git_text", "GIT_TIMEOUT"]
