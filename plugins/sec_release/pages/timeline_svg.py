"""Server-side SVG pictures of release timelines.

Two pictures, both plain SVG text built here (no JavaScript, no fonts of
their own):

* :func:`release_svg` — one release as a vertical list of dated points, which
  stays readable at phone width;
* :func:`record_svg` — every release on one horizontal time axis.

Accessibility: each picture is ``role="img"`` with a ``<title>`` (its
accessible name, via ``aria-labelledby``) and a ``<desc>`` (via
``aria-describedby``); the page carries a table with the same dates. Expected
dates are drawn hollow with dashed outlines and actual dates filled, a moved
date is a crossed hollow square joined to its new date, and today is a dashed
rule: the difference never rests on colour alone, and a legend says so in
words. Every text from the record goes through :func:`escape`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup
from markupsafe import escape as _html_escape

from ..model.escape import protect_braces
from ..model.render import long_date
from .view_models import ReleaseView, TimelineEvent


def escape(value: object) -> Markup:
    """XML-escaped, with braces as character references: the picture sits in
    Markdown that a template engine could otherwise read."""
    return Markup(protect_braces(str(_html_escape(value))))


FONT = 13
TARGET_WIDTH = 900  # the record timeline's natural width, in CSS pixels at 1280 (phones get a list instead)
# Presentation attributes are the no-CSS defaults; the site's stylesheet
# (sec-release.css) maps them onto the theme's colours for light and dark.
STROKE = 'stroke="currentColor"'
HOLLOW = 'fill="#ffffff" class="sec-tl-hollow"'
SOLID = 'fill="currentColor"'
DASH = 'stroke-dasharray="3 2"'


def _attrs(**values) -> str:
    return " ".join(f'{k.replace("_", "-")}="{escape(v)}"' for k, v in values.items())


def _short(value: date) -> str:
    return f"{value.day} {value.strftime('%b')} {value.year}"


def marker(kind: str, actual: bool, x: float, y: float, size: float = 7) -> str:
    """The symbol of one kind of point, centred on (x, y)."""
    s = size
    fill = SOLID if actual else HOLLOW
    dash = "" if actual else DASH
    if kind == "go-live":
        s = size + 1.5
        return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" {fill} {STROKE} stroke-width="2" {dash}/>'
    if kind == "baseline":
        return (
            f'<path d="M{x:.1f} {y - s - 1:.1f} L{x + s + 1:.1f} {y:.1f} L{x:.1f} {y + s + 1:.1f} L{x - s - 1:.1f} {y:.1f} Z" '
            f'{fill} {STROKE} stroke-width="2" {dash}/>'
        )
    if kind == "moved":
        return (
            f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" {HOLLOW} {STROKE} stroke-width="1.5" {DASH}/>'
            f'<path d="M{x - s + 2:.1f} {y - s + 2:.1f} L{x + s - 2:.1f} {y + s - 2:.1f} M{x + s - 2:.1f} {y - s + 2:.1f} L{x - s + 2:.1f} {y + s - 2:.1f}" {STROKE} stroke-width="1.5"/>'
        )
    if kind == "today":
        return f'<path d="M{x - s:.1f} {y:.1f} L{x + s:.1f} {y:.1f}" {STROKE} stroke-width="3" class="sec-tl-today"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{s - 1:.1f}" {fill} {STROKE} stroke-width="2" {dash}/>'


LEGEND = (
    ("go-live", True, "Go-live, actual (filled)"),
    ("go-live", False, "Go-live, expected (hollow, dashed)"),
    ("milestone", True, "Milestone, actual"),
    ("milestone", False, "Milestone, expected"),
    ("baseline", True, "Scope baselined"),
    ("moved", False, "Earlier go-live date, since moved"),
)


def legend_items(shown: set | None = None) -> list[tuple[Markup, str]]:
    """The key of a picture, for the page to print as HTML text beside it (it wraps, so it is never cut off).

    Each item is a small SVG of the marker (decorative: the text says it) and
    its meaning; ``shown``: the (kind, actual) pairs the picture uses, default all.
    """
    items = []
    for kind, actual, text in LEGEND:
        if shown is not None and (kind, actual) not in shown:
            continue
        icon = marker(kind, actual, 10, 10, 6)
        items.append((Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" class="sec-tl-icon">{icon}</svg>'), text))
    today = '<line x1="10" y1="1" x2="10" y2="19" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3" class="sec-tl-today"/>'
    items.append((Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" class="sec-tl-icon">{today}</svg>'), "Today"))
    return items


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def release_svg(release: ReleaseView, today: date, svg_id: str = "release-timeline") -> Markup:
    """One release, top to bottom in date order, with today's place among its dates."""
    width = 420
    line_x, date_x, label_x = 132, 118, 150
    top = 16
    rows: list[tuple[TimelineEvent | None, list[str]]] = []
    placed_today = False
    for event in release.events:
        if not placed_today and today < event.date:
            rows.append((None, [f"Today, {long_date(today)}"]))
            placed_today = True
        label = event.label
        if event.kind == "moved" and event.moved_to is not None:
            label = f"Go-live planned for this date, moved to {long_date(event.moved_to)}"
        elif not event.actual:
            label += " (expected)"
        rows.append((event, _wrap(label, 32)))
    if not placed_today:
        rows.append((None, [f"Today, {long_date(today)}"]))

    body: list[str] = []
    y = top
    centres: list[tuple[float, bool]] = []
    for event, lines in rows:
        height = max(34, 16 * len(lines) + 14)
        cy = y + 12
        if event is None:
            body.append(
                f'<line x1="0" y1="{cy:.1f}" x2="{width}" y2="{cy:.1f}" {STROKE} stroke-width="1.5" stroke-dasharray="5 3" class="sec-tl-today"/>'
            )
            body.append(f'<text x="{label_x}" y="{cy - 5:.1f}" font-weight="bold" {SOLID}>{escape(lines[0])}</text>')
            centres.append((cy, True))
        else:
            centres.append((cy, event.actual or event.kind == "moved"))
            body.append(f'<text x="{date_x}" y="{cy + 4:.1f}" text-anchor="end" {SOLID}>{escape(_short(event.date))}</text>')
            body.append(marker(event.kind, event.actual, line_x, cy))
            for n, line in enumerate(lines):
                weight = ' font-weight="bold"' if event.kind == "go-live" else ""
                body.append(f'<text x="{label_x}" y="{cy + 4 + 16 * n:.1f}"{weight} {SOLID}>{escape(line)}</text>')
        y += height
    # The axis: solid up to today, dashed after it (what is still expected).
    axis: list[str] = []
    for (y1, _), (y2, _) in zip(centres, centres[1:]):
        future = y1 >= _today_y(rows, centres)
        axis.append(f'<line x1="{line_x}" y1="{y1:.1f}" x2="{line_x}" y2="{y2:.1f}" {STROKE} stroke-width="2"{" " + DASH if future else ""}/>')
    height = y + 4
    title = f"Timeline of the {release.title}"
    desc = _describe_release(release, today)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" {_attrs(id=svg_id)} '
        f'aria-labelledby="{svg_id}-title" aria-describedby="{svg_id}-desc" '
        f'viewBox="0 0 {width} {height:.0f}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'font-family="sans-serif" font-size="{FONT}" class="sec-tl sec-tl--release">'
        f'<title id="{svg_id}-title">{escape(title)}</title>'
        f'<desc id="{svg_id}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(axis) + "".join(body) + "</svg>")


def _today_y(rows, centres) -> float:
    for (event, _), (cy, _) in zip(rows, centres):
        if event is None:
            return cy
    return float("inf")


def _describe_release(release: ReleaseView, today: date) -> str:
    r = release.release
    when = "went live" if release.go_live_is_actual else "is expected to go live"
    text = f"{r.title} {when} on {long_date(r.go_live)}."
    if release.moved:
        text += f" The go-live date was first {long_date(release.first_go_live)}."
    actual = sum(1 for e in release.events if e.actual and e.kind != "moved")
    expected = sum(1 for e in release.events if not e.actual and e.kind != "moved")
    text += f" {actual} dates are actual and {expected} expected as of {long_date(today)}. The table below lists every date."
    return text


def lane_label(title: str) -> str:
    """A release's row label: its title without the " SEC Release" every title ends with, kept short."""
    if title.endswith(" SEC Release") and len(title) > len(" SEC Release"):
        title = title[: -len(" SEC Release")]
    return title if len(title) <= 18 else title[:17] + "…"


GAP = 34  # the width of a run of years without a date, drawn as a break in the axis


@dataclass(frozen=True)
class _Segment:
    first_year: int
    last_year: int
    x: float
    width: float
    empty: bool  # a run of years with nothing in them: drawn narrow, with a break

    @property
    def label(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


def _segments(dates: list[date], left: float, usable: float) -> tuple[list[_Segment], float]:
    """The time axis: a full width for each year with a date in it, a narrow break for each run of years without."""
    years_with_dates = {d.year for d in dates}
    first, last = min(years_with_dates), max(years_with_dates)
    runs: list[tuple[int, int, bool]] = []
    for year in range(first, last + 1):
        empty = year not in years_with_dates
        if runs and runs[-1][2] and empty:
            runs[-1] = (runs[-1][0], year, True)
        else:
            runs.append((year, year, empty))
    gaps = sum(1 for r in runs if r[2])
    full = len(runs) - gaps
    per_year = min(170.0, max(70.0, (usable - gaps * GAP) / full))
    out, x = [], left
    for start, end, empty in runs:
        width = GAP if empty else per_year
        out.append(_Segment(start, end, x, width, empty))
        x += width
    return out, x - left


def record_svg(releases: list[ReleaseView], today: date, svg_id: str = "record-timeline", title: str = "Timeline of every SEC Release") -> Markup:
    """The given releases on one time axis, one lane each, oldest at the top.

    Years in which nothing happens shrink to a marked break, so the dates that
    matter keep room for their markers and their text keeps its size.
    """
    dates = [today] + [e.date for r in releases for e in r.events]
    label_width, lane = 132, 34
    plot_left = label_width + 12
    segments, plot_width = _segments(dates, plot_left, TARGET_WIDTH - plot_left - 20)
    width = plot_left + plot_width + 20
    top = 58
    by_year = {year: seg for seg in segments for year in range(seg.first_year, seg.last_year + 1)}

    def x_of(value: date) -> float:
        seg = by_year[value.year]
        if seg.empty:
            return seg.x + seg.width / 2
        start = date(value.year, 1, 1)
        days = (date(value.year + 1, 1, 1) - start).days
        return seg.x + seg.width * (value - start).days / days

    out: list[str] = []
    plot_bottom = top + lane * max(len(releases), 1)
    for seg in segments:
        out.append(f'<line x1="{seg.x:.1f}" y1="{top - 8}" x2="{seg.x:.1f}" y2="{plot_bottom:.1f}" stroke="currentColor" stroke-opacity="0.25" stroke-width="1"/>')
        if seg.empty:
            # A break in the axis: two slanted strokes, and the years it leaves out.
            mid = seg.x + seg.width / 2
            out.append(f'<path d="M{mid - 6:.1f} {top - 2} L{mid - 2:.1f} {top - 14} M{mid + 2:.1f} {top - 2} L{mid + 6:.1f} {top - 14}" {STROKE} stroke-width="1.5"/>')
            out.append(f'<text x="{mid:.1f}" y="{top - 22}" text-anchor="middle" font-size="{FONT - 1}" {SOLID}>{escape(seg.label)}</text>')
        else:
            out.append(f'<text x="{seg.x + seg.width / 2:.1f}" y="{top - 12}" text-anchor="middle" {SOLID}>{escape(seg.label)}</text>')
    end_x = plot_left + plot_width
    out.append(f'<line x1="{end_x:.1f}" y1="{top - 8}" x2="{end_x:.1f}" y2="{plot_bottom:.1f}" stroke="currentColor" stroke-opacity="0.25" stroke-width="1"/>')
    for index, release in enumerate(releases):
        cy = top + lane * index + lane / 2
        if index % 2:
            out.append(f'<rect x="0" y="{cy - lane / 2:.1f}" width="{width:.0f}" height="{lane}" fill="currentColor" fill-opacity="0.05"/>')
        out.append(f'<text x="{label_width}" y="{cy + 4:.1f}" text-anchor="end" {SOLID}>{escape(lane_label(release.title))}</text>')
        events = release.events
        if events:
            first, last = min(e.date for e in events), max(e.date for e in events)
            split = min(max(today, first), last)
            out.append(f'<line x1="{x_of(first):.1f}" y1="{cy:.1f}" x2="{x_of(split):.1f}" y2="{cy:.1f}" {STROKE} stroke-width="2"/>')
            if split < last:
                out.append(f'<line x1="{x_of(split):.1f}" y1="{cy:.1f}" x2="{x_of(last):.1f}" y2="{cy:.1f}" {STROKE} stroke-width="2" {DASH}/>')
        for event in events:
            if event.kind == "moved" and event.moved_to is not None:
                x1, x2 = x_of(event.date), x_of(event.moved_to)
                out.append(
                    f'<path d="M{x1:.1f} {cy - 9:.1f} Q{(x1 + x2) / 2:.1f} {cy - 17:.1f} {x2:.1f} {cy - 10:.1f}" fill="none" {STROKE} stroke-width="1.5" {DASH}/>'
                )
        for event in sorted(events, key=lambda e: e.kind == "go-live"):
            size = 6.5 if event.kind != "milestone" else 5
            point = marker(event.kind, event.actual, x_of(event.date), cy, size)
            state = "actual" if event.actual else "expected"
            if event.kind == "moved":
                state = f"moved to {long_date(event.moved_to)}" if event.moved_to else "moved"
            tip = f"{release.title}: {event.label}, {long_date(event.date)} ({state})"
            out.append(f"<g><title>{escape(tip)}</title>{point}</g>")
    tx = x_of(today)
    out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{plot_bottom + 4:.1f}" {STROKE} stroke-width="2" stroke-dasharray="5 3" class="sec-tl-today"/>')
    anchor = "end" if tx > width - 120 else "start"
    offset = -4 if anchor == "end" else 4
    out.append(f'<text x="{tx + offset:.1f}" y="15" text-anchor="{anchor}" font-weight="bold" {SOLID}>Today, {escape(_short(today))}</text>')
    height = plot_bottom + 12
    count = len(releases)
    first_year, last_year = segments[0].first_year, segments[-1].last_year
    gaps = [seg.label for seg in segments if seg.empty]
    desc = (
        f"{count} release{'s' if count != 1 else ''} from {first_year} to {last_year}, one row each, oldest first, "
        f"with scope baselines, milestones and go-live dates; today is {long_date(today)}."
        + (f" Years without a date ({', '.join(gaps)}) are shortened to a break in the axis." if gaps else "")
        + " The list and the table on this page give every date."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" {_attrs(id=svg_id)} '
        f'aria-labelledby="{svg_id}-title" aria-describedby="{svg_id}-desc" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" preserveAspectRatio="xMinYMin meet" '
        f'font-family="sans-serif" font-size="{FONT}" class="sec-tl sec-tl--record">'
        f'<title id="{svg_id}-title">{escape(title)}</title>'
        f'<desc id="{svg_id}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(out) + "</svg>")
