"""`mkdocs serve --dirty` renders again only what changed, and the result is the full build's."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sec_release.core.check_cache import CheckCache
from sec_release.core.diagnostics import DiagnosticList, Location
from sec_release.core.file_memo import per_file
from sec_release.core.project import SiteSettings, config_from_options
from sec_release.model.incremental import EVERYTHING, RebuildPlanner, merged_search_entries
from tests.conftest import REPO
from tests.factory import complete_release, modification, write_project
from tests.test_site_support import AS_OF


# ---------------------------------------------------------------------------
# the parts


def test_the_planner_renders_everything_first_then_only_changed_pages():
    planner = RebuildPlanner()
    assert planner.plan("site", {"a.md": "1", "b.md": "1"}).stale is EVERYTHING
    assert planner.plan("site", {"a.md": "1", "b.md": "1"}).stale == set()
    plan = planner.plan("site", {"a.md": "2", "c.md": "1"})
    assert plan.stale == {"a.md", "c.md"} and plan.gone == {"b.md"}
    assert planner.plan("nav changed", {"a.md": "2", "c.md": "1"}).stale is EVERYTHING
    planner.forget()
    assert planner.plan("nav changed", {"a.md": "2", "c.md": "1"}).stale is EVERYTHING


def test_the_search_index_holds_each_page_once_in_site_order():
    previous = {"": [{"location": "", "text": "home v1"}], "a/": [{"location": "a/", "text": "a v1"}, {"location": "a/#x", "text": "x v1"}],
                "b/": [{"location": "b/", "text": "b v1"}]}
    # what the theme writes after a dirty build that rendered a/ and b/: old entries, then the new ones
    written = [{"location": "", "text": "home v1"}, {"location": "a/", "text": "a v1"}, {"location": "a/#x", "text": "x v1"},
               {"location": "a/", "text": "a v2"}, {"location": "b/", "text": "b v2"}]
    merged = merged_search_entries(previous, written, {"a/", "b/"}, ["", "b/", "a/"])
    assert list(merged) == ["", "b/", "a/"]
    assert merged["a/"] == [{"location": "a/", "text": "a v2"}]
    assert merged["b/"] == [{"location": "b/", "text": "b v2"}]
    assert merged[""] == [{"location": "", "text": "home v1"}]


def test_a_file_is_worked_out_again_only_when_its_text_changes_and_its_problems_are_reported_each_time():
    calls = []

    @per_file
    def parse(text, file, problems):
        calls.append(text)
        problems.error(Location(file, 1, 1), "code", f"problem in {text}")
        return text.upper()

    first, second, third = DiagnosticList(), DiagnosticList(), DiagnosticList()
    assert parse("a", "f.yaml", problems=first) == "A"
    assert parse("a", "f.yaml", problems=second) == "A"
    assert parse("b", "f.yaml", problems=third) == "B"
    assert calls == ["a", "b"]
    assert [d.message for d in first] == [d.message for d in second] == ["problem in a"]
    assert [d.message for d in third] == ["problem in b"]


def test_the_checked_record_is_reused_while_its_files_have_the_same_bytes(tmp_path):
    project = write_project(tmp_path / "p")
    config = config_from_options(project, "content", {}, SiteSettings())
    cache, as_of = CheckCache(), date(2026, 11, 26)
    first = cache.check(config, as_of)
    release = project / "data" / "releases" / "2019-11.yaml"
    os.utime(release, (1, 1))  # touched, same bytes
    assert cache.check(config, as_of) is first
    release.write_text(release.read_text(encoding="utf-8").replace("Release 2019-11", "Release 2019-11 renamed"), encoding="utf-8")
    second = cache.check(config, as_of)
    assert second is not first
    assert second.record.releases["2019-11"].title == "Release 2019-11 renamed"
    assert cache.check(config, date(2026, 11, 27)) is not second  # another as-of date: checked again


# ---------------------------------------------------------------------------
# the whole build, as `mkdocs serve --dirty` runs it


def _serve_dirty(project: Path, site: Path, steps: list[dict], *options: str) -> list[list[str]]:
    env = {**os.environ, "SEC_RELEASE_AS_OF": AS_OF, "SEC_RELEASE_PREVIEW": "0", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "tests.incremental_support", str(project), str(site), json.dumps(steps), *options],
                            capture_output=True, text=True, cwd=REPO, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines()]


def _served_in_full(project: Path, site: Path) -> Path:
    """The site as `mkdocs serve` without --dirty builds it from the project as it is now."""
    _serve_dirty(project, site, [], "--clean")
    return site


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.fixture
def two_releases(tmp_path):
    releases = [complete_release("2019-11", "2019-11-29"),
                complete_release("2020-02", "2020-02-27", modifications=[{"id": "MP072", "status": "implemented"}])]
    return write_project(tmp_path / "p", releases, [modification("MP071"), modification("MP072")])


@pytest.mark.build
def test_a_dirty_rebuild_renders_only_the_changed_pages_and_equals_a_full_build(two_releases, tmp_path):
    # nav_releases: 1 names only the newest release in the nav, so 2019-11 is on its own pages and the lists
    mkdocs_yml = two_releases / "mkdocs.yml"
    settings = mkdocs_yml.read_text(encoding="utf-8")
    assert "      data_dir: data\n" in settings
    mkdocs_yml.write_text(settings.replace("      data_dir: data\n", "      data_dir: data\n      nav_releases: 1\n", 1), encoding="utf-8")
    steps = [
        {"file": "data/releases/2019-11.yaml", "old": "title: Release 2019-11", "new": "title: Release 2019-11 (renamed)"},
        {"file": "data/modifications/MP072.yaml", "old": "title: Modification MP072", "new": "title: Modification MP072 (renamed)"},
    ]
    rendered = _serve_dirty(two_releases, tmp_path / "served", steps)
    assert _differences(tmp_path / "served", _served_in_full(two_releases, tmp_path / "full")) == []
    everything, after_release, after_modification = (set(r) for r in rendered)
    assert "releases/2019-11/index.md" in after_release and "releases/2019-11/index.md" in everything
    assert "releases/2020-02/index.md" not in after_release  # nothing on it changed
    assert "modifications/MP072/index.md" in after_modification and "modifications/MP071/index.md" not in after_modification
    assert len(after_release) < len(everything) and len(after_modification) < len(everything)


@pytest.mark.build
def test_a_change_to_the_nav_renders_every_page_again(two_releases, tmp_path):
    steps = [{"file": "data/releases/2020-02.yaml", "old": "title: Release 2020-02", "new": "title: Release 2020-02 (renamed)"}]
    everything, after = (set(r) for r in _serve_dirty(two_releases, tmp_path / "served", steps))
    assert after == everything  # the newest release is named in the nav of every page
    assert _differences(tmp_path / "served", _served_in_full(two_releases, tmp_path / "full")) == []


@pytest.mark.build
def test_a_hand_written_page_edit_renders_that_page_and_equals_a_full_build(two_releases, tmp_path):
    steps = [{"file": "content/releases/2019-11/implementation-document.md", "old": "## Timescales", "new": "## Timescales\n\nOne more line."}]
    rendered = _serve_dirty(two_releases, tmp_path / "served", steps)
    assert "releases/2019-11/implementation-document.md" in rendered[1]
    assert len(rendered[1]) < len(rendered[0])
    assert _differences(tmp_path / "served", _served_in_full(two_releases, tmp_path / "full")) == []


@pytest.mark.build
def test_a_record_with_errors_and_then_fixed_renders_every_page_both_times(two_releases, tmp_path):
    steps = [{"file": "data/releases/2019-11.yaml", "old": "status: implemented", "new": "status: Implemented"},
             {"file": "data/releases/2019-11.yaml", "old": "status: Implemented", "new": "status: implemented"}]
    everything, broken, fixed = (set(r) for r in _serve_dirty(two_releases, tmp_path / "served", steps))
    assert "releases/2020-02/index.md" in broken  # every page shows the errors
    assert fixed == everything
    assert _differences(tmp_path / "served", _served_in_full(two_releases, tmp_path / "full")) == []
