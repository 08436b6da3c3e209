"""A small record for the export tests (test_exports_*.py): hostile titles, a date change, a draft.

No tests here. ``write_export_project`` writes a project that validates
clean; ``export(root)`` runs ``sec-release export --format all`` in-process and
returns every file it wrote, by site path.
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from tests.factory import REPO, complete_release, modification, write_project

EPOCH = 1_700_000_000  # SOURCE_DATE_EPOCH of every export in these tests
BUILT_AT = datetime.fromtimestamp(EPOCH, tz=timezone.utc)

# Titles that try to break out of each format.
HOSTILE_RELEASE_TITLE = '=HYPERLINK("http://evil.example/x","Click") <script>alert("x")</script>, \'quoted\'; a\nsecond line'
HOSTILE_MOD_TITLE = "+cmd|' /C calc'!A0, \"with quotes\" & <b>bold</b>"
AT_MOD_TITLE = "@SUM(1+1) <img src=x onerror=alert(1)>"
DASH_NOTE = "-2+3 moved here, see <script>"
DRAFT_MARK = "SECRETDRAFT"  # appears only in the draft release and the modification only it carries

IMPLEMENTED = "2019-11"
PLANNED = "2027-11"
DRAFT = "2025-06"
DRAFT_ONLY_MOD = "MP999"


def implemented_release() -> dict:
    return complete_release(
        IMPLEMENTED,
        "2019-11-29",
        title=HOSTILE_RELEASE_TITLE,
        summary="Summary with <script>alert(1)</script> and {{ braces }}.",
        modifications=[
            {"id": "MP071", "status": "implemented"},
            {"id": "MP073", "status": "removed", "note": DASH_NOTE},
        ],
        milestones=[
            {"name": "System Integration Testing complete", "date": "2019-09-13", "state": "actual"},
            {"name": "Regression testing, \"final\"", "date": "2019-11-15", "state": "actual"},
        ],
        date_changes=[
            {"requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-29", "by": "Authority", "reason": "More time for <em>regression</em> testing."},
        ],
        amendments=[
            {"date": "2019-06-01", "summary": "Release added to the record."},
            {"date": "2019-10-31", "summary": "Implementation Document v1.3 after a <script> was found."},
        ],
    )


def planned_release() -> dict:
    return {
        "id": PLANNED,
        "title": "November 2027 SEC Release",
        "status": "planned",
        "draft": False,
        "go_live": "2027-11-04",
        "dcc_systems_impact": True,
        "modifications": [{"id": "MP250", "status": "targeted"}],
        "milestones": [
            {"name": "Full scope baseline", "date": "2027-05-14", "state": "expected"},
            {"name": "DCC Systems scope baseline", "date": "2026-11-11", "state": "actual"},
        ],
        "amendments": [{"date": "2026-10-16", "summary": "Release created."}],
    }


def draft_release() -> dict:
    return complete_release(
        DRAFT,
        "2025-06-26",
        draft=True,
        title=f"{DRAFT_MARK} June 2025 release",
        summary=f"{DRAFT_MARK} summary",
        modifications=[{"id": DRAFT_ONLY_MOD, "status": "implemented"}],
        milestones=[{"name": f"{DRAFT_MARK} milestone", "date": "2025-05-01", "state": "actual"}],
        amendments=[{"date": "2025-01-10", "summary": f"{DRAFT_MARK} amendment"}],
    )


def modifications() -> list[dict]:
    return [
        modification("MP071", title=HOSTILE_MOD_TITLE),
        modification("MP073", title="Alteration of SMKI Repository information"),
        modification("MP250", title=AT_MOD_TITLE, stage="development", decision_path="authority"),
        modification(DRAFT_ONLY_MOD, title=f"{DRAFT_MARK} modification"),
    ]


def write_export_project(root: Path, releases: list[dict] | None = None) -> Path:
    releases = releases if releases is not None else [implemented_release(), planned_release(), draft_release()]
    write_project(root, releases, modifications())
    # The repository's theme overrides: they put the feed link into every page's head.
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    return root


@contextmanager
def environment(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def export(root: Path, out: Path, fmt: str = "all") -> dict[str, bytes]:
    """``sec-release export --format FMT OUT ROOT``, in-process; every file written, by site path."""
    from sec_release.cli import main

    with environment(SOURCE_DATE_EPOCH=str(EPOCH)):
        code = main(["export", "--format", fmt, str(out), str(root)])
    assert code == 0, f"export failed with exit code {code}"
    return read_tree(out)


def is_export(path: str) -> bool:
    """Whether a site path is one of the files the exports write (not a page, the search index, the manifest ...)."""
    return bool(
        re.fullmatch(r"data/(releases|modifications|compliance)(\.schema)?\.json|data/(releases|compliance)\.csv", path)
        or path in ("calendar.ics", "feed.xml")
        or re.fullmatch(r"releases/[^/]+/calendar\.ics", path)
    )


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every export file under ``folder``, by site path."""
    out = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and is_export(relative):
            out[relative] = path.read_bytes()
    return out
