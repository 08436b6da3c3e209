"""One test per class of bad input: a located message, no traceback, nothing written."""

from __future__ import annotations

import hashlib
import json

import pytest
import yaml

from tests.conftest import run_cli
from tests.factory import complete_release, modification, write_project

GOOD_MOD = "id: MP071\ntitle: Second-Comer Charging\ndecision_path: self-governance\nstage: implemented\ndcc_systems_impact: true\n"


def _tree_digest(root) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _validate(root):
    before = _tree_digest(root)
    result = run_cli("validate", str(root), "--as-of", "2026-11-26", "--format", "json")
    assert "Traceback" not in result.stdout + result.stderr
    assert _tree_digest(root) == before, "validation must not change any file"
    assert result.returncode == 1, result.stdout + result.stderr
    return json.loads(result.stdout)


def _release_text(**overrides) -> str:
    return yaml.safe_dump(complete_release(**overrides), sort_keys=False)


CASES = {
    # name: (file to write, its bytes, expected code, expected line)
    "yaml syntax": ("data/modifications/MP071.yaml", b"id: MP071\ntitle: [unclosed\n", "yaml-syntax", 3),
    "tab indentation": ("data/modifications/MP071.yaml", b"id: MP071\nmeta:\n\ttitle: x\n", "yaml-tab", 3),
    "duplicate key": ("data/modifications/MP071.yaml", (GOOD_MOD + "title: Again\n").encode(), "yaml-duplicate-key", 6),
    "unknown key": ("data/modifications/MP071.yaml", (GOOD_MOD + "titel: typo\n").encode(), "unknown-key", 6),
    "wrong type": ("data/modifications/MP071.yaml", GOOD_MOD.replace("dcc_systems_impact: true", "dcc_systems_impact: [1]").encode(), "wrong-type", 5),
    "impossible date": ("data/modifications/MP071.yaml", (GOOD_MOD + "raised: 2021-02-30\n").encode(), "invalid-value", 6),
    "value outside the allowed list": ("data/modifications/MP071.yaml", GOOD_MOD.replace("self-governance", "self governance").encode(), "not-allowed", 3),
    "id differs from file name": ("data/modifications/MP071.yaml", GOOD_MOD.replace("id: MP071", "id: MP072").encode(), "id-mismatch", 1),
    "empty file": ("data/modifications/MP071.yaml", b"", "empty-file", 1),
    "only a comment": ("data/modifications/MP071.yaml", b"# nothing here\n", "empty-file", 1),
    "not UTF-8": ("data/modifications/MP071.yaml", GOOD_MOD.replace("Second-Comer", "Caf\xe9").encode("latin-1"), "encoding", 2),
    "byte-order mark": ("data/modifications/MP071.yaml", b"\xef\xbb\xbf" + GOOD_MOD.encode(), "encoding-bom", 1),
    "alias bomb": ("data/modifications/MP071.yaml", b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "yaml-unsupported", 1),
    "missing required key": ("data/modifications/MP071.yaml", GOOD_MOD.replace("title: Second-Comer Charging\n", "").encode(), "missing-key", 1),
}


@pytest.mark.parametrize("name", list(CASES))
def test_loading_error_is_located(name, tmp_path):
    file, content, code, line = CASES[name]
    root = write_project(tmp_path / "p")
    (root / file).write_bytes(content)
    findings = _validate(root)
    mine = [f for f in findings if f["code"] == code]
    assert mine, f"expected {code}, got {[(f['code'], f['message']) for f in findings]}"
    assert mine[0]["file"] == file
    assert mine[0]["line"] == line
    assert mine[0]["message"]


def _line_of(root, file, text) -> int:
    lines = (root / file).read_text().split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_release_names_an_unknown_modification(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP999", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    findings = _validate(root)
    [finding] = [f for f in findings if f["code"] == "unknown-modification"]
    assert finding["file"] == "data/releases/2019-11.yaml"
    assert finding["line"] == _line_of(root, "data/releases/2019-11.yaml", "MP999")
    assert "MP999" in finding["message"] and "data/modifications/MP999.yaml" in finding["hint"]


def test_waiver_names_an_unknown_requirement(tmp_path):
    release = complete_release(waivers=[{"requirement": "d10-19-consultaton", "decided": "2019-03-01", "by": "Panel", "reason": "Emergency."}])
    root = write_project(tmp_path / "p", [release])
    [finding] = [f for f in _validate(root) if f["code"] == "unknown-requirement"]
    assert finding["line"] == _line_of(root, "data/releases/2019-11.yaml", "d10-19-consultaton")
    assert "d10-19-consultation" in finding["hint"], "the hint suggests the nearest real id"


@pytest.mark.parametrize("page,code", [
    ("releases/2019-11/nowhere.md", "missing-page"),
    ("../../etc/passwd.md", "page-path"),
    ("/etc/passwd.md", "page-path"),
])
def test_document_page_must_exist_under_content(page, code, tmp_path):
    release = complete_release()
    root = write_project(tmp_path / "p", [release])
    data = yaml.safe_load((root / "data/releases/2019-11.yaml").read_text())
    data["implementation_document"]["page"] = page
    (root / "data/releases/2019-11.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    [finding] = [f for f in _validate(root) if f["code"] == code]
    assert finding["line"] == _line_of(root, "data/releases/2019-11.yaml", f"page: {page}")


def test_release_id_must_match_its_file_name(tmp_path):
    root = write_project(tmp_path / "p", [complete_release()])
    (root / "data/releases/2019-11.yaml").rename(root / "data/releases/2019-12.yaml")
    [finding] = [f for f in _validate(root) if f["code"] == "id-mismatch"]
    assert (finding["file"], finding["line"]) == ("data/releases/2019-12.yaml", 1)


def test_all_problems_are_reported_together(tmp_path):
    """Three files, three different mistakes: one run reports every one."""
    root = write_project(tmp_path / "p", [complete_release()], [modification("MP071"), modification("MP072")])
    (root / "data/modifications/MP072.yaml").write_bytes(b"id: MP072\n\ttitle: x\n")
    text = (root / "data/releases/2019-11.yaml").read_text().replace("status: implemented", "status: done", 1)
    (root / "data/releases/2019-11.yaml").write_text(text + "colour: blue\n")
    codes = {(f["file"], f["code"]) for f in _validate(root)}
    assert {("data/modifications/MP072.yaml", "yaml-tab"), ("data/releases/2019-11.yaml", "not-allowed"), ("data/releases/2019-11.yaml", "unknown-key")} <= codes


def test_rulebook_with_an_unknown_check_is_an_error(tmp_path):
    root = write_project(tmp_path / "p")
    rulebook = root / "data/rulebook/d10.yaml"
    text = rulebook.read_text().replace("field: cost_review", "field: cost_reveiw", 1)
    rulebook.write_text(text.replace("      document: true\n", "      document: true\n      signed: true\n", 1))
    lines = rulebook.read_text().splitlines()
    misspelt = next(n for n, line in enumerate(lines, 1) if "field: cost_reveiw" in line)
    unknown = next(n for n, line in enumerate(lines, 1) if "signed: true" in line)
    findings = _validate(root)
    rule_findings = sorted((f["line"], f["message"]) for f in findings if f["file"] == "data/rulebook/d10.yaml")
    assert [line for line, _ in rule_findings] == sorted([misspelt, unknown])
    messages = dict((line, message) for line, message in rule_findings)
    assert "cost_reveiw" in messages[misspelt] and 'unknown key "signed"' in messages[unknown]
