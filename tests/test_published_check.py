"""`sec-release check-published`: each forbidden rewrite of the published record, and the legitimate changes."""

from __future__ import annotations

import copy
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from sec_release.cli import main
from sec_release.core.check import check_project
from sec_release.core.project import load_project
from sec_release.exports.json_export import json_files
from sec_release.model.context import SiteContext
from tests.factory import complete_release, modification, write_project, write_yaml
from tests.publishing_support import AS_OF, commit_all, git, init_repo

PUBLISHED = "2019-11"
DRAFT = "2027-11"
FILE = f"data/releases/{PUBLISHED}.yaml"


def published_release() -> dict:
    return complete_release(PUBLISHED, "2019-11-29", amendments=[
        {"date": "2019-10-31", "summary": "First publication."},
        {"date": "2019-11-22", "summary": "Go-live decision recorded."},
    ])


def draft_release() -> dict:
    return {
        "id": DRAFT, "title": "November 2027 SEC Release", "status": "planned", "draft": True,
        "go_live": "2027-11-04", "dcc_systems_impact": False,
        "modifications": [{"id": "MP071", "status": "targeted"}],
        "amendments": [{"date": "2026-01-05", "summary": "Drafted."}],
    }


@pytest.fixture
def repo(tmp_path) -> Path:
    write_project(tmp_path, [published_release(), draft_release()], [modification("MP071")])
    init_repo(tmp_path)
    commit_all(tmp_path, "The published record")
    git(tmp_path, "tag", "published")
    return tmp_path


def rewrite(root: Path, release_id: str, change) -> None:
    path = root / "data" / "releases" / f"{release_id}.yaml"
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    write_yaml(path, data)


def check(root: Path, capsys, against: str = "published", fmt: str = "json") -> tuple[int, object, str]:
    code = main(["check-published", str(root), "--against", against, "--as-of", AS_OF, "--format", fmt])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if fmt == "json" else out.out), out.err


def line_of(root: Path, file: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate((root / file).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {file}")


def only(findings: list[dict]) -> dict:
    assert len(findings) == 1, findings
    return findings[0]


# --- forbidden -------------------------------------------------------------


def test_editing_a_published_amendment(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d["amendments"][0].update(summary="First publication (corrected)."))
    code, findings, err = check(repo, capsys)
    assert code == 1 and "would be rewritten" in err
    finding = only(findings)
    assert finding["code"] == "published-amendment-edited" and finding["severity"] == "error"
    assert (finding["file"], finding["line"]) == (FILE, line_of(repo, FILE, "- date: '2019-10-31'"))
    assert "First publication." in finding["message"] and "(corrected)" in finding["message"]


def test_removing_a_published_amendment(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d["amendments"].pop())
    code, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert code == 1 and finding["code"] == "published-amendment-removed"
    assert (finding["file"], finding["line"]) == (FILE, line_of(repo, FILE, "amendments:"))
    assert "Go-live decision recorded." in finding["message"]


def test_inserting_an_amendment_before_published_ones(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d["amendments"].insert(1, {"date": "2019-11-01", "summary": "Slipped in."}))
    code, findings, _ = check(repo, capsys)
    assert code == 1
    assert [f["code"] for f in findings] == ["published-amendment-edited"]
    assert "inserted or moved" in findings[0]["message"]


def test_changing_published_data_without_an_amendment(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d.update(summary="Quietly reworded."))
    code, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert code == 1 and finding["code"] == "published-unrecorded-change"
    assert (finding["file"], finding["line"]) == (FILE, line_of(repo, FILE, "summary:"))
    assert "summary" in finding["message"] and "amendments" in finding["hint"]


def test_changing_a_nested_field_without_an_amendment_points_at_its_key(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d["testing_approach"]["consultation"].update(responses=8))
    _, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert finding["code"] == "published-unrecorded-change"
    assert finding["line"] == line_of(repo, FILE, "testing_approach:")


def test_a_published_release_that_gains_a_field_without_an_amendment(repo, capsys):
    # Every other test edits a field that is already there; a new one is a change too.
    rewrite(repo, PUBLISHED, lambda d: d.update(external_auditor={"appointed": "2019-07-01", "name": "Audit & Co"}))
    code, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert (code, finding["code"]) == (1, "published-unrecorded-change")
    assert (finding["file"], finding["line"]) == (FILE, line_of(repo, FILE, "external_auditor:"))
    assert "(external_auditor)" in finding["message"]


def test_deleting_a_published_release(repo, capsys):
    (repo / FILE).unlink()
    code, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert code == 1 and finding["code"] == "published-release-removed"
    assert (finding["file"], finding["line"]) == (FILE, 1)
    assert "cancelled" in finding["hint"]


def test_renaming_a_published_release_is_a_deletion(repo, capsys):
    (repo / FILE).unlink()
    renamed = published_release()
    renamed.update(id="2019-12", title="Renamed", go_live="2019-12-05")  # a December id goes live in December
    write_yaml(repo / "data" / "releases" / "2019-12.yaml", renamed)
    shutil.copytree(repo / "content" / "releases" / PUBLISHED, repo / "content" / "releases" / "2019-12")
    rewrite(repo, "2019-12", lambda d: (d["implementation_document"].update(page="releases/2019-12/implementation-document.md"),
                                         d["testing_approach"].update(page="releases/2019-12/testing-approach.md")))
    _, findings, _ = check(repo, capsys)
    assert [f["code"] for f in findings] == ["published-release-removed"]


def test_turning_a_published_release_back_into_a_draft(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d.update(draft=True))
    code, findings, _ = check(repo, capsys)
    finding = only(findings)
    assert code == 1 and finding["code"] == "published-release-unpublished"
    assert finding["line"] == line_of(repo, FILE, "draft: true")


def test_several_rewrites_are_reported_together(repo, capsys):
    def change(d):
        d["amendments"][1]["summary"] = "Edited."
        d["sec_version"] = "6.99"

    rewrite(repo, PUBLISHED, change)
    _, findings, _ = check(repo, capsys)
    assert sorted(f["code"] for f in findings) == ["published-amendment-edited", "published-unrecorded-change"]


# --- allowed ---------------------------------------------------------------


def test_appending_an_amendment_with_a_change(repo, capsys):
    def change(d):
        d["summary"] = "Reworded, and said so."
        d["amendments"].append({"date": "2019-12-02", "summary": "Summary reworded."})

    rewrite(repo, PUBLISHED, change)
    code, findings, _ = check(repo, capsys)
    assert (code, findings) == (0, [])
    code, out, _ = check(repo, capsys, fmt="text")
    assert code == 0 and "the published record is intact: 1 published release(s) checked" in out


def test_cancelling_a_published_release_with_an_amendment(repo, capsys):
    def change(d):
        d["status"] = "cancelled"
        d["amendments"].append({"date": "2019-12-02", "summary": "Cancelled by the Panel."})

    rewrite(repo, PUBLISHED, change)
    assert check(repo, capsys)[:2] == (0, [])


def test_drafts_are_exempt(repo, capsys):
    def change(d):
        d["amendments"] = []
        d["title"] = "November 2027 SEC Release (renamed)"

    rewrite(repo, DRAFT, change)
    assert check(repo, capsys)[:2] == (0, [])
    (repo / "data" / "releases" / f"{DRAFT}.yaml").unlink()
    assert check(repo, capsys)[:2] == (0, [])


def test_publishing_a_draft_and_adding_releases(repo, capsys):
    rewrite(repo, DRAFT, lambda d: d.update(draft=False))
    write_yaml(repo / "data" / "releases" / "2028-06.yaml", {**draft_release(), "id": "2028-06", "go_live": "2028-06-29"})
    assert check(repo, capsys)[:2] == (0, [])


def test_unchanged_record(repo, capsys):
    assert check(repo, capsys)[:2] == (0, [])


# --- how it reports --------------------------------------------------------


def test_a_published_release_that_no_longer_loads_reports_its_own_errors(repo, capsys):
    (repo / FILE).write_text((repo / FILE).read_text(encoding="utf-8").replace("status: implemented", "status: implemnted", 1), encoding="utf-8")
    code, findings, _ = check(repo, capsys)
    assert code == 1
    assert [f["code"] for f in findings] == ["not-allowed"]  # the typo, at its line; not "removed"
    assert findings[0]["file"] == FILE


def test_github_annotations(repo, capsys):
    rewrite(repo, PUBLISHED, lambda d: d["amendments"].pop(0))
    code, out, _ = check(repo, capsys, fmt="github")
    assert code == 1
    assert out.startswith(f"::error file={FILE},line=")
    assert "title=published-amendment-edited" in out


def test_against_a_published_site(repo, capsys, tmp_path):
    """The live site's /data/releases.json is a baseline too: every release there was published."""
    checked = check_project(load_project(repo), date.fromisoformat(AS_OF))
    ctx = SiteContext(record=checked.record, evaluation=checked.evaluation, site_url="https://example.org/test/")
    site = tmp_path / "live"
    for generated in json_files(ctx):
        (site / generated.path).parent.mkdir(parents=True, exist_ok=True)
        (site / generated.path).write_bytes(generated.content)
    assert check(repo, capsys, against=str(site))[:2] == (0, [])
    rewrite(repo, PUBLISHED, lambda d: d["amendments"][1].update(date="2019-11-23"))
    code, findings, _ = check(repo, capsys, against=str(site))
    assert code == 1 and [f["code"] for f in findings] == ["published-amendment-edited"]


def test_an_unreadable_baseline_is_a_usage_error(repo, capsys):
    code = main(["check-published", str(repo), "--against", "no-such-ref"])
    assert code == 2 and "no-such-ref" in capsys.readouterr().err
