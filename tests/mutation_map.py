"""Which tests a mutant runs against under `python3 tasks.py mutate` (the map is in pyproject.toml).

mutmut runs each mutant against every selected test that reached the mutated function.
Nearly every test loads a record, so a mutant of the loader that no test notices would
run the whole selection, about ten seconds, and a whole run would take hours. Instead a
mutant runs against the tests of its own module, listed in `[tool.sec-release.mutation-tests]`,
in the order listed (the most pointed first: a mutant is killed by its first failing test).
A mutant that only some other module's tests would notice is counted as surviving, so the
scores are, if anything, low. A module not in the map runs against the whole selection.

No imports but the standard library: tasks.py reads this file with the system Python.
"""

import tomllib
from functools import cache
from pathlib import Path

PACKAGE = "sec_release"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def module_of(mutant: str) -> str:
    """sec_release.core.evaluate.x_due__mutmut_3 -> core/evaluate.py (a method's mutant: x\u01c1Class\u01c1name)"""
    dotted = mutant.split(".x_")[0].split(".x\u01c1")[0]
    return dotted.removeprefix(PACKAGE + ".").replace(".", "/") + ".py"


@cache
def mutation_tests() -> dict[str, list[str]]:
    """Module (core/compare.py) -> its test files (test_compare_kinds.py), most pointed first."""
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return settings.get("tool", {}).get("sec-release", {}).get("mutation-tests", {})


@cache
def mutation_targets() -> dict[str, float]:
    """The least score (%) asked of a module (core/compare.py), or of a group as a whole (core/*: the rest of core/)."""
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return settings.get("tool", {}).get("sec-release", {}).get("mutation-targets", {})


def tests_for(mutant: str) -> list[str] | None:
    """The test files a mutant runs against, in order; None: not a mutant, or a module the map leaves to every test."""
    if "__mutmut_" not in mutant:  # mutmut's own runs: "stats", "fail", "" (the clean run)
        return None
    return mutation_tests().get(module_of(mutant))


def run_order(mutant: str, test_files: list[str]) -> list[int] | None:
    """Of the collected tests (each one's file name), which a mutant runs, by position, in order; None: all, as collected."""
    files = tests_for(mutant)
    if files is None:
        return None
    rank = {name: position for position, name in enumerate(files)}
    kept = [position for position, name in enumerate(test_files) if name in rank]
    return sorted(kept, key=lambda position: rank[test_files[position]])  # stable: a file's tests keep their order


def arguments_for(mutant: str, arguments: list[str]) -> list[str]:
    """The command line's tests (tests/test_x.py::test_y) a mutant runs: its module's; all when none of them is.

    mutmut names every test that reached the mutant, often the whole selection; parsing and
    collecting those alone took about 0.35 s of CPU a mutant. Run none of them and pytest
    would collect its testpaths instead, so a mutant none of whose tests reached it keeps
    the list, and run_order then runs none of it.
    """
    files = tests_for(mutant)
    if files is None:
        return arguments
    kept = [argument for argument in arguments if argument.split("::")[0].rsplit("/", 1)[-1] in files]
    return kept or arguments
