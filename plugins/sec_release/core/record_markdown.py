"""Markdown as the record's YAML text fields are rendered, and the links in it.

One configuration serves both the pages (:mod:`sec_release.model.render`) and
``validate``: raw HTML is not HTML (it shows as text) and every ``href`` or
``src`` the Markdown produces (inline links, images, reference links) goes
through :func:`sec_release.core.urls.is_publishable`. The renderer drops an
address that fails; ``validate`` reports it (:func:`unsafe_links`), so the
build stops before anything is written.
"""

from __future__ import annotations

from xml.etree import ElementTree

import markdown as markdown_lib

from .urls import is_publishable

URL_ATTRIBUTES = ("href", "src")


class _LinkGuard(markdown_lib.treeprocessors.Treeprocessor):
    """Removes, and remembers, every address that may not be published."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            for attr in URL_ATTRIBUTES:
                value = element.get(attr)
                if value is not None and not is_publishable(value):
                    self.md.rejected_links.append(value)
                    del element.attrib[attr]


class RecordTextExtension(markdown_lib.Extension):
    """Markdown for text that comes from the record's YAML: no raw HTML, safe links only."""

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)  # so that md.reset() calls reset() below
        md.rejected_links = []
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkGuard(md), "record_link_guard", 0)

    def reset(self) -> None:
        self.md.rejected_links = []


def record_markdown() -> markdown_lib.Markdown:
    """A Markdown converter for record text (call ``reset()`` between texts)."""
    return markdown_lib.Markdown(extensions=[RecordTextExtension(), "sane_lists"])


_checker = record_markdown()


def unsafe_links(text: str) -> list[str]:
    """The addresses in ``text`` (as written) that rendering would drop."""
    if not text or ("(" not in text and "]:" not in text and "<" not in text):
        return []
    _checker.reset()
    _checker.convert(text)
    return list(_checker.rejected_links)
