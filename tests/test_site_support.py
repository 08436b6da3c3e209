"""Helpers for the whole-site tests (test_site_*.py): build a factory project in-process, read its HTML.

No tests here; the other test_site_* modules import these helpers.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

AS_OF = "2026-11-26"


@contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def build_site(project: Path, *, as_of: str = AS_OF, preview: bool = False, strict: bool = True) -> Path:
    """Build ``project`` in-process with --strict into ``project/site``; return the site directory."""
    return build_site_at(project, project / "site", as_of=as_of, preview=preview, strict=strict)


def build_site_at(project: Path, site_dir: Path, *, as_of: str = AS_OF, preview: bool = False, strict: bool = True) -> Path:
    """Build ``project`` in-process with --strict into ``site_dir``."""
    env = {"SEC_RELEASE_AS_OF": as_of, "SEC_RELEASE_PREVIEW": "1" if preview else "0", "NO_MKDOCS_2_WARNING": "1"}
    with _env(**env):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
        build(config)
    return site_dir


class Site:
    """The built HTML, parsed on demand."""

    def __init__(self, site_dir: Path):
        self.root = site_dir

    def path(self, url: str) -> Path:
        url = unquote(urlsplit(url).path).lstrip("/")
        target = self.root / url
        if url == "" or url.endswith("/"):
            target = target / "index.html"
        return target

    def exists(self, url: str) -> bool:
        return self.path(url).is_file()

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return _parse(str(self.path(url)))

    def article(self, url: str):
        return self.soup(url).select_one("article.md-content__inner")

    def pages(self) -> list[str]:
        out = []
        for file in sorted(self.root.rglob("index.html")):
            rel = file.parent.relative_to(self.root).as_posix()
            if rel.startswith(("assets", "search")) or rel == "404":
                continue
            out.append("" if rel == "." else rel + "/")
        return out

    def ids(self, url: str) -> set[str]:
        return _ids(str(self.path(url)))

    def broken_links(self, url: str) -> list[str]:
        """Internal links from page ``url`` whose page or #anchor does not exist."""
        base = "http://site.invalid/" + url
        broken = []
        for a in self.soup(url).find_all("a", href=True):
            href = a["href"]
            if href.startswith(("mailto:", "javascript:")):
                continue
            absolute = urljoin(base, href)
            parts = urlsplit(absolute)
            if parts.netloc != "site.invalid":
                continue
            target = parts.path.lstrip("/")
            if not self.exists(target):
                broken.append(f"{href} (no page {target})")
                continue
            if parts.fragment and unquote(parts.fragment) not in self.ids(target):
                broken.append(f"{href} (no #{parts.fragment} in {target or 'home'})")
        return broken


@lru_cache(maxsize=512)
def _parse(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


@lru_cache(maxsize=512)
def _ids(path: str) -> frozenset[str]:
    return frozenset(el["id"] for el in _parse(path).find_all(id=True))


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split()) if element is not None else ""


def listed(element) -> str:
    """A cell or fact that may hold an inline list, as a reader says it: "Large Suppliers, DCC"."""
    items = element.select("ul.sec-inline-list li") if element is not None else []
    return ", ".join(text(li) for li in items) if items else text(element)


def plain(element) -> str:
    """Text as a reader reads it: inline elements run on without added spaces."""
    return " ".join(element.get_text().split()) if element is not None else ""


def top_nav(soup: BeautifulSoup) -> list[str]:
    """The labels of the primary navigation's top level."""
    nav = soup.select_one("nav.md-nav--primary")
    out = []
    for item in nav.select(":scope > ul > li"):
        label = item.select_one(":scope > a, :scope > label, :scope > div > a")
        out.append(text(label))
    return out


def nav_links(soup: BeautifulSoup) -> list[str]:
    """The labels of the primary (sidebar) navigation."""
    nav = soup.select_one("nav.md-nav--primary")
    return [text(a) for a in nav.select("a.md-nav__link")] if nav else []
