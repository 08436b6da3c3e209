"""core.project: where a project's files are, read from its mkdocs.yml, and the messages when it cannot be read."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from sec_release.core.options import Options
from sec_release.core.project import (
    ProjectConfig, ProjectConfigError, SiteSettings, config_from_options, load_project, plugin_options, read_mkdocs_yml,
    site_settings,
)


def mkdocs_yml(root: Path, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def refused(call, *args) -> str:
    with pytest.raises(ProjectConfigError) as caught:
        call(*args)
    return str(caught.value)


# --- reading mkdocs.yml ---

def test_a_folder_without_mkdocs_yml_says_which_folder_to_give(tmp_path):
    assert refused(load_project, tmp_path) == f"{tmp_path / 'mkdocs.yml'} not found: give the folder that holds mkdocs.yml"


def test_a_folder_named_mkdocs_yml_is_not_the_settings_file(tmp_path):
    (tmp_path / "mkdocs.yml").mkdir()
    assert refused(read_mkdocs_yml, tmp_path / "mkdocs.yml") == (
        f"{tmp_path / 'mkdocs.yml'} not found: give the folder that holds mkdocs.yml"
    )


def test_mkdocs_yml_that_is_not_yaml_gives_the_parser_reason(tmp_path):
    mkdocs_yml(tmp_path, "a: [\n")
    assert refused(load_project, tmp_path) == (
        f"{tmp_path / 'mkdocs.yml'}: cannot be read: while parsing a flow node\n"
        "expected the node content, but found '<stream end>'\n"
        '  in "<unicode string>", line 2, column 1:\n    \n    ^'
    )


def test_mkdocs_yml_with_an_impossible_date_is_refused_with_the_reason(tmp_path):
    mkdocs_yml(tmp_path, "site_name: x\nbuilt: 2026-13-01\n")
    assert refused(load_project, tmp_path) == f"{tmp_path / 'mkdocs.yml'}: cannot be read: month must be in 1..12"


def test_mkdocs_yml_that_is_not_utf8_is_refused_with_the_reason(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: \xff\n")
    assert refused(load_project, tmp_path) == (
        f"{tmp_path / 'mkdocs.yml'}: cannot be read: 'utf-8' codec can't decode byte 0xff in position 11: invalid start byte"
    )


def test_mkdocs_yml_that_is_a_list_is_refused(tmp_path):
    mkdocs_yml(tmp_path, "- site_name: x\n")
    assert refused(load_project, tmp_path) == f"{tmp_path / 'mkdocs.yml'}: expected a mapping of settings"


def test_an_empty_mkdocs_yml_is_a_project_with_every_default(tmp_path):
    mkdocs_yml(tmp_path, "")
    config = load_project(tmp_path)
    assert config == ProjectConfig(root=tmp_path, docs_dir="docs", options=Options(), site=SiteSettings())
    assert read_mkdocs_yml(tmp_path / "mkdocs.yml") == {}


def test_python_and_env_tags_of_mkdocs_configs_are_read_as_nothing(tmp_path):
    mkdocs_yml(tmp_path, (
        "site_name: x\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "site_url: !ENV [SITE_URL, 'https://example.org/']\n"
    ))
    assert read_mkdocs_yml(tmp_path / "mkdocs.yml") == {
        "site_name": "x", "markdown_extensions": [{"pymdownx.emoji": {"emoji_index": None}}], "site_url": None,
    }


# --- the plugin's options ---

def test_the_plugin_named_without_options_has_its_defaults():
    assert plugin_options({"plugins": ["search", "sec-release"]}) == {}


def test_the_plugin_with_options_gives_them_as_written():
    written = {"data_dir": "record", "nav_releases": 3}
    options = plugin_options({"plugins": ["search", {"sec-release": written}]})
    assert options == {"data_dir": "record", "nav_releases": 3}
    options["data_dir"] = "changed"
    assert written["data_dir"] == "record"  # a copy: the parsed mkdocs.yml is not changed


def test_the_plugin_with_an_empty_options_entry_has_its_defaults():
    assert plugin_options({"plugins": [{"search": None}, {"sec-release": None}]}) == {}


def test_plugins_written_as_a_mapping_are_read_too():
    assert plugin_options({"plugins": {"search": {}, "sec-release": {"mode": "preview"}}}) == {"mode": "preview"}


def test_a_config_without_the_plugin_has_no_plugin_options():
    assert plugin_options({"plugins": ["search", {"other": {"sec-release": 1}}]}) is None
    assert plugin_options({"plugins": None}) is None
    assert plugin_options({}) is None


def test_the_plugins_options_are_those_of_the_first_entry_naming_it():
    assert plugin_options({"plugins": [{"sec-release": {"mode": "preview"}}, "sec-release"]}) == {"mode": "preview"}


def test_a_project_takes_its_folders_from_the_plugin_options(tmp_path):
    mkdocs_yml(tmp_path, (
        "docs_dir: pages\nplugins:\n  - sec-release:\n      data_dir: record\n      rulebook: record/d10.yaml\n"
        "      policy_page: rules/policy.md\n      as_of: 2020-03-01\n      warnings_fail: true\n"
    ))
    config = load_project(str(tmp_path))
    assert config.root == tmp_path
    assert (config.docs_dir, config.data_dir, config.rulebook, config.policy_page) == ("pages", "record", "record/d10.yaml", "rules/policy.md")
    assert config.as_of == date(2020, 3, 1)
    assert config.warnings_fail is True
    assert (config.content_path, config.data_path, config.rulebook_path) == (tmp_path / "pages", tmp_path / "record", tmp_path / "record" / "d10.yaml")


def test_a_project_without_the_plugin_has_the_default_folders(tmp_path):
    mkdocs_yml(tmp_path, "site_name: x\ndocs_dir: content\n")
    config = load_project(tmp_path)
    assert (config.docs_dir, config.data_dir, config.rulebook, config.policy_page) == (
        "content", "data", "data/rulebook/d10.yaml", "policy/release-management-policy.md",
    )
    assert config.as_of is None and config.warnings_fail is False


def test_invalid_plugin_options_are_refused_with_the_options_message(tmp_path):
    mkdocs_yml(tmp_path, "plugins:\n  - sec-release:\n      nav_releases: -1\n")
    assert refused(load_project, tmp_path) == (
        "mkdocs.yml, plugin sec-release: option nav_releases: Input should be greater than or equal to 0 (it is -1)"
    )


def test_a_project_from_options_has_default_site_settings_unless_given(tmp_path):
    assert config_from_options(tmp_path, "content", {}).site == SiteSettings()
    site = SiteSettings(site_url="https://example.org/")
    assert config_from_options(tmp_path, "content", {"mode": "preview"}, site).site is site


# --- the rest of mkdocs.yml ---

def test_the_site_settings_are_the_text_values_of_mkdocs_yml():
    settings = site_settings({
        "site_url": "https://example.org/record/", "repo_url": "https://github.com/example/record",
        "edit_uri": "edit/main/content/", "edit_uri_template": "blob/main/content/{path}", "site_dir": "public",
        "theme": {"name": "material", "custom_dir": "overrides"},
    })
    assert settings == SiteSettings(
        site_url="https://example.org/record/", repo_url="https://github.com/example/record",
        edit_uri="edit/main/content/", edit_uri_template="blob/main/content/{path}", site_dir="public", custom_dir="overrides",
    )


def test_site_settings_that_are_not_text_are_left_at_their_defaults():
    settings = site_settings({"site_url": None, "repo_url": 1, "edit_uri": ["x"], "edit_uri_template": True,
                              "site_dir": "", "theme": {"custom_dir": None}})
    assert settings == SiteSettings(site_url="", repo_url="", edit_uri="", edit_uri_template="", site_dir="site", custom_dir="")


def test_a_theme_named_by_text_has_no_custom_dir():
    assert site_settings({"theme": "material"}).custom_dir == ""
    assert site_settings({}).site_dir == "site"


def test_a_project_reads_its_site_settings_from_mkdocs_yml(tmp_path):
    mkdocs_yml(tmp_path, "site_url: https://example.org/\nsite_dir: out\ntheme:\n  name: material\n  custom_dir: theme\n")
    assert load_project(tmp_path).site == SiteSettings(site_url="https://example.org/", site_dir="out", custom_dir="theme")


# --- paths in messages ---

def test_a_path_inside_the_project_is_shown_relative_with_forward_slashes(tmp_path):
    config = ProjectConfig(root=tmp_path)
    assert config.relative(tmp_path / "data" / "releases" / "2019-11.yaml") == "data/releases/2019-11.yaml"


def test_a_path_through_dot_dot_back_into_the_project_is_shown_relative(tmp_path):
    (tmp_path / "data").mkdir()
    config = ProjectConfig(root=tmp_path)
    assert config.relative(tmp_path / "content" / ".." / "data" / "parties.yaml") == "data/parties.yaml"


def test_a_path_outside_the_project_is_shown_as_written(tmp_path):
    config = ProjectConfig(root=tmp_path / "project")
    (tmp_path / "project").mkdir()
    assert config.relative(tmp_path / "elsewhere" / "d10.yaml") == (tmp_path / "elsewhere" / "d10.yaml").as_posix()
    assert config.relative(tmp_path / "project" / ".." / "x.yaml") == (tmp_path / "project" / ".." / "x.yaml").as_posix()


def test_a_project_reached_through_a_link_shows_paths_relative_to_it(tmp_path):
    (tmp_path / "real" / "data").mkdir(parents=True)
    os.symlink(tmp_path / "real", tmp_path / "link")
    config = ProjectConfig(root=tmp_path / "link")
    assert config.relative(tmp_path / "real" / "data" / "x.yaml") == "data/x.yaml"


def test_a_linked_file_is_named_as_the_link_not_its_target(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "elsewhere.yaml").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere.yaml", tmp_path / "data" / "linked.yaml")
    config = ProjectConfig(root=tmp_path)
    assert config.relative(tmp_path / "data" / ".." / "data" / "linked.yaml") == "data/linked.yaml"


def test_a_file_in_a_linked_data_folder_is_named_inside_the_project(tmp_path):
    (tmp_path / "shared" / "releases").mkdir(parents=True)
    (tmp_path / "project").mkdir()
    os.symlink(tmp_path / "shared", tmp_path / "project" / "data")
    config = ProjectConfig(root=tmp_path / "project")
    assert config.relative(tmp_path / "project" / "data" / "releases" / "2019-11.yaml") == "data/releases/2019-11.yaml"
