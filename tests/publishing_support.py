"""Helpers for the preview, comparison and published-record tests (issue 5).

* git repositories of factory projects, with a published baseline commit;
* :func:`every_change_repo`: two commits that make every kind of change the
  comparison reports (release added/removed/changed field by field,
  modification added to/removed from a release, go-live moved, document
  re-issued, text changed, compliance result changed, register changes);
* in-process builds with the environment a CI job would set;
* reading every built file, gzip-decompressed.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

from tests.factory import POLICY, TESTING_APPROACH, complete_release, modification, write_project, write_yaml

AS_OF = "2024-01-01"
EPOCH = "1700000000"  # 14 November 2023, 22:13:20 UTC
REPO = Path(__file__).resolve().parent.parent

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2023-11-14T22:13:20Z", "GIT_COMMITTER_DATE": "2023-11-14T22:13:20Z",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout.strip()


def init_repo(root: Path, branch: str = "main") -> None:
    git(root, "init", "-q", "-b", branch)


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A", ".")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD")


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Set (a value) or unset (None) environment variables, and restore them afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    try:
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build(root: Path, site_dir: Path, *, preview: bool = False, compare_to: str | None = None,
          as_of: str = AS_OF, branch: str | None = None, commit: str | None = None) -> Path:
    """One in-process MkDocs build of the project at ``root``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    with environment(
        SEC_RELEASE_PREVIEW="1" if preview else None,
        SEC_RELEASE_COMPARE_TO=compare_to,
        SEC_RELEASE_AS_OF=as_of,
        SOURCE_DATE_EPOCH=EPOCH,
        SEC_RELEASE_BRANCH=branch,
        SEC_RELEASE_COMMIT=commit,
        GITHUB_HEAD_REF=None,
    ):
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir)))
    return site_dir


def site_files(site_dir: Path) -> dict[str, bytes]:
    """Every built file's bytes by site-relative path; .gz files decompressed."""
    out = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(site_dir).as_posix()] = data
    return out


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.is_file())


def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def copy_repo_overrides(root: Path) -> None:
    """Give a factory project the shipped site's overrides/ (its own main.html and CSS)."""
    target = root / "overrides"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(REPO / "overrides", target)


# ---------------------------------------------------------------------------
# A published baseline and a change that makes every kind of difference

HOSTILE_TITLE = "Quokka <b>bold</b> {{ 7*7 }} | pipe"
DRAFT_ID = "2027-11-zq"
DRAFT_TITLE = "Zebra Quokka Draft Release"


def _published_releases() -> tuple[dict, dict, dict]:
    gone = complete_release(
        "2018-06", "2018-06-28", title="June 2018 SEC Release",
        modifications=[{"id": "MP090", "status": "implemented"}],
    )
    changed = complete_release(
        "2019-11", "2019-11-29", title="November 2019 SEC Release",
        modifications=[
            {"id": "MP071", "status": "implemented"},
            {"id": "MP074", "status": "implemented"},
            {"id": "MP076", "status": "implemented"},
        ],
    )
    # Published without DCC's consultation: d10-19-consultation is missing there.
    gaps = complete_release("2020-11", "2020-11-26", title="November 2020 SEC Release", sec_version="27.0")
    del gaps["testing_approach"]["consultation"]
    return gone, changed, gaps


PUBLISHED_MODIFICATIONS = ["MP071", "MP073", "MP074", "MP076", "MP080", "MP090"]


def write_published(root: Path) -> None:
    """The baseline: three published releases, one of them with a compliance gap."""
    gone, changed, gaps = _published_releases()
    write_project(root, [gone, changed, gaps], [modification(m) for m in PUBLISHED_MODIFICATIONS])


def write_every_change(root: Path) -> None:
    """The change on top of :func:`write_published` (see the module docstring)."""
    _, changed, gaps = _published_releases()
    changed = copy.deepcopy(changed)
    changed["go_live"] = "2019-12-05"
    changed["date_changes"] = [{
        "requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-29", "to": "2019-12-05",
        "by": "Authority", "reason": "More time for regression testing.",
    }]
    changed["modifications"] = [
        {"id": "MP071", "status": "implemented"},
        {"id": "MP073", "status": "implemented"},  # added to the release
        {"id": "MP074", "status": "removed", "note": "Moved to a later release."},  # removed from it
        # MP076: no longer listed
    ]
    changed["implementation_document"]["version"] = "1.1"
    changed["implementation_document"]["updated"] = "2019-11-20"
    changed["summary"] = "Scope grew by one modification."
    changed["sec_version"] = "6.22"
    changed["milestones"][0]["date"] = "2019-09-20"
    changed["amendments"].append({"date": "2019-11-20", "summary": "Go-live moved; MP073 added; MP074 removed."})
    gaps = copy.deepcopy(gaps)
    gaps["testing_approach"]["consultation"] = {"opened": "2020-01-06", "closed": "2020-02-03", "responses": 4}
    gaps["amendments"].append({"date": "2020-03-01", "summary": "Consultation recorded."})
    draft = {
        "id": DRAFT_ID, "title": DRAFT_TITLE, "status": "planned", "draft": True, "go_live": "2027-11-04",
        "dcc_systems_impact": False, "modifications": [{"id": "MP250", "status": "targeted"}],
    }
    mods = [modification(m) for m in PUBLISHED_MODIFICATIONS if m != "MP090"]
    mods = [modification("MP080", title="Managing DUIS uplifts") if m["id"] == "MP080" else m for m in mods]
    mods.append(modification("MP250", title=HOSTILE_TITLE, stage="development"))
    (root / "data" / "releases" / "2018-06.yaml").unlink()
    (root / "data" / "modifications" / "MP090.yaml").unlink()
    shutil.rmtree(root / "content" / "releases" / "2018-06")
    write_project(
        root, [changed, gaps, draft], mods,
        policy=POLICY + "\nThe Panel reviews this Policy every year.\n",
    )
    # The Testing Approach Document's text changes, its version and date do not.
    (root / "content" / "releases" / "2019-11" / "testing-approach.md").write_text(
        TESTING_APPROACH + "\nRegression testing was extended by a week.\n", encoding="utf-8"
    )


def every_change_repo(root: Path) -> str:
    """A git repo whose commit tagged ``published`` is the baseline and whose HEAD changes everything. Returns the baseline ref."""
    root.mkdir(parents=True, exist_ok=True)
    write_published(root)
    init_repo(root)
    commit_all(root, "The published record")
    git(root, "tag", "published")
    write_every_change(root)
    commit_all(root, "Every kind of change")
    return "published"


__all__ = [
    "AS_OF", "EPOCH", "git", "init_repo", "commit_all", "environment", "build", "site_files", "html_pages", "soup",
    "copy_repo_overrides", "every_change_repo", "write_published", "write_every_change", "write_yaml",
    "HOSTILE_TITLE", "DRAFT_ID", "DRAFT_TITLE",
]
