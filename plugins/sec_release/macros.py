"""The mkdocs-macros adapter: gives hand-written pages the record as ``sec``.

Load it from mkdocs.yml::

    plugins:
      - sec-release
      - macros:
          modules: [sec_release.macros]

mkdocs-macros calls :func:`define_env` once per build, when it configures
itself; the variable reads the sec-release plugin's record lazily, at render
time, so the order of the two plugins in mkdocs.yml does not matter. The work
is in :mod:`sec_release.site.macros_api`, which imports neither MkDocs nor
mkdocs-macros.
"""

from __future__ import annotations

from .site.macros_api import RecordMacros

PLUGIN_NAME = "sec-release"


def define_env(env) -> None:
    plugin = env.conf.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError(f"sec_release.macros needs the {PLUGIN_NAME} plugin in mkdocs.yml's plugins")

    def current_page() -> str | None:
        page = getattr(env, "page", None)
        file = getattr(page, "file", None)
        return getattr(file, "src_uri", None)

    env.variables["sec"] = RecordMacros(lambda: plugin.ctx, current_page)
