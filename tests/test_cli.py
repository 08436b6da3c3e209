"""The validator's contract: exit codes and its three output formats."""

from __future__ import annotations

import json
import re
from datetime import date

from sec_release.core.check import check_project
from sec_release.core.evaluate import Status
from sec_release.core.project import load_project
from tests.conftest import REPO, run_cli
from tests.factory import complete_release, write_project


def _broken_project(tmp_path):
    release = complete_release()
    del release["cost_review"]
    return write_project(tmp_path / "p", [release])


def test_clean_record_exits_0(tmp_path):
    result = run_cli("validate", str(write_project(tmp_path / "p")), "--as-of", "2026-11-26")
    assert result.returncode == 0
    assert result.stdout.strip().endswith("0 errors, 0 warnings in 6 files checked.")


def test_shipped_record_validates_clean():
    result = run_cli("validate", str(REPO), "--as-of", "2026-11-26")
    assert result.returncode == 0, result.stdout


def test_problem_exits_1_with_the_architecture_format(tmp_path):
    result = run_cli("validate", str(_broken_project(tmp_path)), "--as-of", "2026-11-26")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "data/releases/2019-11.yaml", "grouped under the file name"
    assert re.match(r"^data/releases/2019-11\.yaml:1:1: error d10-8d-release-cost-review \[D10\.8\(d\)\]$", lines[1])
    assert lines[2].startswith("  The Panel's review of the release's costs is recorded.")
    assert lines[3].startswith("  hint: add cost_review to data/releases/2019-11.yaml")
    assert lines[-1] == "1 error, 0 warnings in 6 files checked."


def test_json_format(tmp_path):
    result = run_cli("validate", str(_broken_project(tmp_path)), "--as-of", "2026-11-26", "--format", "json")
    findings = json.loads(result.stdout)
    assert result.returncode == 1
    assert findings == [{
        "severity": "error",
        "code": "d10-8d-release-cost-review",
        "message": "The Panel's review of the release's costs is recorded. Missing: cost_review is not recorded.",
        "hint": "add cost_review to data/releases/2019-11.yaml",
        "clause": "D10.8(d)",
        "release": "2019-11",
        "file": "data/releases/2019-11.yaml",
        "line": 1,
        "col": 1,
    }]


def test_github_format(tmp_path):
    result = run_cli("validate", str(_broken_project(tmp_path)), "--as-of", "2026-11-26", "--format", "github")
    assert result.returncode == 1
    annotation = result.stdout.splitlines()[0]
    assert annotation.startswith("::error file=data/releases/2019-11.yaml,line=1,col=1,title=d10-8d-release-cost-review [D10.8(d)]::")
    assert "%0Ahint: add cost_review" in annotation, "newlines are escaped inside one annotation"


def test_not_yet_due_is_not_a_failure(tmp_path):
    release = complete_release("2027-11", status="planned", go_live="2027-11-04")
    for key in ("cost_review", "go_live_decision", "post_go_live_review", "progress_reports", "testing_approach", "implementation_document"):
        release.pop(key)
    root = write_project(tmp_path / "p", [release])
    assert run_cli("validate", str(root), "--as-of", "2026-11-26").returncode == 0
    # The same release long after its go-live date is stale and its duties are due.
    late = run_cli("validate", str(root), "--as-of", "2028-01-10", "--format", "json")
    codes = {f["code"] for f in json.loads(late.stdout)}
    assert late.returncode == 1 and "stale-release" in codes


def test_as_of_comes_from_the_environment(tmp_path, monkeypatch):
    release = complete_release("2027-11", status="planned", go_live="2027-11-04", modifications=[{"id": "MP071", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2028-01-10")
    assert "stale-release" in run_cli("validate", str(root)).stdout
    monkeypatch.setenv("SEC_RELEASE_AS_OF", "2026-11-26")
    assert run_cli("validate", str(root)).returncode == 0


def test_plugin_options_in_mkdocs_yml_are_honoured(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data").rename(root / "record")
    text = (root / "mkdocs.yml").read_text().replace("data_dir: data", "data_dir: record").replace("rulebook: data/rulebook", "rulebook: record/rulebook")
    (root / "mkdocs.yml").write_text(text)
    result = run_cli("validate", str(root), "--as-of", "2026-11-26")
    assert result.returncode == 0, result.stdout


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("validate", "--as-of", "yesterday").returncode == 2
    assert run_cli("validate", "--format", "xml").returncode == 2
    missing = run_cli("validate", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "mkdocs.yml" in missing.stderr and "Traceback" not in missing.stderr
    assert run_cli().returncode == 2


def test_draft_gaps_are_notes_not_failures(tmp_path):
    release = complete_release(draft=True)
    del release["cost_review"]
    root = write_project(tmp_path / "p", [release])
    result = run_cli("validate", str(root), "--as-of", "2026-11-26", "--format", "json")
    assert result.returncode == 0
    assert [f["severity"] for f in json.loads(result.stdout)] == ["info"]


def test_a_cancelled_release_owes_nothing(tmp_path):
    release = complete_release(status="cancelled")
    for key in ("cost_review", "go_live_decision", "post_go_live_review"):
        release.pop(key)
    root = write_project(tmp_path / "p", [release])
    result = run_cli("validate", str(root), "--as-of", "2026-11-26", "--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    # Every release requirement is not applicable, and says why; the Policy's still apply.
    checked = check_project(load_project(root), date(2026, 11, 26))
    release_results = checked.evaluation.for_release("2019-11")
    assert release_results and {(r.status, r.reason) for r in release_results} == {(Status.NOT_APPLICABLE, "the release was cancelled")}
    assert {r.status for r in checked.evaluation.for_policy()} == {Status.MET}


def test_a_date_rule_makes_a_requirement_due(tmp_path):
    release = complete_release("2027-03", status="baselined", go_live="2027-03-01")
    for key in ("cost_review", "go_live_decision", "post_go_live_review"):
        release.pop(key)
    root = write_project(tmp_path / "p", [release])
    early = json.loads(run_cli("validate", str(root), "--as-of", "2026-11-26", "--format", "json").stdout)
    assert early == []  # cost review is due 60 days before go-live: 2026-12-31
    later = json.loads(run_cli("validate", str(root), "--as-of", "2027-01-05", "--format", "json").stdout)
    assert [f["code"] for f in later] == ["d10-8d-release-cost-review"]
