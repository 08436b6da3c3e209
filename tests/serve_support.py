"""Start `mkdocs serve` on a small record with an error, on a free port of 127.0.0.1, and fetch its pages."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

from tasks import SERVE_OPTIONS
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


def wait_for(url: str, accept, server: subprocess.Popen) -> BeautifulSoup:
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


def is_error_page(soup: BeautifulSoup) -> bool:
    return soup.select_one("ol.sec-release-errors") is not None


@contextlib.contextmanager
def served(tmp_path):
    """(base URL, the release file, its good text, the server) of a served record whose release has an error."""
    root = write_project(tmp_path / "p")
    release = root / "data" / "releases" / "2019-11.yaml"
    good = release.read_text(encoding="utf-8")
    # Broken from the start: the server must come up anyway.
    release.write_text(good.replace("status: implemented", "status: Implemented", 1), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *SERVE_OPTIONS],  # as tasks.py serve
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


