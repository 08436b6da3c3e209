"""A failed build never leaves a half-written site: `sec-release build` and build_atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sec_release.atomic import build_atomically
from sec_release.cli import main
from tests.factory import complete_release, write_yaml
from tests.publishing_support import AS_OF, EPOCH, environment
from tests.factory import write_project

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".new-" in p.name or ".old-" in p.name)


def run_build(root: Path, *args: str) -> int:
    with environment(SOURCE_DATE_EPOCH=EPOCH, SEC_RELEASE_PREVIEW=None, SEC_RELEASE_COMPARE_TO=None):
        return main(["build", str(root), "--as-of", AS_OF, *args])


def test_failed_build_leaves_the_previous_site_intact(tmp_path, capsys):
    write_project(tmp_path)
    site = tmp_path / "site"
    assert run_build(tmp_path) == 0
    before = fingerprint(site)
    assert "index.html" in before and "data/manifest.json" in before

    # The record loses a required document section: the plugin stops the build.
    broken = complete_release()
    broken["cost_review"] = None
    write_yaml(tmp_path / "data" / "releases" / "2019-11.yaml", broken)
    assert run_build(tmp_path) == 1
    err = capsys.readouterr().err
    assert f"{site} is unchanged" in err and "d10-8d-release-cost-review" in err
    assert fingerprint(site) == before
    assert leftovers(tmp_path) == []


def test_strict_warning_fails_without_touching_the_site(tmp_path, capsys):
    write_project(tmp_path)
    site = tmp_path / "public"
    assert run_build(tmp_path, "--site-dir", str(site)) == 0
    before = fingerprint(site)
    # A hand-written page with a broken link: a warning, which --strict turns into a failure.
    (tmp_path / "content" / "notes.md").write_text("# Notes\n\n[gone](missing.md)\n", encoding="utf-8")
    assert run_build(tmp_path, "--site-dir", str(site), "--strict") == 1
    assert "is unchanged" in capsys.readouterr().err
    assert fingerprint(site) == before
    assert leftovers(tmp_path) == []
    # Without --strict it builds, and the new site replaces the old one whole.
    assert run_build(tmp_path, "--site-dir", str(site)) == 0
    assert (site / "notes" / "index.html").is_file()


def test_build_atomically_replaces_the_folder_whole(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "stale.html").write_text("old")

    def produce(folder: Path) -> None:
        assert folder.parent == tmp_path and folder != target and not any(folder.iterdir())
        (folder / "index.html").write_text("new")

    build_atomically(target, produce)
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert (target.stat().st_mode & 0o777) == 0o755
    assert leftovers(tmp_path) == []


def test_build_atomically_keeps_the_old_folder_when_producing_fails(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("published")

    def produce(folder: Path) -> None:
        (folder / "index.html").write_text("half")
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError, match="the build broke"):
        build_atomically(target, produce)
    assert (target / "index.html").read_text() == "published"
    assert leftovers(tmp_path) == []


def test_build_atomically_creates_a_missing_target(tmp_path):
    target = tmp_path / "deep" / "site"
    build_atomically(target, lambda folder: (folder / "a.txt").write_text("a"))
    assert (target / "a.txt").read_text() == "a"
