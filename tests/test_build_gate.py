"""`mkdocs build` runs the same checks and fails with the same messages."""

from __future__ import annotations

import logging

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import REPO
from tests.factory import IMPLEMENTATION_DOCUMENT, write_project

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


def _build(project, site_dir, strict=True):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
    build(config)
    return config


def test_shipped_record_builds_strict(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    caplog.set_level(logging.WARNING)
    _build(REPO, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []


def _failed_build_log(project, site_dir, caplog) -> str:
    """Build, expect MkDocs to abort on our PluginError, and return what it logged."""
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        _build(project, site_dir)
    return "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)


def test_missing_section_fails_the_build_citing_the_clause(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    without_timescales = IMPLEMENTATION_DOCUMENT.replace("## Timescales\nSee the milestones.\n", "")
    project = write_project(tmp_path / "p", implementation_document=without_timescales)
    message = _failed_build_log(project, tmp_path / "site", caplog)
    assert "content/releases/2019-11/implementation-document.md:1:1: error d10-13-timescales [D10.13(b)]" in message
    assert 'hint: add a "## Timescales" section' in message
    assert "Traceback" not in message


def test_placeholder_section_counts_as_missing(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    placeholder = IMPLEMENTATION_DOCUMENT.replace("See the milestones.", "TBC")
    project = write_project(tmp_path / "p", implementation_document=placeholder)
    message = _failed_build_log(project, tmp_path / "site", caplog)
    assert "d10-13-timescales [D10.13(b)]" in message
    assert '"TBC" does not count' in message


def test_warnings_fail_only_in_strict_mode(tmp_path, monkeypatch):
    from tests.factory import complete_release

    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    early = complete_release("2027-11", "2027-11-04")  # implemented, but its go-live is to come: a warning
    project = write_project(tmp_path / "p", [early])
    _build(project, tmp_path / "lenient", strict=False)
    with pytest.raises(Abort):
        _build(project, tmp_path / "strict", strict=True)


def test_a_stale_release_stops_even_a_lenient_build(tmp_path, monkeypatch):
    """A planned or baselined release whose go-live has passed is an error: never published as if to come."""
    from tests.factory import complete_release

    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    stale = complete_release(status="baselined")  # go-live 2019
    project = write_project(tmp_path / "p", [stale])
    with pytest.raises(Abort):
        _build(project, tmp_path / "lenient", strict=False)
    assert not (tmp_path / "lenient" / "data" / "releases.json").exists()


def test_serve_watches_the_data_directory(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds when a YAML file under data/ changes, not only docs_dir."""
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    project = write_project(tmp_path / "p")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config = config.plugins.on_config(config)

    class FakeServer:
        watched: list[str] = []

        def watch(self, path, *args, **kwargs):
            self.watched.append(path)

    server = FakeServer()
    config.plugins["sec-release"].on_serve(server, config=config, builder=None)
    assert str(project / "data") in server.watched


def test_a_misspelt_heading_is_pointed_out(tmp_path):
    from tests.conftest import run_cli

    misspelt = IMPLEMENTATION_DOCUMENT.replace("## Timescales", "## Time-scale")
    project = write_project(tmp_path / "p", implementation_document=misspelt)
    result = run_cli("validate", str(project), "--as-of", "2026-11-26")
    assert result.returncode == 1
    assert 'the heading "Time-scale" (line 9) looks close' in result.stdout
    assert "implementation-document.md:9:1: error d10-13-timescales" in result.stdout, "it points at the heading to fix"
