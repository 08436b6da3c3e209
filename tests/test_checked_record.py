"""core.check and core.check_cache: which date a record is checked as of, and when a check is reused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sec_release.core.check import CheckedRecord, check_project, resolve_as_of
from sec_release.core.check_cache import CheckCache, project_digest
from sec_release.core.options import Environment, Options
from sec_release.core.project import ProjectConfig, ProjectConfigError, load_project
from tests.factory import complete_release, write_project

TODAY = date(2026, 12, 1)


def config_with(as_of: date | None = None) -> ProjectConfig:
    return ProjectConfig(root=Path("."), options=Options(as_of=as_of))


# --- the as-of date ---

def test_the_as_of_given_on_the_command_line_comes_first():
    assert resolve_as_of(date(2020, 1, 1), config_with(date(2021, 1, 1)), TODAY, Environment(as_of="2022-01-01")) == date(2020, 1, 1)


def test_the_as_of_option_comes_before_the_environment():
    assert resolve_as_of(None, config_with(date(2021, 1, 1)), TODAY, Environment(as_of="2022-01-01")) == date(2021, 1, 1)


def test_the_environment_as_of_comes_before_today_and_may_have_spaces_around():
    assert resolve_as_of(None, config_with(), TODAY, Environment(as_of=" 2022-01-01\n")) == date(2022, 1, 1)


def test_without_any_as_of_the_record_is_checked_as_of_today():
    assert resolve_as_of(None, config_with(), TODAY, Environment(as_of="  ")) == TODAY
    assert resolve_as_of(None, config_with(), None, Environment()) == date.today()


def test_the_environment_is_read_when_none_is_given(monkeypatch):
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2023-06-30")
    assert resolve_as_of(None, config_with(), TODAY) == date(2023, 6, 30)


def test_an_environment_as_of_that_is_not_a_date_is_refused_with_how_to_write_it():
    with pytest.raises(ProjectConfigError) as caught:
        resolve_as_of(None, config_with(), TODAY, Environment(as_of="30/06/2023"))
    assert str(caught.value) == "SEC_RELEASE_AS_OF must be a date written YYYY-MM-DD, not '30/06/2023'"


# --- checking a project ---

@pytest.fixture
def project(tmp_path) -> ProjectConfig:
    return load_project(write_project(tmp_path / "p", [complete_release("2019-11")]))


def test_a_checked_record_is_the_record_evaluated_as_of_the_date(project):
    checked = check_project(project, date(2019, 12, 1))
    assert isinstance(checked, CheckedRecord)
    assert list(checked.record.releases) == ["2019-11"]
    assert checked.as_of == date(2019, 12, 1) == checked.evaluation.as_of


def test_the_digest_is_the_same_for_the_same_files_and_date(project):
    assert project_digest(project, TODAY) == project_digest(project, TODAY)
    assert len(project_digest(project, TODAY)) == 64


def test_the_digest_changes_with_the_as_of_date(project):
    assert project_digest(project, TODAY) != project_digest(project, date(2026, 12, 2))


@pytest.mark.parametrize("changed", [
    "data/releases/2019-11.yaml", "data/rulebook/d10.yaml", "content/index.md", "data/modifications/MP071.yaml",
])
def test_the_digest_changes_when_a_file_the_record_is_read_from_changes(project, changed):
    before = project_digest(project, TODAY)
    path = project.root / changed
    path.write_bytes(path.read_bytes() + b"\n# changed\n")
    assert project_digest(project, TODAY) != before


def test_the_digest_changes_when_a_file_is_added_or_renamed(project):
    before = project_digest(project, TODAY)
    added = project.root / "content" / "extra.md"
    added.write_text("", encoding="utf-8")
    with_empty_file = project_digest(project, TODAY)
    assert with_empty_file != before
    added.rename(project.root / "content" / "other.md")
    assert project_digest(project, TODAY) not in (before, with_empty_file)


def test_the_digest_does_not_change_for_files_outside_the_record(project):
    before = project_digest(project, TODAY)
    (project.root / "overrides" / "main.html").write_text("<p>theme</p>", encoding="utf-8")
    (project.root / "notes.txt").write_text("notes", encoding="utf-8")
    assert project_digest(project, TODAY) == before


def test_a_page_changed_after_a_data_folder_kept_inside_the_content_folder_changes_the_digest(tmp_path):
    # Each file is read once, even when the data folder (and its rulebook) is inside the content folder.
    write_project(tmp_path / "p")
    content = tmp_path / "p" / "content"
    (tmp_path / "p" / "data").rename(content / "data")
    config = ProjectConfig(root=tmp_path / "p", docs_dir="content",
                           options=Options(data_dir="content/data", rulebook="content/data/rulebook/d10.yaml"))
    before = project_digest(config, TODAY)
    page = content / "releases" / "2019-11" / "testing-approach.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAmended.\n", encoding="utf-8")
    assert project_digest(config, TODAY) != before


def test_the_digest_changes_with_the_project_settings(project):
    other = ProjectConfig(root=project.root, docs_dir=project.docs_dir, options=project.options.model_copy(update={"nav_releases": 3}),
                          site=project.site)
    assert project_digest(other, TODAY) != project_digest(project, TODAY)


def test_a_file_that_cannot_be_read_is_part_of_the_digest_as_unreadable(project):
    before = project_digest(project, TODAY)
    (project.root / "content" / "broken.md").symlink_to(project.root / "no-such-file")
    assert project_digest(project, TODAY) != before  # listed, not readable: the loader reports it


def test_the_check_is_reused_while_nothing_changed_and_redone_when_something_did(project):
    cache = CheckCache()
    assert cache.digest is None and cache.checked is None
    first = cache.check(project, TODAY)
    assert cache.checked is first and cache.digest == project_digest(project, TODAY)
    assert cache.check(project, TODAY) is first
    release = project.root / "data" / "releases" / "2019-11.yaml"
    release.write_text(release.read_text(encoding="utf-8").replace("Release 2019-11", "Renamed"), encoding="utf-8")
    second = cache.check(project, TODAY)
    assert second is not first and second.record.releases["2019-11"].title == "Renamed"
    assert cache.check(project, TODAY) is second
