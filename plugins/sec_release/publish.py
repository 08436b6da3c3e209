"""Everything a build publishes, gathered from the page and export providers.

The MkDocs plugin (and any future engine adapter) calls only these two
functions, so adding a page kind or an export never touches the adapter.
This is where pages and exports meet: the /data/ page is told here what the
exports publish, so that neither package imports the other.
"""

from __future__ import annotations

from .exports.atom import atom_files
from .exports.catalogue import open_data, record_format
from .exports.csv_export import csv_files
from .exports.ical import ics_files
from .exports.json_export import json_files
from .model.context import SiteContext
from .model.pages import GeneratedFile, GeneratedPage
from .pages.data_page import data_page
from .pages.format_reference import format_page
from .pages.guide import guide_page
from .pages.preview import changes_pages, preview_files
from .pages.record_pages import record_pages


def pages(ctx: SiteContext) -> list[GeneratedPage]:
    out: list[GeneratedPage] = []
    for provider in PAGE_PROVIDERS:
        out.extend(provider(ctx))
    return out


def open_data_page(ctx: SiteContext) -> list[GeneratedPage]:
    return data_page(ctx, open_data(ctx.record.rulebook))


def record_format_page(ctx: SiteContext) -> list[GeneratedPage]:
    return format_page(ctx, record_format(ctx.record.config))


def files(ctx: SiteContext) -> list[GeneratedFile]:
    out: list[GeneratedFile] = []
    for provider in FILE_PROVIDERS:
        out.extend(provider(ctx))
    return out


# Providers are registered here, in the order their pages appear.
PAGE_PROVIDERS: list = [
    record_pages,  # home, releases, documents, modifications, timeline, compliance, rulebook, policy
    open_data_page,  # /data/: the open data files, their fields and licence
    guide_page,  # /editors/: the editors' guide, from the rulebook
    record_format_page,  # /editors/record-format/: every field editors write, from the models
    changes_pages,  # /changes/ (preview only): what this build would change in the published record
]
FILE_PROVIDERS: list = [
    json_files,  # /data/*.json and their JSON Schemas
    csv_files,  # /data/releases.csv, /data/compliance.csv
    ics_files,  # /calendar.ics, /releases/<id>/calendar.ics
    atom_files,  # /feed.xml
    preview_files,  # /robots.txt disallowing all (preview only)
]
