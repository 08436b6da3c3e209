"""Hostile input through the real CLI: located messages, bounded cost, nothing written.

Every case of ``tests/hostile/cases.py`` is laid over a valid factory project
and run through ``sec-release validate`` in a subprocess, under an address-space
limit, as an editor or CI would run it. It must exit 1, name the file and line
(``file:LINE:COL: error CODE``), print no traceback, use under 5 s of CPU, peak
under 500 MB, and leave every file of the project as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.factory import write_project
from tests.hostile.cases import (
    CASES,
    HOSTILE_TEXT,
    HOSTILE_TEXT_FIELDS,
    Case,
    Fifo,
    Folder,
    Link,
    hostile_text_project,
)

AS_OF = "2026-11-26"
MAX_SECONDS = 5.0
MAX_RSS_BYTES = 500 * 1024 * 1024
ADDRESS_LIMIT = 1536 * 1024 * 1024  # a runaway allocation fails fast instead of swapping
HARD_TIMEOUT = 60.0  # a hung child is killed long after the 5 s assertion would fail


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float  # the child's CPU time (user + system)
    max_rss: int  # bytes

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limits() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))


def run_validate(root: Path, *extra: str) -> Run:
    """Run the CLI in a child and measure that child alone (wait4), not all children so far."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sec_release.cli", "validate", str(root), "--as-of", AS_OF, *extra],
            cwd=root, stdin=subprocess.DEVNULL, stdout=out, stderr=err, preexec_fn=_limits,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > HARD_TIMEOUT:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        # CPU time, not wall time: on a shared 2-core machine other jobs stretch wall time
        # several-fold, while what the limit guards against (runaway work) shows as CPU.
        seconds = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
            seconds,
            usage.ru_maxrss * 1024,  # kilobytes on Linux
        )


def tree_digest(root: Path) -> str:
    """Every entry under root: names, types, link targets and file contents. Never opens
    anything but regular files (a FIFO or a link to /dev/zero must not be read)."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(folder, name)
            info = path.lstat()
            digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(f"{stat.S_IFMT(info.st_mode)}:{info.st_mtime_ns}\0".encode())
            if stat.S_ISLNK(info.st_mode):
                digest.update(os.readlink(path).encode() + b"\0")
            elif stat.S_ISREG(info.st_mode):
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def apply(root: Path, case: Case) -> None:
    for relative, payload in case.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if payload is None:
            continue
        if isinstance(payload, Link):
            path.symlink_to(payload.target)
        elif isinstance(payload, Folder):
            path.mkdir()
        elif isinstance(payload, Fifo):
            os.mkfifo(path)
        else:
            data = payload() if callable(payload) else payload
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def expected_line(root: Path, case: Case) -> int | None:
    if case.line is None or isinstance(case.line, int):
        return case.line
    text = (root / case.file).read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), 1):
        if case.line in line:
            return number
    raise AssertionError(f"{case.name}: marker {case.line!r} not in {case.file}")


def test_corpus_is_large_and_uniquely_named():
    names = [case.name for case in CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_rejected_with_a_location(case: Case, tmp_path):
    root = write_project(tmp_path / "p")
    apply(root, case)
    before = tree_digest(tmp_path)

    run = run_validate(root)

    assert "Traceback" not in run.output, run.output[-3000:]
    assert run.returncode == 1, f"exit {run.returncode}\n{run.output[-3000:]}"
    codes = case.code if isinstance(case.code, tuple) else (case.code,)
    pattern = re.compile(
        rf"^{re.escape(case.file)}:(\d+):(\d+): error ({'|'.join(map(re.escape, codes))})\b", re.MULTILINE
    )
    found = [(int(m.group(1)), m.group(3)) for m in pattern.finditer(run.stdout)]
    assert found, f"no '{case.file}:LINE:COL: error {'|'.join(codes)}' in the output:\n{run.stdout[:3000]}"
    line = expected_line(root, case)
    if line is not None:
        assert line in [n for n, _ in found], f"expected line {line}, got {found}\n{run.stdout[:3000]}"
    # What the editor wrote is quoted in messages; it must not reach the terminal raw.
    assert "\x1b" not in run.output and "\r" not in run.output
    assert not re.search(r"^forged\.yaml", run.stdout, re.MULTILINE)
    assert run.seconds < MAX_SECONDS, f"{run.seconds:.2f} s"
    assert run.max_rss < MAX_RSS_BYTES, f"{run.max_rss / 2**20:.0f} MB"
    assert tree_digest(tmp_path) == before, "validation changed, created or deleted a file"


@pytest.mark.parametrize("name", list(HOSTILE_TEXT))
def test_valid_but_hostile_text_passes_unchanged(name, tmp_path):
    """Markup, template syntax and formulas are legitimate text: they validate clean and
    reach the record exactly as written (escaping them is the job of pages and exports)."""
    from sec_release.core.project import load_project
    from sec_release.core.record import load_record

    text = HOSTILE_TEXT[name]
    releases, modifications = hostile_text_project(text)
    root = write_project(tmp_path / "p", releases, modifications)
    before = tree_digest(tmp_path)

    run = run_validate(root, "--format", "json")
    assert "Traceback" not in run.output
    assert run.returncode == 0, run.output[-3000:]
    assert json.loads(run.stdout) == []
    assert tree_digest(tmp_path) == before

    record = load_record(load_project(root))
    assert record.problems == []
    models = {
        "release": json.loads(record.releases["2019-11"].model_dump_json(by_alias=True)),
        "modification": json.loads(record.modifications["MP071"].model_dump_json(by_alias=True)),
    }
    for model, dotted in HOSTILE_TEXT_FIELDS:
        value = models[model]
        for part in dotted.split("."):
            value = value[int(part)] if part.isdigit() else value[part]
        assert value == text, f"{model}.{dotted} changed: {value!r}"
