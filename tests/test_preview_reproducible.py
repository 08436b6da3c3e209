"""Provenance and reproducibility: byte-identical builds, /data/manifest.json, release digests."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sec_release.core.digest import canonical_json, release_digest
from sec_release.core.models import Release
from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import complete_release
from tests.publishing_support import AS_OF, EPOCH, GIT_ENV, build, every_change_repo, git

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

SEC_RELEASE = [sys.executable, "-m", "sec_release.cli"]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("reproducible")
    every_change_repo(root)
    return root


def cli_build(repo: Path, site: Path, *, seed: str, tz: str, epoch: str | None, preview: bool) -> None:
    # The run's engine stays (SEC_RELEASE_ENGINE: tasks.py test builds with both); nothing else of ours or GitHub's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEC_RELEASE_", "GITHUB_")) or k == "SEC_RELEASE_ENGINE"}
    env.update(GIT_ENV, PYTHONHASHSEED=seed, TZ=tz, SEC_RELEASE_AS_OF=AS_OF)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    args = [*SEC_RELEASE, "build", str(repo), "--site-dir", str(site)]
    if preview:
        args += ["--preview", "--compare-to", "published"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("preview", [False, True], ids=["production", "preview"])
def test_two_builds_of_the_same_commit_are_byte_identical(repo, tmp_path, preview):
    """Different processes, hash seeds, time zones and site folders; the same commit, epoch and as-of date.

    The preview run leaves SOURCE_DATE_EPOCH unset: `sec-release build` takes it from the commit.
    """
    epoch = None if preview else EPOCH
    first, second = tmp_path / "one", tmp_path / "elsewhere" / "two"
    cli_build(repo, first, seed="1", tz="UTC", epoch=epoch, preview=preview)
    cli_build(repo, second, seed="2", tz="Pacific/Auckland", epoch=epoch, preview=preview)
    a = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    b = {p.relative_to(second).as_posix(): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    for path in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "data/manifest.json", "404.html"):
        assert path in a, path
    sitemap = gzip.decompress(a["sitemap.xml.gz"]).decode()
    assert sitemap == a["sitemap.xml"].decode()
    assert "<lastmod>2023-11-14</lastmod>" in sitemap  # the commit's date, not the day of the build
    assert ("changes/index.html" in a) == preview


def test_manifest_lists_every_published_file_with_its_sha256(repo, tmp_path):
    site = build(repo, tmp_path / "site")
    manifest = json.loads((site / "data" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == 1 and manifest["algorithm"] == "sha256"
    assert manifest["commit"] == git(repo, "rev-parse", "HEAD")
    assert manifest["generated_at"] == "2023-11-14T22:13:20Z" and manifest["as_of"] == AS_OF
    listed = [entry["path"] for entry in manifest["files"]]
    assert listed == sorted(listed)
    on_disk = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert listed == [p for p in on_disk if p != "data/manifest.json"]
    for entry in manifest["files"]:
        data = (site / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["path"]
        assert entry["bytes"] == len(data)
    # Written after everything else: the search index, the sitemap and the exports are in it.
    assert {"search/search_index.json", "sitemap.xml.gz", "data/releases.json", "feed.xml"} <= set(listed)


def _documented_digest(data: dict) -> str:
    """The rule readers are given on /data/: the data as validated (defaults filled in), absent values
    dropped, kind and illustrative dropped at their defaults, JSON with sorted keys, no spaces, UTF-8, SHA-256."""
    data = Release.model_validate(data).model_dump(mode="json", by_alias=True)

    def drop_absent(value):
        if isinstance(value, dict):
            kept = {k: drop_absent(v) for k, v in value.items()}
            return {k: v for k, v in kept.items() if v not in (None, [], {})}
        if isinstance(value, list):
            return [drop_absent(v) for v in value]
        return value

    data = drop_absent(data)
    for key, default in (("kind", "scheduled"), ("illustrative", False)):  # fields added later, at their defaults
        if data.get(key) == default:
            del data[key]
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_release_digest_depends_on_the_data_not_on_how_it_is_written(tmp_path):
    data = complete_release(summary="Café – a test release.", external_auditor=None)
    digest = release_digest(Release.model_validate(data))
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert digest == _documented_digest(data)
    # Key order, quoting, explicit defaults and empty lists do not change it.
    reordered = dict(reversed(list(data.items())))
    reordered["testing_approach"] = {**data["testing_approach"], "owner": "DCC"}
    reordered["external_auditor"] = None
    reordered["waivers"] = []
    assert release_digest(Release.model_validate(reordered)) == digest
    assert release_digest(Release.model_validate({k: v for k, v in data.items() if k != "waivers"})) == digest
    # Any change of what the record says does.
    assert release_digest(Release.model_validate({**data, "summary": "Another summary."})) != digest
    assert release_digest(Release.model_validate({**data, "go_live": "2019-11-30"})) != digest
    # The canonical form is sorted, compact JSON of the values as written in YAML.
    text = canonical_json({"b": 1, "a": "é"})
    assert text == '{"a":"é","b":1}'.encode()


def test_release_digest_of_a_loaded_record_is_stable(repo):
    record = load_record(load_project(repo))
    first = {rid: release_digest(r) for rid, r in record.releases.items()}
    again = {rid: release_digest(r) for rid, r in load_record(load_project(repo)).releases.items()}
    assert first == again and len(set(first.values())) == len(first)
