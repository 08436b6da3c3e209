"""`tasks.py serve` says what matters: Material's end-of-life notice is in the README, not on every start."""

from __future__ import annotations

import os
import subprocess
import sys

import tasks
from tests.factory import write_project


def _mkdocs_build(root, env: dict) -> str:
    # Run as `mkdocs`, the way an editor does: Material prints its notice only then.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()", "build", "-d", str(root / "site")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_serve_switches_off_the_end_of_life_notice(tmp_path):
    root = write_project(tmp_path / "p")
    plain = {k: v for k, v in os.environ.items() if k not in tasks.SERVE_ENV}
    assert "end of life" in _mkdocs_build(root, plain)  # what an editor saw on every start
    quiet = _mkdocs_build(root, {**plain, **tasks.SERVE_ENV})
    assert "end of life" not in quiet and "Documentation built" in quiet
