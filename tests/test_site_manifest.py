"""/data/manifest.json: every published file, its size and SHA-256, sorted, with forward slashes.

A small site folder in tmp_path, no build: the manifest is what a reader
downloads to check that a mirror of the record is complete and unchanged.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from sec_release.core.evaluate import Evaluation
from sec_release.core.project import config_from_options
from sec_release.core.record import Record
from sec_release.exports.manifest import MANIFEST_PATH, build_manifest, site_files, write_manifest
from sec_release.model.context import BuildInfo, SiteContext

HELLO_SHA256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"  # b"hello\n"
CSS_SHA256 = "7c98040a541657584690ae2a1cc3b42a8b53b159cc60c5d3abbfecbaeac6c94a"  # b"body{}"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
E_ACUTE_SHA256 = "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"  # "é" in UTF-8, 2 bytes
COMMIT = "702c2d2de65667ae7881c40fd0e1885dba7cf613"


def context(tmp_path: Path, commit: str = COMMIT) -> SiteContext:
    record = Record(config_from_options(tmp_path, "content", {}))
    built_at = datetime(2026, 11, 26, 9, 5, 7, 123456, tzinfo=timezone.utc)
    return SiteContext(record, Evaluation(as_of=date(2026, 11, 20)), build=BuildInfo(commit=commit, built_at=built_at))


def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    # Written out of order, so that the manifest's order is its own, not the disk's.
    for rel, content in [
        ("zeta/index.html", b"hello\n"),
        ("assets/css/main.css", b"body{}"),
        ("Index.html", b""),
        ("data/releases.json", "é".encode()),
        ("a.txt", b"hello\n"),
        ("assets/a.js", b""),
    ]:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (folder / "empty-folder").mkdir()
    return folder


def test_site_files_lists_every_file_sorted_with_forward_slashes(tmp_path):
    assert site_files(site(tmp_path)) == [
        "Index.html", "a.txt", "assets/a.js", "assets/css/main.css", "data/releases.json", "zeta/index.html",
    ]


def test_a_link_to_a_file_is_listed_and_a_link_to_a_folder_is_not_followed(tmp_path):
    folder = site(tmp_path)
    try:
        os.symlink(folder / "a.txt", folder / "linked.txt")
        os.symlink(folder / "assets", folder / "linked-folder", target_is_directory=True)
    except OSError:
        pytest.fail("this test needs symbolic links")
    assert site_files(folder) == [
        "Index.html", "a.txt", "assets/a.js", "assets/css/main.css", "data/releases.json", "linked.txt", "zeta/index.html",
    ]


def test_the_manifest_gives_each_files_path_sha256_and_size_and_the_build(tmp_path):
    content = build_manifest(context(tmp_path), site(tmp_path))
    assert content == (
        "{\n"
        '  "schema_version": 1,\n'
        '  "generated_at": "2026-11-26T09:05:07Z",\n'
        f'  "commit": "{COMMIT}",\n'
        '  "as_of": "2026-11-20",\n'
        '  "algorithm": "sha256",\n'
        '  "files": [\n'
        "    {\n"
        '      "path": "Index.html",\n'
        f'      "sha256": "{EMPTY_SHA256}",\n'
        '      "bytes": 0\n'
        "    },\n"
        "    {\n"
        '      "path": "a.txt",\n'
        f'      "sha256": "{HELLO_SHA256}",\n'
        '      "bytes": 6\n'
        "    },\n"
        "    {\n"
        '      "path": "assets/a.js",\n'
        f'      "sha256": "{EMPTY_SHA256}",\n'
        '      "bytes": 0\n'
        "    },\n"
        "    {\n"
        '      "path": "assets/css/main.css",\n'
        f'      "sha256": "{CSS_SHA256}",\n'
        '      "bytes": 6\n'
        "    },\n"
        "    {\n"
        '      "path": "data/releases.json",\n'
        f'      "sha256": "{E_ACUTE_SHA256}",\n'
        '      "bytes": 2\n'
        "    },\n"
        "    {\n"
        '      "path": "zeta/index.html",\n'
        f'      "sha256": "{HELLO_SHA256}",\n'
        '      "bytes": 6\n'
        "    }\n"
        "  ]\n"
        "}\n"
    ).encode()


def test_without_a_known_commit_the_manifest_says_null(tmp_path):
    data = json.loads(build_manifest(context(tmp_path, commit=""), site(tmp_path)))
    assert data["commit"] is None


def test_write_manifest_writes_it_under_data_and_never_lists_itself(tmp_path):
    folder = tmp_path / "site"
    (folder / "x").mkdir(parents=True)
    (folder / "x" / "page.html").write_bytes(b"hello\n")
    ctx = context(tmp_path)
    target = write_manifest(ctx, folder)  # data/ does not exist yet
    assert target == folder / "data" / "manifest.json"
    assert MANIFEST_PATH == "data/manifest.json"
    first = target.read_bytes()
    assert [f["path"] for f in json.loads(first)["files"]] == ["x/page.html"]
    assert write_manifest(ctx, folder).read_bytes() == first  # written again over itself: the same bytes


def test_write_manifest_into_a_new_folder_lists_no_files(tmp_path):
    target = write_manifest(context(tmp_path), tmp_path / "new-site")
    assert json.loads(target.read_bytes())["files"] == []
