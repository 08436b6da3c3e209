"""The map of which tests each mutant runs against (python3 tasks.py mutate; pyproject.toml)."""

import tomllib
from pathlib import Path

from tests.mutation_map import PYPROJECT, module_of, mutation_tests, run_order, arguments_for

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


def test_a_mutant_collects_only_its_modules_tests_from_the_command_line():
    arguments = ["tests/test_compare_kinds.py::test_a", "tests/test_documents.py::test_b", "tests/test_compare_kinds.py::test_c"]
    compare_mutant = "sec_release.core.compare.x_compare__mutmut_1"
    assert arguments_for(compare_mutant, arguments) == ["tests/test_compare_kinds.py::test_a", "tests/test_compare_kinds.py::test_c"]
    assert arguments_for("sec_release.core.git.x_git__mutmut_1", arguments) == arguments
    assert arguments_for("stats", arguments) == arguments


def test_a_mutant_none_of_whose_module_tests_reached_it_keeps_the_list_and_runs_none_of_it():
    # An empty command line would make pytest collect every test under testpaths.
    arguments = ["tests/test_documents.py::test_b"]
    compare_mutant = "sec_release.core.compare.x_compare__mutmut_1"
    assert arguments_for(compare_mutant, arguments) == arguments
    assert run_order(compare_mutant, ["test_documents.py"]) == []


def test_the_results_table_scores_each_module_against_its_target_and_the_rest_of_core_as_a_whole(tmp_path):
    import json

    import tasks

    codes = {  # 1: a test failed; -24: stopped as a loop; 0: survived; 33: no test reached it; None: not run
        "sec_release.core.compare.x_a__mutmut_1": 1,
        "sec_release.core.compare.x_a__mutmut_2": 0,
        "sec_release.core.compare.x_a__mutmut_3": -24,
        "sec_release.core.compare.x_a__mutmut_4": None,
        "sec_release.core.git.x_git__mutmut_1": 1,
        "sec_release.core.git.x_git__mutmut_2": 33,
        "sec_release.core.scalars.x_s__mutmut_1": 1,
        "sec_release.core.scalars.x_s__mutmut_2": 1,
    }
    meta = tmp_path / "mutants" / "src" / "sec_release" / "core" / "all.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": codes}))
    table = tasks._mutation_table(tmp_path, [])
    assert table.splitlines()[2:6] == [
        "| `core/compare.py` | 4 | 2 | 0 | 1 | 66.7% | 85%: not met |",
        "| `core/git.py` | 2 | 1 | 0 | 0 | 50.0% |  |",
        "| `core/scalars.py` | 2 | 2 | 0 | 0 | 100.0% |  |",
        "| rest of `core/` | 4 | 3 | 0 | 0 | 75.0% | 70%: met |",
    ]
    assert table.split("Not killed:\n")[1].split("\n\n")[0].splitlines() == [
        "  sec_release.core.compare.x_a__mutmut_2 (survived)",
        "  sec_release.core.git.x_git__mutmut_2 (no test reaches it)",
    ]


def test_the_results_table_lists_equivalent_entries_a_test_killed_and_does_not_count_them_as_equivalent(tmp_path, monkeypatch):
    import json

    import tasks

    codes = {  # 1: a test failed; -24: stopped as a loop; 0: survived
        "sec_release.core.compare.x_a__mutmut_1": 1,
        "sec_release.core.compare.x_a__mutmut_2": 0,
        "sec_release.core.compare.x_a__mutmut_3": -24,
        "sec_release.core.compare.x_a__mutmut_4": 0,
        "sec_release.core.compare.x_a__mutmut_5": 1,
    }
    meta = tmp_path / "mutants" / "src" / "sec_release" / "core" / "compare.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": codes}))
    listed = tmp_path / "equivalent-mutants.txt"
    listed.write_text(
        "# a comment line\n"
        "sec_release.core.compare.x_a__mutmut_2  # survived: equivalent\n"
        "sec_release.core.compare.x_a__mutmut_3  # the function changed: this number is now another mutant\n"
        "sec_release.core.compare.x_a__mutmut_5  # the function changed: this number is now another mutant\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tasks, "EQUIVALENT_MUTANTS", listed)
    table = tasks._mutation_table(tmp_path, [])
    assert table.splitlines()[2] == "| `core/compare.py` | 5 | 3 | 1 | 0 | 75.0% | 85%: not met |"
    assert table.split("Not killed:\n")[1].split("\n\n")[0].splitlines() == [
        "  sec_release.core.compare.x_a__mutmut_4 (survived)",
    ]
    assert table.split("Listed as equivalent but killed (the list is out of date):\n")[1].splitlines() == [
        "  sec_release.core.compare.x_a__mutmut_3",
        "  sec_release.core.compare.x_a__mutmut_5",
    ]
