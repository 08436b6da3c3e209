"""`mkdocs serve` on a record with errors: the server stays up and every page shows them.

A real server on a free port of 127.0.0.1, fetched over HTTP: a broken file
turns the pages into the error page (file, line, message, hint), fixing it
brings the page back, and no request hangs.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.factory import write_project

RELEASE_PAGE = "releases/2019-11/"
WAIT = 120  # seconds a rebuild may take on a busy machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, BeautifulSoup | None]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # a hang fails the test
            return response.status, BeautifulSoup(response.read(), "lxml")
    except urllib.error.HTTPError as exc:
        return exc.code, None


def _wait_for(url: str, accept, server: subprocess.Popen) -> BeautifulSoup:
    deadline = time.monotonic() + WAIT
    last = None
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve exited"
        try:
            status, soup = _get(url)
        except (urllib.error.URLError, ConnectionError, socket.timeout) as exc:
            last = exc
        else:
            last = status
            if status == 200 and accept(soup):
                return soup
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed what was expected (last: {last})")


def _is_error_page(soup: BeautifulSoup) -> bool:
    return soup.select_one("ol.sec-release-errors") is not None


@pytest.fixture
def served(tmp_path):
    root = write_project(tmp_path / "p")
    release = root / "data" / "releases" / "2019-11.yaml"
    good = release.read_text(encoding="utf-8")
    # Broken from the start: the server must come up anyway.
    release.write_text(good.replace("status: implemented", "status: Implemented", 1), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        mount = urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
        yield f"http://127.0.0.1:{port}{mount}", release, good, server
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
        print(output)


def test_errors_show_in_the_browser_and_go_when_fixed(served):
    base, release, good, server = served

    soup = _wait_for(base + RELEASE_PAGE, _is_error_page, server)
    [item] = soup.select("ol.sec-release-errors > li")
    text = item.get_text(" ", strip=True)
    assert "data/releases/2019-11.yaml:3:9" in text and "not-allowed" in text
    assert "hint:" in text
    assert soup.title.get_text().startswith("The record has errors")
    assert "livereload" in str(soup), "the served page reloads itself when the files change"
    # Every page, the home page and a page that has no file of its own too.
    assert _is_error_page(_wait_for(base, lambda s: True, server))
    assert _is_error_page(_wait_for(base + "compliance/", lambda s: True, server))

    # Text from the YAML is shown, never run: markup and template syntax come out literally.
    release.write_text(good + '"<b>{{ 7*7 }}</b>": 1\n', encoding="utf-8")
    soup = _wait_for(base + RELEASE_PAGE, lambda s: _is_error_page(s) and "unknown" in s.get_text(), server)
    errors = soup.select_one("ol.sec-release-errors")
    assert "<b>{{ 7*7 }}</b>" in errors.get_text() and errors.find("b") is None and "49" not in errors.get_text()

    release.write_text(good, encoding="utf-8")
    soup = _wait_for(base + RELEASE_PAGE, lambda s: not _is_error_page(s), server)
    assert soup.find("h1").get_text(strip=True).startswith("Release 2019-11")
