"""Template expressions in hand-written pages, in a sandbox.

``{{ sec.next_release.go_live }}`` in ``content/`` quotes the record. The
page is rendered by a Jinja :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`
that sees ``sec`` (:mod:`sec_release.pages.macros_api`) and ``page`` (its
``title``, ``url`` and front matter ``meta``) and nothing else:

* no globals (``range``, ``lipsum``, ``cycler``, ``joiner``, ``namespace``,
  ``dict`` are gone), and no MkDocs ``config``: any other name is an error;
* attributes that start with ``_`` (``__globals__``, ``__class__``,
  ``__subclasses__``, ...) are refused by the sandbox, and so is any
  attribute of a value the record did not make (functions, modules, classes);
  ``format`` and ``format_map`` of strings are refused too;
* nothing can be changed (the immutable sandbox).

An expression that breaks a rule stops the build with the page and line
(:class:`PageMacroError`); nothing of it runs.
"""

from __future__ import annotations

import traceback
from datetime import date
from typing import Any, Mapping

import jinja2
import jinja2.runtime
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

ALLOWED_NAMES = ("sec", "page", "loop", "caller", "varargs", "kwargs")
# Values of these types are plain data: their public attributes are safe to read.
_PLAIN = (str, int, float, bool, date, list, tuple, dict, type(None), jinja2.runtime.LoopContext)
_REFUSED_ATTRIBUTES = frozenset({"format", "format_map", "mro", "gi_frame", "gi_code", "cr_frame", "f_globals"})


class PageMacroError(Exception):
    """A template expression in a hand-written page that is not allowed or fails."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


def _ours(obj: Any) -> bool:
    """Objects the record's macros made (sec, a release, a date ...)."""
    return type(obj).__module__.startswith("sec_release.")


class _PageSandbox(ImmutableSandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_") or attr in _REFUSED_ATTRIBUTES:
            return False
        if not (_ours(obj) or isinstance(obj, _PLAIN)):
            return False  # a function, module, class, frame ...: nothing of it is readable
        return super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        owner = getattr(obj, "__self__", None)
        if owner is not None and not (_ours(owner) or isinstance(owner, _PLAIN)):
            return False
        return super().is_safe_callable(obj)


def _environment() -> jinja2.Environment:
    env = _PageSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()  # range, lipsum, dict, cycler, joiner, namespace
    return env


_ENV = _environment()


def _names_used(template: nodes.Template) -> list[tuple[str, int]]:
    """Free names read by the template (a loop's own variables excluded), with their lines."""
    assigned: set[str] = set()
    for node in template.find_all((nodes.For, nodes.Assign, nodes.Macro, nodes.With, nodes.CallBlock)):
        if isinstance(node, nodes.Macro):  # its name is a plain string, not a Name node
            assigned.add(node.name)
        for target in node.find_all(nodes.Name):
            if target.ctx in ("store", "param"):
                assigned.add(target.name)
    return [(n.name, n.lineno) for n in template.find_all(nodes.Name) if n.ctx == "load" and n.name not in assigned]


def problems_in(source: str) -> list[tuple[int, str]]:
    """What is wrong with a page's template expressions, without running any: (line, message)."""
    if "{{" not in source and "{%" not in source and "{#" not in source:
        return []  # no expression, statement or comment: nothing for Jinja to find
    try:
        parsed = _ENV.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return [(exc.lineno or 1, f"the template expression cannot be read: {exc.message}")]
    found: list[tuple[int, str]] = []
    for name, line in _names_used(parsed):
        if name not in ALLOWED_NAMES:
            found.append((line, f'"{name}" is not available in a page; only sec.* and page.* are'))
    for node in parsed.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else (node.arg.value if isinstance(node.arg, nodes.Const) else None)
        if isinstance(attr, str) and (attr.startswith("_") or attr in _REFUSED_ATTRIBUTES):
            found.append((node.lineno, f'"{attr}" is not available in a page; only sec.* and page.* are'))
    for node in parsed.find_all(nodes.Filter):
        if node.name == "attr":
            found.append((node.lineno, 'the "attr" filter is not available in a page; write sec.name instead'))
    return sorted(set(found))


def _template_line(exc: BaseException, name: str) -> int | None:
    line = getattr(exc, "lineno", None)
    if line:
        return line
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == name and frame.lineno:
            return frame.lineno
    return None


def render_page(source: str, *, file: str, first_line: int, sec: Any, page: Mapping[str, Any]) -> str:
    """Render one page's Markdown; raise :class:`PageMacroError` (file, line) on any problem.

    ``first_line`` is the file's line number of the Markdown's first line (below the front matter).
    """
    if "{{" not in source and "{%" not in source and "{#" not in source:
        return source
    problems = problems_in(source)
    if problems:
        line, message = problems[0]
        raise PageMacroError(file, first_line + line - 1, message)
    name = f"<page {file}>"
    try:
        code = _ENV.compile(source, name=name, filename=name)
        template = _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None), None)
        return template.render(sec=sec, page=page)
    except SecurityError as exc:
        line = _template_line(exc, name) or 1
        raise PageMacroError(file, first_line + line - 1, f"not allowed in a page: {exc}") from None
    except jinja2.UndefinedError as exc:
        line = _template_line(exc, name) or 1
        raise PageMacroError(file, first_line + line - 1, f"{exc} (only sec.* and page.* are available)") from None
    except jinja2.TemplateError as exc:
        line = _template_line(exc, name) or 1
        raise PageMacroError(file, first_line + line - 1, f"the template expression fails: {exc}") from None
    except Exception as exc:  # a macro that raises (an unknown release id ...) is the page's problem, with its line
        line = _template_line(exc, name) or 1
        raise PageMacroError(file, first_line + line - 1, f"the template expression fails: {exc}") from None
