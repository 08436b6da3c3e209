"""What an editor is told about the plugin's options in mkdocs.yml, and what the environment changes.

In-process and without a build (tests/test_options.py builds the site with
each bad option): the whole message of each mistake, the defaults as the
README shows them, each environment variable.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sec_release.core.options import (
    DEFAULT_LICENCE,
    DEFAULT_LICENCE_URL,
    MODE_PREVIEW,
    MODE_PRODUCTION,
    Environment,
    Options,
    OptionsError,
    option_help,
    options_table,
    parse_options,
    read_environment,
    with_environment,
)

OPTIONS = "data_dir, rulebook, policy_page, as_of, warnings_fail, mode, compare_to, notice, licence, licence_url, nav_releases, page_macros"


def _message(raw, **kwargs) -> str:
    with pytest.raises(OptionsError) as raised:
        parse_options(raw, **kwargs)
    return str(raised.value)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"nav_releases": -1}, "option nav_releases: Input should be greater than or equal to 0 (it is -1)"),
        ({"nav_releases": "8"}, "option nav_releases: Input should be a valid integer (it is '8')"),
        ({"nav_releases": True}, "option nav_releases: Input should be a valid integer (it is True)"),
        ({"notice": 3}, "option notice: Input should be a valid string (it is 3)"),
        ({"page_macros": "no"}, "option page_macros: Input should be a valid boolean (it is 'no')"),
        ({"mode": "draft"}, "option mode: Input should be 'production' or 'preview' (it is 'draft')"),
        ({"as_of": "26/11/2026"}, "option as_of: must be a date written YYYY-MM-DD (it is '26/11/2026')"),
        ({"as_of": "2026-02-30"}, "option as_of: must be a date written YYYY-MM-DD (it is '2026-02-30')"),
        # A number is not read as seconds since 1970: as_of: 0 would check the record as of 1 January 1970.
        ({"as_of": 0}, "option as_of: must be a date written YYYY-MM-DD (it is 0)"),
        ({"as_of": 1764115200}, "option as_of: must be a date written YYYY-MM-DD (it is 1764115200)"),
        ({"as_of": datetime(2026, 11, 26, 10, 0)}, "option as_of: must be a date written YYYY-MM-DD (it is datetime.datetime(2026, 11, 26, 10, 0))"),
        ({"licence_ur": "x"}, f'unknown option "licence_ur" (did you mean "licence_url"?); the options are: {OPTIONS}'),
        ({"colour": "blue"}, f'unknown option "colour"; the options are: {OPTIONS}'),
    ],
    ids=["negative", "quoted-number", "boolean-number", "number-notice", "text-boolean", "mode", "as-of-format",
         "as-of-impossible", "as-of-zero", "as-of-seconds", "as-of-with-time", "near-miss", "unknown"],
)
def test_a_wrong_option_is_named_with_what_was_written(raw, problem):
    assert _message(raw) == f"mkdocs.yml, plugin sec-release: {problem}"


def test_every_wrong_option_is_named_in_one_message_in_the_file_given():
    assert _message({"mode": "draft", "nav_releases": -1, "bogus": 1}, where="site/mkdocs.yml") == (
        "site/mkdocs.yml, plugin sec-release: option mode: Input should be 'production' or 'preview' (it is 'draft'); "
        "option nav_releases: Input should be greater than or equal to 0 (it is -1); "
        f'unknown option "bogus"; the options are: {OPTIONS}'
    )


def test_an_option_left_empty_takes_its_default():
    assert parse_options({"nav_releases": None, "mode": None, "licence": None}) == Options()
    assert parse_options({}) == Options()


@pytest.mark.parametrize("written", [date(2026, 11, 26), "2026-11-26", " 2026-11-26 "], ids=["yaml-date", "quoted", "spaces"])
def test_as_of_is_a_date_written_unquoted_or_quoted(written):
    assert parse_options({"as_of": written}).as_of == date(2026, 11, 26)


def test_zero_releases_in_the_navigation_is_allowed():
    assert parse_options({"nav_releases": 0}).nav_releases == 0


def test_the_defaults_are_what_the_readme_says():
    options = Options()
    assert (options.data_dir, options.rulebook, options.policy_page, options.as_of, options.warnings_fail) == (
        "data", "data/rulebook/d10.yaml", "policy/release-management-policy.md", None, False)
    assert (options.mode, options.compare_to, options.notice, options.nav_releases, options.page_macros) == (MODE_PRODUCTION, None, None, 8, True)
    assert (options.licence, options.licence_url) == (DEFAULT_LICENCE, DEFAULT_LICENCE_URL)
    assert [(name, shown) for name, shown, _ in option_help()] == [
        ("data_dir", "data"), ("rulebook", "data/rulebook/d10.yaml"), ("policy_page", "policy/release-management-policy.md"),
        ("as_of", "(none)"), ("warnings_fail", "false"), ("mode", "production"), ("compare_to", "(none)"), ("notice", "(none)"),
        ("licence", "Open Government Licence v3.0"),
        ("licence_url", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
        ("nav_releases", "8"), ("page_macros", "true"),
    ]


def test_the_readme_tables_show_each_option_s_default_and_help_and_each_variable():
    table = options_table()
    assert table.startswith(
        "| option | default | what it does |\n|---|---|---|\n"
        "| `data_dir` | `data` | The folder of the record's YAML (releases/, modifications/), relative to mkdocs.yml. |\n"
    )
    assert "| `warnings_fail` | `false` | Stop the build on warnings too (as mkdocs build --strict). |\n" in table.split("\n\n")[0] + "\n"
    assert table.endswith(
        "\n\n| environment variable | what it does |\n|---|---|\n"
        "| `SEC_RELEASE_AS_OF` | Check the record as of this date (YYYY-MM-DD), when neither --as-of nor the as_of option gives one. |\n"
        "| `SEC_RELEASE_PREVIEW` | 1: a preview build (as mode: preview). |\n"
        "| `SEC_RELEASE_COMPARE_TO` | The preview's baseline, instead of compare_to (CI names the pull request's base branch). |\n"
        "| `SEC_RELEASE_COMMIT` | The commit built, when git cannot tell (a build from an archive). |\n"
        "| `SEC_RELEASE_BRANCH` | The branch built, for the preview banner. |\n"
        "| `GITHUB_HEAD_REF` | Set by GitHub Actions: a pull request's branch, when SEC_RELEASE_BRANCH is not set. |\n"
        "| `SOURCE_DATE_EPOCH` | The build's date (seconds since 1970), for reproducible builds; sec-release build sets it to the commit's date. |\n"
        "| `SEC_RELEASE_ENGINE` | mkdocs (the default) or properdocs: what sec-release build, and the test suite, build with (as --engine). |\n"
    )
    assert len(table.split("\n\n")[0].splitlines()) == 2 + 12


# --- the environment ----------------------------------------------------------------------------

def test_each_environment_variable_is_read_into_its_setting():
    assert read_environment({
        "SEC_RELEASE_AS_OF": "2026-11-26", "SEC_RELEASE_PREVIEW": "1", "SEC_RELEASE_COMPARE_TO": "origin/main",
        "SEC_RELEASE_COMMIT": "abc123", "SEC_RELEASE_BRANCH": "mp071", "GITHUB_HEAD_REF": "feature",
        "SOURCE_DATE_EPOCH": "1764115200", "SEC_RELEASE_ENGINE": "properdocs",
    }) == Environment(as_of="2026-11-26", preview=True, compare_to="origin/main", commit="abc123", branch="mp071",
                      source_date_epoch="1764115200", engine="properdocs")


def test_nothing_set_is_a_production_build_with_nothing_overridden():
    assert read_environment({}) == Environment("", False, "", "", "", "", "")


@pytest.mark.parametrize(("value", "preview"), [("1", True), ("true", True), ("yes", True), ("0", False), ("", False)])
def test_a_preview_is_any_value_but_nothing_or_zero(value, preview):
    assert read_environment({"SEC_RELEASE_PREVIEW": value}).preview is preview


def test_the_branch_of_a_pull_request_is_used_when_no_branch_is_given():
    assert read_environment({"GITHUB_HEAD_REF": "feature"}).branch == "feature"
    assert read_environment({"GITHUB_HEAD_REF": "feature", "SEC_RELEASE_BRANCH": ""}).branch == "feature"


def test_the_process_environment_is_read_when_none_is_given(monkeypatch):
    monkeypatch.setenv("SEC_RELEASE_COMMIT", "def456")
    monkeypatch.setenv("SEC_RELEASE_PREVIEW", "0")
    env = read_environment()
    assert (env.commit, env.preview) == ("def456", False)


def test_a_preview_from_the_environment_overrides_the_mode_and_keeps_the_other_options():
    options = parse_options({"nav_releases": 3, "compare_to": "main"})
    assert with_environment(options, Environment(preview=True)) == parse_options({"nav_releases": 3, "compare_to": "main", "mode": MODE_PREVIEW})


def test_a_baseline_from_the_environment_overrides_compare_to_only():
    options = parse_options({"compare_to": "main"})
    assert with_environment(options, Environment(compare_to="origin/main")) == parse_options({"compare_to": "origin/main"})


def test_an_empty_environment_changes_no_option():
    options = parse_options({"mode": "preview", "compare_to": "main"})
    assert with_environment(options, Environment()) == options
