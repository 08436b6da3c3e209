"""One test per rulebook entry: remove exactly what it asks for, and see it reported.

The removal is derived from the entry's own ``satisfied_by``, so a requirement
added to the rulebook is tested without touching this file.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.conftest import run_cli
from tests.factory import IMPLEMENTATION_DOCUMENT, POLICY, RULEBOOK, TESTING_APPROACH, complete_release, write_project

RULES = yaml.safe_load(RULEBOOK.read_text(encoding="utf-8"))["requirements"]
RELEASE_FILE = "data/releases/2019-11.yaml"
DOCUMENTS = {
    "policy": ("content/policy/release-management-policy.md", POLICY),
    "implementation_document": ("content/releases/2019-11/implementation-document.md", IMPLEMENTATION_DOCUMENT),
    "testing_approach": ("content/releases/2019-11/testing-approach.md", TESTING_APPROACH),
}


def _remove_section(text: str, titles: list[str]) -> str:
    wanted = {t.lower() for t in titles}
    out, skipping = [], False
    for line in text.split("\n"):
        match = re.match(r"^(#+)\s+(.*)$", line)
        if match:
            skipping = match.group(2).strip().lower() in wanted
        if not skipping:
            out.append(line)
    removed = "\n".join(out)
    assert removed != text, f"the fixture has no section titled {titles}"
    return removed


def _delete_field(data: dict, dotted: str) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        data = data[part]
    del data[parts[-1]]


def _break(rule: dict, tmp_path):
    """Write a project lacking exactly what ``rule`` asks for; return (project, expected file, expected line)."""
    release = complete_release()
    docs = {kind: text for kind, (_, text) in DOCUMENTS.items()}
    check = rule["satisfied_by"]
    kind = rule["applies_to"]
    expected_file, expected_line = RELEASE_FILE, 1
    if check.get("section"):
        titles = check["section"] if isinstance(check["section"], list) else [check["section"]]
        docs[kind] = _remove_section(docs[kind], titles)
        expected_file = DOCUMENTS[kind][0]
    elif check.get("field"):
        fields = check["field"] if isinstance(check["field"], list) else [check["field"]]
        _delete_field(release, fields[0])
        parent = fields[0].split(".")[:-1]
        if parent:
            expected_line = None  # the line of the parent key, found after writing
    elif check.get("count"):
        release[check["count"]["field"]] = []
        expected_line = None
    elif check.get("document"):
        if kind == "policy":
            docs["policy"] = None
            expected_file = DOCUMENTS["policy"][0]
        else:
            del release[kind]
    root = write_project(
        tmp_path / "p", [release],
        policy=docs["policy"], implementation_document=docs["implementation_document"], testing_approach=docs["testing_approach"],
    )
    if expected_line is None:
        key = (check.get("field") if isinstance(check.get("field"), str) else None) or (check.get("count") or {}).get("field")
        key = key.split(".")[0]
        lines = (root / RELEASE_FILE).read_text().split("\n")
        expected_line = next(i for i, line in enumerate(lines, 1) if line.startswith(f"{key}:"))
    return root, expected_file, expected_line


def _findings(root) -> list[dict]:
    result = run_cli("validate", str(root), "--as-of", "2026-11-26", "--format", "json")
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode, json.loads(result.stdout)


def test_the_complete_fixture_is_clean(tmp_path):
    code, findings = _findings(write_project(tmp_path / "p"))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_removing_what_a_rule_asks_for_is_reported(rule, tmp_path):
    root, expected_file, expected_line = _break(rule, tmp_path)
    code, findings = _findings(root)
    assert code == 1
    mine = [f for f in findings if f["code"] == rule["id"]]
    assert mine, f"{rule['id']} not reported; got {[f['code'] for f in findings]}"
    finding = mine[0]
    assert finding["clause"] == rule["clause"]
    assert finding["file"] == expected_file
    assert finding["line"] == expected_line
    assert finding["severity"] == rule["severity"]
    assert finding["hint"], "every finding tells the editor what to do"
    # The text format carries the same facts in one line.
    text = run_cli("validate", str(root), "--as-of", "2026-11-26").stdout
    assert f"{expected_file}:{expected_line}:" in text
    assert f"{rule['id']} [{rule['clause']}]" in text


RELEASE_RULES = [r for r in RULES if r["applies_to"] != "policy"]


@pytest.mark.parametrize("rule", RELEASE_RULES, ids=[r["id"] for r in RELEASE_RULES])
def test_a_waiver_for_the_gap_passes(rule, tmp_path):
    root, _, _ = _break(rule, tmp_path)
    _, findings = _findings(root)
    failing = sorted({f["code"] for f in findings})
    assert rule["id"] in failing
    # Removing a whole document also empties the rules that look inside it;
    # the Panel waives each of them.
    if not rule["satisfied_by"].get("document"):
        assert failing == [rule["id"]], "removing one thing must break one rule only"
    release_file = root / RELEASE_FILE
    data = yaml.safe_load(release_file.read_text())
    data["waivers"] = [
        {"requirement": rid, "decided": "2019-03-01", "by": "Panel", "reason": "Not practicable for this release."}
        for rid in failing
    ]
    release_file.write_text(yaml.safe_dump(data, sort_keys=False))
    code, findings = _findings(root)
    assert (code, findings) == (0, [])


def test_every_rule_names_a_clause_and_a_title():
    assert len(RULES) >= 25
    for rule in RULES:
        assert re.match(r"^D10\.\d+", rule["clause"]), rule
        assert rule["title"].endswith("."), rule
