"""Which engine builds the site: MkDocs 1.6, or ProperDocs, its drop-in continuation.

ProperDocs (``pip install properdocs``) is MkDocs 1.6 under another name:
the same configuration file, plugins, themes and Python API. It answers
``import mkdocs...`` with its own modules once ``properdocs.replacement`` is
imported, so the plugin (:mod:`sec_release.mkdocs_plugin`), Material and
mkdocs-macros run on it unchanged. ``properdocs build`` does that itself;
:func:`use_engine` does it for ``sec-release build --engine properdocs`` and
for the test suite (``SEC_RELEASE_ENGINE=properdocs``). It must run before
anything imports MkDocs, and holds for the whole process.

This module and the plugin are the adapter: nothing else names an engine.
"""

from __future__ import annotations

import importlib
import sys

ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


class EngineError(Exception):
    """The engine asked for cannot be used in this process; the message says why."""


def engine_in_use() -> str | None:
    """The engine that ``import mkdocs`` gives in this process, or None before anything imported it."""
    module = sys.modules.get("mkdocs")
    return None if module is None else module.__name__


def use_engine(name: str | None) -> str:
    """Make this process build with ``name`` (default: MkDocs); returns the engine's name."""
    name = name or DEFAULT_ENGINE
    if name not in ENGINES:
        raise EngineError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    current = engine_in_use()
    if name == "properdocs" and current != "properdocs":
        if current is not None:
            raise EngineError("MkDocs is already loaded in this process, so ProperDocs cannot take its place")
        try:
            importlib.import_module("properdocs.replacement")  # from now on `import mkdocs` gives ProperDocs
        except ImportError:
            raise EngineError("ProperDocs is not installed: pip install properdocs") from None
    elif name == "mkdocs" and current == "properdocs":
        raise EngineError("ProperDocs already stands in for MkDocs in this process")
    return name


__all__ = ["ENGINES", "DEFAULT_ENGINE", "EngineError", "engine_in_use", "use_engine"]
