"""The Content-Security-Policy in a real Chromium: the theme's own scripts run
on every page kind with no violation, and an inline script injected into a
page is blocked. (Search, which needs the bundle and its worker, is tested in
test_browser.py against the same pages and policy.)"""

from __future__ import annotations

import pytest

from tests.browser.test_browser import PAGE_KINDS

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


def _open(page, url):
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response, console


@pytest.mark.parametrize("kind", [*PAGE_KINDS, "not found"])
def test_no_csp_violation_and_the_theme_scripts_run(kind, page, base_url):
    url = base_url + (PAGE_KINDS[kind] if kind in PAGE_KINDS else "404.html")
    response, console = _open(page, url)
    assert response.status == 200
    assert page.evaluate("window.__cspViolations") == [] and console == []
    # Material's inline bootstrap script ran (its hash is in the policy) and its bundle loaded.
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("document.body.querySelector('[data-md-component]') !== null")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_an_injected_inline_script_is_blocked(page, base_url, built_site):
    html = (built_site / "releases" / "2019-11" / "index.html").read_text(encoding="utf-8")
    injected = html.replace("</article>", '<script>window.__injected = "ran"</script><img src=x onerror="window.__onerror=1"></article>', 1)
    assert injected != html
    target = base_url + "releases/2019-11/injected.html"
    page.route(target, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=injected))
    _, console = _open(page, target)
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__onerror") is None
    violations = page.evaluate("window.__cspViolations")
    assert any(v.startswith("script-src") and v.endswith("inline") for v in violations), violations
    assert page.evaluate("typeof __md_get") == "function"  # the theme's own scripts still ran
