"""The ``sec-release`` command: validate the record without building the site.

Exit codes: 0 nothing wrong or missing, 1 something is, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .core.check import check_project, resolve_as_of
from .core.diagnostics import Severity, format_github, format_json, format_text
from .core.project import ProjectConfigError, load_project

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors; keep that, with our prefix
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"sec-release: error: {message}\n")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sec-release", description="Check and publish the record of SEC Releases (SEC Section D10).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    validate = sub.add_parser("validate", help="check the record against the D10 rulebook")
    validate.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    validate.add_argument("--as-of", type=_iso_date, help="evaluate as of this date (default: today)")
    validate.add_argument("--format", choices=["text", "json", "github"], default="text")
    validate.set_defaults(func=cmd_validate)
    return parser


def cmd_validate(args) -> int:
    config = load_project(Path(args.project_dir))
    checked = check_project(config, resolve_as_of(args.as_of, config))
    diagnostics = checked.evaluation.diagnostics
    if args.format == "json":
        print(format_json(diagnostics))
    elif args.format == "github":
        text = format_github(diagnostics)
        if text:
            print(text)
        print(f"sec-release: {len(diagnostics)} problem(s) as of {checked.as_of.isoformat()}")
    else:
        print(format_text(diagnostics, checked.record.files_checked))
    failing = any(d.severity in (Severity.ERROR, Severity.WARNING) for d in diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ProjectConfigError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
