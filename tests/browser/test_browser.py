"""The built shipped record in a real Chromium: a reader's journey, search,
the timeline picture, console errors, no-JavaScript reading, printing, and
keyboard access."""

from __future__ import annotations

import re

import pytest

# One page of every kind the site publishes (the shipped record, as of 2026-11-26).
PAGE_KINDS = {
    "home": "",
    "releases index": "releases/",
    "release": "releases/2019-11/",
    "implementation document": "releases/2019-11/implementation-document/",
    "testing approach": "releases/2019-11/testing-approach/",
    "modification register": "modifications/",
    "modification": "modifications/MP071/",
    "parties": "parties/",
    "party": "parties/large-suppliers/",
    "SEC documents": "sec-documents/",
    "timeline": "timeline/",
    "compliance matrix": "compliance/",
    "rulebook": "rulebook/",
    "policy": "policy/release-management-policy/",
    "open data": "data/",
    "editors' guide": "editors/",
}


def test_reader_journey_from_home_to_evidence(page, base_url):
    page.goto(base_url)
    page.locator(".md-tabs").get_by_role("link", name="Releases", exact=True).click()
    assert page.url.endswith("/releases/")
    page.locator("article").get_by_role("link", name="November 2019 SEC Release").first.click()
    assert page.url.endswith("/releases/2019-11/")
    page.locator("article").get_by_role("link", name="MP071", exact=True).first.click()
    assert page.url.endswith("/modifications/MP071/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("MP071")
    page.locator("article").get_by_role("link", name=re.compile("November 2019 SEC Release")).first.click()
    assert page.url.endswith("/releases/2019-11/")
    page.locator("article").locator("a[href*='compliance/']").first.click()
    assert "/compliance/" in page.url
    cell = page.locator("article table a[href*='releases/2019-11/']").first
    target = cell.get_attribute("href")
    cell.click()
    assert "/releases/2019-11/" in page.url
    if "#" in target:
        anchor = target.split("#", 1)[1]
        assert page.locator(f"[id='{anchor}']").count() == 1, "the evidence link lands on an anchor that exists"


def test_search_finds_a_modification_by_id(page, base_url):
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.press_sequentially("MP071", delay=30)  # Material searches on key presses
    result = page.locator(".md-search-result__item", has_text="MP071").first
    result.wait_for(timeout=15000)
    assert "MP071" in result.inner_text()


def test_timeline_picture_is_visible_and_named(page, base_url):
    page.goto(base_url + "timeline/")
    picture = page.locator("svg[role='img']").first
    assert picture.is_visible()
    name = picture.evaluate(
        "svg => svg.getAttribute('aria-label') || (svg.getAttribute('aria-labelledby') || '')"
        ".split(' ').map(id => document.getElementById(id)?.textContent || '').join(' ').trim()"
    )
    assert re.search(r"timeline", name, re.I), name
    bounds = picture.bounding_box()
    assert bounds["width"] > 300 and bounds["height"] > 100


def test_timeline_is_readable_at_phone_width(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(base_url + "timeline/")
    # A phone gets the dates as a list, oldest first, instead of the wide picture.
    listing = page.locator("ol.sec-tl-list").first
    assert listing.is_visible() and listing.locator("li").count() > 10
    assert not page.locator("svg#record-timeline").is_visible()
    # The page itself must not scroll sideways at phone width.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 1


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_console_errors(kind, page, base_url):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    response = page.goto(base_url + PAGE_KINDS[kind])
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert errors == [] and failed == []


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_content_is_readable_without_javascript(kind, browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE_KINDS[kind])
    article = page.locator("article").first
    assert article.is_visible()
    heading = page.get_by_role("heading", level=1).first
    assert heading.is_visible() and heading.inner_text().strip()
    assert len(article.inner_text()) > 200
    context.close()


def test_release_page_prints_without_navigation_chrome(page, base_url):
    page.goto(base_url + "releases/2019-11/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        for element in page.locator(chrome).all():
            assert not element.is_visible(), f"{chrome} shows in print"
    assert page.locator("article").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def _tab_until_inside(page, selector: str, limit: int = 400) -> str:
    """Press Tab until focus is inside ``selector``; return the focused element's text."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "sel => { const f = document.activeElement; const t = document.querySelector(sel); return !!(t && f && t.contains(f)); }",
            selector,
        )
        if inside:
            return page.evaluate("() => document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || ''")
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_reaches_the_compliance_matrix(page, base_url):
    page.goto(base_url + "compliance/")
    text = _tab_until_inside(page, "article table.sec-matrix")
    assert text.strip()


def test_keyboard_reaches_the_release_content_table(page, base_url):
    page.goto(base_url + "releases/2019-11/")
    text = _tab_until_inside(page, "article table.sec-content")
    assert text.strip() == "SECMP0018", "the first stop in the content table is its first modification"
