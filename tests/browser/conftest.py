"""A real browser against the built shipped record, served on 127.0.0.1.

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright with
``executable_path``: nothing downloads a browser. When Chromium is missing
these tests fail with a message saying how to install it; they never skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Chromium is not installed: run `apt-get install -y chromium` (python3 tasks.py test does this as root)", pytrace=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("browser") / "site"
    old = os.environ.get("SEC_RELEASE_AS_OF")
    os.environ["SEC_RELEASE_AS_OF"] = "2026-11-26"
    try:
        build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))
    finally:
        if old is None:
            os.environ.pop("SEC_RELEASE_AS_OF", None)
        else:
            os.environ["SEC_RELEASE_AS_OF"] = old
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        """Serve quietly: the test report is pytest's."""


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail("axe-core is not installed: run `npm ci` in the repository (python3 tasks.py test does this)", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")
