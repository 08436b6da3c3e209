"""The shipped record builds with --strict, and every page kind of it links up."""

from __future__ import annotations

import pytest

from tests.factory import REPO
from tests.test_site_support import Site, build_site_at, plain, top_nav, text

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


def test_shipped_planned_release_says_when_its_requirements_fall_due(shipped):
    """"Due once the release is baselined" is the date the record plans the full-scope baseline for."""
    art = shipped.article("releases/2027-11/")
    sentence = plain(art.select_one(".sec-compliance-sentence"))
    assert sentence.startswith("Nothing overdue; 15 requirements fall due from 14 May 2027")
    assert "Due from 14 May 2027" in text(art.select_one("tr#req-d10-13-timescales"))
    assert text(shipped.article("").select_one(".sec-next .sec-summary")) == "Nothing overdue; 15 requirements fall due from 14 May 2027"


def test_shipped_timeline_focuses_on_now_with_the_whole_history_reachable(shipped):
    art = shipped.article("timeline/")
    focus = art.select_one("figure svg#record-timeline")
    lanes = [t.get_text() for t in focus.find_all("text", attrs={"text-anchor": "end"})]
    assert lanes == ["November 2021", "February 2022", "June 2022", "November 2027"]
    history = art.select_one("details#every-release svg#record-timeline-all")
    assert len(history.find_all("text", attrs={"text-anchor": "end"})) == 7
    # One row per fact: a baseline the record also lists as a milestone shows once.
    dates = next(c for c in shipped.article("releases/2022-02/").find_all("caption") if text(c).startswith("Dates of")).find_parent("table")
    february = [text(tr) for tr in dates.select("tbody tr") if "13 August 2021" in text(tr)]
    assert february == ["13 August 2021 Full scope baselined Actual"]


def test_a_preview_of_the_shipped_record_shows_the_editors_their_work(tmp_path_factory):
    """The same record that readers see without them: previews (the Panel, SECAS) show what to fix, where, and the digest."""
    preview = Site(build_site_at(REPO, tmp_path_factory.mktemp("shipped-preview") / "site", preview=True))
    planned = text(preview.article("releases/2027-11/"))
    assert "To fix" in planned and "data/releases/2027-11.yaml" in planned
    assert "SHA-256" in text(preview.article("releases/2019-11/")) and "data/releases/2019-11.yaml" in text(preview.article("releases/2019-11/"))
