"""What only a preview build publishes: the ``/changes/`` page and a ``robots.txt`` that keeps it out of search engines.

A production build gets nothing from here (both providers return nothing
outside preview). The preview banner and ``noindex`` meta come from the theme
templates (``sec_release/theme/``) through :func:`theme_values`.
"""

from __future__ import annotations

import logging

from ..core.baseline import BaselineError, load_baseline
from ..core.compare import Comparison, Target, compare, snapshot_from_record
from ..model.context import SiteContext
from ..model.pages import GeneratedFile, GeneratedPage, front_matter
from ..model.render import long_date
from ..model.urls import CHANGES_PAGE, source_link, target_source
from .changes_markdown import md_text, to_markdown

log = logging.getLogger(__name__)  # the engine adapter shows and counts what is logged under "sec_release"

CHANGES_TITLE = "What would change"
CHANGES_NAV = "Changes"

ROBOTS_DISALLOW_ALL = "# A preview of the record, not the published record: not for search engines.\nUser-agent: *\nDisallow: /\n"


def page_href(ctx: SiteContext, here: str = CHANGES_PAGE):
    """Links from the changes page: relative paths to Markdown sources, which MkDocs checks and turns into URLs.

    A target that this build does not publish gets no link.
    """

    def href(target: Target) -> str | None:
        source = target_source(
            target, releases=ctx.releases, modifications=ctx.modifications, documents=ctx.record.documents,
            policy_page=ctx.record.config.policy_page if ctx.record.policy is not None else None,
        )
        return source_link(source, here) if source is not None else None

    return href


def comparison_for(ctx: SiteContext) -> Comparison | None:
    """This build against ``compare_to``; None when no baseline is configured. Raises BaselineError."""
    spec = ctx.options.compare_to
    if not spec:
        return None
    baseline = load_baseline(str(spec), ctx.record.config, ctx.as_of)
    label = "this preview"
    if ctx.build.commit:
        label += f" (commit {ctx.build.commit[:12]})"
    return compare(baseline, snapshot_from_record(ctx.record, ctx.evaluation, label))


def changes_pages(ctx: SiteContext) -> list[GeneratedPage]:
    """``/changes/`` in preview builds: what this build would change in the published record."""
    if not ctx.preview:
        return []
    lines = [f"# {CHANGES_TITLE}", ""]
    branch = f" of the branch {md_text(ctx.build.branch)}" if ctx.build.branch else ""
    lines += [
        f"This preview{branch} is not the published record. This page lists what publishing it would change: "
        "releases added, removed or changed field by field, modifications added to or removed from a release, "
        "go-live dates moved, documents re-issued, and compliance results that changed. "
        "Each item links to the page where it shows.",
        "",
    ]
    try:
        comparison = comparison_for(ctx)
    except BaselineError as exc:
        log.warning(f"sec-release: the changes page cannot compare with {ctx.options.compare_to!r}: {exc}")
        lines += [f"**No comparison.** The baseline could not be read: {md_text(exc)}", ""]
        comparison = None
    else:
        if comparison is None:
            lines += [
                "**No baseline.** Set `compare_to` (a git ref such as `origin/main`, or the folder of a published "
                "site) in the plugin's options, or `SEC_RELEASE_COMPARE_TO`, to see what this preview would change.",
                "",
            ]
    if comparison is not None:
        lines.append(to_markdown(comparison, page_href(ctx), level=2))
    lines.append(f"Built {long_date(ctx.build.built_at.date())}; compliance as of {long_date(ctx.as_of)}.")
    content = front_matter(CHANGES_TITLE) + "\n".join(lines) + "\n"
    return [GeneratedPage(CHANGES_PAGE, content, CHANGES_TITLE, nav_section=CHANGES_NAV, nav_order=(0,))]


def preview_files(ctx: SiteContext) -> list[GeneratedFile]:
    """``robots.txt`` disallowing everything, in preview builds only."""
    if not ctx.preview:
        return []
    return [GeneratedFile("robots.txt", ROBOTS_DISALLOW_ALL.encode("utf-8"))]


def theme_values(ctx: SiteContext) -> dict:
    """What the theme templates show on every page: the preview banner and the provenance footer."""
    commit = ctx.build.commit
    repo = (ctx.repo_url or "").rstrip("/")
    commit_url = f"{repo}/commit/{commit}" if commit and repo.startswith("https://github.com/") else ""
    built = ctx.build.built_at
    return {
        "preview": ctx.preview,
        "mode": ctx.mode,
        "branch": ctx.build.branch,
        "commit": commit,
        "commit_short": commit[:12] if commit else "",
        "commit_url": commit_url,
        "built_at": built.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "built_date": long_date(built.date()),
        "built_iso_date": built.date().isoformat(),
        "as_of": ctx.as_of.isoformat(),
        "as_of_date": long_date(ctx.as_of),
        "rules_code": ctx.record.rulebook.code if ctx.record.rulebook else "the rulebook",
        "changes_url": "changes/" if ctx.preview else "",
    }


__all__ = ["changes_pages", "preview_files", "theme_values", "comparison_for", "ROBOTS_DISALLOW_ALL"]
