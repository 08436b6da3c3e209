"""The map of which tests each mutant runs against (python3 tasks.py mutate; pyproject.toml)."""

import tomllib
from pathlib import Path

from tests.mutation_map import PYPROJECT, module_of, mutation_tests, run_order

REPO = Path(__file__).resolve().parent.parent


def test_a_mutant_name_gives_its_module_for_functions_and_methods():
    assert module_of("sec_release.core.evaluate.x_due__mutmut_3") == "core/evaluate.py"
    assert module_of("sec_release.exports.ical.x__slug__mutmut_12") == "exports/ical.py"
    assert module_of("sec_release.core.evaluate.x\u01c1Evaluation\u01c1get__mutmut_7") == "core/evaluate.py"


def test_every_module_in_the_map_exists_and_every_test_file_is_in_the_selection():
    selection = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["mutmut"]["pytest_add_cli_args_test_selection"]
    selected_files = {entry.split("::")[0].removeprefix("tests/") for entry in selection}
    for module, files in mutation_tests().items():
        assert (REPO / "plugins" / "sec_release" / module).is_file(), module
        assert files, module
        assert not set(files) - selected_files, (module, sorted(set(files) - selected_files))


def test_a_mutant_runs_its_modules_tests_in_the_order_listed_and_no_others():
    first, second = mutation_tests()["core/validation.py"][:2]
    collected = ["test_other.py", second, first, second, "test_other.py", first]
    assert run_order("sec_release.core.validation.x_check__mutmut_1", collected) == [2, 5, 1, 3]


def test_mutmuts_own_runs_and_modules_not_in_the_map_run_every_test():
    collected = ["test_compare_kinds.py", "test_documents.py"]
    # A module no map entry names (every real module may come to have one).
    for name in ("", "stats", "fail", "sec_release.core.unmapped.x_check__mutmut_1"):
        assert "core/unmapped.py" not in mutation_tests()
        assert run_order(name, collected) is None
    assert run_order("sec_release.core.compare.x_compare__mutmut_1", collected) == [0]
