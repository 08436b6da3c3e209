"""Read the published baseline: a git ref, a checked-out project, or a published site's data.

``--against`` / ``compare_to`` take one of:

* a **git ref** (``origin/main``, a tag, a commit): the record's files are read
  at that ref with ``git ls-tree`` and ``git cat-file`` (no checkout, the work
  tree is untouched), written to a temporary folder, loaded and evaluated;
* a **project folder** holding ``mkdocs.yml`` (another checkout);
* a **published site** folder holding ``data/releases.json``, or that
  ``data/`` folder itself: the open-data exports (``releases.json``,
  ``modifications.json``, ``compliance.json``) of a previous build.

Everything becomes a :class:`~sec_release.core.compare.Snapshot`.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path, PurePosixPath

from .compare import Snapshot, snapshot_from_record
from .evaluate import evaluate
from .git import GitError, git
from .project import ProjectConfig, ProjectConfigError, load_project
from .record import Record, load_record

SITE_SCHEMA_VERSIONS = (1, 2)


class BaselineError(Exception):
    """The baseline cannot be read; the message says why, for a person."""


def _git(cwd: Path, *args: str, input: bytes | None = None) -> bytes:
    try:
        return git(cwd, *args, input=input)
    except GitError as exc:
        raise BaselineError(str(exc)) from None


def _resolve_commit(root: Path, ref: str) -> str:
    if ref.startswith("-"):
        raise BaselineError(f"{ref!r} is not a git ref")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except BaselineError:
        raise BaselineError(
            f"{ref!r} is neither a folder nor a commit of the git repository at {root} "
            "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)"
        ) from None


def _pathspec(prefix: str, wanted: str) -> str:
    """A project path as git names it from the top of the repository; "." (or "", "./") is the whole project folder."""
    folder = PurePosixPath(wanted).as_posix()  # "data/" and "./data" are "data"; "" and "./" are "."
    return prefix + folder if folder != "." else prefix or "."


def _read_tree(root: Path, commit: str, wanted: list[str], into: Path) -> None:
    """Write the blobs under ``wanted`` (paths relative to ``root``) at ``commit`` into ``into``."""
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    toplevel = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    pathspecs = sorted({_pathspec(prefix, w) for w in wanted})
    listing = _git(toplevel, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspecs)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        if kind != "blob" or mode == "120000":  # skip submodules and symbolic links
            continue
        relative = path.decode("utf-8", "surrogateescape")[len(prefix):]
        pure = PurePosixPath(relative)
        if pure.is_absolute() or ".." in pure.parts:
            continue
        blobs.append((sha, relative))
    if not blobs:
        return
    # One git process for every file: `cat-file --batch` answers "<sha> <type> <size>\n<bytes>\n" per request.
    output = _git(toplevel, "cat-file", "--batch", input="".join(f"{sha}\n" for sha, _ in blobs).encode())
    offset = 0
    for sha, relative in blobs:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].decode().split()
        if len(header) != 3 or header[0] != sha or header[1] != "blob":  # git's answer for this file, or none
            raise BaselineError(f"git cat-file could not read {relative} at {commit[:12]}")
        size = int(header[2])
        start = header_end + 1
        target = into / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output[start : start + size])
        offset = start + size + 1


def snapshot_from_git(ref: str, config: ProjectConfig, as_of: date) -> Snapshot:
    """The record at a git ref, with the current project's paths, evaluated as of ``as_of``."""
    root = config.root
    commit = _resolve_commit(root, ref)
    label = f"{ref} (commit {commit[:12]})" if not commit.startswith(ref) else f"commit {commit[:12]}"
    with tempfile.TemporaryDirectory(prefix="sec-release-baseline-") as tmp:
        where = Path(tmp)
        wanted = [config.data_dir, config.docs_dir, config.rulebook]
        _read_tree(root, commit, wanted, where)
        record = load_record(replace(config, root=where))
        snapshot = snapshot_from_record(record, evaluate(record, as_of), label)
        if not (where / config.data_dir).is_dir():
            # The record did not exist yet at that ref: everything in this build is new.
            snapshot.problems = 0
    return snapshot


def snapshot_from_project(folder: Path, as_of: date) -> Snapshot:
    try:
        config = load_project(folder)
    except ProjectConfigError as exc:
        raise BaselineError(str(exc)) from None
    record: Record = load_record(config)
    return snapshot_from_record(record, evaluate(record, as_of), f"the project at {folder}")


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path} does not exist: the published site has no such export") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path} cannot be read as JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: expected a JSON object")
    version = data.get("schema_version")
    if version not in SITE_SCHEMA_VERSIONS:
        raise BaselineError(f"{path}: schema_version {version!r} is not one this version reads ({', '.join(map(str, SITE_SCHEMA_VERSIONS))})")
    return data


def site_data_dir(folder: Path) -> Path | None:
    """The ``data/`` folder of a published site given the site or that folder; None when it is neither."""
    for candidate in (folder / "data", folder):
        if (candidate / "releases.json").is_file():
            return candidate
    return None


def snapshot_from_site(folder: Path) -> Snapshot:
    """A published site's ``data/*.json``: every release there was published (a site never shows drafts)."""
    data_dir = site_data_dir(folder)
    if data_dir is None:
        raise BaselineError(f"{folder} holds no data/releases.json: not a published site")
    releases_file = _read_json(data_dir / "releases.json")
    releases = {}
    for item in releases_file.get("releases") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            releases[item["id"]] = item
    modifications = {}
    if (data_dir / "modifications.json").is_file():
        for item in _read_json(data_dir / "modifications.json").get("modifications") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                modifications[item["id"]] = item
    results: dict = {}
    requirements: dict = {}
    as_of = None
    if (data_dir / "compliance.json").is_file():
        compliance = _read_json(data_dir / "compliance.json")
        try:
            as_of = date.fromisoformat(str(compliance.get("as_of")))
        except ValueError:
            as_of = None
        for item in compliance.get("results") or []:
            if not isinstance(item, dict) or not isinstance(item.get("requirement_id"), str):
                continue
            results[(item.get("release_id"), item["requirement_id"])] = str(item.get("status"))
            requirements.setdefault(item["requirement_id"], (str(item.get("clause", "")), str(item.get("title", ""))))
    generated = releases_file.get("generated_at")
    label = f"the published site at {folder}" + (f" (built {str(generated)[:10]})" if generated else "")
    return Snapshot(
        label=label, releases=releases, modifications=modifications, results=results,
        requirements=requirements, documents=None, as_of=as_of,
    )


def load_baseline(spec: str, config: ProjectConfig, as_of: date) -> Snapshot:
    """A baseline from ``--against``/``compare_to``: a folder (site or project) or a git ref."""
    if not spec or not spec.strip():
        raise BaselineError("no baseline given: name a git ref (origin/main) or a folder")
    spec = spec.strip()
    folder = Path(spec)
    if not folder.is_absolute():
        # Relative folders are tried from the working directory, then from the project.
        for base in (Path.cwd(), config.root):
            if (base / folder).is_dir():
                folder = base / folder
                break
    if folder.is_dir():
        if (folder / "mkdocs.yml").is_file():
            return snapshot_from_project(folder, as_of)
        if site_data_dir(folder) is not None:
            return snapshot_from_site(folder)
        raise BaselineError(f"{spec} is a folder but neither a project (mkdocs.yml) nor a published site (data/releases.json)")
    return snapshot_from_git(spec, config, as_of)


__all__ = ["BaselineError", "load_baseline", "snapshot_from_git", "snapshot_from_site", "snapshot_from_project", "site_data_dir"]
