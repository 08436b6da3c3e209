"""The preview's /changes/ page: what this build would change, each item linked to the page where it shows."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from tests.factory import write_project
from tests.publishing_support import (
    DRAFT_ID, HOSTILE_TITLE, build, commit_all, every_change_repo, init_repo, soup,
)

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("changes-page")
    baseline = every_change_repo(root)
    return build(root, root / "site", preview=True, compare_to=baseline, branch="feature/scope")


def article(site: Path):
    return soup(site / "changes" / "index.html").select_one("article")


def resolve(site: Path, page: str, href: str) -> Path:
    """The built file a relative link from the page at ``page`` (site-relative folder URL) points to."""
    path = posixpath.normpath(posixpath.join(page, href.split("#")[0]))
    target = site / path
    return target / "index.html" if target.is_dir() else target


def test_changes_page_lists_every_kind_of_change(site):
    text = " ".join(article(site).get_text(" ", strip=True).split()).replace(" :", ":")
    for expected in (
        "Releases added", f"{DRAFT_ID} — Zebra Quokka Draft Release (draft)",
        "Releases removed", "2018-06 — June 2018 SEC Release: was implemented",
        "Releases changed", "Go-live moved: 2019-11-29 → 2019-12-05",
        "Modification added: MP073 (implemented)",
        "Modification removed from the release: MP074 (implemented → removed)",
        "Modification no longer listed: MP076 (was implemented)",
        "Implementation Document re-issued: version 1.0 → 1.1, updated 2019-10-31 → 2019-11-20",
        "Testing Approach Document: its text changed",
        "Compliance: d10-19-consultation [D10.19] missing → met",
        "sec_version: 6.21 → 6.22",
        "milestones[Testing complete].date: 2019-09-13 → 2019-09-20",
        "Modification register", "Changed: MP080", "Removed: MP090",
        "The Policy's text changed",
    ):
        assert expected in text, expected


def test_each_item_links_to_a_page_that_exists(site):
    links = [a["href"] for a in article(site).select("a[href]") if not a["href"].startswith("#")]
    assert len(links) >= 12
    for href in links:
        assert not href.startswith(("http:", "https:", "/")), href
        assert resolve(site, "changes/", href).is_file(), href
    # The compliance change links to its cell in the matrix.
    cell = next(a for a in article(site).select("a[href]") if "d10-19-consultation" in a.get_text())
    page, _, anchor = cell["href"].partition("#")
    assert anchor and soup(resolve(site, "changes/", page)).find(id=anchor) is not None


def test_record_text_on_the_changes_page_is_shown_literally(site):
    page = article(site)
    item = next(li for li in page.select("li") if "MP250" in li.get_text())
    assert HOSTILE_TITLE in item.get_text()
    assert item.find("b") is None
    assert "49" not in item.get_text()


def test_changes_page_is_in_the_preview_nav_and_banner(site):
    page = soup(site / "index.html")
    assert any(a.get_text(strip=True) == "What would change" and a["href"] == "changes/" for a in page.select("nav a"))
    banner_link = page.select_one("[data-sec-preview-banner] a")
    assert resolve(site, "", banner_link["href"]) == site / "changes" / "index.html"


def test_no_differences_says_so(tmp_path):
    write_project(tmp_path)
    init_repo(tmp_path)
    commit_all(tmp_path, "one")
    site = build(tmp_path, tmp_path / "site", preview=True, compare_to="HEAD")
    text = article(site).get_text(" ", strip=True)
    assert "No differences" in text
    assert "Releases changed" not in text


def test_without_a_baseline_the_page_says_how_to_set_one(tmp_path):
    write_project(tmp_path)
    site = build(tmp_path, tmp_path / "site", preview=True)
    assert "compare_to" in article(site).get_text()


def test_an_unreadable_baseline_is_reported_on_the_page(tmp_path):
    write_project(tmp_path)
    site = build(tmp_path, tmp_path / "site", preview=True, compare_to="origin/nowhere")
    text = article(site).get_text(" ", strip=True)
    assert "No comparison" in text and "origin/nowhere" in text


def test_production_has_no_changes_page(tmp_path):
    write_project(tmp_path)
    init_repo(tmp_path)
    commit_all(tmp_path, "one")
    site = build(tmp_path, tmp_path / "site", compare_to="HEAD")
    assert not (site / "changes").exists()
    assert "changes/" not in (site / "index.html").read_text(encoding="utf-8")
