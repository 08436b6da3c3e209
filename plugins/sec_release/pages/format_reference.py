"""The record format for editors (/editors/record-format/), from the models that validate it.

Every field of every file an editor writes, with its type, whether it is
required, its default and what it means. The fields come from the same JSON
Schemas ``sec-release schema`` writes, read by the exports
(:func:`sec_release.exports.catalogue.record_format`) and handed over by
``publish.py``, so the page cannot list a field the loader rejects, miss one
it accepts, or describe a field differently from the editor's hover text. The
prose around the tables, with examples, is ``docs/record-format.md``.
"""

from __future__ import annotations

from ..model.context import SiteContext
from ..model.open_data import FormatFile
from ..model.pages import GeneratedPage, front_matter
from ..model.render import template_env
from ..model.urls import FORMAT_PAGE, GUIDE_PAGE, page_url, relative_url


def format_page(ctx: SiteContext, files: tuple[FormatFile, ...]) -> list[GeneratedPage]:
    here = page_url(FORMAT_PAGE)
    content = template_env(ctx).get_template("record_format.md.j2").render(
        files=files,
        guide_url=relative_url(page_url(GUIDE_PAGE), here),
    )
    title = "Record format"
    return [GeneratedPage(FORMAT_PAGE, front_matter(title) + content, title, nav_section="Editors' guide", nav_order=(1,), edit_path="docs/record-format.md")]
