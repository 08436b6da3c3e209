"""Production and preview builds: drafts, the preview banner, noindex, robots.txt and the provenance footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import complete_release, modification, write_project
from tests.publishing_support import (
    build, commit_all, copy_repo_overrides, git, html_pages, init_repo, site_files, soup,
)

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

DRAFT = "2031-07-zq"
DRAFT_TITLE = "Zebra Quokka Secret Release"
DRAFT_ONLY_MOD = "MP777"
DRAFT_ONLY_TITLE = "Okapi Draft-only Modification"
# Everything that would betray the draft, in any file.
DRAFT_MARKERS = [DRAFT, DRAFT_TITLE, "Zebra Quokka", DRAFT_ONLY_MOD, DRAFT_ONLY_TITLE, "Okapi"]
BANNER_TEXT = "Preview — not the published record"


def write_with_draft(root: Path) -> None:
    published = complete_release("2019-11", "2019-11-29", title="November 2019 SEC Release")
    draft = complete_release(
        DRAFT, "2031-07-10", title=DRAFT_TITLE, status="planned", draft=True, sec_version=None,
        summary="Scope is being discussed.", modifications=[{"id": DRAFT_ONLY_MOD, "status": "targeted"}],
        baselines=[], milestones=[{"name": "Okapi testing", "date": "2031-05-01", "state": "expected"}],
        go_live_decision=None, post_go_live_review=None, cost_review=None, progress_reports=[],
        amendments=[{"date": "2023-10-01", "summary": "Drafted."}],
    )
    write_project(root, [published, draft], [modification("MP071"), modification(DRAFT_ONLY_MOD, title=DRAFT_ONLY_TITLE, stage="development")])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("modes")
    write_with_draft(root)
    init_repo(root, branch="release-work")
    commit_all(root, "record")
    return root


@pytest.fixture(scope="module")
def production(project) -> Path:
    return build(project, project / "site-production")


@pytest.fixture(scope="module")
def preview(project) -> Path:
    return build(project, project / "site-preview", preview=True)


def test_no_draft_in_any_file_of_a_production_build(production):
    files = site_files(production)  # every file, sitemap.xml.gz decompressed
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "data/manifest.json"} <= set(files)
    leaks = [(path, marker) for path, data in files.items() for marker in DRAFT_MARKERS if marker.encode() in data]
    assert leaks == []
    assert not (production / "releases" / DRAFT).exists()
    assert not (production / "modifications" / DRAFT_ONLY_MOD).exists()


def test_the_draft_is_in_the_preview(preview):
    files = site_files(preview)
    assert (preview / "releases" / DRAFT / "index.html").is_file()
    assert DRAFT_TITLE.encode() in files["search/search_index.json"]
    assert DRAFT_ONLY_MOD.encode() in files["data/releases.json"]


def test_preview_banner_noindex_on_every_page(preview, project):
    commit = git(project, "rev-parse", "HEAD")
    pages = html_pages(preview)
    assert preview / "404.html" in pages and len(pages) > 8
    for path in pages:
        page = soup(path)
        banner = page.select("[data-sec-preview-banner]")
        assert len(banner) == 1, path
        text = " ".join(banner[0].get_text(" ", strip=True).split())
        assert BANNER_TEXT in text and "release-work" in text and commit[:12] in text, (path, text)
        robots = page.select('head meta[name="robots"]')
        assert [m["content"] for m in robots] == ["noindex"], path
        # The banner comes before the page header, where a reader sees it first.
        header = page.select_one("header.md-header")
        assert banner[0].find_next("header") is header, path


def test_preview_robots_txt_disallows_all(preview):
    lines = [line.strip() for line in (preview / "robots.txt").read_text().splitlines() if not line.startswith("#")]
    assert "User-agent: *" in lines and "Disallow: /" in lines


def test_production_has_no_banner_noindex_or_robots_disallow(production):
    for path in html_pages(production):
        page = soup(path)
        assert page.select("[data-sec-preview-banner]") == [], path
        assert page.select('meta[name="robots"]') == [], path
        assert BANNER_TEXT not in page.get_text(), path
    # Only a preview writes robots.txt (to keep itself out of search engines); production leaves the record indexable.
    assert not (production / "robots.txt").exists()
    assert "robots.txt" not in site_files(production)
    assert not any(BANNER_TEXT.encode() in data for data in site_files(production).values())


@pytest.mark.parametrize("mode", ["production", "preview"])
def test_footer_shows_commit_and_build_date_on_every_page(mode, production, preview, project):
    site = production if mode == "production" else preview
    commit = git(project, "rev-parse", "HEAD")
    for path in html_pages(site):
        footer = soup(path).select_one("footer")
        provenance = footer.select("[data-sec-provenance]")
        assert len(provenance) == 1, path
        code = provenance[0].select_one("code")
        assert code.get_text() == commit[:12] and code["title"] == commit
        link = provenance[0].select_one("a")
        assert link["href"] == f"https://github.com/example/test/commit/{commit}"
        built = provenance[0].select_one("time")
        assert built["datetime"] == "2023-11-14T22:13:20Z" and built.get_text() == "14 November 2023"


def test_branch_names_are_escaped_in_the_banner(tmp_path):
    write_project(tmp_path)
    site = build(tmp_path, tmp_path / "site", preview=True, branch="<script>alert(1)</script>", commit="0123456789abcdef" * 2 + "01234567")
    banner = soup(site / "index.html").select_one("[data-sec-preview-banner]")
    assert banner.find("script") is None
    assert "<script>alert(1)</script>" in banner.get_text()
    assert "0123456789ab" in banner.get_text()


def test_the_shipped_overrides_keep_banner_noindex_and_footer(tmp_path):
    """The site's own overrides/main.html (and partials) must not drop what the plugin's theme adds."""
    write_project(tmp_path)
    copy_repo_overrides(tmp_path)
    site = build(tmp_path, tmp_path / "site", preview=True, branch="feature", commit="f" * 40)
    for path in html_pages(site):
        page = soup(path)
        assert page.select("[data-sec-preview-banner]"), path
        assert page.select('meta[name="robots"][content="noindex"]'), path
        assert page.select("footer [data-sec-provenance]"), path
