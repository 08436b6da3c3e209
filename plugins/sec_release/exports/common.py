"""What every export shares: where things are on the site, the licence, safe text, stable JSON."""

from __future__ import annotations

import re
from typing import Any

import jinja2
from pydantic import BaseModel
from pydantic_core import to_json

from ..site.context import SiteContext
from ..site.render import environment, page_url

# The same defaults as the plugin's ``licence`` / ``licence_url`` options, so
# that ``sec-release export`` writes what a build writes when mkdocs.yml sets neither.
DEFAULT_LICENCE = "Open Government Licence v3.0"
DEFAULT_LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

# Site-relative paths of everything this package publishes.
DATA_DIR = "data"
CALENDAR_PATH = "calendar.ics"
FEED_PATH = "feed.xml"
DATA_PAGE = "data/index.md"
GUIDE_PAGE = "editors/index.md"


def release_path(release_id: str) -> str:
    """The site-relative URL of a release's page (record-format.md: /releases/<id>/)."""
    return f"releases/{release_id}/"


def release_calendar_path(release_id: str) -> str:
    """Where a release's own calendar is published; its page links here."""
    return f"releases/{release_id}/calendar.ics"


def site_base(ctx: SiteContext) -> str:
    """The site's address with one trailing slash, or "" when mkdocs.yml has no site_url."""
    url = (ctx.site_url or "").strip()
    return url.rstrip("/") + "/" if url else ""


def site_link(ctx: SiteContext, path: str) -> str:
    """An address for a site-relative path: absolute when the site has a site_url, else site-relative."""
    return site_base(ctx) + path


def document_link(ctx: SiteContext, page: str | None) -> str | None:
    """The address of a Markdown page named in the record (e.g. an Implementation Document)."""
    return site_link(ctx, page_url(page)) if page else None


def licence(ctx: SiteContext) -> tuple[str, str]:
    options = ctx.options or {}
    return (options.get("licence") or DEFAULT_LICENCE, options.get("licence_url") or DEFAULT_LICENCE_URL)


# Characters XML 1.0 and iCalendar TEXT cannot carry. YAML's escapes ("\x07")
# can put them into a title; a feed reader must not choke on them.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(text: str | None) -> str:
    return _FORBIDDEN_CHARS.sub("", text or "")


def unique_key(seen: dict[str, int], key: str) -> str:
    """``key`` the first time, then ``key-2``, ``key-3`` ...: stable ids for things that share a name."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def dump_json(data: Any) -> bytes:
    """Stable JSON: the models' field order, two-space indent, a final newline.

    ``data`` is plain JSON values, or a pydantic model, written by its aliases
    as ``model_dump(mode="json", by_alias=True)`` gives it (pydantic writes
    the JSON itself, with no dict of every value in between).

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes: the value read back is the
    same, and a file pasted into an HTML page cannot close a ``<script>`` element.
    """
    if isinstance(data, BaseModel):
        text = data.model_dump_json(indent=2, by_alias=True).encode("utf-8")
    else:
        text = pretty_json(data)
    return text.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026") + b"\n"


def pretty_json(data: Any) -> bytes:
    """``json.dumps(data, indent=2, ensure_ascii=False)`` in UTF-8, made by pydantic-core.

    The standard library's encoder is pure Python when it indents (about
    0.1 s for the exports at N = 100). For what the exports hold (text,
    integers, booleans, null, lists and objects) the bytes are the same; the
    two differ only in how some floats are written (``1e-7`` against
    ``1e-07``), and no published field is a float.
    """
    return to_json(data, indent=2)


def template_env(ctx: SiteContext) -> jinja2.Environment:
    """The shared Jinja environment (overridable from overrides/sec_release/)."""
    return environment(ctx.record.config.root / (ctx.options.get("custom_dir") or "overrides"))
