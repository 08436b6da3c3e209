"""The engine a run builds with is the one it names (SEC_RELEASE_ENGINE), and ProperDocs builds the shipped record."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sec_release.engine import EngineError, engine_in_use, use_engine
from tests.conftest import ENGINE, REPO

@pytest.mark.build
def test_the_run_builds_with_the_engine_it_names():
    import mkdocs
    from mkdocs.commands import build

    assert engine_in_use() == ENGINE == mkdocs.__name__
    assert build.__name__ == f"{ENGINE}.commands.build"  # `import mkdocs.x` gives the engine's own module
    assert use_engine(ENGINE) == ENGINE  # asking again for the same engine is fine
    other = "mkdocs" if ENGINE == "properdocs" else "properdocs"
    with pytest.raises(EngineError):
        use_engine(other)  # one engine per process
    with pytest.raises(EngineError, match="unknown engine"):
        use_engine("zensical")


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_sec_release_build_builds_the_shipped_record_with_either_engine(tmp_path, engine):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEC_RELEASE_ENGINE")}
    env.update(SEC_RELEASE_AS_OF="2026-11-26", SOURCE_DATE_EPOCH="1700000000")
    done = subprocess.run(
        [sys.executable, "-m", "sec_release.cli", "build", str(REPO), "--site-dir", str(tmp_path / "site"), "--strict", "--engine", engine],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = (tmp_path / "site" / "releases" / "2019-11" / "index.html").read_text(encoding="utf-8")
    generator = "mkdocs-ProperDocs 1.6" if engine == "properdocs" else "mkdocs-1.6"
    assert f'<meta name="generator" content="{generator}' in page  # Material names the engine that built it
    assert ("with properdocs" in done.stdout) == (engine == "properdocs")
