"""Each kind of change the comparison reports (``/changes/``, ``sec-release diff``), one at a time.

The published version and the new one are two project folders that differ by
exactly one thing; ``sec-release diff --against FOLDER`` runs in-process and
the Markdown an editor reads is checked, as well as the comparison behind it.
"""

from __future__ import annotations

from datetime import date

import yaml

from sec_release.cli import main
from sec_release.core.check import check_project
from sec_release.core.compare import compare, snapshot_from_record
from sec_release.core.project import load_project
from tests.factory import complete_release, modification, write_project

AS_OF = "2026-11-26"
MODIFICATIONS = [modification("MP071"), modification("MP073")]


def _snapshot(root, label):
    checked = check_project(load_project(root), date.fromisoformat(AS_OF))
    assert [d.code for d in checked.record.problems] == [], label
    return snapshot_from_record(checked.record, checked.evaluation, label)


def _compare(tmp_path, old_release: dict, new_release: dict, *, edit_new=None):
    old = write_project(tmp_path / "old", [old_release], MODIFICATIONS)
    new = write_project(tmp_path / "new", [new_release], MODIFICATIONS)
    if edit_new is not None:
        edit_new(new)
    return compare(_snapshot(old, "published"), _snapshot(new, "this build")), old, new


def _diff(old, new, capsys) -> str:
    code = main(["diff", str(new), "--against", str(old), "--as-of", AS_OF, "--exit-code"])
    out = capsys.readouterr().out
    assert code == 1, "differences exit 1 with --exit-code"
    return out


def _only_release(comparison):
    assert [r.id for r in comparison.releases] == ["2019-11"]
    assert comparison.modifications == [] and comparison.policy_results == []
    return comparison.releases[0]


def _with_modifications(*entries) -> dict:
    return complete_release(modifications=[{"id": "MP071", "status": "implemented"}, *entries])


def test_a_changed_note_on_a_modification(tmp_path, capsys):
    old = _with_modifications({"id": "MP073", "status": "targeted"})
    new = _with_modifications({"id": "MP073", "status": "targeted", "note": "Moved from the June release."})
    new["amendments"].append({"date": "2019-11-01", "summary": "Note added."})
    comparison, old_root, new_root = _compare(tmp_path, old, new)
    change = _only_release(comparison)
    assert [(c.id, c.kind, c.old_status, c.new_status, c.detail) for c in change.content] == [
        ("MP073", "changed", "targeted", "targeted", "note: (none) → Moved from the June release."),
    ]
    assert change.fields == []
    assert "Modification MP073: note: \\(none\\) → Moved from the June release." in _diff(old_root, new_root, capsys)


def test_a_release_whose_only_change_is_a_new_amendment(tmp_path, capsys):
    new = complete_release()
    new["amendments"].append({"date": "2019-12-02", "summary": "Post go-live review published."})
    comparison, old_root, new_root = _compare(tmp_path, complete_release(), new)
    change = _only_release(comparison)
    assert change.kind == "changed"
    assert change.amendments == ["2019-12-02: Post go-live review published."]
    assert (change.fields, change.content, change.documents, change.results, change.go_live_moved) == ([], [], [], [], None)
    text = _diff(old_root, new_root, capsys)
    assert "2019-11 — Release 2019-11" in text
    assert "2019-12-02: Post go-live review published." in text


def test_a_document_re_dated_without_a_new_version(tmp_path, capsys):
    new = complete_release()
    new["implementation_document"] = dict(new["implementation_document"], updated="2019-11-05")
    comparison, old_root, new_root = _compare(tmp_path, complete_release(), new)
    [document] = _only_release(comparison).documents
    assert (document.kind, document.change) == ("implementation_document", "reissued")
    assert (document.old_version, document.new_version) == ("1.0", "1.0")
    assert (document.old_updated, document.new_updated) == ("2019-10-31", "2019-11-05")
    assert _only_release(comparison).fields == []
    assert "Implementation Document re-issued: version 1.0, updated 2019-10-31 → 2019-11-05" in _diff(old_root, new_root, capsys)


def test_a_new_version_of_a_document_on_the_same_date(tmp_path, capsys):
    new = complete_release()
    new["testing_approach"] = dict(new["testing_approach"], version="2.0")
    comparison, old_root, new_root = _compare(tmp_path, complete_release(), new)
    [document] = _only_release(comparison).documents
    assert (document.kind, document.change, document.old_version, document.new_version) == ("testing_approach", "reissued", None, "2.0")
    assert "Testing Approach Document re-issued: version (none) → 2.0" in _diff(old_root, new_root, capsys)


def test_a_document_whose_text_changed_under_the_same_version(tmp_path, capsys):
    def rewrite(root):
        page = root / "content/releases/2019-11/implementation-document.md"
        page.write_text(page.read_text() + "\nA late paragraph.\n")

    comparison, old_root, new_root = _compare(tmp_path, complete_release(), complete_release(), edit_new=rewrite)
    [document] = _only_release(comparison).documents
    assert (document.kind, document.change) == ("implementation_document", "text")
    assert "Implementation Document: its text changed, but not its version or date (version 1.0, updated 2019-10-31)" in _diff(old_root, new_root, capsys)


def test_a_restored_modification(tmp_path, capsys):
    old = _with_modifications({"id": "MP073", "status": "removed"})
    new = _with_modifications({"id": "MP073", "status": "approved"})
    comparison, old_root, new_root = _compare(tmp_path, old, new)
    assert [(c.id, c.kind, c.old_status, c.new_status) for c in _only_release(comparison).content] == [("MP073", "restored", "removed", "approved")]
    assert "Modification back in the release: MP073 (removed → approved)" in _diff(old_root, new_root, capsys)


def test_a_modification_whose_status_moved_on(tmp_path, capsys):
    old = _with_modifications({"id": "MP073", "status": "targeted"})
    new = _with_modifications({"id": "MP073", "status": "approved"})
    comparison, old_root, new_root = _compare(tmp_path, old, new)
    assert [(c.id, c.kind, c.old_status, c.new_status) for c in _only_release(comparison).content] == [("MP073", "status", "targeted", "approved")]
    assert "Modification MP073: targeted → approved" in _diff(old_root, new_root, capsys)


def test_the_parts_of_a_split_modification_are_told_apart(tmp_path):
    old = _with_modifications({"id": "MP073", "status": "targeted", "part": "DCC Systems"})
    new = _with_modifications({"id": "MP073", "status": "targeted", "part": "DCC Systems"}, {"id": "MP073", "status": "targeted", "part": "SEC text"})
    comparison, _, _ = _compare(tmp_path, old, new)
    assert [(c.id, c.part, c.kind) for c in _only_release(comparison).content] == [("MP073", "SEC text", "added")]


def test_results_of_a_requirement_removed_from_the_rulebook(tmp_path, capsys):
    def drop_requirement(root):
        path = root / "data/rulebook/d10.yaml"
        rulebook = yaml.safe_load(path.read_text(encoding="utf-8"))
        rulebook["requirements"] = [r for r in rulebook["requirements"] if r["id"] not in ("d10-11-external-auditor", "d10-8d-release-cost-review")]
        path.write_text(yaml.safe_dump(rulebook, sort_keys=False, allow_unicode=True), encoding="utf-8")

    comparison, old_root, new_root = _compare(tmp_path, complete_release(), complete_release(), edit_new=drop_requirement)
    [policy] = comparison.policy_results
    assert (policy.requirement_id, policy.clause, policy.release_id, policy.old, policy.new) == ("d10-11-external-auditor", "D10.11", None, "met", None)
    assert policy.title.startswith("The Policy says when and how the Panel may appoint an external auditor")
    [result] = _only_release_results(comparison)
    assert (result.requirement_id, result.clause, result.release_id, result.old, result.new) == ("d10-8d-release-cost-review", "D10.8(d)", "2019-11", "met", None)
    text = _diff(old_root, new_root, capsys)
    assert "Compliance: d10-8d-release-cost-review \\[D10.8\\(d\\)\\] met → **(not a requirement)**" in text
    assert "Compliance: d10-11-external-auditor \\[D10.11\\] met → **(not a requirement)**" in text


def _only_release_results(comparison):
    [change] = comparison.releases
    assert (change.fields, change.content, change.documents, change.amendments) == ([], [], [], [])
    return change.results


def test_a_result_that_changed_for_a_release(tmp_path, capsys):
    new = complete_release()
    del new["cost_review"]
    new["amendments"].append({"date": "2019-11-01", "summary": "Cost review withdrawn."})
    comparison, old_root, new_root = _compare(tmp_path, complete_release(), new)
    change = _only_release(comparison)
    assert [(r.requirement_id, r.old, r.new) for r in change.results] == [("d10-8d-release-cost-review", "met", "missing")]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("cost_review", "date: 2019-06-14; summary: Costs reviewed.", None)]
    assert "Compliance: d10-8d-release-cost-review \\[D10.8\\(d\\)\\] met → **missing**" in _diff(old_root, new_root, capsys)


def test_identical_versions_have_no_differences(tmp_path, capsys):
    old = write_project(tmp_path / "old", [complete_release()], MODIFICATIONS)
    new = write_project(tmp_path / "new", [complete_release()], MODIFICATIONS)
    assert compare(_snapshot(old, "published"), _snapshot(new, "this build")).is_empty
    assert main(["diff", str(new), "--against", str(old), "--as-of", AS_OF, "--exit-code"]) == 0
    assert "**No differences**" in capsys.readouterr().out


def test_a_field_changed_inside_a_list_is_named_by_its_item(tmp_path):
    new = complete_release(milestones=[{"name": "Testing complete", "date": "2019-09-20", "state": "actual"}])
    new["amendments"].append({"date": "2019-11-01", "summary": "Testing date corrected."})
    comparison, _, _ = _compare(tmp_path, complete_release(), new)
    assert [(f.field, f.old, f.new) for f in _only_release(comparison).fields] == [("milestones[Testing complete].date", "2019-09-13", "2019-09-20")]


def test_items_that_share_a_key_are_compared_by_position(tmp_path):
    twice = [{"name": "Review", "date": "2019-09-13", "state": "actual"}, {"name": "Review", "date": "2019-10-01", "state": "actual"}]
    moved = [twice[0], dict(twice[1], date="2019-10-02")]
    comparison, _, _ = _compare(tmp_path, complete_release(milestones=twice), complete_release(milestones=moved))
    assert [(f.field, f.old, f.new) for f in _only_release(comparison).fields] == [("milestones[#2].date", "2019-10-01", "2019-10-02")]


def test_an_edited_amendment_is_shown_field_by_field(tmp_path):
    new = complete_release()
    new["amendments"] = [{"date": "2019-10-31", "summary": "First publication, corrected."}]
    comparison, _, _ = _compare(tmp_path, complete_release(), new)
    change = _only_release(comparison)
    assert change.amendments == []
    assert [(f.field, f.old, f.new) for f in change.fields] == [("amendments[#1].summary", "First publication.", "First publication, corrected.")]


def test_a_release_turned_into_a_draft(tmp_path):
    comparison, _, _ = _compare(tmp_path, complete_release(), complete_release(draft=True))
    change = _only_release(comparison)
    assert change.draft is True
    assert [(f.field, f.old, f.new) for f in change.fields] == [("draft", "false", "true")]


def test_a_value_that_became_a_mapping_is_one_line(tmp_path):
    new = complete_release(external_auditor={"appointed": "2019-07-01", "name": "Audit Co", "scope": "Testing\n  and   go-live."})
    comparison, _, _ = _compare(tmp_path, complete_release(), new)
    assert [(f.field, f.old, f.new) for f in _only_release(comparison).fields] == [
        ("external_auditor", None, "appointed: 2019-07-01; name: Audit Co; scope: Testing and go-live.")
    ]


def test_releases_added_and_removed(tmp_path, capsys):
    old = write_project(tmp_path / "old", [complete_release(), complete_release("2020-02", "2020-02-27")], MODIFICATIONS)
    new = write_project(tmp_path / "new", [complete_release(), complete_release("2020-06", "2020-06-25", draft=True)], MODIFICATIONS)
    comparison = compare(_snapshot(old, "published"), _snapshot(new, "this build"))
    by_id = {r.id: r for r in comparison.releases}
    assert set(by_id) == {"2020-02", "2020-06"}
    added, removed = by_id["2020-06"], by_id["2020-02"]
    assert (added.kind, added.draft, added.status, added.go_live) == ("added", True, "implemented", "2020-06-25")
    assert added.result_counts == {"met": sum(1 for (rid, _) in _snapshot(new, "x").results if rid == "2020-06")}
    assert (removed.kind, removed.draft, removed.title, removed.status, removed.go_live) == ("removed", False, "Release 2020-02", "implemented", "2020-02-27")
    text = _diff(old, new, capsys)
    assert "2020-06 — Release 2020-06 *(draft)*" in text and "2020-02 — Release 2020-02" in text


def test_the_modification_register(tmp_path):
    old = write_project(tmp_path / "old", [complete_release()], [modification("MP071"), modification("MP073")])
    new = write_project(tmp_path / "new", [complete_release()], [modification("MP071", title="Renamed"), modification("MP250")])
    comparison = compare(_snapshot(old, "published"), _snapshot(new, "this build"))
    assert comparison.releases == []
    assert [(m.id, m.title, m.kind, [(f.field, f.old, f.new) for f in m.fields]) for m in comparison.modifications] == [
        ("MP071", "Renamed", "changed", [("title", "Modification MP071", "Renamed")]),
        ("MP250", "Modification MP250", "added", []),
        ("MP073", "Modification MP073", "removed", []),
    ]


def test_the_policy_text_changed(tmp_path):
    def reword(root):
        page = root / "content/policy/release-management-policy.md"
        page.write_text(page.read_text().replace("SECAS reports monthly.", "SECAS reports every month."))

    comparison, _, _ = _compare(tmp_path, complete_release(), complete_release(), edit_new=reword)
    assert (comparison.policy_text_changed, comparison.policy_page, comparison.releases) == (True, "policy/release-management-policy.md", [])
    assert not comparison.is_empty


def test_a_baseline_with_files_that_did_not_load_says_so(tmp_path):
    old = write_project(tmp_path / "old", [complete_release()], MODIFICATIONS)
    (old / "data/modifications/MP073.yaml").write_text("id: [\n")
    new = write_project(tmp_path / "new", [complete_release()], MODIFICATIONS)
    checked = check_project(load_project(old), date.fromisoformat(AS_OF))
    baseline = snapshot_from_record(checked.record, checked.evaluation, "published")
    assert baseline.problems == 1
    comparison = compare(baseline, _snapshot(new, "this build"))
    assert comparison.notes == ["1 problem in the baseline's files: releases in files that did not load there count as added here."]
    assert [(m.id, m.kind) for m in comparison.modifications] == [("MP073", "added")]
    reverse = compare(_snapshot(new, "this build"), snapshot_from_record(checked.record, checked.evaluation, "x"))
    assert reverse.notes == ["1 problem in this version's files: releases in files that did not load count as removed (run sec-release validate)."]


def test_what_only_a_published_site_writes_is_not_a_change(tmp_path):
    """The published JSON has site addresses, computed facts, titles copied in and the defaults a
    schema version 1 site wrote; none of them is a change against the record."""
    import copy

    root = write_project(tmp_path / "p", [complete_release()], MODIFICATIONS)
    record = _snapshot(root, "this build")
    site = copy.deepcopy(record)
    release = site.releases["2019-11"]
    release.update(url="https://example.org/releases/2019-11/", calendar_url="https://example.org/releases/2019-11/calendar.ics",
                   computed={"added_by_exception": []}, kind="scheduled", illustrative=False)
    release["implementation_document"]["url"] = "https://example.org/releases/2019-11/implementation-document/"
    del release["implementation_document"]["page"]
    release["modifications"][0]["title"] = "Modification MP071"
    site.modifications["MP071"].update(releases=["2019-11"], computed={}, illustrative=False)
    assert compare(site, record).is_empty
    release["kind"] = "ad-hoc"  # not the default: a change
    assert not compare(site, record).is_empty
