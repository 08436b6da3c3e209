"""What every generated page and file is made from: the checked record, filtered for the build mode.

Drafts are filtered out here, once, so that no page kind, export or feed can
leak a draft into a production build by forgetting to filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from typing import Any

from ..core.evaluate import Evaluation, Result
from ..core.models import Modification, Release
from ..core.options import MODE_PREVIEW, MODE_PRODUCTION, Options
from ..core.record import Record
from .urls import site_base, site_link



@dataclass(frozen=True)
class BuildInfo:
    commit: str = ""  # the git commit the record was built from, if known
    branch: str = ""
    built_at: datetime = datetime(1970, 1, 1, tzinfo=timezone.utc)  # from SOURCE_DATE_EPOCH for reproducible builds


@dataclass
class SiteContext:
    record: Record
    evaluation: Evaluation
    mode: str = MODE_PRODUCTION
    build: BuildInfo = field(default_factory=BuildInfo)
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    options: Options = field(default_factory=Options)  # the plugin's options, validated (licence, compare_to, ...)
    overrides_dir: str = "overrides"  # theme.custom_dir: a site's own templates, in its sec_release/ folder

    @property
    def preview(self) -> bool:
        return self.mode == MODE_PREVIEW

    @property
    def as_of(self) -> date:
        return self.evaluation.as_of

    @property
    def base_address(self) -> str:
        """The site's address with one trailing slash, or "" when mkdocs.yml has no site_url."""
        return site_base(self.site_url)

    def address(self, path: str) -> str:
        """An address for a site-relative path: absolute when the site has a site_url, else site-relative."""
        return site_link(self.site_url, path)

    @property
    def licence(self) -> tuple[str, str]:
        """(name, address) of the licence the open data is published under."""
        return (self.options.licence, self.options.licence_url)

    # The context is made once per build and never changed, so what it derives
    # from the record is computed once (page kinds and exports ask thousands of times).

    @cached_property
    def releases(self) -> dict[str, Release]:
        """The releases this build publishes: drafts only in preview."""
        return {rid: r for rid, r in self.record.releases.items() if self.preview or not r.draft}

    @cached_property
    def modifications(self) -> dict[str, Modification]:
        """Modifications this build publishes: in production, not those only a draft release carries."""
        if self.preview:
            return dict(self.record.modifications)
        published_releases = self.releases.values()
        referenced_by_draft = {
            m.id for r in self.record.releases.values() if r.draft for m in r.modifications
        }
        referenced_by_published = {m.id for r in published_releases for m in r.modifications}
        return {
            mid: m for mid, m in self.record.modifications.items()
            if mid not in referenced_by_draft or mid in referenced_by_published
        }

    @cached_property
    def _published_results(self) -> list[Result]:
        published = self.releases
        return [r for r in self.evaluation.results if r.release_id is None or r.release_id in published]

    def results(self) -> list[Result]:
        return list(self._published_results)  # a copy: callers may sort or extend it

    @cached_property
    def _carriers(self) -> dict[str, list[tuple[Release, Any]]]:
        """Modification id -> (release, its entry) for every published release carrying it, in release order."""
        index: dict[str, list[tuple[Release, Any]]] = {}
        for release in self.releases.values():
            for entry in release.modifications:
                index.setdefault(entry.id, []).append((release, entry))
        return index

    def carriers(self, modification_id: str) -> dict[str, Release]:
        """The published releases that list a modification, by id, in release order."""
        return {release.id: release for release, _ in self._carriers.get(modification_id, ())}

    def releases_of(self, modification_id: str) -> list[tuple[Release, Any]]:
        """(release, its entry for the modification) for every published release carrying it."""
        return list(self._carriers.get(modification_id, ()))

    def releases_affecting(self, party_id: str) -> list[Release]:
        """Published releases, in go-live order, carrying a modification whose impacts name ``party_id`` (not one removed from them)."""
        out = []
        for release in self.releases.values():
            for entry in release.modifications:
                modification = self.modifications.get(entry.id)
                if entry.status != "removed" and modification is not None and party_id in (modification.impacts or ()):
                    out.append(release)
                    break
        return out
