"""The reader's pages in a real Chromium at a phone's and a laptop's size.

At 390×844 and 1280×800, on every page kind: nothing makes the page scroll
sideways, and every table cell is either on screen or inside a named region
that scrolls (the reader can reach it and is told it is there). The home page
shows the next release's date in its first screen; production pages never show
the editors' words; the register's filters work with JavaScript, and without
it the whole table is there. One built site and one browser serve them all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.browser.test_browser import PAGE_KINDS
from tests.conftest import REPO

VIEWPORTS = {"phone": (390, 844), "laptop": (1280, 800)}

# The cells a reader cannot see or reach: off screen and not inside a named scroll region.
UNREACHABLE_CELLS = """() => {
  const out = [];
  const width = window.innerWidth;
  for (const cell of document.querySelectorAll('article td, article th')) {
    if (!cell.getClientRects().length) continue;  // not rendered (a closed <details>, a hidden row)
    const box = cell.getBoundingClientRect();
    if (box.left >= -1 && box.right <= width + 1) continue;
    const region = cell.closest('[role="region"][aria-label]');
    const scrolls = region && ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) && region.tabIndex >= 0;
    if (!scrolls) out.push((cell.closest('table').caption || {}).textContent + ': ' + cell.textContent.trim().slice(0, 40));
  }
  return out.slice(0, 5);
}"""


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def sized_page(request, browser):
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield request.param, page
    context.close()


def test_every_page_kind_fits_and_every_table_cell_can_be_reached(sized_page, base_url):
    size, page = sized_page
    problems = {}
    for kind, url in PAGE_KINDS.items():
        page.goto(base_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        unreachable = page.evaluate(UNREACHABLE_CELLS)
        if overflow > 0 or unreachable:
            problems[kind] = {"page wider by": overflow, "cells out of reach": unreachable}
    assert problems == {}, (size, problems)


def test_the_next_release_and_its_date_are_in_the_first_screen_of_home(sized_page, base_url):
    size, page = sized_page
    page.goto(base_url)
    when = page.locator(".sec-next .sec-next__when time").first
    box = when.bounding_box()
    assert box is not None and box["y"] + box["height"] <= page.viewport_size["height"], (size, box)
    assert when.get_attribute("datetime") == "2027-11-04"


def test_timeline_is_a_picture_on_a_laptop_and_a_list_on_a_phone(sized_page, base_url):
    size, page = sized_page
    page.goto(base_url + "timeline/")
    picture = page.locator("figure.sec-timeline--record svg").first
    listing = page.locator("ol.sec-tl-list").first
    if size == "phone":
        assert not picture.is_visible() and listing.is_visible()
    else:
        assert picture.is_visible() and not listing.is_visible()
        # Labels at least 12 px on screen.
        smallest = page.evaluate(
            "() => Math.min(...[...document.querySelectorAll('#record-timeline text')].map(t => t.getBoundingClientRect().height))"
        )
        assert smallest >= 12, smallest
        # The key is text that wraps: nothing of it is cut off.
        clipped = page.evaluate(
            "() => [...document.querySelectorAll('figure ul.sec-tl-key li')].filter(li => li.scrollWidth > li.clientWidth + 1).length"
        )
        assert clipped == 0


READER_PAGES = ["", "releases/", "releases/2019-11/", "releases/2027-11/", "modifications/", "modifications/MP071/",
                "timeline/", "compliance/", "parties/", "parties/dcc/", "sec-documents/"]


def test_production_pages_never_show_the_editors_words(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for url in READER_PAGES:
        page.goto(base_url + url)
        page.evaluate("() => document.querySelectorAll('article details').forEach(d => d.open = true)")
        shown = page.locator("article").inner_text()
        hits = [words for words in ("To fix", "data/releases/", ".yaml") if words in shown]
        if hits:
            found[url] = hits
    context.close()
    assert found == {}


def _impacting(party: str) -> set[str]:
    """From the shipped data: the modifications a published release carries whose impacts name ``party``."""
    data = REPO / "data"
    carried = set()
    for path in (data / "releases").glob("*.yaml"):
        release = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not release.get("draft"):
            carried |= {m["id"] for m in release.get("modifications", []) if m.get("status") != "removed"}
    out = set()
    for path in (data / "modifications").glob("*.yaml"):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        if party in (m.get("impacts") or []) and m["id"] in carried:
            out.add(m["id"])
    return out


def test_each_party_page_lists_the_modifications_that_impact_it(page, base_url):
    parties = yaml.safe_load((REPO / "data" / "parties.yaml").read_text(encoding="utf-8"))["parties"]
    for party in parties:
        page.goto(base_url + f"parties/{party['id']}/")
        listed = page.locator("article table.sec-party-changes tbody th").all_inner_texts()
        assert sorted(listed) == sorted(_impacting(party["id"])), party["id"]


def test_the_register_filters_and_sorts_with_javascript_and_the_url_keeps_the_view(page, base_url):
    page.goto(base_url + "modifications/")
    rows = page.locator("#register tbody tr")
    total = rows.count()
    assert total > 40 and page.locator("form.sec-filters").is_visible()
    page.select_option("#register-dcc", "yes")
    visible = page.locator("#register tbody tr:not([hidden])")
    with_dcc = visible.count()
    assert 0 < with_dcc < total
    assert all(r.get_attribute("data-dcc") == "yes" for r in visible.all())
    assert f"Showing {with_dcc} of {total} modifications." in page.locator(".sec-filter-count").inner_text()
    assert "dcc=yes" in page.url
    page.locator("#register thead th[data-key='releases'] button").click()
    page.locator("#register thead th[data-key='releases'] button").click()  # newest first
    assert page.locator("#register thead th[data-key='releases']").get_attribute("aria-sort") == "descending"
    assert "sort=releases" in page.url and "order=desc" in page.url
    days = [d for d in visible.evaluate_all("rows => rows.map(r => r.cells[r.cells.length - 1].dataset.sort)") if d]
    assert days == sorted(days, reverse=True)
    shared = page.url
    page.goto(shared)  # a shared link opens the same view
    assert page.locator("#register-dcc").input_value() == "yes"
    assert page.locator("#register tbody tr:not([hidden])").count() == with_dcc
    page.locator("form.sec-filters button[type=reset]").click()
    page.wait_for_function("() => document.querySelectorAll('#register tbody tr[hidden]').length === 0")
    assert "dcc=" not in page.url


def test_without_javascript_the_register_is_the_whole_table(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "modifications/?dcc=yes")
    files = len(list((REPO / "data" / "modifications").glob("*.yaml")))
    assert page.locator("#register tbody tr:visible").count() == files
    assert not page.locator("form.sec-filters").is_visible(), "controls that could not work are not offered"
    context.close()


def test_a_scrolling_table_says_so(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "compliance/")
    region = page.locator(".sec-table-wrap[data-overflowing]").first
    assert region.get_attribute("aria-label") and region.get_attribute("tabindex") == "0"
    assert region.locator(".sec-scroll-cue").is_visible()
    # The first column stays in view while the rest scrolls.
    first = region.locator("tbody tr th").first
    before = first.bounding_box()["x"]
    region.evaluate("box => box.scrollLeft = 400")
    assert abs(first.bounding_box()["x"] - before) < 1
    context.close()
