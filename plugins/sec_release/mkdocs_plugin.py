"""The MkDocs adapter: the only module that imports MkDocs (or ProperDocs, which
stands in for it when :mod:`sec_release.engine` says so).

Each event handler says when it runs and why, and hands the work to the core
(:mod:`sec_release.core`), the site model (:mod:`sec_release.model`) and the
publishers (:mod:`sec_release.publish`). If the engine changes, this file is
what gets rewritten.
"""

from __future__ import annotations

import logging
import os
import posixpath
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
from .core.check import CheckedRecord, check_project, resolve_as_of
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
        self._docs_dir = "docs"  # docs_dir relative to mkdocs.yml, set in on_config
        self.serving = False  # under `mkdocs serve`
        self.error_page: str | None = None  # while serving a record with errors: the page every URL shows

    # on_startup: once, before the first build, and only for `mkdocs build` and
    # `mkdocs serve` (defining it also keeps this instance across serve's rebuilds).
    # Remember whether we serve: a record with errors is then shown in the browser
    # instead of stopping the server.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    # on_config: once per build (and per `mkdocs serve` rebuild), before any file is read.
    # Load and check the whole record here, once, and stop the build on errors.
    def on_config(self, config):
        self.checked, self.ctx, self.generated, self.hand_written, self.error_page = None, None, {}, {}, None
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
        self.checked = check_project(project, as_of)
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
        for page in publish.pages(self.ctx):
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
        return Navigation(items, pages_in_nav)

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
            return markdown
        return generated.wrap(markdown, marker.mark)

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
    def on_page_content(self, html: str, page: Page, config, files: Files) -> str:
        marker = self.hand_written.get(page.file.src_uri)
        return marker.sanitise(html) if marker is not None else html

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
