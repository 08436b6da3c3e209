"""Realistic editor mistakes (cases.yaml), each a small edit of a copy of the shipped record.

Each must be reported at the exact file and line, with the code, and with
words that say how to fix it; and, unless the case says otherwise, as
exactly one problem.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from sec_release.core.check import check_project
from sec_release.core.diagnostics import Severity
from sec_release.core.project import load_project
from tests.factory import REPO

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
AS_OF = date(2026, 11, 26)


def _apply(root: Path, edit: dict) -> None:
    if "rename" in edit:
        source, target = edit["rename"]
        (root / source).rename(root / target)
        return
    path = root / edit["file"]
    text = path.read_text(encoding="utf-8")
    if "append" in edit:
        path.write_text(text + edit["append"], encoding="utf-8")
        return
    assert edit["find"] in text, f"the case no longer applies: {edit['find']!r} is not in {edit['file']}"
    path.write_text(text.replace(edit["find"], edit["replace"], 1), encoding="utf-8")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shipped")
    for name in ("data", "content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_the_shipped_record_is_clean(shipped):
    checked = check_project(load_project(shipped), AS_OF)
    assert [d.to_text() for d in checked.evaluation.diagnostics] == []


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_the_mistake_is_reported_where_it_is_with_the_fix(case, shipped, tmp_path):
    root = tmp_path / "record"
    shutil.copytree(shipped, root)
    for edit in case["edit"]:
        _apply(root, edit)
    as_of = date.fromisoformat(str(case["as_of"])) if case.get("as_of") else AS_OF
    checked = check_project(load_project(root), as_of)
    failing = [d for d in checked.evaluation.diagnostics if d.severity in (Severity.ERROR, Severity.WARNING)]
    shown = "\n".join(d.to_text() for d in failing)
    file, line = case["at"].rsplit(":", 1)
    here = [d for d in failing if (d.location.file, d.location.line, d.code) == (file, int(line), case["code"])]
    assert here, f"no {case['code']} at {case['at']}; reported:\n{shown}"
    words = here[0].message + "\n" + here[0].hint
    for expected in case["words"]:
        assert expected in words, f"{expected!r} is not in the message:\n{here[0].to_text()}"
    assert "Input should" not in shown and "pydantic" not in shown.lower(), shown
    assert len(failing) == case.get("problems", 1), f"one mistake, {len(failing)} problems:\n{shown}"
