"""/feed.xml: an Atom feed (RFC 4287) of changes to the record, newest first.

Three kinds of entry, each linking to its release's page:

* a new release, dated when it first appeared in the record (its first amendment);
* each amendment in a release's ``amendments`` (the record's own change log);
* each go-live date change in ``date_changes``, dated when it was decided.

Entry ids never depend on list positions or text, so a corrected typo does
not make a reader see an entry twice: ``<release page>#feed-release``,
``#feed-amendment-<date>`` and ``#feed-date-change-<from>-<to>``, with ``-2``,
``-3`` ... for a second entry of the same kind on the same day. Text is
escaped by the XML serializer; characters XML cannot carry are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from xml.etree import ElementTree as ET

from markupsafe import Markup

from ..core.facts import date_steps
from ..core.models import Release
from ..model.context import SiteContext
from ..model.pages import GeneratedFile
from ..model.escape import clean_text
from ..model.render import long_date, markdown_to_html
from ..model.urls import FEED_PATH, Urls
from .common import date_step_text, impacts_text, unique_key

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TITLE = "SEC Releases: changes to the record"
MAX_ENTRIES = 200  # the newest; the full history is in releases.json


@dataclass(frozen=True)
class FeedEntry:
    key: str  # unique within the release: the fragment of the entry id
    release: Release
    day: date
    rank: int  # on the same day: release 0, date change 1, amendment 2 (shown first)
    title: str
    html: Markup


def _timestamp(value: date | datetime) -> str:
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0), tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def published_on(ctx: SiteContext, release: Release) -> date:
    """When the release first appeared in the record, as well as the record tells.

    Its first amendment (the record's own change log), else the earliest
    baseline or date-change decision, else the build's date. Reproducible:
    every candidate comes from the record or the build.
    """
    if release.amendments:
        return release.amendments[0].date
    dates = [b.date for b in release.baselines]
    dates += [d for change in release.date_changes for d in (change.requested, change.decided) if d]
    if release.implementation_document and release.implementation_document.updated:
        dates.append(release.implementation_document.updated)
    return min(dates) if dates else ctx.build.built_at.date()


def _entry_id(ctx: SiteContext, release: Release, key: str) -> str:
    if ctx.base_address:
        return f"{ctx.address(Urls.release(release.id))}#{key}"
    # No site_url: a tag URI (RFC 4151) under a reserved name, still stable.
    return f"tag:sec-release.invalid,2018:releases/{release.id}/{key}"


def release_entries(ctx: SiteContext, release: Release) -> list[FeedEntry]:
    keys: dict[str, int] = {}
    first = published_on(ctx, release)
    intro = Markup("<p>Go-live: {}.</p>").format(long_date(release.go_live))
    if release.kind == "ad-hoc":
        intro += Markup("<p>An implementation outside the release windows.</p>")
    impacts = impacts_text(ctx.record, release)
    if impacts:
        intro += Markup("<p>{}</p>").format(impacts)
    out = [FeedEntry(unique_key(keys, "feed-release"), release, first, 0, f"New release: {release.title}", intro + markdown_to_html(release.summary))]
    for amendment in release.amendments:
        key = unique_key(keys, f"feed-amendment-{amendment.date.isoformat()}")
        out.append(FeedEntry(key, release, amendment.date, 2, f"{release.title}: record amended", markdown_to_html(amendment.summary)))
    for step in date_steps(release):
        change = step.change
        key = unique_key(keys, f"feed-date-change-{change.from_.isoformat()}-{change.to.isoformat()}")
        if change.outcome != "approved":
            title = f"{release.title}: move of go-live to {long_date(change.to)} rejected"
        elif step.window is not None:
            title = f"{release.title}: go-live to fall between {long_date(step.window.earliest)} and {long_date(step.window.latest)}"
        elif step.fixes_day:
            title = f"{release.title}: go-live fixed at {long_date(change.to)} within the window"
        else:
            title = f"{release.title}: go-live moved from {long_date(change.from_)} to {long_date(change.to)}"
        detail = Markup("<p>{}.</p>").format(date_step_text(step)[:1].upper() + date_step_text(step)[1:])
        out.append(FeedEntry(key, release, change.decided or change.requested or first, 1, title, detail + markdown_to_html(change.reason)))
    return out


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = clean_text(text)
    return element


def feed_xml(ctx: SiteContext, releases: list[Release] | None = None, path: str = FEED_PATH,
             title: str = FEED_TITLE, feed_id: str = "feed") -> bytes:
    """The feed of ``releases`` (default: every published release), published at ``path``."""
    chosen = list(ctx.releases.values()) if releases is None else releases
    entries = [e for release in chosen for e in release_entries(ctx, release)]
    # Newest first; ties in a fixed order (id) so that two builds agree byte for byte.
    entries.sort(key=lambda e: _entry_id(ctx, e.release, e.key))
    entries.sort(key=lambda e: (e.day, e.rank), reverse=True)
    entries = entries[:MAX_ENTRIES]

    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "en"})
    _text(feed, "id", ctx.address(path) if ctx.base_address else f"tag:sec-release.invalid,2018:{feed_id}")
    _text(feed, "title", title)
    _text(feed, "subtitle", "New SEC Releases, amendments to their record, and changes of go-live dates.")
    _text(feed, "updated", _timestamp(entries[0].day if entries else ctx.build.built_at))
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": ctx.address(path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": ctx.base_address or "./"})
    author = ET.SubElement(feed, "author")
    _text(author, "name", "SEC Releases record")
    name, url = ctx.licence
    _text(feed, "rights", f"{name}: {url}")
    _text(feed, "generator", "sec-release")
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", _entry_id(ctx, entry.release, entry.key))
        _text(element, "title", entry.title)
        _text(element, "updated", _timestamp(entry.day))
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": ctx.address(Urls.release(entry.release.id))})
        _text(element, "content", str(entry.html), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def atom_files(ctx: SiteContext) -> list[GeneratedFile]:
    out = [GeneratedFile(FEED_PATH, feed_xml(ctx))]
    # One per SEC Party category: changes to the releases that carry a change affecting it.
    for pid, party in ctx.record.parties.items():
        path = Urls.party_feed(pid)
        title = f"SEC Releases affecting {party.label}: changes to the record"
        out.append(GeneratedFile(path, feed_xml(ctx, ctx.releases_affecting(pid), path, title, f"parties/{pid}/feed")))
    return out
