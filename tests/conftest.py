import os
import sys
from pathlib import Path

import pytest

from sec_release.core.options import read_environment
from sec_release.engine import use_engine

REPO = Path(__file__).resolve().parent.parent

# The engine every build in this run uses: MkDocs, or ProperDocs with SEC_RELEASE_ENGINE=properdocs
# (tasks.py test runs the build tests under both). Chosen before any test module imports MkDocs.
ENGINE = use_engine(read_environment().engine)

# Tests evaluate as of a fixed date unless they say otherwise.
os.environ.setdefault("SEC_RELEASE_AS_OF", "2026-11-26")


def shared_fixture_scope(fixture_name, config) -> str:
    """Module scope, except under mutation testing (python3 tasks.py mutate sets SEC_RELEASE_MUTATION).

    mutmut runs, for each mutant, only the tests that reached the mutated function
    when it first ran them all; the work of a module fixture is counted for the first
    test that uses it, so the other tests would never be run against the mutant.
    """
    return "function" if os.environ.get("SEC_RELEASE_MUTATION") else "module"


def pytest_configure(config):
    """Under mutation testing, collect only the tests of the mutant's module (tests/mutation_map.py)."""
    from tests.mutation_map import arguments_for

    config.args[:] = arguments_for(os.environ.get("MUTANT_UNDER_TEST", ""), config.args)


def pytest_collection_modifyitems(config, items):
    """Under mutation testing, a mutant runs against its own module's tests only, in their order (tests/mutation_map.py)."""
    from tests.mutation_map import run_order

    order = run_order(os.environ.get("MUTANT_UNDER_TEST", ""), [item.path.name for item in items])
    if order is None:
        return
    kept = set(order)
    config.hook.pytest_deselected(items=[item for position, item in enumerate(items) if position not in kept])
    items[:] = [items[position] for position in order]


@pytest.fixture
def project(tmp_path):
    from tests.factory import write_project

    return write_project(tmp_path / "project")


def run_cli(*args: str, cwd: Path | None = None):
    """Run `sec-release` in a subprocess: what an editor or CI sees, traceback or not."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "sec_release.cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )
