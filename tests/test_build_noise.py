"""A build says what matters: no mkdocs-macros start-up lines unless asked, no end-of-life notice from `tasks.py serve`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import tasks
from tests.factory import write_project


def _mkdocs_build(root, *extra: str) -> str:
    env = {**os.environ, **tasks.SERVE_ENV}
    # Run as `mkdocs`, the way an editor does: Material prints its notice only then.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()", "build", "-d", str(root / "site"), *extra],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.fixture
def root(tmp_path):
    project = write_project(tmp_path / "p")
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("on_error_fail: true", "on_error_fail: true\n      modules: [sec_release.macros]"))
    return project


def test_a_build_prints_no_macros_lines_and_no_end_of_life_notice(root):
    output = _mkdocs_build(root)
    assert "[macros]" not in output
    assert "end of life" not in output
    assert "Documentation built" in output


def test_the_macros_lines_come_back_when_asked_for(root):
    assert "[macros] - Functions found" in _mkdocs_build(root, "--verbose")
