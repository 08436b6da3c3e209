"""Jinja rendering shared by every generated page.

Templates live in the package (``sec_release/templates/``); a site overrides
any of them by putting a file of the same name in ``overrides/sec_release/``.
Autoescaping is on for every template: text from the record reaches pages
only through it, or through :func:`markdown_to_html`, which treats raw HTML
in the record as text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from ..core.record_markdown import record_markdown
from .context import SiteContext
from .escape import markdown_escape, protect_braces

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
    return Markup(protect_braces(html))  # braces as references: no later template step reads them


def long_date(value: date | None) -> str:
    """29 November 2019."""
    if value is None:
        return ""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def time_tag(value: date | None) -> Markup:
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(), long_date(value))


_IDENTIFIER_BREAK = re.compile(r"([._]|\[\])")


def break_identifier(value: object) -> Markup:
    """An identifier, escaped, with a line-break opportunity after each "." and "_" (never inside a word)."""
    return Markup(_IDENTIFIER_BREAK.sub(r"\1<wbr>", str(escape(str(value)))))


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(value: object) -> Markup:
    """Plain text from our own code (never from the record), escaped, with its `backticked` words as <code>."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(str(value)))))


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process.

    Each build makes its own Jinja environment, and compiling the templates
    again costs more than rendering some pages; Jinja reuses the kept code
    only while the template's source is unchanged (it compares a checksum)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


def environment(overrides_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja environment of the package's templates, overridable from ``overrides_dir/sec_release/``."""
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
        bytecode_cache=_COMPILED,
    )
    env.filters.update(
        md=markdown_to_html,
        md_inline=lambda text: markdown_to_html(text, inline=True),
        long_date=long_date,
        time=time_tag,
        mdescape=markdown_escape,
        wbr=break_identifier,
        code_spans=code_spans,
    )
    return env


def template_env(ctx: SiteContext) -> jinja2.Environment:
    """The shared Jinja environment of a build (overridable from overrides/sec_release/)."""
    return environment(ctx.record.config.root / ctx.overrides_dir)
