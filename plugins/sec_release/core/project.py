"""Where a project's files are, read from its ``mkdocs.yml`` without importing MkDocs.

The CLI and the plugin must agree on the data dir, rulebook and content dir,
so both take them from the ``sec-release`` entry of ``plugins:`` in
``mkdocs.yml``, validated by :func:`sec_release.core.options.parse_options`.
The CLI reads that file once (:func:`read_mkdocs_yml`), with a YAML loader
that ignores the ``!!python/name`` and ``!ENV`` tags MkDocs configs often use;
the plugin gets the same values from MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .options import Options, OptionsError, parse_options

PLUGIN_NAME = "sec-release"


class ProjectConfigError(Exception):
    """The project directory or its mkdocs.yml cannot be used."""


@dataclass(frozen=True)
class SiteSettings:
    """What the pages and exports need from the rest of mkdocs.yml."""

    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    edit_uri_template: str = ""
    site_dir: str = "site"
    custom_dir: str = ""  # theme.custom_dir: where a site overrides templates


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    docs_dir: str = "content"
    options: Options = field(default_factory=Options)
    site: SiteSettings = field(default_factory=SiteSettings)

    @property
    def data_dir(self) -> str:
        return self.options.data_dir

    @property
    def rulebook(self) -> str:
        return self.options.rulebook

    @property
    def policy_page(self) -> str:
        return self.options.policy_page

    @property
    def as_of(self) -> date | None:
        return self.options.as_of

    @property
    def warnings_fail(self) -> bool:
        return self.options.warnings_fail

    @property
    def content_path(self) -> Path:
        return self.root / self.docs_dir

    @property
    def data_path(self) -> Path:
        return self.root / self.data_dir

    @property
    def rulebook_path(self) -> Path:
        return self.root / self.rulebook

    def relative(self, path: Path) -> str:
        """A path as messages show it: relative to the project, with forward slashes."""
        if ".." not in path.parts:  # built from the root, as almost every path is: no file-system access
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass  # outside the root as written: try again with links resolved, below
        try:  # the folder resolved, not a symbolic link at the end: a message names the link itself
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


class _TolerantLoader(yaml.SafeLoader):
    """Loads mkdocs.yml; tags such as !!python/name:... become None."""


def _ignore_tag(loader, tag_suffix, node):
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def read_mkdocs_yml(config_file: Path) -> dict:
    """``mkdocs.yml`` as a mapping; raise ProjectConfigError with a readable reason."""
    if not config_file.is_file():
        raise ProjectConfigError(f"{config_file} not found: give the folder that holds mkdocs.yml")
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:  # ValueError: an impossible date such as 2026-13-01
        raise ProjectConfigError(f"{config_file}: cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ProjectConfigError(f"{config_file}: expected a mapping of settings")
    return data


def plugin_options(mkdocs_config: dict) -> dict[str, Any] | None:
    """The options of our plugin in a parsed mkdocs.yml, or None when it is not enabled."""
    plugins = mkdocs_config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    for entry in plugins:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    return None


def site_settings(mkdocs_config: dict) -> SiteSettings:
    """The settings of a parsed mkdocs.yml that the pages and exports use (text values only)."""
    def text(key: str, default: str = "") -> str:
        value = mkdocs_config.get(key)
        return value if isinstance(value, str) else default

    theme = mkdocs_config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return SiteSettings(
        site_url=text("site_url"),
        repo_url=text("repo_url"),
        edit_uri=text("edit_uri"),
        edit_uri_template=text("edit_uri_template"),
        site_dir=text("site_dir") or "site",
        custom_dir=custom_dir if isinstance(custom_dir, str) else "",
    )


def config_from_options(root: Path, docs_dir: str, options: dict[str, Any], site: SiteSettings | None = None) -> ProjectConfig:
    """A project from the plugin's options as written; raise ProjectConfigError when they are not valid."""
    try:
        parsed = parse_options(options)
    except OptionsError as exc:
        raise ProjectConfigError(str(exc)) from None
    return ProjectConfig(root=root, docs_dir=docs_dir, options=parsed, site=site or SiteSettings())


def load_project(root: str | Path) -> ProjectConfig:
    """Read ``root/mkdocs.yml``; raise ProjectConfigError with a readable reason."""
    root = Path(root)
    data = read_mkdocs_yml(root / "mkdocs.yml")
    options = plugin_options(data) or {}  # not enabled: the defaults
    return config_from_options(root, str(data.get("docs_dir") or "docs"), options, site_settings(data))
