"""The navigation's shape, as data: which pages, under which sections, in what order.

The record's nav is fixed: Home, Releases (the index, then the releases in
progress and the latest), Modifications (the index only: a page per
modification would put the whole register into every page, as Material
renders the whole nav into each), Timeline, Compliance, Rulebook, Policy,
Open data, the editors' guide, and (in previews) Changes; hand-written pages
we did not generate keep a place at the end. An engine adapter turns this
into its own nav objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Union

from .pages import GeneratedPage


@dataclass(frozen=True)
class NavSection:
    title: str
    pages: tuple[str, ...]  # docs-relative source paths


NavItem = Union[str, NavSection]  # a page (its source path) or a section of pages


@dataclass(frozen=True)
class Nav:
    items: tuple[NavItem, ...]
    titles: dict[str, str]  # source path -> the title its nav entry shows, where it differs from the page's

    def pages(self) -> list[str]:
        """Every page in the nav, in reading order (for previous / next links)."""
        out: list[str] = []
        for item in self.items:
            out.extend(item.pages if isinstance(item, NavSection) else (item,))
        return out


def record_nav(generated: Mapping[str, GeneratedPage], pages: Iterable[str]) -> Nav:
    """The nav of a build: ``generated`` the pages the plugin made (in provider order), ``pages`` every page the engine has."""
    present = list(pages)
    have = set(present)
    sections: dict[str, list[tuple[tuple, str]]] = {}  # in the order sections first appear
    titles: dict[str, str] = {}
    for path, page in generated.items():
        if page.nav_section is None or path not in have:
            continue
        sections.setdefault(page.nav_section, []).append((page.nav_order, path))
        if page.placement != "page":
            titles[path] = page.title  # the nav label ("Home", "Policy"); the page keeps its own heading
    items: list[NavItem] = []
    for name, entries in sections.items():
        paths = tuple(path for _, path in sorted(entries, key=lambda pair: pair[0]))
        items.append(paths[0] if len(paths) == 1 else NavSection(name, paths))
    items.extend(path for path in present if path not in generated)
    return Nav(tuple(items), titles)


__all__ = ["Nav", "NavItem", "NavSection", "record_nav"]
