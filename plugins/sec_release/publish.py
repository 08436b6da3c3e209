"""Everything a build publishes, gathered from the page and export providers.

The MkDocs plugin (and any future engine adapter) calls only these two
functions, so adding a page kind or an export never touches the adapter.
"""

from __future__ import annotations

from .site.context import SiteContext
from .site.pages import GeneratedFile, GeneratedPage


def pages(ctx: SiteContext) -> list[GeneratedPage]:
    out: list[GeneratedPage] = []
    for provider in PAGE_PROVIDERS:
        out.extend(provider(ctx))
    return out


def files(ctx: SiteContext) -> list[GeneratedFile]:
    out: list[GeneratedFile] = []
    for provider in FILE_PROVIDERS:
        out.extend(provider(ctx))
    return out


# Providers are registered here, in the order their pages appear.
PAGE_PROVIDERS: list = []
FILE_PROVIDERS: list = []
