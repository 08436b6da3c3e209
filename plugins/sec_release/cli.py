"""The ``sec-release`` command: validate, export and scaffold the record without building the site.

Exit codes (:mod:`sec_release.exit_codes`): 0 nothing wrong or missing, 1 something is, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import typing
from datetime import date
from pathlib import Path

from .cli_publish import add_commands as add_publishing_commands
from .core.check import check_project, resolve_as_of
from .core.diagnostics import Severity, format_text, render
from .core.models import DecisionPath, ModificationStage
from .core.project import ProjectConfigError, load_project
from .core.record import load_record
from .core.record_files import PARTIES_FILE
from .exit_codes import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .scaffold import ScaffoldError, new_modification, new_release, write_new

# What `sec-release export --format` can write; the same providers the build publishes.
EXPORT_FORMATS = ("atom", "csv", "ics", "json")


def export_providers() -> dict:
    """The export providers by format.

    The exports (and through them Jinja, Python-Markdown, icalendar) are
    imported only by the commands that write them: `sec-release validate`
    does not pay for importing them (0.1–0.2 s).
    """
    from .exports.atom import atom_files
    from .exports.csv_export import csv_files
    from .exports.ical import ics_files
    from .exports.json_export import json_files

    return {"json": json_files, "csv": csv_files, "ics": ics_files, "atom": atom_files}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors; keep that, with our prefix
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"sec-release: error: {message}\n")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _party_ids(given: list[list[str]] | None) -> list[str] | None:
    """--impacts as given (each time it is used, its words): party ids, also separated by commas.

    None when --impacts was not used (impacts not recorded); [] for --impacts alone (no party impacted).
    """
    if given is None:
        return None
    return [part.strip() for words in given for word in words for part in word.split(",") if part.strip()]


def _require_dcc_systems_impact(parser: argparse.ArgumentParser, meaning: str) -> None:
    """--dcc-systems-impact or --no-dcc-systems-impact, one of them required: a guess here is
    wrong half the time, and decides whether DCC's Testing Approach Document is required."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dcc-systems-impact", dest="dcc_systems_impact", action="store_true", default=None, help=f"it impacts DCC Systems ({meaning})")
    group.add_argument("--no-dcc-systems-impact", dest="dcc_systems_impact", action="store_false", help="it does not impact DCC Systems")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sec-release", description="Check and publish the record of SEC Releases against its rulebook.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    validate = sub.add_parser("validate", help="check the record against the rulebook")
    validate.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    validate.add_argument("--as-of", type=_iso_date, help="evaluate as of this date (default: today)")
    validate.add_argument("--format", choices=["text", "json", "github"], default="text")
    validate.set_defaults(func=cmd_validate)

    export = sub.add_parser("export", help="write the open data files (JSON, CSV, iCalendar, Atom) without building the site")
    export.add_argument("--format", required=True, choices=sorted(EXPORT_FORMATS) + ["all"], help="which files to write")
    export.add_argument("out", metavar="OUT", help="folder to write into, with the same paths as on the site (e.g. OUT/data/releases.json)")
    export.add_argument("project_dir", nargs="?", default=".", help="folder holding mkdocs.yml (default: .)")
    export.add_argument("--as-of", type=_iso_date, help="evaluate as of this date (default: today)")
    export.set_defaults(func=cmd_export)

    schema = sub.add_parser("schema", help="write the JSON Schemas of the release, modification and rulebook YAML files")
    schema.add_argument("out_dir", metavar="OUT_DIR", help="folder to write into (the repository ships them in schemas/)")
    schema.set_defaults(func=cmd_schema)

    new = sub.add_parser("new", help="scaffold a new release or modification (never overwrites)")
    kinds = new.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    kinds.required = True
    release = kinds.add_parser("release", help="a planned release: its YAML and its documents with TBC sections")
    release.add_argument("id", metavar="ID", help="the release id, e.g. 2027-11 or 2027-11-minor")
    release.add_argument("--title", required=True, help='e.g. "November 2027 SEC Release"')
    release.add_argument("--go-live", required=True, type=_iso_date, help="the target go-live date, YYYY-MM-DD")
    _require_dcc_systems_impact(release, "with it, a Testing Approach Document is scaffolded too")
    release.add_argument("--modification", action="append", default=[], metavar="MOD_ID", help="a modification targeted for it (repeat for more); it must exist")
    release.add_argument("--project-dir", default=".", help="folder holding mkdocs.yml (default: .)")
    release.set_defaults(func=cmd_new_release)
    modification = kinds.add_parser("modification", help="a Modification Proposal's YAML")
    modification.add_argument("id", metavar="ID", help="e.g. MP250, SECMP0007, MP102A or DP238")
    modification.add_argument("--title", required=True)
    modification.add_argument("--decision-path", required=True, choices=typing.get_args(DecisionPath))
    modification.add_argument("--stage", default="development", choices=typing.get_args(ModificationStage), help="default: development")
    _require_dcc_systems_impact(modification, "the DCC's systems change with it")
    modification.add_argument("--raised", type=_iso_date, help="when it was raised, YYYY-MM-DD")
    modification.add_argument("--url", help="its official page")
    modification.add_argument(
        "--impacts", nargs="*", metavar="PARTY", action="append",
        help="the SEC Party categories it impacts, ids from data/parties.yaml (e.g. --impacts large-suppliers dcc); "
        "--impacts alone: no SEC Party is impacted; left out: not recorded",
    )
    modification.add_argument("--project-dir", default=".", help="folder holding mkdocs.yml (default: .)")
    modification.set_defaults(func=cmd_new_modification)

    add_publishing_commands(sub, _iso_date)  # diff, check-published, build
    return parser


def cmd_validate(args) -> int:
    config = load_project(Path(args.project_dir))
    checked = check_project(config, resolve_as_of(args.as_of, config))
    diagnostics = checked.evaluation.diagnostics
    output = render(diagnostics, args.format, checked.record.files_checked, checked.record.unread_files)
    if output:
        print(output)
    if args.format == "github":
        print(f"sec-release: {len(diagnostics)} problem(s) as of {checked.as_of.isoformat()}")
    failing = any(d.severity in (Severity.ERROR, Severity.WARNING) for d in diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_OK


def _failing(diagnostics, warnings_fail: bool) -> list:
    failing = {Severity.ERROR, Severity.WARNING} if warnings_fail else {Severity.ERROR}
    return [d for d in diagnostics if d.severity in failing]


def cmd_export(args) -> int:
    from .model.build_info import read_build_info
    from .model.context import MODE_PRODUCTION, SiteContext

    root = Path(args.project_dir)
    config = load_project(root)
    checked = check_project(config, resolve_as_of(args.as_of, config))
    diagnostics = checked.evaluation.diagnostics
    if _failing(diagnostics, config.warnings_fail):
        # The build would not publish this record; neither does the export.
        print(format_text(diagnostics, checked.record.files_checked, checked.record.unread_files), file=sys.stderr)
        print("sec-release: nothing exported: fix the problems above first", file=sys.stderr)
        return EXIT_PROBLEMS
    ctx = SiteContext(
        record=checked.record,
        evaluation=checked.evaluation,
        mode=MODE_PRODUCTION,  # the open data never holds drafts, whatever the options say
        build=read_build_info(root),
        site_url=config.site.site_url,
        repo_url=config.site.repo_url,
        edit_uri=config.site.edit_uri,
        options=config.options,
        overrides_dir=config.site.custom_dir or "overrides",
    )
    formats = sorted(EXPORT_FORMATS) if args.format == "all" else [args.format]
    providers = export_providers()
    out = Path(args.out)
    count = 0
    for name in formats:
        for generated in providers[name](ctx):
            target = out / generated.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(generated.content)
            count += 1
    print(f"sec-release: wrote {count} file(s) to {out} (as of {checked.as_of.isoformat()})")
    return EXIT_OK


def cmd_schema(args) -> int:
    from .exports.editor_schemas import write_editor_schemas

    for path in write_editor_schemas(Path(args.out_dir)):
        print(path)
    return EXIT_OK


def _write_scaffold(files, next_steps: list[str]) -> int:
    """Write the files; then say what was created and what to do next."""
    try:
        write_new(files)
    except ScaffoldError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for f in files:
        print(f"created {f.relative}" + (f" ({f.note})" if f.note else ""))
    for step in next_steps:
        print(f"next: {step}")
    return EXIT_OK


def _validate_command(project_dir: str) -> str:
    return "sec-release validate" + ("" if Path(project_dir) == Path(".") else f" {project_dir}")


def cmd_new_release(args) -> int:
    config = load_project(Path(args.project_dir))
    record = load_record(config)
    if record.rulebook is None:
        print(format_text(record.problems, record.files_checked, record.unread_files), file=sys.stderr)
        print("sec-release: error: the rulebook has errors; the documents' sections come from it", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        files = new_release(
            config, record.rulebook, set(record.modifications), args.id, args.title, args.go_live,
            dcc_systems_impact=args.dcc_systems_impact, modifications=args.modification,
            as_of=resolve_as_of(None, config),
        )
    except ScaffoldError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    return _write_scaffold(files, [
        f"run {_validate_command(args.project_dir)} (a planned release's documents are not yet due, so it passes)",
        "fill in the TBC sections as the release progresses; set draft: false to publish it",
    ])


def cmd_new_modification(args) -> int:
    config = load_project(Path(args.project_dir))
    impacts = _party_ids(args.impacts)
    known_parties = None
    if impacts and (config.data_path / PARTIES_FILE).is_file():
        known_parties = list(load_record(config).parties)
    try:
        files = new_modification(
            config, args.id, args.title, args.decision_path, args.stage,
            dcc_systems_impact=args.dcc_systems_impact, raised=args.raised, url=args.url,
            impacts=impacts, known_parties=known_parties,
        )
    except ScaffoldError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    data_dir = config.data_dir
    return _write_scaffold(files, [
        f"put it in a release: sec-release new release ID --title ... --go-live ... --modification {args.id}, "
        f"or list it under modifications: in {data_dir}/releases/ID.yaml (- id: {args.id}, status: targeted)",
        f"run {_validate_command(args.project_dir)}",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader closed the pipe (`sec-release validate | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except ProjectConfigError as exc:
        print(f"sec-release: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
