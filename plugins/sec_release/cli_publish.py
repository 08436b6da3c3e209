"""``sec-release diff``, ``check-published`` and ``build``: publishing and previews from the command line.

* ``diff --against REF_OR_DIR`` prints, as Markdown for a pull-request
  comment, what this version would change in the published record.
* ``check-published --against REF_OR_DIR`` fails (exit 1, with file:line)
  when the published record would be rewritten silently
  (:mod:`sec_release.core.published`).
* ``build`` runs the MkDocs build into a new folder and moves it into place
  only on success (:mod:`sec_release.atomic`), so a failed build never leaves
  a half-written site; it also fixes ``SOURCE_DATE_EPOCH`` to the commit's
  date when unset, so that the same commit builds the same bytes.

Exit codes as for every command (:mod:`sec_release.exit_codes`): 0 fine,
1 problems found, 2 usage error (including a baseline that cannot be read).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from .core.baseline import BaselineError, load_baseline
from .core.check import check_project, resolve_as_of
from .core.compare import compare, snapshot_from_record
from .core.diagnostics import render
from .core.git import git_text
from .core.options import ENV, read_environment
from .core.project import ProjectConfig, load_project
from .core.published import check_published, record_errors
from .engine import ENGINES, EngineError, use_engine
from .exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .pages.changes_markdown import to_markdown


def add_commands(sub, iso_date: Callable[[str], date]) -> None:
    """Add the subcommands to the ``sec-release`` parser's subparsers."""
    diff = sub.add_parser(
        "diff", help="what this version would change in the published record, as Markdown (for a pull-request comment)"
    )
    diff.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    diff.add_argument("--against", required=True, metavar="REF_OR_DIR", help="the published baseline: a git ref (origin/main), a published site folder, or a project folder")
    diff.add_argument("--as-of", type=iso_date, help="evaluate both versions as of this date (default: today)")
    diff.add_argument("--site-url", help="link each item to this site (e.g. the preview's address)")
    diff.add_argument("--title", default="What this change would do to the published record", help="the heading above the comparison")
    diff.add_argument("--output", "-o", help="write the Markdown to this file instead of standard output")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when there are differences, as git diff --exit-code")
    diff.set_defaults(func=cmd_diff)

    published = sub.add_parser(
        "check-published", help="fail when published releases are rewritten: amendments edited or removed, data changed without an amendment, releases deleted"
    )
    published.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    published.add_argument("--against", required=True, metavar="REF_OR_DIR", help="the published baseline: a git ref (origin/main), a published site folder, or a project folder")
    published.add_argument("--as-of", type=iso_date, help="evaluate as of this date (default: today)")
    published.add_argument("--format", choices=["text", "json", "github"], default="text")
    published.set_defaults(func=cmd_check_published)

    build = sub.add_parser("build", help="build the site into a new folder and move it into place only on success")
    build.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    build.add_argument("--site-dir", help="where the site goes (default: site_dir of mkdocs.yml, else site/)")
    build.add_argument("--strict", action="store_true", help="fail on any warning, as mkdocs build --strict")
    build.add_argument("--preview", action="store_true", help="a preview build: drafts, the banner, noindex, /changes/")
    build.add_argument("--compare-to", metavar="REF_OR_DIR", help="the baseline of the preview's /changes/ page (default: compare_to in mkdocs.yml)")
    build.add_argument("--as-of", type=iso_date, help="evaluate as of this date (default: as_of in mkdocs.yml, SEC_RELEASE_AS_OF, today)")
    build.add_argument("--engine", choices=ENGINES, help="build with MkDocs or ProperDocs, its drop-in continuation (default: SEC_RELEASE_ENGINE, else mkdocs)")
    build.set_defaults(func=cmd_build)


# ---------------------------------------------------------------------------
# diff


def _site_href(site_url: str | None, config: ProjectConfig, checked) -> Callable:
    """Links from the comparison to the pages of the site at ``site_url`` (none without one)."""
    from .model.urls import site_base, source_to_url, target_source

    if not site_url:
        return lambda target: None
    base = site_base(site_url)
    record = checked.record

    def href(target) -> str | None:
        source = target_source(
            target, releases=record.releases, modifications=record.modifications, documents=record.documents,
            policy_page=config.policy_page if record.policy is not None else None,
        )
        return base + source_to_url(source) if source is not None else None

    return href


def _baseline(spec: str, config: ProjectConfig, as_of: date):
    try:
        return load_baseline(spec, config, as_of)
    except BaselineError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return None


def cmd_diff(args) -> int:
    config = load_project(Path(args.project_dir))
    as_of = resolve_as_of(args.as_of, config)
    baseline = _baseline(args.against, config, as_of)
    if baseline is None:
        return EXIT_USAGE
    checked = check_project(config, as_of)
    build = _build_commit(config.root)
    label = "this version" + (f" (commit {build[:12]})" if build else "")
    comparison = compare(baseline, snapshot_from_record(checked.record, checked.evaluation, label))
    text = f"## {args.title}\n\n" + to_markdown(comparison, _site_href(args.site_url, config, checked), level=3)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_PROBLEMS if args.exit_code and not comparison.is_empty else EXIT_OK


# ---------------------------------------------------------------------------
# check-published


def cmd_check_published(args) -> int:
    config = load_project(Path(args.project_dir))
    as_of = resolve_as_of(args.as_of, config)
    baseline = _baseline(args.against, config, as_of)
    if baseline is None:
        return EXIT_USAGE
    from .core.record import load_record

    record = load_record(config)
    diagnostics = record_errors(record) + check_published(record, baseline)
    published = sum(1 for r in baseline.releases.values() if not r.get("draft"))
    if diagnostics or args.format == "json":
        print(render(diagnostics, args.format, record.files_checked, record.unread_files))
    if diagnostics:
        print(f"sec-release: the published record would be rewritten: {len(diagnostics)} problem(s) against {baseline.label}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.format != "json":
        print(f"sec-release: the published record is intact: {published} published release(s) checked against {baseline.label}")
    return EXIT_OK


# ---------------------------------------------------------------------------
# build


def _build_commit(root: Path) -> str:
    return git_text(root, "rev-parse", "HEAD")


def _commit_epoch(root: Path) -> str:
    return git_text(root, "log", "-1", "--format=%ct")


@contextmanager
def _environment(values: dict[str, str | None]) -> Iterator[None]:
    """Set environment variables for the build, and put them back afterwards."""
    saved = {key: os.environ.get(key) for key in values}
    try:
        for key, value in values.items():
            if value is not None:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _site_dir(config: ProjectConfig, explicit: str | None) -> Path:
    if explicit:
        return Path(explicit).absolute()
    return (config.root / config.site.site_dir).absolute()


def cmd_build(args) -> int:
    from .atomic import build_atomically

    try:
        engine = use_engine(args.engine or read_environment().engine)  # before MkDocs is imported
    except EngineError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from .mkdocs_plugin import build_site

    root = Path(args.project_dir).absolute()
    config = load_project(root)  # a readable mkdocs.yml with valid options, or a usage error
    target = _site_dir(config, args.site_dir)
    env: dict[str, str | None] = {
        ENV["preview"]: "1" if args.preview else None,
        ENV["compare_to"]: args.compare_to,
        ENV["as_of"]: args.as_of.isoformat() if args.as_of else None,
        # The same commit builds the same bytes: MkDocs dates the sitemap from SOURCE_DATE_EPOCH.
        ENV["source_date_epoch"]: None if read_environment().source_date_epoch else (_commit_epoch(root) or None),
    }
    with _environment(env):
        try:
            build_atomically(target, lambda folder: build_site(str(root / "mkdocs.yml"), str(folder), strict=args.strict))
        except Exception as exc:  # MkDocs' Abort, a PluginError, an OSError: the message is for the user
            message = str(exc).strip() or exc.__class__.__name__
            print(f"sec-release: error: the build failed; {target} is unchanged.\n{message}", file=sys.stderr)
            return EXIT_PROBLEMS
    kind = "preview" if args.preview else "production"
    print(f"sec-release: built the {kind} site into {target}" + (f" with {engine}" if engine != "mkdocs" else ""))
    return EXIT_OK


__all__ = ["add_commands"]
