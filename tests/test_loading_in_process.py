"""The loading errors of test_loading_errors.py, through the library instead of the command.

Same cases, same expected code, file and line; here ``load_record`` runs in
the test's own process, where the mutation tests (python3 tasks.py mutate)
can see which of the loader's checks each case relies on.
"""

from __future__ import annotations

import pytest

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import write_project
from tests.test_loading_errors import CASES


@pytest.mark.parametrize("name", list(CASES))
def test_loading_error_is_located(name, tmp_path):
    file, content, code, line = CASES[name]
    root = write_project(tmp_path / "p")
    (root / file).write_bytes(content)
    record = load_record(load_project(root))
    mine = [d for d in record.problems if d.code == code]
    assert mine, f"expected {code}, got {[(d.code, d.message) for d in record.problems]}"
    assert (mine[0].location.file, mine[0].location.line) == (file, line)
    assert mine[0].severity.value == "error" and mine[0].message and mine[0].hint
    # The other files are still read: every problem is reported in one run.
    assert record.rulebook is not None and record.policy is not None
