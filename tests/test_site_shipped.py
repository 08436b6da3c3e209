"""The shipped record builds with --strict, and every page kind of it links up."""

from __future__ import annotations

import pytest

from tests.factory import REPO
from tests.test_site_support import Site, build_site_at, top_nav, text

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Site:
    return Site(build_site_at(REPO, tmp_path_factory.mktemp("shipped") / "site"))


def test_shipped_record_nav_and_links(shipped):
    soup = shipped.soup("releases/2019-11/")
    assert top_nav(soup)[:7] == ["Home", "Releases", "Modifications", "Timeline", "Compliance", "Rulebook", "Policy"]
    broken = {page: shipped.broken_links(page) for page in shipped.pages()}
    assert {p: b for p, b in broken.items() if b} == {}


def test_shipped_record_page_kinds(shipped):
    for url in ("", "releases/", "releases/2019-11/", "releases/2019-11/implementation-document/",
                "modifications/", "timeline/", "compliance/", "rulebook/", "policy/release-management-policy/"):
        assert shipped.exists(url), url
    assert shipped.article("releases/2019-11/").select("table.sec-content tbody tr")
    assert text(shipped.soup("").select_one(".md-banner .sec-notice")).startswith("Notice:")
    assert shipped.article("policy/release-management-policy/").select_one("section.sec-coverage") is not None
