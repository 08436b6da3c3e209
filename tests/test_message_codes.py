"""Every message code a module reports is in the catalogue (core/message_codes.py), and nothing else is.

The scan reads every module of the package: a code is a string constant in
the code position of a call that makes a diagnostic — ``Diagnostic(location,
severity, CODE, ...)``, ``problems.error(location, CODE, ...)``, or any helper
whose own definition has a parameter named ``code`` (published.py's
``_error(location, code, ...)``) — or, in validation.py, a value of the
table that maps pydantic's error types to codes.
"""

from __future__ import annotations

import ast
import textwrap

from sec_release.core.message_codes import MESSAGE_CODES
from tests.factory import REPO

PACKAGE_DIR = REPO / "plugins" / "sec_release"
FIXED_POSITIONS = {"Diagnostic": 2, "error": 1}
CODE_TABLES = {"_CODES"}  # a dict of codes, and its .get(key, DEFAULT)


def _name(func: ast.expr) -> str | None:
    return getattr(func, "attr", None) or getattr(func, "id", None)


def _code_positions(tree: ast.Module) -> dict[str, int]:
    """Helpers defined in a module with a ``code`` parameter: name -> its position."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = [a.arg for a in node.args.args]
            if "code" in names and node.name not in FIXED_POSITIONS:
                out[node.name] = names.index("code") - (1 if names and names[0] in ("self", "cls") else 0)
    return out


def codes_reported(source: str) -> set[str]:
    tree = ast.parse(source)
    positions = {**_code_positions(tree), **FIXED_POSITIONS}
    codes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            position = positions.get(name)
            if getattr(node.func, "value", None) is not None and _name(node.func.value) in CODE_TABLES:
                position = 1  # _CODES.get(kind, DEFAULT)
            if position is not None and len(node.args) > position and isinstance(node.args[position], ast.Constant):
                codes.add(node.args[position].value)
            for keyword in node.keywords:
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    codes.add(keyword.value.value)
        if isinstance(node, ast.Assign) and any(_name(t) in CODE_TABLES for t in node.targets):
            codes.update(v.value for v in node.value.values if isinstance(v, ast.Constant))
    return {c for c in codes if isinstance(c, str)}


def package_codes() -> dict[str, set[str]]:
    return {
        path.relative_to(PACKAGE_DIR).as_posix(): codes_reported(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
    }


def test_every_reported_code_is_in_the_catalogue_and_every_catalogued_code_is_reported():
    by_module = package_codes()
    reported = set().union(*by_module.values())
    assert len(reported) > 30  # the scan finds them
    assert {"published-amendment-edited", "published-release-removed"} <= by_module["core/published.py"]
    missing = {module: sorted(codes - set(MESSAGE_CODES)) for module, codes in by_module.items() if codes - set(MESSAGE_CODES)}
    assert missing == {}, "explain these codes in sec_release/core/message_codes.py"
    assert set(MESSAGE_CODES) - reported == set(), "the catalogue explains codes no module reports any more"


def test_the_scan_finds_codes_through_helpers_keywords_and_tables():
    source = textwrap.dedent('''
        def _error(location, code, message):
            return Diagnostic(location, Severity.ERROR, code, message)

        def check(problems):
            problems.error(where, "first-code", "message")
            _error(where, "second-code", "message")
            Diagnostic(where, Severity.WARNING, "third-code", "message")
            Diagnostic(location=where, severity=Severity.ERROR, code="fourth-code", message="m")
            kind = _CODES.get(error_type, "fifth-code")

        _CODES = {"missing": "sixth-code"}
    ''')
    assert codes_reported(source) == {"first-code", "second-code", "third-code", "fourth-code", "fifth-code", "sixth-code"}
