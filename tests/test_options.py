"""One options model: the plugin and every sec-release command read and check the same options."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from sec_release.cli import main
from sec_release.core.options import (
    ENV,
    MODE_PREVIEW,
    Options,
    OptionsError,
    options_table,
    parse_options,
    read_environment,
    with_environment,
)
from tests.conftest import REPO
from tests.factory import write_project

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

BAD_OPTIONS = [
    ("      nav_releases: eight\n", "option nav_releases: Input should be a valid integer"),
    ("      as_of: \"26/11/2026\"\n", "option as_of: must be a date written YYYY-MM-DD"),
    ("      warnings_fail: yes please\n", "option warnings_fail: Input should be a valid boolean"),
    ("      mode: draft\n", "option mode: Input should be 'production' or 'preview'"),
    ("      license: CC BY 4.0\n", 'unknown option "license" (did you mean "licence"?)'),
]


def _with_option(root, line: str):
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("      rulebook: data/rulebook/d10.yaml\n", "      rulebook: data/rulebook/d10.yaml\n" + line), encoding="utf-8")


@pytest.mark.parametrize(("line", "message"), BAD_OPTIONS, ids=[m.split(":")[0] for _, m in BAD_OPTIONS])
def test_a_bad_option_stops_the_build_and_every_command_with_the_same_message(tmp_path, caplog, capsys, line, message):
    project = write_project(tmp_path / "p")
    _with_option(project, line)
    for command in (["validate", str(project)], ["export", "--format", "json", str(tmp_path / "out"), str(project)], ["diff", str(project), "--against", str(project)]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert message in err, (command, err)
        assert "Traceback" not in err
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert message in logged
    assert not (tmp_path / "out").exists()


def test_the_options_as_written_are_validated_once_with_their_defaults():
    assert parse_options(None) == Options()
    assert parse_options({"as_of": None, "notice": None}) == Options()  # an empty key is not given
    options = parse_options({"as_of": "2026-11-26", "nav_releases": 3, "licence": "CC BY 4.0"})
    assert options.as_of == date(2026, 11, 26) and options.nav_releases == 3 and options.licence == "CC BY 4.0"
    assert parse_options({"as_of": date(2026, 11, 26)}).as_of == date(2026, 11, 26)  # YAML's unquoted date
    with pytest.raises(OptionsError) as raised:
        parse_options({"nav_releases": -1, "bogus": 1})
    assert "option nav_releases" in str(raised.value) and 'unknown option "bogus"' in str(raised.value)


def test_the_environment_is_read_in_one_place_and_overrides_mode_and_baseline():
    env = read_environment({ENV["preview"]: "1", ENV["compare_to"]: "origin/main", "GITHUB_HEAD_REF": "feature"})
    assert env.preview and env.compare_to == "origin/main" and env.branch == "feature"
    assert not read_environment({ENV["preview"]: "0"}).preview
    options = with_environment(Options(), env)
    assert options.mode == MODE_PREVIEW and options.compare_to == "origin/main"
    assert with_environment(Options(), read_environment({})) == Options()


def test_the_readme_lists_every_option_and_environment_variable():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert options_table() in readme, "regenerate the README's options tables from sec_release.core.options.options_table()"
