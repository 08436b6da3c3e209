"""axe-core, injected into every page kind, with the WCAG 2.0/2.1/2.2 A and AA rules."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import axe_source
from tests.browser.test_browser import PAGE_KINDS

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def page(browser):
    # axe-core goes in as an inline script, which the pages' Content-Security-Policy
    # rightly blocks; the checker's own script bypasses it (the policy is tested in test_csp.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_serious_or_critical_violations(kind, scheme, page, base_url):
    page.goto(base_url + PAGE_KINDS[kind])
    # Material keeps the reader's palette choice in localStorage; set it, then reload.
    page.evaluate(
        "scheme => { const key = Object.keys(localStorage).find(k => k.endsWith('.__palette'));"
        " const palette = {index: scheme === 'slate' ? 1 : 0, color: {media: '', scheme: scheme, primary: 'indigo', accent: 'indigo'}};"
        " localStorage.setItem((key || new URL('.', location).pathname + '.__palette'), JSON.stringify(palette)); }",
        scheme,
    )
    page.reload()
    page.add_script_tag(content=axe_source())
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    bad = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], json.dumps(bad, indent=2)
