"""/calendar.ics (every published release) and /releases/<id>/calendar.ics, with ``icalendar``.

Subscribed calendars must update an event, not add a second one, so:

* ``UID`` comes from the release id and what the event is (its go-live, or a
  milestone's name), never from a list position: it survives rebuilds,
  re-ordered milestones and moved dates;
* ``SEQUENCE`` of a go-live is the number of times its date moved (approved
  ``date_changes`` that changed it); milestones have no history and stay at 0;
* ``STATUS`` is ``TENTATIVE`` for an expected date (the go-live of a release not
  yet implemented, an ``expected`` milestone), ``CONFIRMED`` for an actual one,
  and ``CANCELLED`` for what a cancelled release will no longer hold;
* ``DTSTAMP`` and ``LAST-MODIFIED`` are the build time (from the commit), so the
  same commit builds the same bytes.

Events are all-day (``DTSTART;VALUE=DATE``, ``DTEND`` the next day) and
transparent: a release date does not make anyone busy.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vText

from ..core.facts import date_steps
from ..core.models import Release
from ..model.context import SiteContext
from ..model.pages import GeneratedFile
from ..model.escape import clean_text
from ..model.render import long_date
from ..model.urls import CALENDAR_PATH, Urls
from .common import date_step_text, impacts_text, unique_key

PRODID = "-//sec-release//SEC Releases public record//EN"
_END = b"END:VCALENDAR\r\n"  # how a calendar's bytes end


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "milestone"


def uid_domain(ctx: SiteContext) -> str:
    return urlsplit(ctx.site_url or "").hostname or "sec-release.invalid"


def go_live_moves(release: Release) -> int:
    """How many times the go-live date moved: approved date changes that changed it."""
    return sum(1 for c in release.date_changes if c.outcome == "approved" and c.from_ != c.to)


def release_events(ctx: SiteContext, release: Release) -> list[Event]:
    domain = uid_domain(ctx)
    url = ctx.address(Urls.release(release.id))
    stamp = ctx.build.built_at
    cancelled = release.status == "cancelled"

    def event(uid: str, day, summary: str, description: str, status: str, sequence: int) -> Event:
        ev = Event()
        ev.add("uid", f"{uid}@{domain}")
        ev.add("dtstamp", stamp)
        ev.add("last-modified", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + timedelta(days=1))
        ev.add("summary", clean_text(summary))
        ev.add("description", clean_text(description))
        ev.add("status", status)
        ev.add("sequence", sequence)
        ev.add("transp", "TRANSPARENT")
        if url.startswith(("http://", "https://")):
            ev.add("url", url)
        return ev

    kind = "" if release.kind == "scheduled" else ", an implementation outside the release windows"
    lines = [f"{release.title} ({release.status}{kind})."]
    if release.summary:
        lines.append(release.summary)
    impacts = impacts_text(ctx.record, release)
    if impacts:
        lines.append(impacts)
    if release.date_changes:
        steps = [date_step_text(s) for s in date_steps(release)]
        lines.append("Date decisions: " + "; ".join(steps) + ".")
    lines.append(url)
    if cancelled:
        go_live_status = "CANCELLED"
    else:
        go_live_status = "CONFIRMED" if release.status == "implemented" else "TENTATIVE"
    events = [
        event(f"sec-release-{release.id}-go-live", release.go_live, f"{release.title}: go-live", "\n\n".join(lines), go_live_status, go_live_moves(release))
    ]

    seen: dict[str, int] = {}
    for milestone in sorted(release.milestones, key=lambda m: (_slug(m.name), m.name, m.date)):
        key = unique_key(seen, _slug(milestone.name))
        if milestone.state == "actual":
            status = "CONFIRMED"
        else:
            status = "CANCELLED" if cancelled else "TENTATIVE"
        when = "the actual date" if milestone.state == "actual" else "an expected date; it may move"
        description = f"{milestone.name}, a milestone of the {release.title}: {when}.\n\n{url}"
        events.append(event(f"sec-release-{release.id}-milestone-{key}", milestone.date, f"{release.title}: {milestone.name}", description, status, 0))
    return events


def _serialised(events: list[Event]) -> list[tuple[tuple, bytes]]:
    """Each event's bytes with its place in a calendar (by date, then UID)."""
    return [((ev.decoded("dtstart"), str(ev["uid"])), ev.to_ical()) for ev in events]


def _calendar(ctx: SiteContext, name: str, description: str, path: str, events: list[tuple[tuple, bytes]]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # icalendar escapes only the properties it knows as TEXT; NAME and the X-WR-
    # properties get an explicit vText, on one line (a calendar's name has no line breaks).
    name, description = (" ".join(clean_text(text).split()) for text in (name, description))
    cal.add("name", vText(name))
    cal.add("x-wr-calname", vText(name))
    cal.add("description", description)
    cal.add("x-wr-caldesc", vText(description))
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    source = ctx.address(path)
    if source.startswith(("http://", "https://")):
        cal.add("source", source, parameters={"VALUE": "URI"})
    # Every event is in two calendars (the site's and its release's), and
    # icalendar folds long lines a character at a time: each event is
    # serialised once and put before END:VCALENDAR, which gives the same bytes
    # as adding it to the calendar as a component.
    head = cal.to_ical().removesuffix(_END)
    return head + b"".join(text for _, text in sorted(events, key=lambda pair: pair[0])) + _END


def ics_files(ctx: SiteContext) -> list[GeneratedFile]:
    per_release = {rid: _serialised(release_events(ctx, r)) for rid, r in ctx.releases.items()}
    out = [
        GeneratedFile(
            CALENDAR_PATH,
            _calendar(ctx, "SEC Releases", "Go-live dates and milestones of every SEC Release on the public record.", CALENDAR_PATH, [e for evs in per_release.values() for e in evs]),
        )
    ]
    for rid, events in per_release.items():
        release = ctx.releases[rid]
        path = Urls.release_calendar(rid)
        out.append(GeneratedFile(path, _calendar(ctx, release.title, f"Go-live date and milestones of the {release.title}.", path, events)))
    # One per SEC Party category: the releases carrying a change that affects it.
    for pid, party in ctx.record.parties.items():
        path = Urls.party_calendar(pid)
        events = [e for release in ctx.releases_affecting(pid) for e in per_release[release.id]]
        name = f"SEC Releases affecting {party.label}"
        description = f"Go-live dates and milestones of the SEC Releases that carry changes affecting {party.label}."
        out.append(GeneratedFile(path, _calendar(ctx, name, description, path, events)))
    return out
