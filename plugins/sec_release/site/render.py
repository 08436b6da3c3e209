"""Jinja rendering shared by every generated page.

Templates live in the package (``sec_release/templates/``); a site overrides
any of them by putting a file of the same name in ``overrides/sec_release/``.
Autoescaping is on for every template: text from the record reaches pages
only through it, or through :func:`markdown_to_html`, which treats raw HTML
in the record as text.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..core.record_markdown import record_markdown

# Record text: no raw HTML, and only addresses core.urls allows (core/record_markdown.py).
_markdown = record_markdown()


def markdown_to_html(text: str | None, *, inline: bool = False) -> Markup:
    """Render a Markdown field from the record; any HTML in it shows as text."""
    if not text:
        return Markup("")
    _markdown.reset()
    html = _markdown.convert(text)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    # Mustache-style braces would be read as template syntax by a later
    # renderer (the page-template step); entities keep them literal in the page.
    html = html.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(html)


def long_date(value: date | None) -> str:
    """29 November 2019."""
    if value is None:
        return ""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def time_tag(value: date | None) -> Markup:
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), long_date(value))


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a docs-relative source path."""
    stem, _ = posixpath.splitext(src_path)
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(target: str, from_url: str) -> str:
    """A link from the page at ``from_url`` to the site-relative ``target`` (both as MkDocs URLs)."""
    target_path, _, fragment = target.partition("#")
    base = posixpath.dirname(from_url.rstrip("/")) if not from_url.endswith("/") else from_url.rstrip("/")
    base = base or "."
    if target_path == "":
        result = posixpath.relpath(".", base) + "/" if base != "." else "./"
    else:
        result = posixpath.relpath(target_path, base)
        if target_path.endswith("/") and not result.endswith("/"):
            result += "/"
    if result.startswith("./") and len(result) > 2:
        result = result[2:]
    return result + (f"#{fragment}" if fragment else "")


def markdown_escape(text: str) -> Markup:
    """Text placed into Markdown (headings, table cells) shows literally: HTML-escaped, syntax backslashed.

    Returns Markup so that autoescaping does not escape it a second time."""
    escaped = str(escape(text))
    return Markup(re.sub(r"([\\`*_\[\]{}()#+!>|])", r"\\\1", escaped))


def environment(overrides_dir: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if overrides_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides_dir / "sec_release")))
    loaders.append(jinja2.PackageLoader("sec_release", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every template: its output is HTML inside Markdown
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=markdown_to_html,
        md_inline=lambda text: markdown_to_html(text, inline=True),
        long_date=long_date,
        time=time_tag,
        mdescape=markdown_escape,
    )
    return env
