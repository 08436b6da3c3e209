"""`mkdocs serve` on a record with errors: the server stays up and every page shows them.

A real server on a free port of 127.0.0.1, fetched over HTTP: a broken file
turns the pages into the error page (file, line, message, hint), fixing it
brings the page back, and no request hangs.
"""

from __future__ import annotations

import pytest

from tests.serve_support import RELEASE_PAGE, is_error_page, wait_for, served as serve_record


@pytest.fixture
def served(tmp_path):
    with serve_record(tmp_path) as running:
        yield running


def test_errors_show_in_the_browser_and_go_when_fixed(served):
    base, release, good, server = served

    soup = wait_for(base + RELEASE_PAGE, is_error_page, server)
    [item] = soup.select("ol.sec-release-errors > li")
    text = item.get_text(" ", strip=True)
    assert "data/releases/2019-11.yaml:3:9" in text and "not-allowed" in text
    assert "hint:" in text
    assert soup.title.get_text().startswith("The record has errors")
    assert "livereload" in str(soup), "the served page reloads itself when the files change"
    # Every page, the home page and a page that has no file of its own too.
    assert is_error_page(wait_for(base, lambda s: True, server))
    assert is_error_page(wait_for(base + "compliance/", lambda s: True, server))

    # Text from the YAML is shown, never run: markup and template syntax come out literally.
    release.write_text(good + '"<b>{{ 7*7 }}</b>": 1\n', encoding="utf-8")
    soup = wait_for(base + RELEASE_PAGE, lambda s: is_error_page(s) and "unknown" in s.get_text(), server)
    errors = soup.select_one("ol.sec-release-errors")
    assert "<b>{{ 7*7 }}</b>" in errors.get_text() and errors.find("b") is None and "49" not in errors.get_text()

    release.write_text(good, encoding="utf-8")
    soup = wait_for(base + RELEASE_PAGE, lambda s: not is_error_page(s), server)
    assert soup.find("h1").get_text(strip=True).startswith("Release 2019-11")
