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
TARGET_WIDTH = 720  # the record timeline's natural width; phones scroll it sideways
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


def _legend(x: float, y: float, width: float, today: date, columns: int, shown: set | None = None) -> tuple[list[str], float]:
    """The legend's SVG and its height; ``shown``: the (kind, actual) pairs to explain, default all."""
    out = [f'<g class="sec-tl-legend" font-size="{FONT - 1}">']
    col_width = width / columns
    items = [(k, a, t) for k, a, t in LEGEND if shown is None or (k, a) in shown or (k == "moved" and ("moved", False) in shown)]
    items.append(("today", True, f"Today, {long_date(today)}"))
    row_height = 24
    for index, (kind, actual, text) in enumerate(items):
        cx = x + (index % columns) * col_width + 10
        cy = y + (index // columns) * row_height + 10
        if kind == "today":
            out.append(f'<line x1="{cx:.1f}" y1="{cy - 9:.1f}" x2="{cx:.1f}" y2="{cy + 9:.1f}" {STROKE} stroke-width="2" stroke-dasharray="5 3" class="sec-tl-today"/>')
        else:
            out.append(marker(kind, actual, cx, cy, 6))
        out.append(f'<text x="{cx + 16:.1f}" y="{cy + 4:.1f}" {SOLID}>{escape(text)}</text>')
    out.append("</g>")
    rows = (len(items) + columns - 1) // columns
    return out, rows * row_height + 8


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
    shown = {(e.kind, e.actual) for e in release.events}
    legend, legend_height = _legend(8, y + 4, width - 16, today, 2, shown)
    height = y + 4 + legend_height
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
    return Markup(head + "".join(axis) + "".join(body) + "".join(legend) + "</svg>")


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


def record_svg(releases: list[ReleaseView], today: date, svg_id: str = "record-timeline") -> Markup:
    """Every release on one time axis, one lane each, oldest at the top."""
    dates = [today] + [e.date for r in releases for e in r.events]
    start = date(min(dates).year, 1, 1)
    end = date(max(dates).year + 1, 1, 1)
    years = end.year - start.year
    label_width, lane = 128, 30
    per_year = min(110.0, max(44.0, (TARGET_WIDTH - label_width - 30) / years))
    plot_left = label_width + 10
    plot_width = per_year * years
    width = plot_left + plot_width + 20
    top = 58
    span_days = (end - start).days

    def x_of(value: date) -> float:
        return plot_left + plot_width * (value - start).days / span_days

    out: list[str] = []
    # Year grid and labels.
    for n in range(years + 1):
        x = plot_left + per_year * n
        out.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{top + lane * max(len(releases), 1):.1f}" stroke="currentColor" stroke-opacity="0.25" stroke-width="1"/>')
        if n < years:
            out.append(f'<text x="{x + per_year / 2:.1f}" y="{top - 12}" text-anchor="middle" {SOLID}>{start.year + n}</text>')
    for index, release in enumerate(releases):
        cy = top + lane * index + lane / 2
        if index % 2:
            out.append(f'<rect x="0" y="{cy - lane / 2:.1f}" width="{width}" height="{lane}" fill="currentColor" fill-opacity="0.05"/>')
        title = lane_label(release.title)
        out.append(f'<text x="{label_width}" y="{cy + 4:.1f}" text-anchor="end" {SOLID}>{escape(title)}</text>')
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
            size = 6 if event.kind != "milestone" else 4.5
            point = marker(event.kind, event.actual, x_of(event.date), cy, size)
            state = "actual" if event.actual else "expected"
            if event.kind == "moved":
                state = f"moved to {long_date(event.moved_to)}" if event.moved_to else "moved"
            tip = f"{release.title}: {event.label}, {long_date(event.date)} ({state})"
            out.append(f"<g><title>{escape(tip)}</title>{point}</g>")
    plot_bottom = top + lane * max(len(releases), 1)
    tx = x_of(today)
    out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{plot_bottom + 4:.1f}" {STROKE} stroke-width="2" stroke-dasharray="5 3" class="sec-tl-today"/>')
    anchor = "end" if tx > width - 120 else "start"
    offset = -4 if anchor == "end" else 4
    out.append(f'<text x="{tx + offset:.1f}" y="15" text-anchor="{anchor}" font-weight="bold" {SOLID}>Today, {escape(_short(today))}</text>')
    legend_width = width - 16
    legend, legend_height = _legend(8, plot_bottom + 18, legend_width, today, max(1, int(legend_width // 250)))
    height = plot_bottom + 18 + legend_height
    title = "Timeline of every SEC Release"
    count = len(releases)
    desc = (
        f"{count} release{'s' if count != 1 else ''} from {start.year} to {end.year - 1}, one row each, oldest first, "
        f"with scope baselines, milestones and go-live dates; today is {long_date(today)}. "
        "The table after the picture lists every date."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" {_attrs(id=svg_id)} '
        f'aria-labelledby="{svg_id}-title" aria-describedby="{svg_id}-desc" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'font-family="sans-serif" font-size="{FONT}" class="sec-tl sec-tl--record">'
        f'<title id="{svg_id}-title">{escape(title)}</title>'
        f'<desc id="{svg_id}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(out) + "".join(legend) + "</svg>")
