"""The README's `sec-release new` examples run as written on a copy of the shipped record."""

from __future__ import annotations

import re
import shlex
import shutil
from datetime import date

import pytest

from sec_release.cli import main
from sec_release.core.check import check_project
from sec_release.core.diagnostics import Severity
from sec_release.core.project import load_project
from tests.factory import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(text: str) -> list[str]:
    return [line.strip().removeprefix(".venv/bin/") for line in text if "sec-release new " in line]


def examples() -> list[list[str]]:
    """Each example is a list of commands run in order: an inline one alone, a code block's lines together."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        commands = _commands(block.splitlines())
        if commands:
            found.append(commands)
    outside_blocks = re.sub(r"```.*?```", "", README, flags=re.DOTALL)
    for inline in re.findall(r"`([^`\n]*sec-release new [^`\n]*)`", outside_blocks):
        found.append(_commands([inline]))
    return found


def _shipped_copy(tmp_path):
    root = tmp_path / "record"
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_the_readme_has_examples_of_both_commands():
    flat = [c for example in examples() for c in example]
    assert any(c.startswith("sec-release new release ") for c in flat)
    assert any(c.startswith("sec-release new modification ") for c in flat)
    assert len(examples()) >= 3


@pytest.mark.parametrize("commands", examples(), ids=lambda commands: " && ".join(c.split(" --")[0] for c in commands))
def test_each_example_runs_first_time_on_the_shipped_record(tmp_path, capsys, commands):
    root = _shipped_copy(tmp_path)
    for command in commands:
        argv = shlex.split(command)
        assert argv[0] == "sec-release"
        assert main([*argv[1:], "--project-dir", str(root)]) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert out.startswith("created ") and "next: " in out
    checked = check_project(load_project(root), date(2026, 11, 26))
    failing = [d.to_text() for d in checked.evaluation.diagnostics if d.severity is not Severity.INFO]
    assert failing == []
