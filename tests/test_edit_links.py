"""Edit links of generated pages come from the engine's own edit_uri / edit_uri_template, pointing at their YAML."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup

from tests.factory import write_project
from tests.test_site_support import build_site

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


def _edit_links(site, url: str) -> list[str]:
    """The page's edit links, as a browser resolves them (dot segments removed)."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a.md-content__button[href]") if "edit" in a["href"]]
    out = []
    for link in links:
        parts = urlsplit(link)
        out.append(urlunsplit(parts._replace(path=posixpath.normpath(parts.path))))
    return out


@pytest.mark.parametrize(
    ("setting", "release_link", "home_link"),
    [
        ("edit_uri: edit/main/content/\n", "https://github.com/example/test/edit/main/data/releases/2019-11.yaml", "https://github.com/example/test/edit/main/content/index.md"),
        (
            "edit_uri_template: 'https://git.example.org/x/-/edit/main/content/{path}?ref_type=heads'\n",
            "https://git.example.org/x/-/edit/main/data/releases/2019-11.yaml?ref_type=heads",
            "https://git.example.org/x/-/edit/main/content/index.md?ref_type=heads",
        ),
    ],
    ids=["edit_uri", "edit_uri_template"],
)
def test_generated_pages_link_to_their_yaml_through_the_engines_edit_setting(tmp_path, setting, release_link, home_link):
    project = write_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("edit_uri: edit/main/content/\n", setting)
    text = text.replace("  custom_dir: overrides\n", "  custom_dir: overrides\n  features: [content.action.edit]\n")
    config.write_text(text, encoding="utf-8")
    site = build_site(project)
    assert _edit_links(site, "releases/2019-11") == [release_link]  # the release's YAML, outside docs_dir
    assert _edit_links(site, "") == [home_link]  # a hand-written page keeps its own
    assert _edit_links(site, "timeline") == []  # a generated page without a file of its own has none
