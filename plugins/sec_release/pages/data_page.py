"""The /data/ page: every published file, its fields, its schema, its licence.

What it lists comes from the exports (:mod:`sec_release.exports.catalogue`):
the field tables from the same JSON Schemas that are published beside the
files, the CSV columns from the same declarations that write them, so the
page cannot drift from the data.
"""

from __future__ import annotations

from ..core.digest import release_digest
from ..model.context import SiteContext
from ..model.pages import GeneratedPage, front_matter
from ..model.open_data import OpenData
from ..model.render import template_env
from ..model.urls import CALENDAR_PATH, DATA_PAGE, FEED_PATH, GUIDE_PAGE, Urls, page_url, relative_url


def data_page(ctx: SiteContext, open_data: OpenData) -> list[GeneratedPage]:
    """``/data/``; ``open_data`` is what the exports say they publish."""
    here = page_url(DATA_PAGE)

    def link(path: str) -> str:
        return relative_url(path, here)

    name, url = ctx.licence
    json_files = [
        {
            "name": f"{f.key}.json",
            "url": link(Urls.data_file(f.key)),
            "schema_name": f"{f.key}.schema.json",
            "schema_url": link(Urls.data_schema(f.key)),
            "description": f.description,
            "fields": f.fields,
        }
        for f in open_data.json_files
    ]
    csv_files = [
        {"name": f"{f.key}.csv", "url": link(Urls.csv_file(f.key)), "description": f.description, "columns": f.columns}
        for f in open_data.csv_files
    ]
    example_release = next(iter(ctx.releases), None)
    # Each release's digest, for readers who check a copy of its data (previews show it on the release page).
    digests = [
        {"title": release.title, "url": link(Urls.release(rid)), "sha256": release_digest(release)}
        for rid, release in ctx.releases.items()
    ]
    content = template_env(ctx).get_template("open_data.md.j2").render(
        json_files=json_files,
        csv_files=csv_files,
        schema_version=open_data.schema_version,
        schema_changes=open_data.schema_changes,
        licence_name=name,
        licence_url=url,
        calendar_url=link(CALENDAR_PATH),
        release_calendar_url=link(Urls.release_calendar(example_release)) if example_release else None,
        release_calendar_path="/" + Urls.release_calendar("<id>"),
        feed_url=link(FEED_PATH),
        feed_max=open_data.feed_max_entries,
        guide_url=link(page_url(GUIDE_PAGE)),
        digests=digests,
    )
    title = "Open data"
    return [GeneratedPage(DATA_PAGE, front_matter(title) + content, title, nav_section=title, nav_order=(0,))]
