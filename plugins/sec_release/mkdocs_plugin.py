"""The MkDocs adapter: the only module that imports MkDocs (or ProperDocs, which
stands in for it when :mod:`sec_release.engine` says so).

Each event handler says when it runs and why, and hands the work to the core
(:mod:`sec_release.core`), the site model (:mod:`sec_release.model`) and the
publishers (:mod:`sec_release.publish`). If the engine changes, this file is
what gets rewritten.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import publish
from .core.check import CheckedRecord, resolve_as_of
from .core.check_cache import CheckCache, project_digest
from .core.diagnostics import Severity, format_text
from .core.documents import split_front_matter
from .core.options import Options, read_environment, with_environment
from .core.page_templates import PageMacroError, render_page
from .core.project import ProjectConfigError, SiteSettings, config_from_options
from .exports.manifest import write_manifest
from .model.build_info import read_build_info
from .model.context import SiteContext
from .model.csp import with_csp
from .model.hand_written import HandWritten
from .model.html_blocks import SetAside, set_aside
from .model.incremental import EVERYTHING, RebuildPlanner, key_of, merged_search_entries, page_of
from .model.render import CompiledTemplates
from .model.nav import NavSection, record_nav
from .model.pages import GeneratedPage
from .pages.macros_api import RecordMacros
from .pages.preview import theme_values
from .pages.record_pages import withheld_pages
from .pages.error_page import error_page_markdown, record_file_pages

# The engine's own logger tree ("mkdocs", or "properdocs" when ProperDocs stands in
# for it): what is logged there is shown, and counted by `build --strict`. The
# package's modules log under "sec_release"; that logger hangs below this one.
log = logging.getLogger(f"{mkdocs.__name__}.plugins.sec_release")
logging.getLogger("sec_release").parent = log

THEME_DIR = Path(__file__).parent / "theme"  # preview banner, noindex, provenance footer
THEME_CODE = CompiledTemplates()  # the theme's templates, compiled once per process (`mkdocs serve`)
TEMPLATES_DIR = Path(__file__).parent / "templates"  # the generated pages' templates


class _AsWritten(c.BaseConfigOption):
    """An option's value as written in mkdocs.yml; :class:`Options` validates them all in on_config."""

    def run_validation(self, value):
        return value


# One MkDocs option per field of Options (declared there, with its default and help),
# so that the plugin and the sec-release commands validate the same way.
SecReleaseConfig = type("SecReleaseConfig", (base.Config,), {name: c.Optional(_AsWritten()) for name in Options.model_fields})


class SecReleasePlugin(BasePlugin[SecReleaseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.checked: CheckedRecord | None = None
        self.ctx: SiteContext | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.hand_written: dict[str, HandWritten] = {}
        self.set_aside: dict[str, SetAside] = {}  # page -> its generated HTML blocks, kept out of Python-Markdown
        self._docs_dir = "docs"  # docs_dir relative to mkdocs.yml, set in on_config
        self.serving = False  # under `mkdocs serve`
        self.error_page: str | None = None  # while serving a record with errors: the page every URL shows
        # Kept from build to build of one process (the plugin has on_startup, so
        # MkDocs keeps this instance across `mkdocs serve` rebuilds):
        self._checks = CheckCache()  # the checked record, while its files are unchanged
        self._pages: tuple[str, list[GeneratedPage]] | None = None  # (what they were made from, the pages)
        self._dirty: _DirtyServe | None = None  # only under `mkdocs serve --dirty`

    # on_startup: once, before the first build, and only for `mkdocs build` and
    # `mkdocs serve` (defining it also keeps this instance across serve's rebuilds).
    # Remember whether we serve: a record with errors is then shown in the browser
    # instead of stopping the server. Under `mkdocs serve --dirty`, rebuilds render
    # only what changed (model/incremental.py).
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        if self.serving and dirty:
            self._dirty = _DirtyServe()

    # on_shutdown: once per process, after the last build.
    def on_shutdown(self) -> None:
        if self._dirty is not None:
            self._dirty.close()
            self._dirty = None

    # on_build_error: a build stopped half-way; the next one renders every page.
    def on_build_error(self, *, error) -> None:
        if self._dirty is not None:
            self._dirty.planner.forget()

    # on_config: once per build (and per `mkdocs serve` rebuild), before any file is read.
    # Load and check the whole record here, once, and stop the build on errors.
    def on_config(self, config):
        self.checked, self.ctx, self.generated, self.hand_written, self.error_page = None, None, {}, {}, None
        self.set_aside = {}
        if "macros" in config.plugins:
            raise PluginError(
                "sec-release: mkdocs.yml loads mkdocs-macros (plugins: - macros), which renders hand-written "
                "pages with an unsandboxed template engine: a page could run commands during the build.\n"
                "  hint: remove `- macros:` from plugins; sec-release renders {{ sec.* }} in hand-written pages "
                "itself, in a sandbox (README: Macros in hand-written pages)"
            )
        root = Path(config.config_file_path).parent
        docs_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        self._docs_dir = docs_dir
        site = SiteSettings(
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            edit_uri=config.edit_uri or "",
            edit_uri_template=config.edit_uri_template or "",
            site_dir=config.site_dir,
            custom_dir=config.theme.custom_dir or "",
        )
        env = read_environment()
        try:
            project = config_from_options(root, docs_dir, dict(self.config), site)
            as_of = resolve_as_of(None, project, env=env)
        except ProjectConfigError as exc:
            raise PluginError(f"sec-release: {exc}") from None
        self.checked = self._checks.check(project, as_of)
        self._report(self.checked)

        # Preview: SEC_RELEASE_PREVIEW and SEC_RELEASE_COMPARE_TO override mode and
        # compare_to (CI names the pull request's base branch).
        options = with_environment(project.options, env)
        self.ctx = SiteContext(
            record=self.checked.record,
            evaluation=self.checked.evaluation,
            mode=options.mode,
            build=read_build_info(root, env),
            site_url=site.site_url,
            repo_url=site.repo_url,
            edit_uri=site.edit_uri,
            options=options,
            overrides_dir=site.custom_dir or "overrides",
        )
        # The package's theme folder (preview banner, noindex meta, provenance
        # footer) goes between the site's custom_dir and Material, and its
        # templates read config.extra.sec_release.
        _add_theme_dir(config)
        config.extra["sec_release"] = theme_values(self.ctx)
        return config

    def _report(self, checked: CheckedRecord) -> None:
        diagnostics = checked.evaluation.diagnostics
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
        for d in diagnostics:
            if d.severity is Severity.INFO:
                log.info(d.to_text())
        if errors or (warnings and checked.record.config.warnings_fail):
            failing = errors + warnings
            text = (
                "sec-release: the record does not meet its requirements "
                f"(as of {checked.as_of.isoformat()}):\n\n" + format_text(failing, checked.record.files_checked, checked.record.unread_files)
            )
            if not self.serving:
                raise PluginError(text)
            # Serving: the server stays up and every page lists the problems (see on_files).
            log.error(text + "\nsec-release: every page of the served site shows these problems until they are fixed")
            self.error_page = error_page_markdown(failing, checked.record.files_checked, checked.record.unread_files, checked.as_of)
            return
        for d in warnings:
            # MkDocs counts warnings: `mkdocs build --strict` fails on them.
            log.warning(d.to_text())

    # on_files: after MkDocs has collected docs_dir. Add every generated page as a
    # virtual file. A page that wraps a hand-written one (the home page, release
    # documents, the Policy) is kept aside for on_page_markdown; any other
    # hand-written page at a generated path wins (and is reported). The
    # documents of draft releases are taken out of production builds.
    def on_files(self, files: Files, config) -> Files:
        assert self.ctx is not None
        if self.error_page is not None:
            return self._error_files(files, config)
        for path in withheld_pages(self.ctx):  # a draft release's documents stay out of production
            withheld = files.get_file_from_path(path)
            if withheld is not None:
                files.remove(withheld)
        for file in list(files):  # page templates a site overrides in overrides/sec_release/ are not site files
            if file.src_uri.startswith("sec_release/") and file.src_uri.endswith(".j2"):
                files.remove(file)
        for page in self._generated_pages():
            existing = files.get_file_from_path(page.path)
            if existing is not None and not existing.generated_by:
                if page.placement != "page":
                    self.generated[page.path] = page
                    continue
                log.warning(f"sec-release: {page.path} is hand-written in {config.docs_dir}; it replaces the generated page")
                continue
            if existing is not None:
                files.remove(existing)
            content = page.content if page.placement == "page" else page.standalone()
            if self._dirty is not None:  # a file whose time says whether the page changed
                file = File.generated(config, page.path, abs_src_path=self._dirty.source_file(page.path, content))
            else:
                file = File.generated(config, page.path, content=content)
            if page.edit_path:
                # MkDocs makes the edit link from edit_uri (or edit_uri_template) and this
                # path, relative to docs_dir: the page's YAML, outside docs_dir.
                file.edit_uri = posixpath.relpath(page.edit_path, self._docs_dir)
            files.append(file)
            self.generated[page.path] = page
        return files

    def _error_files(self, files: Files, config) -> Files:
        """Serving a record with errors: a page at every path the record would publish, each the error page
        (on_page_read_source gives hand-written pages the same text), so that no URL the editor has open 404s."""
        try:
            paths = [page.path for page in publish.pages(self.ctx)]
        except Exception:  # the record is incomplete; the error page at the home page is enough
            log.debug("sec-release: the record's pages could not be listed", exc_info=True)
            paths = []
        for path in dict.fromkeys(["index.md", *paths, *record_file_pages(self.checked.record)]):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=self.error_page))
        return files

    # on_page_read_source: per page, when its Markdown is read. Serving a record
    # with errors, every page (hand-written too) is the error page, which never
    # passes through mkdocs-macros (render_macros: false in its front matter).
    def on_page_read_source(self, page: Page, config) -> str | None:
        return self.error_page

    def _generated_pages(self) -> list[GeneratedPage]:
        """Every generated page of this build: those of the previous build when nothing they are made from changed."""
        ctx = self.ctx
        key = key_of(self._checks.digest, ctx.mode, ctx.build, ctx.site_url, ctx.repo_url, ctx.edit_uri, ctx.options,
                     ctx.overrides_dir, _templates_digest(ctx.record.config.root / ctx.overrides_dir / "sec_release", TEMPLATES_DIR))
        if self._pages is None or self._pages[0] != key:
            self._pages = (key, publish.pages(ctx))
        return self._pages[1]

    # on_nav: after MkDocs built its automatic nav of every page. Replace it with
    # the record's fixed shape (model/nav.py); pages without a nav section (one per
    # modification) stay out of the nav so that page size does not grow with
    # the register (Material renders the whole nav into every page).
    def on_nav(self, nav: Navigation, config, files: Files) -> Navigation:
        if config.nav:  # an explicit nav in mkdocs.yml is the site's own choice
            return nav
        if self.error_page is not None:  # every page is the error page: a nav of one
            home = [page for page in nav.pages if page.file.src_uri == "index.md"]
            for page in home:
                page.parent = page.previous_page = page.next_page = None
            if self._dirty is not None:  # every page changes, now and again once the record is fixed
                self._dirty.planner.forget()
                for file in files.documentation_pages():
                    _remove(file.abs_dest_path)
            return Navigation(home, home)
        by_path = {page.file.src_uri: page for page in nav.pages}
        shape = record_nav(self.generated, by_path)
        for path, title in shape.titles.items():
            by_path[path].title = title
        items = [
            Section(item.title, [by_path[path] for path in item.pages]) if isinstance(item, NavSection) else by_path[item]
            for item in shape.items
        ]
        pages_in_nav = [by_path[path] for path in shape.pages()]
        for page in nav.pages:
            page.parent = None
        for item in items:
            _set_parents(item, None)
        for previous, current in zip([None, *pages_in_nav], pages_in_nav):
            current.previous_page = previous
            if previous is not None:
                previous.next_page = current
        if pages_in_nav:
            pages_in_nav[-1].next_page = None
        navigation = Navigation(items, pages_in_nav)
        if self._dirty is not None:
            self._plan_dirty_build(navigation, config, files)
        return navigation

    def _plan_dirty_build(self, nav: Navigation, config, files: Files) -> None:
        """Under `mkdocs serve --dirty`: make MkDocs render again every page whose output is stale.

        MkDocs renders a page in a dirty build when its output is older than its
        source, or missing; the outputs of stale pages are removed. A page not
        rendered again keeps the title it was last rendered with (the nav of the
        pages that are rendered shows it)."""
        dirty = self._dirty
        pages = [file for file in files.documentation_pages() if file.page is not None]
        record_key = self._checks.digest
        page_keys: dict[str, str] = {}
        for file in pages:
            generated = self.generated.get(file.src_uri)
            if file.generated_by:  # its source file is rewritten when its content changes
                page_keys[file.src_uri] = key_of("generated", dirty.sources.get(file.src_uri))
                continue
            own = Path(file.abs_src_path).read_text(encoding="utf-8-sig") if file.abs_src_path else ""
            uses_record = self.ctx.options.page_macros and ("{{" in own or "{%" in own)
            page_keys[file.src_uri] = key_of(generated.content if generated else "", record_key if uses_record else "")
        nav_titles = []
        for page in nav.pages:
            if page.title is not None:  # set by on_nav (Home, Policy)
                nav_titles.append((page.file.src_uri, page.url, page.title))
            elif page.file.generated_by or not page.file.is_modified():
                generated = self.generated.get(page.file.src_uri)
                title = dirty.planner.titles.get(page.file.src_uri) if generated is None else _front_matter_title(generated.content)
                nav_titles.append((page.file.src_uri, page.url, title))
            else:  # a hand-written page of the nav changed: its title may have
                nav_titles.append((page.file.src_uri, page.url, os.path.getmtime(page.file.abs_src_path)))
        site_key = key_of(_nav_shape(nav.items), nav_titles, config.extra.get("sec_release"), config.theme.dirs,
                          _templates_digest(*(d for d in (config.theme.custom_dir, str(THEME_DIR)) if d)),
                          Path(config.config_file_path).read_bytes())
        plan = dirty.planner.plan(site_key, page_keys)
        dirty.rendered = set()
        dirty.order = [file.page.url for file in pages]
        for src_uri in plan.gone:
            dirty.remove_output(src_uri)
        for file in pages:
            if plan.stale is EVERYTHING or file.src_uri in plan.stale:
                _remove(file.abs_dest_path)
            dirty.outputs[file.src_uri] = file.abs_dest_path
        for file in pages:
            if not file.is_modified() and file.page.title is None and file.src_uri in dirty.planner.titles:
                file.page.title = dirty.planner.titles[file.src_uri]

    # on_env: once per build, before any page is rendered with the theme. Keep
    # the theme's compiled templates between `mkdocs serve` rebuilds.
    def on_env(self, env, *, config, files: Files):
        if env.bytecode_cache is None:
            env.bytecode_cache = THEME_CODE
        return env

    # on_page_context: per page, before its theme template is rendered.
    def on_page_context(self, context, *, page: Page, config, nav: Navigation):
        if self._dirty is not None:
            self._dirty.planner.titles[page.file.src_uri] = page.title
            self._dirty.rendered.add(page.url)
        return context

    # on_page_markdown: per page, before Markdown is rendered (late: priority -50).
    # A hand-written page's own {{ sec.* }} is rendered first, in the sandbox,
    # and its Markdown marked for sanitising; only then is the generated part of
    # a wrapped page added, so that text from the YAML is never evaluated as a
    # template. (A generated page's edit link was set in on_files.)
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, page: Page, config, files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if self.error_page is not None:  # serving a record with errors: the page is the error page as it is
            return markdown
        marker = None
        if not page.file.generated_by:
            markdown = self._page_macros(markdown, page)
            marker = self.hand_written[page.file.src_uri] = HandWritten()
        if generated is None:
            return marker.mark(markdown) if marker else markdown
        if page.file.generated_by:
            return self._set_aside(page, markdown)
        return generated.wrap(markdown, marker.mark, lambda content: self._set_aside(page, content))

    def _set_aside(self, page: Page, markdown: str) -> str:
        """Generated Markdown with its HTML blocks replaced by placeholders (model/html_blocks.py)."""
        markdown, self.set_aside[page.file.src_uri] = set_aside(markdown)
        return markdown

    def _page_macros(self, markdown: str, page: Page) -> str:
        """A hand-written page's {{ sec.* }}, rendered in the sandbox; any other expression stops the build."""
        src = page.file.src_uri
        if self.ctx.options.page_macros and page.meta.get("render_macros", True) is not False:
            file = f"{Path(page.file.src_dir).name}/{src}" if page.file.src_dir else src
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig") if page.file.abs_src_path else markdown
            variables = {"title": page.meta.get("title") or page.title, "url": page.url, "meta": dict(page.meta)}
            try:
                markdown = render_page(
                    markdown, file=file, first_line=split_front_matter(text)[2],
                    sec=RecordMacros(lambda: self.ctx, lambda: src), page=variables,
                )
            except PageMacroError as exc:
                raise PluginError(f"sec-release: {exc}\n  hint: a page may use only sec.* and page.* (README: Macros in hand-written pages)") from None
        return markdown

    # on_page_content: per page, after Markdown is rendered to HTML. The
    # hand-written part goes through the raw-HTML allowlist: the last line of
    # defence behind validate (README: Raw HTML in pages).
    # Then the generated HTML blocks go back where Python-Markdown would have put
    # them, and their ids join the page's anchors (for the engine's link checks).
    def on_page_content(self, html: str, page: Page, config, files: Files) -> str:
        marker = self.hand_written.get(page.file.src_uri)
        if marker is not None:
            html = marker.sanitise(html)
        aside = self.set_aside.pop(page.file.src_uri, None)
        if aside is not None and aside.blocks:
            html = aside.put_back(html)
            if page.present_anchor_ids is not None:
                page.present_anchor_ids |= aside.anchor_ids()
        return html

    # on_post_page: per page, the finished HTML. Its Content-Security-Policy,
    # with the hashes of the theme's inline scripts (model/csp.py).
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config) -> str:
        if self.serving:
            output = _with_serve_reload(output, config)
        return with_csp(output)

    # on_post_template: theme pages that are not documents (404.html): the same policy.
    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return with_csp(output_content) if template_name.endswith(".html") else output_content

    # on_post_build: after every page is written, and last of all plugins
    # (priority -100: after search writes search_index.json). Write the exports
    # (JSON, CSV, ICS, feed) into the site directory, then /data/manifest.json,
    # which lists every file in it with its SHA-256.
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        assert self.ctx is not None
        if self.serving:
            target = Path(config.site_dir) / SERVE_RELOAD_PATH
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(SERVE_RELOAD_SCRIPT.read_bytes())
        if self.error_page is not None:  # a record with errors publishes no data
            return
        site_dir = Path(config.site_dir)
        if self._dirty is not None:
            self._dirty.mend_search_index(site_dir)
        for output in publish.files(self.ctx):
            target = site_dir / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.content)
        write_manifest(self.ctx, site_dir)

    # on_serve: `mkdocs serve` only. Rebuild when the record's data changes too,
    # not only docs_dir.
    def on_serve(self, server, config, builder):
        if self.checked is not None:
            server.watch(str(self.checked.record.config.data_path))
        return server


# `mkdocs serve` reloads pages with an inline script that the pages' own
# Content-Security-Policy blocks; while serving, this file from the site does it.
SERVE_RELOAD_SCRIPT = Path(__file__).parent / "templates" / "serve" / "reload.js"
SERVE_RELOAD_PATH = "assets/javascripts/sec-release-serve-reload.js"


def _with_serve_reload(html: str, config) -> str:
    src = urlsplit(config.site_url or "/").path.rstrip("/") + "/" + SERVE_RELOAD_PATH
    tag = f'<script src="{src}" defer></script>'
    end = html.rfind("</body>")
    return html[:end] + tag + html[end:] if end != -1 else html + tag


class _DirtyServe:
    """What `mkdocs serve --dirty` keeps between rebuilds: the plan, and the generated pages' source files."""

    def __init__(self) -> None:
        self.planner = RebuildPlanner()
        self.folder = Path(tempfile.mkdtemp(prefix="sec-release-pages-"))
        self.sources: dict[str, str] = {}  # page -> the content its source file holds
        self.outputs: dict[str, str] = {}  # page -> its output file in the site directory
        self.rendered: set[str] = set()  # URLs of the pages rendered in this build
        self.order: list[str] = []  # URLs of every page of this build, in the engine's order
        self.search: dict[str, list[dict]] = {}  # URL -> the page's entries in the search index

    def mend_search_index(self, site_dir: Path) -> None:
        """Make the theme's search index of a dirty build hold each page once, as a full build writes it."""
        path = site_dir / "search" / "search_index.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no search plugin, or another one: nothing to mend
        if not isinstance(data, dict) or not isinstance(data.get("docs"), list):
            return
        if not all(isinstance(entry, dict) and isinstance(entry.get("location"), str) for entry in data["docs"]):
            return
        self.search = merged_search_entries(self.search, data["docs"], self.rendered, self.order)
        data["docs"] = [entry for entries in self.search.values() for entry in entries]
        path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")  # as Material writes it

    def source_file(self, path: str, content: str) -> str:
        """The file holding a generated page, rewritten (newer) only when its content changed."""
        target = self.folder / path
        if self.sources.get(path) != content or not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            self.sources[path] = content
        return str(target)

    def remove_output(self, path: str) -> None:
        _remove(self.outputs.pop(path, None))
        self.sources.pop(path, None)
        _remove(str(self.folder / path))

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _remove(path: str | None) -> None:
    if path:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass  # never built, or already gone


def _front_matter_title(content: str) -> str | None:
    """The title a generated page's front matter gives it, as MkDocs reads it."""
    from mkdocs.utils.meta import get_data

    return get_data(content)[1].get("title")


def _nav_shape(items) -> list:
    shape = []
    for item in items:
        if isinstance(item, Section):
            shape.append((item.title, _nav_shape(item.children)))
        else:
            shape.append(getattr(item, "url", None))
    return shape


def _templates_digest(*folders) -> str:
    """Names and times of the files in the site's template folders (a changed template changes every page)."""
    entries = []
    for folder in folders:
        for parent, names, files in os.walk(folder):
            names.sort()
            entries.extend((parent, name, os.path.getmtime(os.path.join(parent, name))) for name in sorted(files))
    return key_of(entries)


def _set_parents(item, parent) -> None:
    item.parent = parent
    if isinstance(item, Section):
        for child in item.children:
            _set_parents(child, item)


def _add_theme_dir(config) -> None:
    """Put the package's theme folder after the site's custom_dir and before Material's own."""
    dirs = config.theme.dirs
    theme_dir = str(THEME_DIR)
    if theme_dir in dirs:
        return
    custom = config.theme.custom_dir
    first_is_custom = bool(custom and dirs and os.path.abspath(dirs[0]) == os.path.abspath(custom))
    dirs.insert(1 if first_is_custom else 0, theme_dir)


def build_site(config_file: str, site_dir: str, *, strict: bool = False) -> None:
    """One `mkdocs build` of ``config_file`` into ``site_dir``, in this process (for `sec-release build`).

    Raises on failure (a PluginError or MkDocs' Abort, e.g. warnings under ``strict``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger(mkdocs.__name__)
    handler, level = None, logger.level
    if not logger.handlers:  # not under the mkdocs command, which has its own
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        build(load_config(config_file, site_dir=site_dir, strict=strict))
    finally:
        if handler is not None:
            logger.removeHandler(handler)
            logger.setLevel(level)
