"""The page providers of the published record.

One function per page kind, each returning :class:`GeneratedPage` objects
rendered from a Jinja template of the same name (``release.md.j2`` for a
release page); a site overrides a template by putting a file of that name in
``overrides/sec_release/``. All of them share one :class:`Renderer` per build,
so the record is turned into view models once.

Generated pages opt out of page templates (``render_macros: false``) and carry
their title in front matter, HTML-escaped because the theme prints titles
as they are. Text from the record reaches the Markdown only through the
autoescaping templates and the ``md`` filter.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache, partial
from typing import Any, Callable

from markupsafe import Markup, escape

from ..core.document_kinds import APPLIES_TO_ORDER, RELEASE_DOCUMENTS, applies_label, document_name, group_label
from ..core.evaluate import Status
from ..core.record_files import PARTIES_FILE
from ..core.rulebook import Requirement, due_conditions
from ..model.context import SiteContext
from ..model.pages import GeneratedPage, front_matter
from ..model.render import markdown_to_html, template_env, time_tag
from ..model import urls
from ..model.urls import Urls, link, page_url
from .timeline_svg import legend_items, record_svg, release_svg
from .labels import BASELINE_SCOPE, DECISION_PATH, GO_LIVE_DECISION, HISTORY_EVENT, IN_RELEASE_STATUS, NOT_RECORDED, STAGE, STATUS_SYMBOL, field_label, relative_time
from .view_models import ComplianceSummary, yes_no, yes_no_unknown
from .views import UPCOMING_DAYS, SiteViews

NAV_HOME, NAV_RELEASES, NAV_MODIFICATIONS = "Home", "Releases", "Modifications"
NAV_TIMELINE, NAV_COMPLIANCE, NAV_RULEBOOK, NAV_POLICY = "Timeline", "Compliance", "Rulebook", "Policy"
WIDE = {"hide": ["toc"]}  # Material: wide pictures and matrices get the table of contents' room


def area_name(req: Requirement) -> str:
    """A short name for what a Policy requirement asks for: its first accepted section title."""
    if req.satisfied_by.section:
        return req.satisfied_by.section[0]
    return document_name(req.applies_to, req.title)


def _when(req: Requirement) -> str:
    parts = due_conditions(req)
    if not parts:
        return "Always" if req.applies_to == "policy" else "From the start"
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


def _applies(req: Requirement) -> str:
    text = applies_label(req.applies_to)
    if req.condition:
        text += f", when {_lower_first(field_label(req.condition))}"
    return text


def _condition(req: Requirement) -> str:
    """When a requirement applies at all, in words ("" when always)."""
    return f"Only when {_lower_first(field_label(req.condition))}." if req.condition else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _satisfied(req: Requirement) -> str:
    check = req.satisfied_by
    parts = []
    name = document_name(req.applies_to, "document")
    if check.document:
        parts.append(f"the {name} exists")
    if check.section:
        accepted = ", ".join(f"“{t}”" for t in check.section)
        parts.append(f"a section of the {name} titled {accepted}, not empty or TBC")
    for field in check.fields():
        parts.append(f"{_lower_first(field_label(field))} recorded in the release's data")
    if check.count:
        excluded = f" (not counting {', '.join(check.count.excluding_status)})" if check.count.excluding_status else ""
        parts.append(f"at least {check.count.at_least} entr{'y' if check.count.at_least == 1 else 'ies'} in {_lower_first(field_label(check.count.field))}{excluded}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] if text else ""


class Renderer:
    """The Jinja environment and view models of one build."""

    def __init__(self, ctx: SiteContext):
        self.ctx = ctx
        self.env = template_env(ctx)
        self.views = SiteViews(ctx)
        self.env.globals.update(
            as_of=ctx.as_of,
            preview=ctx.preview,
            yes_no=yes_no,
            yes_no_unknown=yes_no_unknown,
            history_event=HISTORY_EVENT,
            not_recorded=NOT_RECORDED,
            decision_path=lambda m: (DECISION_PATH[m.decision_path] if m.decision_path else NOT_RECORDED) if m is not None else "",
            baseline_scope=BASELINE_SCOPE,
            go_live_decision=GO_LIVE_DECISION,
            in_release_status=IN_RELEASE_STATUS,
            stage_labels=STAGE,
            decision_paths=DECISION_PATH,
            upcoming_days=UPCOMING_DAYS,
            area_name=area_name,
            due_text=_when,
            applies_text=_applies,
            condition_text=_condition,
            satisfied_text=_satisfied,
            status_key=[(s.value, STATUS_SYMBOL[s], s.label) for s in Status],
            urls=urls,  # the URL scheme: ids and addresses of cells, rows, pages
        )
        self.env.filters["dates"] = dated_text
        self.env.filters["relative"] = lambda day: relative_time(day, ctx.as_of)
        self.env.filters.update(party_url=Urls.party, party_calendar_url=Urls.party_calendar, party_feed_url=Urls.party_feed)
        # The same text (a release's summary, a modification's note) and the
        # same dates (a go-live, on every page listing the release) recur across
        # pages: convert each once per build.
        md = lru_cache(maxsize=None)(markdown_to_html)
        self.env.filters.update(md=md, md_inline=lambda text: md(text, inline=True), time=lru_cache(maxsize=None)(time_tag))
        # Templates do not change during a build (each build makes its own
        # Renderer): do not stat them again for every page and every import of _ui.j2.
        self.env.auto_reload = False

    def render(self, template: str, here: str, **values: Any) -> str:
        page_link: Callable[[str], str] = partial(link, here=here)
        return self.env.get_template(template).render(v=self.views, link=page_link, **values)

    def page(self, template: str, path: str, title: str, **kwargs: Any) -> GeneratedPage:
        values = kwargs.pop("values", {})
        meta = kwargs.pop("meta", {})
        body = self.render(template, page_url(path), **values)
        return GeneratedPage(path=path, content=front_matter(title, **meta) + body, title=title, **kwargs)


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dated_text(value: str | None) -> Markup:
    """Plain text from the checks (evidence, gaps, reasons), escaped, with its ISO dates as <time> elements."""
    escaped = str(escape(value or ""))

    def to_time(match: re.Match) -> str:
        try:
            return str(time_tag(date.fromisoformat(match.group(0))))
        except ValueError:
            return match.group(0)

    return Markup(_ISO_DATE.sub(to_time, escaped))


def nav_release_ids(r: Renderer) -> list[str]:
    limit = r.ctx.options.nav_releases
    return [release.id for release in r.views.nav_releases(limit)]


# --------------------------------------------------------------------------
# Providers, in nav order


def home_page(r: Renderer) -> list[GeneratedPage]:
    """The generated part of the home page, put first under the hand-written content/index.md's title:
    readers come for the next release, not for the introduction."""
    content = r.render("home.md.j2", Urls.home)
    return [GeneratedPage("index.md", content, "Home", nav_section=NAV_HOME, nav_order=(0,), placement="prepend")]


def release_pages(r: Renderer) -> list[GeneratedPage]:
    ctx = r.ctx
    in_nav = nav_release_ids(r)
    out = [r.page("releases.md.j2", "releases/index.md", "All releases", nav_section=NAV_RELEASES, nav_order=(0,), meta=WIDE)]
    for release in r.views.releases:
        rank = in_nav.index(release.id) if release.id in in_nav else None
        svg = release_svg(release, ctx.as_of, svg_id=f"timeline-{release.id}")
        legend = legend_items({(e.kind, e.actual) for e in release.events} | ({("moved", False)} if release.moved else set()))
        out.append(r.page(
            "release.md.j2", release.src_path, release.title,
            values={"r": release, "timeline": svg, "legend": legend},
            nav_section=NAV_RELEASES if rank is not None else None,
            nav_order=(1, rank if rank is not None else 0),
            edit_path=release.edit_path,
        ))
    return out


def document_headers(r: Renderer) -> list[GeneratedPage]:
    """Headers put above the editors' Markdown of each release document (the body stays theirs)."""
    ctx = r.ctx
    out = []
    for release in r.views.releases:
        for document in RELEASE_DOCUMENTS:
            ref = getattr(release.release, document.release_field)
            if ref is None or ref.page not in ctx.record.documents:
                continue
            owner = ref.owner if document.owner_in_data else document.owner
            results = [res for res in release.results if res.requirement.applies_to == document.key]
            header = r.render(
                "document_header.md.j2", page_url(ref.page),
                r=release, kind=document.key, name=document.name, owner=owner,
                doc_summary=ComplianceSummary.of(results),
            )
            out.append(GeneratedPage(ref.page, header, f"{document.name}: {release.title}", placement="prepend"))
    return out


def modification_pages(r: Renderer) -> list[GeneratedPage]:
    ctx = r.ctx
    out = [r.page("modifications.md.j2", "modifications/index.md", "Modifications", nav_section=NAV_MODIFICATIONS, nav_order=(0,), meta=WIDE)]
    files = ctx.record.modification_files
    for m in r.views.modifications:
        out.append(r.page(
            "modification.md.j2", m.src_path, f"{m.id} {m.modification.title}",
            values={"m": m}, nav_section=None, edit_path=files.get(m.id),
        ))
    return out


def party_pages(r: Renderer) -> list[GeneratedPage]:
    """/parties/ and a page per SEC Party category: "does it affect me?"."""
    if not r.views.parties:
        return []
    out = [r.page("parties.md.j2", "parties/index.md", "Who is affected", nav_section=NAV_MODIFICATIONS, nav_order=(1,))]
    parties_file = f"{r.ctx.record.config.data_dir}/{PARTIES_FILE}"  # an editor changes a category's words there
    for party in r.views.parties:
        out.append(r.page(
            "party.md.j2", party.src_path, f"Changes affecting {party.label}", values={"p": party}, edit_path=parties_file,
        ))
    return out


def sec_document_pages(r: Renderer) -> list[GeneratedPage]:
    """/sec-documents/ (with the document × release matrix) and a page per SEC document the record names."""
    documents = r.views.sec_documents
    out = [r.page("sec_documents.md.j2", "sec-documents/index.md", "SEC documents", nav_section=NAV_MODIFICATIONS, nav_order=(2,), meta=WIDE)]
    for document in documents:
        out.append(r.page("sec_document.md.j2", document.src_path, document.name, values={"d": document}))
    return out


def timeline_page(r: Renderer) -> list[GeneratedPage]:
    ctx = r.ctx
    focus = r.views.timeline_focus
    everything = r.views.releases
    values = {
        "focus": focus,
        "timeline": record_svg(focus, ctx.as_of, "record-timeline", "Timeline of the releases in progress and the latest implemented")
        if len(focus) < len(everything) else record_svg(everything, ctx.as_of),
        # The whole history, one click away, when the picture above leaves some out.
        "history": record_svg(everything, ctx.as_of, "record-timeline-all") if len(focus) < len(everything) else None,
        "legend": legend_items(),
    }
    return [r.page("timeline.md.j2", "timeline/index.md", "Timeline", values=values, nav_section=NAV_TIMELINE, meta=WIDE)]


def compliance_page(r: Renderer) -> list[GeneratedPage]:
    return [r.page("compliance.md.j2", "compliance/index.md", "Compliance", nav_section=NAV_COMPLIANCE, meta=WIDE)]


def rulebook_page(r: Renderer) -> list[GeneratedPage]:
    ctx = r.ctx
    groups: list[tuple[str, list[Requirement]]] = []
    for kind in APPLIES_TO_ORDER:
        requirements = [req for req in r.views.requirements if req.applies_to == kind]
        if requirements:
            groups.append((group_label(kind), requirements))
    return [r.page(
        "rulebook.md.j2", "rulebook/index.md", "Rulebook", values={"groups": groups},
        nav_section=NAV_RULEBOOK, edit_path=ctx.record.rulebook_file,
    )]


def policy_page(r: Renderer) -> list[GeneratedPage]:
    """The Policy's coverage, placed beside the hand-written Policy (which stays in the nav as "Policy")."""
    ctx = r.ctx
    if ctx.record.policy is None:
        return []
    path = ctx.record.config.policy_page
    aside = r.render("policy_coverage.md.j2", page_url(path))
    return [GeneratedPage(path, aside, NAV_POLICY, nav_section=NAV_POLICY, placement="prepend")]


PROVIDERS = [
    home_page, release_pages, document_headers, modification_pages, party_pages, sec_document_pages,
    timeline_page, compliance_page, rulebook_page, policy_page,
]


def withheld_pages(ctx: SiteContext) -> list[str]:
    """Hand-written pages this build must not publish: the documents of draft releases, outside preview."""
    if ctx.preview:
        return []
    def pages_of(release) -> set[str]:
        refs = (getattr(release, kind.release_field) for kind in RELEASE_DOCUMENTS)
        return {ref.page for ref in refs if ref is not None}

    published = {page for r in ctx.releases.values() for page in pages_of(r)}
    return sorted({page for r in ctx.record.releases.values() if r.draft for page in pages_of(r) if page not in published})


def record_pages(ctx: SiteContext) -> list[GeneratedPage]:
    """Every page kind of the published record, in nav order."""
    r = Renderer(ctx)  # one per build: the view models are computed once
    out: list[GeneratedPage] = []
    for provider in PROVIDERS:
        out.extend(provider(r))
    return out


