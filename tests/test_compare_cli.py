"""`sec-release diff --against REF_OR_DIR`: Markdown for a pull-request comment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sec_release.cli import main
from tests.publishing_support import AS_OF, DRAFT_ID, every_change_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("diff-cli")
    every_change_repo(root)
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_diff_prints_every_kind_of_change_as_markdown(repo, capsys):
    code, out, _ = run(capsys, "diff", str(repo), "--against", "published", "--as-of", AS_OF)
    assert code == 0
    assert out.startswith("## What this change would do to the published record\n")
    for expected in (
        "### Releases added", f"{DRAFT_ID} — Zebra Quokka Draft Release *(draft)*",
        "### Releases removed", "2018-06 — June 2018 SEC Release: was implemented",
        "#### 2019-11 — November 2019 SEC Release",
        "Go-live moved: 2019-11-29 → **2019-12-05**",
        "Modification added: MP073 (implemented)",
        "Modification removed from the release: MP074 (implemented → removed)",
        "Modification no longer listed: MP076 (was implemented)",
        "Implementation Document re-issued: version 1.0 → 1.1, updated 2019-10-31 → 2019-11-20",
        "Testing Approach Document: its text changed, but not its version or date",
        "Compliance: d10-19-consultation \\[D10.19\\] missing → **met**",
        "`summary`: A test release. → Scope grew by one modification.",
        "### Modification register", "Added: MP250", "Removed: MP090", "Changed: MP080",
        "The Policy's text changed.",
    ):
        assert expected in out, expected
    # No links without a site address.
    assert "](" not in out


def test_diff_links_each_item_to_the_preview(repo, capsys):
    site = "https://example.github.io/record/pr-preview/pr-7/"
    code, out, _ = run(capsys, "diff", str(repo), "--against", "published", "--as-of", AS_OF, "--site-url", site)
    assert code == 0
    links = set(re.findall(r"\]\((https://[^)]+)\)", out))
    assert {
        site + f"releases/{DRAFT_ID}/", site + "releases/2019-11/", site + "modifications/MP073/",
        site + "releases/2019-11/implementation-document/", site + "compliance/#r-d10-19-consultation-2020-11",
        site + "modifications/MP250/", site + "policy/release-management-policy/",
    } <= links
    assert not any("2018-06" in link or "MP090" in link for link in links)  # gone: nothing to link to


def test_diff_to_a_file_and_exit_code(repo, capsys, tmp_path):
    output = tmp_path / "comment.md"
    code, out, _ = run(capsys, "diff", str(repo), "--against", "published", "--as-of", AS_OF, "--output", str(output), "--exit-code")
    assert code == 1 and out == ""
    assert "### Releases changed" in output.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "diff", str(repo), "--against", "HEAD", "--as-of", AS_OF, "--exit-code")
    assert code == 0 and "**No differences**" in out


def test_diff_with_an_unreadable_baseline_is_a_usage_error(repo, capsys):
    code, out, err = run(capsys, "diff", str(repo), "--against", "origin/nowhere", "--as-of", AS_OF)
    assert code == 2 and out == ""
    assert "origin/nowhere" in err and "fetch-depth" in err
