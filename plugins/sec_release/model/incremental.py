"""Which pages a rebuild under `mkdocs serve --dirty` must render again.

A dirty rebuild renders only the pages the engine thinks were modified (their
source is newer than their output). That is right for a hand-written page
alone, and wrong for ours: a generated page changes when the record does, a
hand-written page that wraps a generated part (the home page, a release's
documents, the Policy) changes when that part does, a page using
``{{ sec.* }}`` may change with any record change, and every page shows the
nav, so a change to it (a title, a page more or less) changes all of them.

The adapter describes each build with one key per page (what the page is
made from, besides its own source file) and one key for what every page
shows (the nav, the theme's values); :class:`RebuildPlanner` compares them
with the previous build's and says which pages are stale. It also keeps each
page's title as the last build rendered it: a page that is not read again in a
dirty build has no title of its own, and the nav of the pages that are
rendered must still show it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

EVERYTHING = None  # a plan that renders every page again


def key_of(*parts: object) -> str:
    """A short digest of ``parts`` (strings, or anything with a stable repr)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class RebuildPlan:
    stale: set[str] | None  # pages to render again whatever their files say; None: every page
    gone: set[str]  # pages of the previous build that are no longer in the site


@dataclass
class RebuildPlanner:
    site_key: str | None = None
    page_keys: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # page -> its title as last rendered

    def plan(self, site_key: str, page_keys: dict[str, str]) -> RebuildPlan:
        """Compare this build with the previous one, and remember this one."""
        gone = set(self.page_keys) - set(page_keys)
        if site_key != self.site_key:
            stale = EVERYTHING
        else:
            stale = {path for path, key in page_keys.items() if self.page_keys.get(path) != key}
        self.site_key, self.page_keys = site_key, dict(page_keys)
        for path in gone:
            self.titles.pop(path, None)
        return RebuildPlan(stale, gone)

    def forget(self) -> None:
        """The build failed: render everything next time."""
        self.site_key = None


def page_of(location: str) -> str:
    """The page URL of a search entry's location ("releases/2019-11/#scope" -> "releases/2019-11/")."""
    return location.split("#", 1)[0]


def merged_search_entries(previous: dict[str, list[dict]], written: list[dict], rendered: set[str], order: list[str]) -> dict[str, list[dict]]:
    """The search entries of every page after a dirty build, by page URL, in ``order`` (the site's pages).

    The theme's search index of a dirty build holds the previous build's
    entries and, after them, the entries of the pages rendered now (and it
    drops, or keeps twice, some of the others). Each page's entries start with
    one for the page itself (its location has no fragment), then its
    sections; a rendered page's entries are its last such run in ``written``.
    Every other page keeps its entries of the previous build."""
    latest: dict[str, list[dict]] = {}
    run_page, run = None, []
    for entry in written + [{"location": None}]:
        location = entry["location"]
        page = None if location is None else page_of(location)
        if page != run_page or location == page:  # another page, or the same page once more
            if run_page in rendered:
                latest[run_page] = run  # a later run of the same page replaces an earlier one
            run_page, run = page, []
        run.append(entry)
    merged: dict[str, list[dict]] = {}
    for url in order:
        entries = latest.get(url) if url in rendered else previous.get(url)
        if entries:
            merged[url] = entries
    return merged


__all__ = ["EVERYTHING", "RebuildPlan", "RebuildPlanner", "key_of", "merged_search_entries", "page_of"]
