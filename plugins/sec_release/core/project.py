"""Where a project's files are, read from its ``mkdocs.yml`` without importing MkDocs.

The CLI and the plugin must agree on the data dir, rulebook and content dir,
so both take them from the ``sec-release`` entry of ``plugins:`` in
``mkdocs.yml``. The CLI reads that file with a YAML loader that ignores the
``!!python/name`` and ``!ENV`` tags MkDocs configs often use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

PLUGIN_NAME = "sec-release"

DEFAULT_OPTIONS: dict[str, Any] = {
    "data_dir": "data",
    "rulebook": "data/rulebook/d10.yaml",
    "policy_page": "policy/release-management-policy.md",
    "as_of": None,
    "warnings_fail": False,
}


class ProjectConfigError(Exception):
    """The project directory or its mkdocs.yml cannot be used."""


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    docs_dir: str = "content"
    data_dir: str = "data"
    rulebook: str = "data/rulebook/d10.yaml"
    policy_page: str = "policy/release-management-policy.md"
    as_of: date | None = None
    warnings_fail: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # other plugin options, for the adapters

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


def parse_as_of(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ProjectConfigError(f"as_of must be a date written YYYY-MM-DD, not {value!r}") from None


def config_from_options(root: Path, docs_dir: str, options: dict[str, Any]) -> ProjectConfig:
    merged = {**DEFAULT_OPTIONS, **options}
    known = {k: merged.pop(k) for k in list(DEFAULT_OPTIONS)}
    return ProjectConfig(
        root=root,
        docs_dir=docs_dir,
        data_dir=str(known["data_dir"]),
        rulebook=str(known["rulebook"]),
        policy_page=str(known["policy_page"]),
        as_of=parse_as_of(known["as_of"]),
        warnings_fail=bool(known["warnings_fail"]),
        extra=merged,
    )


def load_project(root: str | Path) -> ProjectConfig:
    """Read ``root/mkdocs.yml``; raise ProjectConfigError with a readable reason."""
    root = Path(root)
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise ProjectConfigError(f"{config_file} not found: give the folder that holds mkdocs.yml")
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProjectConfigError(f"{config_file}: cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ProjectConfigError(f"{config_file}: expected a mapping of settings")
    options = plugin_options(data)
    if options is None:
        options = {}
    return config_from_options(root, str(data.get("docs_dir") or "docs"), options)
