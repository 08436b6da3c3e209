"""In a real browser, the served error page reloads by itself once the file is fixed.

Every page carries a Content-Security-Policy that blocks the reload script
`mkdocs serve` writes inline; while serving, the plugin's own script (from
the site) does the reloading. The test never reloads the page itself.
"""

from __future__ import annotations

from tests.serve_support import RELEASE_PAGE, is_error_page, served, wait_for


def test_the_error_page_turns_into_the_page_when_the_file_is_fixed(tmp_path, page):
    with served(tmp_path) as (base, release, good, server):
        wait_for(base + RELEASE_PAGE, is_error_page, server)  # the first build is done
        blocked = []
        page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(base + RELEASE_PAGE)
        assert page.locator("ol.sec-release-errors li").count() == 1
        assert "data/releases/2019-11.yaml:3:9" in page.locator("ol.sec-release-errors").inner_text()

        release.write_text(good, encoding="utf-8")
        page.wait_for_function(
            "() => !document.querySelector('ol.sec-release-errors') && document.querySelector('h1')", timeout=120_000,
        )
        assert page.locator("h1").first.inner_text().startswith("Release 2019-11")
        # MkDocs' own inline script is blocked, as the policy says; ours did the reload.
        assert any("inline script" in text for text in blocked)
