"""The site's URL scheme, written once: where every page and file is, and links between them.

Paths are site-relative MkDocs URLs with directory URLs (``releases/2019-11/``)
or docs-relative Markdown sources (``releases/2019-11/index.md``). A page
links to another with :func:`link`, relative to itself; exports write
absolute addresses with :func:`site_link` when the site has a ``site_url``.

:func:`target_source` resolves the semantic targets of the comparison
(``("release", "2019-11")``, see :mod:`sec_release.core.compare`) to the
Markdown source that shows them, for the preview's /changes/ page and for
``sec-release diff --site-url``.
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable, Container, Optional

from ..core.document_kinds import RELEASE_DOCUMENTS

# --------------------------------------------------------------------------
# Where things are (site-relative)

DATA_DIR = "data"
CALENDAR_PATH = "calendar.ics"
FEED_PATH = "feed.xml"
DATA_PAGE = "data/index.md"
GUIDE_PAGE = "editors/index.md"
FORMAT_PAGE = "editors/record-format/index.md"
CHANGES_PAGE = "changes/index.md"


# Which section of a release page shows a release field (evidence links point there).
RELEASE_FIELD_SECTION = {
    "modifications": "content",
    "baselines": "scope-baselines",
    "milestones": "timescales",
    "date_changes": "go-live-date",
    "go_live": "go-live-date",
    "progress_reports": "governance",
    "cost_review": "governance",
    "external_auditor": "governance",
    "go_live_decision": "governance",
    "post_go_live_review": "governance",
    "waivers": "compliance",
    "amendments": "amendments",
    **{kind.release_field: "documents" for kind in RELEASE_DOCUMENTS},
}


class Urls:
    """Site-relative URLs of the record's pages (record-format.md: /releases/<id>/ ...)."""

    home = ""
    releases = "releases/"
    modifications = "modifications/"
    timeline = "timeline/"
    compliance = "compliance/"
    rulebook = "rulebook/"

    @staticmethod
    def release(release_id: str, anchor: str = "") -> str:
        return f"releases/{release_id}/" + (f"#{anchor}" if anchor else "")

    @staticmethod
    def release_field(release_id: str, field: str) -> str:
        """Where a release page shows a release field (dotted: the section of its first part)."""
        return Urls.release(release_id, RELEASE_FIELD_SECTION.get(field.split(".")[0], ""))

    @staticmethod
    def release_calendar(release_id: str) -> str:
        """Where a release's own calendar is published; its page links here."""
        return f"releases/{release_id}/calendar.ics"

    @staticmethod
    def modification(modification_id: str) -> str:
        return f"modifications/{modification_id}/"

    parties = "parties/"
    sec_documents = "sec-documents/"

    @staticmethod
    def party(party_id: str) -> str:
        return f"parties/{party_id}/"

    @staticmethod
    def party_calendar(party_id: str) -> str:
        """The go-live dates of the releases carrying changes that affect a party category."""
        return f"parties/{party_id}/calendar.ics"

    @staticmethod
    def party_feed(party_id: str) -> str:
        return f"parties/{party_id}/feed.xml"

    @staticmethod
    def sec_document(name: str) -> str:
        """A part of the SEC ("Section H", "Appendix AD") and what changes it."""
        return f"sec-documents/{document_slug(name)}/"

    @staticmethod
    def requirement(requirement_id: str) -> str:
        return f"rulebook/#{requirement_id}"

    @staticmethod
    def cell(requirement_id: str, release_id: str | None) -> str:
        """A result's cell in the compliance matrix."""
        return f"compliance/#{cell_id(requirement_id, release_id)}"

    @staticmethod
    def matrix_row(requirement_id: str) -> str:
        """A release requirement's row in the compliance matrix."""
        return f"compliance/#{matrix_row_id(requirement_id)}"

    @staticmethod
    def data_file(name: str) -> str:
        return f"{DATA_DIR}/{name}.json"

    @staticmethod
    def data_schema(name: str) -> str:
        return f"{DATA_DIR}/{name}.schema.json"

    @staticmethod
    def csv_file(name: str) -> str:
        return f"{DATA_DIR}/{name}.csv"


class Sources:
    """Docs-relative Markdown sources of the generated pages (MkDocs turns them into the URLs above)."""

    @staticmethod
    def release(release_id: str) -> str:
        return f"releases/{release_id}/index.md"

    @staticmethod
    def modification(modification_id: str) -> str:
        return f"modifications/{modification_id}/index.md"

    @staticmethod
    def party(party_id: str) -> str:
        return f"parties/{party_id}/index.md"

    @staticmethod
    def sec_document(name: str) -> str:
        return f"sec-documents/{document_slug(name)}/index.md"


def document_slug(name: str) -> str:
    """The address part of an SEC document's name: "Section H" -> "section-h", "Appendix AD" -> "appendix-ad"."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "document"


def cell_id(requirement_id: str, release_id: str | None) -> str:
    """The id of a result's cell in the compliance matrix (the matrix template and links use this)."""
    return f"r-{requirement_id}-{release_id}" if release_id else f"r-{requirement_id}-policy"


def matrix_row_id(requirement_id: str) -> str:
    """The id of a requirement's row in the compliance matrix."""
    return f"m-{requirement_id}"


def matrix_column_id(release_id: str) -> str:
    """The id of a release's column heading in the compliance matrix."""
    return f"c-{release_id}"


def row_id(requirement_id: str) -> str:
    """The id of a requirement's row on a release page."""
    return f"req-{requirement_id}"


# --------------------------------------------------------------------------
# Sources to URLs, and links between pages


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


def link(target: str, here: str) -> str:
    """A link from the page at URL ``here`` to ``target``: absolute addresses as they are, site paths relative."""
    if target.startswith(("http://", "https://", "mailto:")):
        return target
    fast = _relative(target, here)
    return fast if fast is not None else relative_url(target, here)


def _plain_parts(path: str) -> list[str] | None:
    """The segments of a site-relative path made of names only (no ".", "..", "//" or leading "/"), else None."""
    parts = path.split("/") if path else []
    return None if any(part in ("", ".", "..") for part in parts) else parts


def _relative(target: str, here: str) -> str | None:
    """What :func:`relative_url` gives for a link between plain paths, worked out on the strings.

    posixpath.relpath, which relative_url uses, makes both paths absolute from
    the working directory: two system calls per link, and pages hold about
    13,000 links at N = 100. For anything unusual this returns None and the
    caller uses relative_url itself.
    """
    target_path, _, fragment = target.partition("#")
    base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    base_parts, target_parts = _plain_parts(base), _plain_parts(target_path.removesuffix("/"))
    if base_parts is None or target_parts is None:
        return None
    common = 0
    for a, b in zip(base_parts, target_parts):
        if a != b:
            break
        common += 1
    result = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target_path == "" or (target_path.endswith("/") and not result.endswith("/")):
        result += "/"
    if result.startswith("./") and len(result) > 2:
        result = result[2:]
    return result + (f"#{fragment}" if fragment else "")


def source_link(source: str, here_source: str) -> str:
    """A relative link from one Markdown source to another (``../releases/2019-11/index.md#x``), which MkDocs checks."""
    path, _, anchor = source.partition("#")
    return posixpath.relpath(path, posixpath.dirname(here_source) or ".") + (f"#{anchor}" if anchor else "")


# --------------------------------------------------------------------------
# Absolute addresses (exports, feeds, pull-request comments)


def site_base(site_url: str | None) -> str:
    """The site's address with one trailing slash, or "" when there is no site_url."""
    url = (site_url or "").strip()
    return url.rstrip("/") + "/" if url else ""


def site_link(site_url: str | None, path: str) -> str:
    """An address for a site-relative path: absolute when the site has a site_url, else site-relative."""
    return site_base(site_url) + path


# --------------------------------------------------------------------------
# The comparison's targets


def target_source(
    target: tuple,
    *,
    releases: Container[str],
    modifications: Container[str],
    documents: Container[str],
    policy_page: Optional[str],
) -> Optional[str]:
    """The Markdown source (with an anchor) that shows a comparison target, or None when nothing published shows it.

    Targets: ``("release", id)``, ``("modification", id)``, ``("document", page)``,
    ``("policy",)`` and ``("result", requirement_id, release_id or None)``.
    """
    kind = target[0]
    if kind == "release" and target[1] in releases:
        return Sources.release(target[1])
    if kind == "modification" and target[1] in modifications:
        return Sources.modification(target[1])
    if kind == "document" and target[1] in documents:
        return target[1]
    if kind == "policy" and policy_page is not None:
        return policy_page
    if kind == "result":
        requirement_id, release_id = target[1], target[2]
        if release_id is not None and release_id not in releases:
            return None
        return "compliance/index.md#" + cell_id(requirement_id, release_id)
    return None


def source_to_url(source: str) -> str:
    """``releases/2019-11/index.md#x`` -> ``releases/2019-11/#x``."""
    path, _, anchor = source.partition("#")
    return page_url(path) + (f"#{anchor}" if anchor else "")


Resolver = Callable[[tuple], Optional[str]]
