"""One message format for every problem, whoever reports it.

A :class:`Diagnostic` is a problem an editor must act on: a YAML error, an
unknown key, a missing requirement of the rulebook. The CLI, the MkDocs build log, GitHub
annotations and JSON all print the same objects, so an editor learns one format.
Every code a diagnostic carries is a rulebook requirement id or one of the
catalogue in :mod:`sec_release.core.message_codes`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Iterable


# C0/C1 control characters other than tab and newline. Messages quote what the
# editor wrote (an unknown key, a page path); an escape sequence or a carriage
# return in it must not rewrite the terminal or the build log.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode format characters (category Cf: bidi overrides such as U+202E,
# zero-width spaces) are invisible or reorder what follows: shown as \uXXXX.
def _escape_format(text: str) -> str:
    if text.isascii():
        return text
    return "".join(
        (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}") if unicodedata.category(ch) == "Cf" else ch
        for ch in text
    )


def printable(text: str, *, newlines: bool = True) -> str:
    """Text safe to print: control characters escaped; a kept newline is indented so
    that what follows it can never pose as a new ``file:line:col:`` headline."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = _escape_format(text)
    return text.replace("\n", "\n    ") if newlines else text.replace("\n", "\\n")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    # Information never fails anything (e.g. gaps in a draft release).
    INFO = "info"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file, relative to the project directory (1-based)."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    severity: Severity
    code: str  # a rulebook requirement id, or a loader code such as "yaml-syntax"
    message: str
    hint: str = ""
    clause: str = ""  # the SEC clause, for rulebook findings
    release: str = ""  # the release id the problem belongs to, if any

    def sort_key(self) -> tuple:
        return (self.location.file, self.location.line, self.location.col, self.code, self.message)

    def headline(self) -> str:
        clause = f" [{self.clause}]" if self.clause else ""
        return f"{self.location}: {self.severity.value} {self.code}{clause}"

    def to_text(self) -> str:
        lines = [printable(self.headline(), newlines=False), f"  {printable(self.message)}"]
        if self.hint:
            lines.append(f"  hint: {printable(self.hint)}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["file"] = self.location.file
        data["line"] = self.location.line
        data["col"] = self.location.col
        del data["location"]
        return data


@dataclass
class DiagnosticList:
    """Collects problems so that all of them are reported together."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def error(self, location: Location, code: str, message: str, hint: str = "") -> None:
        self.add(Diagnostic(location, Severity.ERROR, code, message, hint))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)


# A file with thousands of wrong entries would otherwise print thousands of
# messages (and take seconds to); the first ones are enough to act on.
MAX_PROBLEMS_PER_FILE = 100


def add_capped(target: DiagnosticList, found: list[Diagnostic]) -> None:
    """Add at most MAX_PROBLEMS_PER_FILE of ``found`` (one file's problems), then say how many more."""
    target.extend(found[:MAX_PROBLEMS_PER_FILE])
    rest = found[MAX_PROBLEMS_PER_FILE:]
    if rest:
        target.error(rest[0].location, "too-many-problems", f"{len(rest):,} more problems in this file are not listed", "fix the problems listed and validate again")


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    # Deduplicate: the same problem reached by two routes is reported once.
    unique = {(d.sort_key(), d.severity, d.hint): d for d in diagnostics}
    return sorted(unique.values(), key=Diagnostic.sort_key)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def summary_line(diagnostics: list[Diagnostic], files_checked: int, unread: Iterable[str] = ()) -> str:
    counts = count_by_severity(diagnostics)
    parts = [
        f"{counts[Severity.ERROR]} error{'s' if counts[Severity.ERROR] != 1 else ''}",
        f"{counts[Severity.WARNING]} warning{'s' if counts[Severity.WARNING] != 1 else ''}",
    ]
    if counts[Severity.INFO]:
        parts.append(f"{counts[Severity.INFO]} note{'s' if counts[Severity.INFO] != 1 else ''}")
    line = f"{', '.join(parts)} in {files_checked} files checked."
    unread = sorted(set(unread))
    if unread:
        # A file that cannot be read hides what it names (a release's documents):
        # say so, rather than let the count drop without a word.
        line += (
            f"\nNot read: {', '.join(unread)}. What {'it names' if len(unread) == 1 else 'they name'}"
            " (a release's documents, for example) could not be checked; fix the errors above and validate again."
        )
    return line


def format_text(diagnostics: list[Diagnostic], files_checked: int, unread: Iterable[str] = ()) -> str:
    """Grouped by file, with a one-line summary at the end."""
    out: list[str] = []
    current_file = None
    for d in sorted_diagnostics(diagnostics):
        if d.location.file != current_file:
            if current_file is not None:
                out.append("")
            out.append(printable(d.location.file, newlines=False))
            current_file = d.location.file
        out.append(d.to_text())
    if out:
        out.append("")
    out.append(summary_line(list(diagnostics), files_checked, unread))
    return "\n".join(out)


def format_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in sorted_diagnostics(diagnostics)], indent=2, ensure_ascii=False)


def _github_escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_escape_property(value: str) -> str:
    return _github_escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for d in sorted_diagnostics(diagnostics):
        clause = f" [{d.clause}]" if d.clause else ""
        title = f"{d.code}{clause}"
        body = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        lines.append(
            f"::{kinds[d.severity]} file={_github_escape_property(d.location.file)},"
            f"line={d.location.line},col={d.location.col},"
            f"title={_github_escape_property(title)}::{_github_escape_data(body)}"
        )
    return "\n".join(lines)


def render(diagnostics: list[Diagnostic], output_format: str, files_checked: int, unread: Iterable[str] = ()) -> str:
    """The diagnostics in one of the CLI's formats: text, json or github."""
    if output_format == "json":
        return format_json(diagnostics)
    if output_format == "github":
        return format_github(diagnostics)
    return format_text(diagnostics, files_checked, unread)
