"""The record as variables for hand-written pages (``{{ sec.next_release.go_live }}``).

The plugin renders the editors' Markdown as a sandboxed template
(:mod:`sec_release.core.page_templates`) with one object of
:class:`RecordMacros` as ``sec``. Everything it
returns is safe to drop into Markdown: text from the record comes back
HTML-escaped with Markdown syntax backslashed, so a title holding ``<script>``
or ``{{ 7*7 }}`` shows literally (the template engine does not evaluate what
a variable returns). Dates print as "29 November 2019".

Nothing here imports MkDocs: the object reads the build's
:class:`SiteContext` through a callable, when a page asks.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from ..model.context import SiteContext
from ..model.escape import markdown_escape
from ..model.urls import source_link
from .view_models import ModificationView, ReleaseView
from .views import SiteViews


class LongDate(date):
    """A date that prints as "29 November 2019"; ``.iso`` gives 2019-11-29."""

    @classmethod
    def of(cls, value: date | None) -> "LongDate | None":
        return None if value is None else cls(value.year, value.month, value.day)

    @property
    def iso(self) -> str:
        return self.isoformat()

    def __str__(self) -> str:
        return f"{self.day} {self.strftime('%B')} {self.year}"


class SafeText(str):
    """Text from the record, escaped for Markdown; ``.raw`` is the text as written."""

    def __new__(cls, text: str | None):
        obj = super().__new__(cls, markdown_escape(text or ""))
        obj.raw = text or ""
        return obj


class ReleaseInfo:
    """One release, as hand-written pages see it."""

    def __init__(self, view: ReleaseView, macros: "RecordMacros"):
        self._view = view
        self._macros = macros
        release = view.release
        self.id = release.id
        self.title = SafeText(release.title)
        self.status = release.status
        self.go_live = LongDate.of(release.go_live)
        self.first_go_live = LongDate.of(view.first_go_live)
        self.sec_version = release.sec_version or ""
        self.modification_count = view.active_count
        self.removed_count = view.removed_count
        self.requirements_met = view.summary.met
        self.requirements_applicable = view.summary.applicable
        self.requirements_missing = view.summary.missing
        self.compliance = view.summary.text
        self.dcc_systems_impact = release.dcc_systems_impact
        self.draft = release.draft

    @property
    def link(self) -> str:
        """A Markdown link to the release page, relative to the page being rendered."""
        return self._macros.link(self.id)

    @property
    def days_to_go_live(self) -> int:
        return (self._view.release.go_live - self._macros.as_of).days

    def __str__(self) -> str:
        return str(self.title)


class ModificationInfo:
    def __init__(self, view: ModificationView, macros: "RecordMacros"):
        self._macros = macros
        mod = view.modification
        self.id = mod.id
        self.title = SafeText(mod.title)
        self.decision_path = view.decision_path_label
        self.stage = view.stage_label
        self.dcc_systems_impact = mod.dcc_systems_impact
        self.releases = [rv.id for rv, _ in view.carried_by]

    @property
    def link(self) -> str:
        return self._macros.link(self.id)

    def __str__(self) -> str:
        return str(self.title)


class RecordMacros:
    """``sec`` in hand-written pages. See the README section "Macros in hand-written pages"."""

    def __init__(self, context: Callable[[], SiteContext | None], current_page: Callable[[], str | None]):
        self._context = context
        self._current_page = current_page
        self._cache: tuple[SiteContext, SiteViews] | None = None

    # -- plumbing --------------------------------------------------------------

    @property
    def _views(self) -> SiteViews:
        ctx = self._context()
        if ctx is None:
            raise RuntimeError("sec: the sec-release plugin has not loaded the record (is it listed before macros in mkdocs.yml?)")
        if self._cache is None or self._cache[0] is not ctx:
            self._cache = (ctx, SiteViews(ctx))
        return self._cache[1]

    def _target(self, ident: str) -> tuple[str, str]:
        views = self._views
        if ident in views.release_by_id:
            view = views.release_by_id[ident]
            return view.src_path, view.title
        if ident in views.modification_by_id:
            mod = views.modification_by_id[ident]
            return mod.src_path, f"{mod.id} {mod.modification.title}"
        raise KeyError(f"sec: no published release or modification has the id {ident!r}")

    # -- what pages use --------------------------------------------------------

    @property
    def as_of(self) -> LongDate:
        return LongDate.of(self._views.as_of)

    @property
    def next_release(self) -> ReleaseInfo | None:
        view = self._views.next_release
        return ReleaseInfo(view, self) if view else None

    @property
    def latest_release(self) -> ReleaseInfo | None:
        view = self._views.latest_implemented
        return ReleaseInfo(view, self) if view else None

    @property
    def releases(self) -> list[ReleaseInfo]:
        """Every published release, newest first."""
        return [ReleaseInfo(v, self) for v in self._views.newest_first]

    @property
    def in_progress(self) -> list[ReleaseInfo]:
        return [ReleaseInfo(v, self) for v in self._views.in_progress]

    @property
    def release_count(self) -> int:
        return len(self._views.releases)

    @property
    def modification_count(self) -> int:
        return len(self._views.modifications)

    def release(self, release_id: str) -> ReleaseInfo:
        views = self._views
        if release_id not in views.release_by_id:
            raise KeyError(f"sec.release: no published release has the id {release_id!r}")
        return ReleaseInfo(views.release_by_id[release_id], self)

    def modification(self, modification_id: str) -> ModificationInfo:
        views = self._views
        if modification_id not in views.modification_by_id:
            raise KeyError(f"sec.modification: no published modification has the id {modification_id!r}")
        return ModificationInfo(views.modification_by_id[modification_id], self)

    def link(self, ident: str, text: str | None = None) -> str:
        """``[title](relative/path.md)`` to a release or modification page; MkDocs checks and rewrites it."""
        src_path, title = self._target(ident)
        here = self._current_page() or "index.md"
        label = markdown_escape(text if text is not None else title)
        return f"[{label}]({source_link(src_path, here)})"
