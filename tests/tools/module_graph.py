"""The package's module graph, derived from its import statements.

    python tests/tools/module_graph.py            one line per module: module → what it imports
    python tests/tools/module_graph.py --layers   one line per layer (core, model, pages, exports, ...)

The layering test (tests/test_layering.py) reads the same graph.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = "sec_release"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / "plugins" / PACKAGE


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    parts = list(path.relative_to(package_dir).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def imports_of(path: Path, package_dir: Path = PACKAGE_DIR) -> set[str]:
    """Every module ``path`` imports (absolute names; relative imports resolved), at any depth of the file."""
    name = module_name(path, package_dir)
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import publish` imports a module; `from .x import name` imports from module x
            submodules = {f"{target}.{alias.name}" for alias in node.names}
            submodules = {m for m in submodules if _is_module(m, package_dir)}
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(target)
    return found


def _is_module(dotted: str, package_dir: Path) -> bool:
    if not dotted.startswith(PACKAGE + "."):
        return False
    rel = Path(*dotted.split(".")[1:])
    return (package_dir / rel).with_suffix(".py").exists() or (package_dir / rel / "__init__.py").exists()


def graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Module → the modules it imports (the package's own and third-party, top-level names for the latter)."""
    out: dict[str, set[str]] = {}
    for path in sorted(package_dir.rglob("*.py")):
        own: set[str] = set()
        for target in imports_of(path, package_dir):
            if target == PACKAGE or target.startswith(PACKAGE + "."):
                own.add(target)
            else:
                own.add(target.split(".")[0])
        out[module_name(path, package_dir)] = own
    return out


def layer_of(module: str) -> str:
    """The first part below the package: core, model, pages, exports; a top-level module is its own name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def main(argv: list[str]) -> None:
    g = graph()
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    if "--layers" in argv:
        layers: dict[str, set[str]] = {}
        for module, targets in g.items():
            for target in targets:
                if target.startswith(PACKAGE):
                    if layer_of(target) != layer_of(module):
                        layers.setdefault(layer_of(module), set()).add(layer_of(target))
                elif target not in stdlib:
                    layers.setdefault(layer_of(module), set()).add(target)
            layers.setdefault(layer_of(module), set())
        for layer in sorted(layers):
            print(f"{layer} → {', '.join(sorted(layers[layer])) or '-'}")
        return
    for module in sorted(g):
        shown = sorted(t.removeprefix(PACKAGE + ".") for t in g[module] if t not in stdlib)
        print(f"{module.removeprefix(PACKAGE + '.') or PACKAGE} → {', '.join(shown) or '-'}")


if __name__ == "__main__":
    main(sys.argv[1:])
