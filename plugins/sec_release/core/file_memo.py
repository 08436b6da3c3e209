"""Per-file results kept for the life of the process, while the file's text is the same.

`mkdocs serve` checks the record again after every edit, though an edit
changes one file of thousands. The expensive steps of reading a file (parsing
its YAML, finding a document's sections, checking a page's raw HTML) depend
on nothing but the file's name and text, so each keeps its latest result per
file: the memory is bounded by the number of files, and a changed text is
worked out again. The problems a step reports are kept with its result and
reported again on every use, so a check reports the same whether or not the
result was kept.

Results are shared between the records of successive builds: nothing may
change them after they are made (parsed data, source maps and documents are
only read once made).
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from .diagnostics import DiagnosticList


def per_file(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function(text, file, ..., problems)``, memoised on all its arguments but ``problems``, per ``file``."""
    latest: dict[str, tuple[tuple, Any, tuple]] = {}

    @functools.wraps(function)
    def memoised(text: str, file: str, *args: Any, problems: DiagnosticList, **kwargs: Any) -> Any:
        key = (text, args, tuple(sorted(kwargs.items())))
        kept = latest.get(file)
        if kept is None or kept[0] != key:
            found = DiagnosticList()
            result = function(text, file, *args, found, **kwargs)
            kept = latest[file] = (key, result, tuple(found))
        problems.extend(kept[2])
        return kept[1]

    memoised.cache_clear = latest.clear  # type: ignore[attr-defined]
    return memoised


__all__ = ["per_file"]
