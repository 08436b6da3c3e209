"""The package's dependency graph goes one way: core → model → pages / exports → adapters.

The graph is read from the import statements (tests/tools/module_graph.py,
which also prints it). Only the MkDocs adapter imports MkDocs.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.tools.module_graph import PACKAGE, graph, layer_of

# Lower layers first. A module may import its own layer and the layers below it.
LAYERS = {"core": 0, "model": 1, "pages": 2, "exports": 2}
ADAPTER_LEVEL = 3  # every top-level module: the adapters (mkdocs_plugin, macros, cli*), publish, scaffold, atomic
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_macros", "properdocs"}
ENGINE_ADAPTER = f"{PACKAGE}.mkdocs_plugin"


def level(module: str) -> int:
    return LAYERS.get(layer_of(module), ADAPTER_LEVEL)


def upward_imports(modules: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in sorted(modules.items()):
        for target in sorted(targets):
            if not target.startswith(PACKAGE + ".") or target == module:
                continue
            same_level_other_layer = level(target) == level(module) and layer_of(target) != layer_of(module)
            if level(target) > level(module) or (same_level_other_layer and level(module) < ADAPTER_LEVEL):
                out.append(f"{module} imports {target}")
    return out


def engine_imports(modules: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} imports {target}"
        for module, targets in sorted(modules.items())
        for target in sorted(targets)
        if target in ENGINE_PACKAGES and module != ENGINE_ADAPTER
    ]


def test_no_module_imports_up_the_stack_or_across_pages_and_exports():
    modules = graph()
    assert {layer_of(m) for m in modules} >= set(LAYERS)  # the graph is read
    assert upward_imports(modules) == []


def test_only_the_adapter_imports_the_engine():
    modules = graph()
    assert "mkdocs" in modules[ENGINE_ADAPTER]  # the scan sees the adapter's own imports
    assert engine_imports(modules) == []


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    root = tmp_path / PACKAGE
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return graph(root)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"core/a.py": "from ..model import urls\n", "model/urls.py": ""}, [f"{PACKAGE}.core.a imports {PACKAGE}.model.urls"]),
        ({"model/b.py": "def f():\n    from ..pages.views import x\n", "pages/views.py": ""}, [f"{PACKAGE}.model.b imports {PACKAGE}.pages.views"]),
        ({"pages/c.py": "from ..exports import json_export\n", "exports/json_export.py": ""}, [f"{PACKAGE}.pages.c imports {PACKAGE}.exports.json_export"]),
        ({"exports/d.py": "import sec_release.pages.guide\n", "pages/guide.py": ""}, [f"{PACKAGE}.exports.d imports {PACKAGE}.pages.guide"]),
        ({"core/e.py": "from .f import g\n", "core/f.py": "", "pages/h.py": "from ..model.i import j\nfrom ..core import e\n", "model/i.py": ""}, []),
    ],
    ids=["core-imports-model", "model-imports-pages-inside-a-function", "pages-import-exports", "exports-import-pages", "downward-is-fine"],
)
def test_the_check_sees_upward_and_sideways_imports(tmp_path, files, expected):
    assert upward_imports(_package(tmp_path, files)) == expected


def test_the_check_sees_an_engine_import_outside_the_adapter(tmp_path):
    modules = _package(tmp_path, {
        "pages/p.py": "from mkdocs.structure.files import File\n",
        "model/q.py": "def f():\n    import material.plugins\n",
        "mkdocs_plugin.py": "import mkdocs\n",
    })
    assert engine_imports(modules) == [f"{PACKAGE}.model.q imports material", f"{PACKAGE}.pages.p imports mkdocs"]
