"""The record format ships with the project: the site's page is generated from the models, and
docs/record-format.md (which the README and every scaffolded file point to) names every field."""

from __future__ import annotations

import re

import pytest

from sec_release.core.models import Modification, PartyList, PolicyFrontMatter, Release
from sec_release.core.rulebook import Rulebook
from sec_release.exports.catalogue import model_fields
from sec_release.scaffold import FORMAT_REFERENCE
from tests.conftest import run_cli
from tests.factory import REPO, write_project
from tests.test_site_support import Site, build_site, plain, text

DOCS = REPO / "docs" / "record-format.md"
# Each model, and the heading of its part of docs/record-format.md.
MODELS = [
    (Release, "## A release"),
    (Modification, "## A modification"),
    (PartyList, "## The party categories"),
    (PolicyFrontMatter, "### The Policy's front matter"),
    (Rulebook, "## The rulebook"),
]


def _docs_section(heading: str) -> str:
    doc = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(heading)}\b.*$", doc, re.MULTILINE)
    assert found, heading
    level = heading.split(" ")[0]
    rest = doc[found.end():]
    end = re.search(rf"^#{{1,{len(level)}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


@pytest.mark.parametrize("model,heading", MODELS, ids=[m.__name__ for m, _ in MODELS])
def test_every_field_has_a_meaning_for_editors(model, heading):
    missing = [f.path for f in model_fields(model) if not f.description]
    assert missing == []


@pytest.mark.parametrize("model,heading", MODELS, ids=[m.__name__ for m, _ in MODELS])
def test_the_format_reference_in_the_repository_names_every_field(model, heading):
    section = _docs_section(heading)
    names = {f.path.split(".")[-1].removesuffix("[]") for f in model_fields(model)}
    missing = sorted(n for n in names if f"`{n}`" not in section)
    assert missing == [], f"add these fields to {heading!r} in docs/record-format.md"


def test_the_readme_and_the_scaffold_point_to_the_reference_in_the_repository(tmp_path):
    assert DOCS.is_file() and FORMAT_REFERENCE == "docs/record-format.md"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/record-format.md)" in readme
    assert not re.search(r"(?<![/\w])record-format\.md", readme.replace("docs/record-format.md", "")), "a bare record-format.md is not in the repository"
    root = write_project(tmp_path / "p")
    assert run_cli("new", "release", "2027-11", "--title", "November 2027 SEC Release", "--go-live", "2027-11-04", "--no-dcc-systems-impact", "--project-dir", str(root)).returncode == 0
    assert run_cli("new", "modification", "MP250", "--title", "A modification", "--decision-path", "self-governance", "--no-dcc-systems-impact", "--project-dir", str(root)).returncode == 0
    for written in (root / "data" / "releases" / "2027-11.yaml", root / "data" / "modifications" / "MP250.yaml"):
        content = written.read_text(encoding="utf-8")
        assert f"every field: {FORMAT_REFERENCE}" in content
        assert (REPO / FORMAT_REFERENCE).is_file()


@pytest.fixture(scope="module")
def format_page(tmp_path_factory):
    site = Site(build_site(write_project(tmp_path_factory.mktemp("fmt") / "p")))
    return site.article("editors/record-format/")


def test_the_site_page_lists_every_field_with_the_models_meaning(format_page):
    tables = format_page.select("table")
    assert len(tables) == len(MODELS)
    for table, (model, _) in zip(tables, MODELS):
        shown = {plain(r.th): text(r.find_all("td")[3]) for r in table.select("tbody tr")}
        assert list(shown) == [f.path for f in model_fields(model)], model.__name__
        for field in model_fields(model):
            assert shown[field.path] == field.description, field.path


def test_the_site_page_says_what_is_required_and_the_defaults(format_page):
    rows = {plain(r.th): [text(c) for c in r.find_all(["th", "td"])] for r in format_page.select("table")[0].select("tbody tr")}
    assert rows["kind"][1:4] == ["one of: scheduled, ad-hoc", "no", "scheduled"]
    assert rows["go_live"][1:3] == ["date (YYYY-MM-DD)", "yes"]
    assert rows["date_changes[].window.earliest"][2] == "yes"
    modification = {plain(r.th): [text(c) for c in r.find_all(["th", "td"])] for r in format_page.select("table")[1].select("tbody tr")}
    assert modification["impacts"][1:3] == ["list of text", "no"]
    assert modification["decision_path"][2] == "no"
