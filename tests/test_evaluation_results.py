"""What the compliance matrix and ``sec-release validate`` say for each outcome of a requirement.

Evidence (what satisfied it), gaps (what is missing), the hint, the place
to fix, and the reason a requirement does not apply: the words and
locations a SECAS editor reads. In-process, one small record each.
"""

from __future__ import annotations

from datetime import date, timedelta

import yaml

from sec_release.core.check import check_project
from sec_release.core.diagnostics import Diagnostic, Location, Severity
from sec_release.core.evaluate import Status
from sec_release.core.project import load_project
from tests.factory import IMPLEMENTATION_DOCUMENT, RULEBOOK, complete_release, write_project

AS_OF = date(2026, 11, 26)
FILE = "data/releases/2019-11.yaml"
IMPL = "content/releases/2019-11/implementation-document.md"
RULES = {r["id"]: r for r in yaml.safe_load(RULEBOOK.read_text(encoding="utf-8"))["requirements"]}


def _check(tmp_path, release=None, **documents):
    root = write_project(tmp_path / "p", [release or complete_release()], **documents)
    return check_project(load_project(root), AS_OF), root


def _line(root, file: str, needle: str) -> int:
    return next(n for n, line in enumerate((root / file).read_text().splitlines(), 1) if needle in line)


def _rule(kind: str, **check) -> str:
    """The id of the first rule for ``kind`` whose satisfied_by has these keys."""
    return next(rid for rid, r in RULES.items() if r["applies_to"] == kind and all(k in r["satisfied_by"] for k in check))


def test_evidence_names_what_satisfied_each_kind_of_rule(tmp_path):
    checked, root = _check(tmp_path)
    get = checked.evaluation.get
    cost = RULES["d10-8d-release-cost-review"]["satisfied_by"]["field"]
    assert [(e.text, e.file, e.line) for e in get("2019-11", "d10-8d-release-cost-review").evidence] == [
        (f"{cost}: recorded 2019-06-14", FILE, _line(root, FILE, f"{cost}:") + 1)  # its value, the line below the key
    ]
    assert [e.text for e in get("2019-11", "d10-13c-release-progress-reports").evidence] == ["progress_reports: 1 entry"]
    document = get("2019-11", "d10-13-implementation-document")
    assert [(e.text, e.file, e.line) for e in document.evidence] == [
        ("Implementation Document: content/releases/2019-11/implementation-document.md", IMPL, 1),
        ("implementation_document.version: recorded", FILE, _line(root, FILE, "version: '1.0'")),
    ]
    timescales = get("2019-11", "d10-13-timescales")
    assert [(e.text, e.file, e.line) for e in timescales.evidence] == [
        ('section "Timescales" of the Implementation Document', IMPL, _line(root, IMPL, "## Timescales")),
        ("milestones: 1 entry", FILE, _line(root, FILE, "milestones:") + 1),
    ]
    assert checked.evaluation.diagnostics == []
    assert {r.status for r in checked.evaluation.results} == {Status.MET}


def test_a_missing_section_says_which_and_where_to_add_it(tmp_path):
    text = IMPLEMENTATION_DOCUMENT.replace("## Timescales\nSee the milestones.\n", "")
    checked, _ = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    wanted = RULES["d10-13-timescales"]["satisfied_by"]["section"][0]
    assert result.status is Status.MISSING
    assert result.gaps == (f'no "{wanted}" section in the Implementation Document',)
    assert result.hint == f'add a "## {wanted}" section to {IMPL}'
    assert (result.location.file, result.location.line) == (IMPL, 1)
    [diagnostic] = checked.evaluation.diagnostics
    assert (diagnostic.code, diagnostic.severity, diagnostic.clause, diagnostic.release) == ("d10-13-timescales", Severity.ERROR, RULES["d10-13-timescales"]["clause"], "2019-11")
    assert diagnostic.message == f'{RULES["d10-13-timescales"]["title"]} Missing: no "{wanted}" section in the Implementation Document.'


def test_a_misspelt_heading_is_pointed_at(tmp_path):
    text = IMPLEMENTATION_DOCUMENT.replace("## Timescales", "## Time-scale")
    checked, root = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    accepted = ", ".join(f'"{t}"' for t in RULES["d10-13-timescales"]["satisfied_by"]["section"])
    line = _line(root, IMPL, "## Time-scale")
    assert (result.location.file, result.location.line) == (IMPL, line)
    assert result.hint.endswith(f'; the heading "Time-scale" (line {line}) looks close, but the rulebook accepts only {accepted}')


def test_an_unrelated_heading_is_not_called_close(tmp_path):
    text = IMPLEMENTATION_DOCUMENT.replace("## Timescales", "## Budget")
    checked, _ = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    assert "looks close" not in result.hint and result.location.line == 1


def test_a_placeholder_section_is_a_gap_at_its_heading(tmp_path):
    text = IMPLEMENTATION_DOCUMENT.replace("See the milestones.", "TBC")
    checked, root = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    line = _line(root, IMPL, "## Timescales")
    assert result.gaps == ('the "Timescales" section of the Implementation Document is empty or a placeholder',)
    assert result.hint == f'write the "Timescales" section of {IMPL} (line {line}); "TBC" does not count'
    assert (result.location.file, result.location.line) == (IMPL, line)


def test_a_document_not_named_in_the_record(tmp_path):
    release = complete_release()
    del release["implementation_document"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13-implementation-document")
    page = "releases/2019-11/implementation-document.md"
    assert result.gaps[0] == "the Implementation Document is not named in the record"
    assert result.hint.startswith(f"add implementation_document: {{page: {page}}} to {FILE} and write content/{page}")
    assert (result.location.file, result.location.line) == (FILE, 1)


def test_a_missing_policy_names_the_page_to_write(tmp_path):
    checked, _ = _check(tmp_path, policy=None)
    result = checked.evaluation.get(None, "d10-7-policy")
    page = "policy/release-management-policy.md"
    assert result.status is Status.MISSING
    assert result.gaps == ("the SEC Release Management Policy does not exist",)
    assert result.hint == f"write content/{page} and name it in the record"
    assert (result.location.file, result.location.line) == (f"content/{page}", 1)
    assert {r.status for r in checked.evaluation.for_policy()} == {Status.MISSING}


def test_a_missing_field_is_a_gap_at_the_top_of_the_file(tmp_path):
    release = complete_release()
    del release["cost_review"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-8d-release-cost-review")
    assert result.gaps == ("cost_review is not recorded",)
    assert result.hint == f"add cost_review to {FILE}"
    assert result.location == Location(FILE, 1, 1)


def test_a_missing_nested_field_is_a_gap_at_its_parent(tmp_path):
    release = complete_release()
    del release["implementation_document"]["version"]
    checked, root = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13-implementation-document")
    assert result.gaps == ("implementation_document.version is not recorded",)
    assert result.location.line == _line(root, FILE, "implementation_document:")


def test_an_empty_list_is_not_recorded(tmp_path):
    checked, root = _check(tmp_path, complete_release(progress_reports=[]))
    result = checked.evaluation.get("2019-11", "d10-13c-release-progress-reports")
    assert (result.status, result.gaps) == (Status.MISSING, ("progress_reports is not recorded",))


def test_a_count_rule_says_how_many_it_needs(tmp_path):
    checked, root = _check(tmp_path, complete_release(modifications=[]))
    result = checked.evaluation.get("2019-11", "d10-7-release-content")
    assert result.gaps == ("modifications: 0 of at least 1 (not counting removed)",)
    assert result.hint == f"add at least 1 entry to modifications in {FILE}"
    assert result.location.line == _line(root, FILE, "modifications:")


def test_a_condition_that_is_false_makes_a_rule_not_applicable(tmp_path):
    release = complete_release(dcc_systems_impact=False)
    del release["progress_reports"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13c-release-progress-reports")
    assert (result.status, result.reason) == (Status.NOT_APPLICABLE, "dcc_systems_impact is false")
    assert checked.evaluation.diagnostics == []


def test_a_gap_in_a_draft_is_a_note(tmp_path):
    release = complete_release(draft=True)
    del release["cost_review"]
    checked, _ = _check(tmp_path, release)
    [diagnostic] = checked.evaluation.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("d10-8d-release-cost-review", Severity.INFO)
    assert not checked.evaluation.has_errors


def test_a_release_still_planned_after_its_go_live_date_is_stale(tmp_path):
    release = complete_release(status="baselined")
    checked, root = _check(tmp_path, release)
    stale = [d for d in checked.evaluation.diagnostics if d.code == "stale-release"]
    status_line, go_live_line = _line(root, FILE, "status:"), _line(root, FILE, "go_live:")
    assert [(d.severity, d.location.line, d.message) for d in stale] == [(
        Severity.ERROR, status_line,
        f"the release is still baselined (line {status_line}) but its go-live date, 2019-11-29 (line {go_live_line}), has passed (checked as of 2026-11-26)",
    )]
    assert stale[0].hint == (
        "if it went live, set status: implemented and go_live: to the day it actually went live; "
        "if it was moved, add the date change under date_changes (from: 2019-11-29, to: the new date) and set go_live: to the new date"
    )
    assert (stale[0].location, stale[0].release) == (Location(FILE, status_line, 9), "2019-11")  # at the status value
    # In a draft the same is only a note.
    draft, _ = _check(tmp_path / "draft", complete_release(status="baselined", draft=True))
    assert [d.severity for d in draft.evaluation.diagnostics if d.code == "stale-release"] == [Severity.INFO]


def test_a_release_implemented_in_the_future_is_questioned(tmp_path):
    release = complete_release("2027-01", "2027-01-07")
    checked, root = _check(tmp_path, release)
    future = [d for d in checked.evaluation.diagnostics if d.code == "future-implemented"]
    assert [(d.location, d.severity, d.message, d.hint, d.release) for d in future] == [(
        Location("data/releases/2027-01.yaml", _line(root, "data/releases/2027-01.yaml", "status:"), 9), Severity.WARNING,
        "the release is marked implemented but its go-live date 2027-01-07 is in the future", "check the status and go_live date", "2027-01",
    )]


def test_a_release_going_live_today_is_neither_stale_nor_in_the_future(tmp_path):
    for status in ("baselined", "implemented"):
        checked, _ = _check(tmp_path / status, complete_release("2026-11", AS_OF.isoformat(), status=status, post_go_live_review=None) | {})
        codes = {d.code for d in checked.evaluation.diagnostics}
        assert not codes & {"stale-release", "future-implemented"}, (status, codes)


def test_a_cancelled_release_owes_nothing_and_says_why(tmp_path):
    release = complete_release(status="cancelled")
    for key in ("cost_review", "go_live_decision", "post_go_live_review", "progress_reports"):
        del release[key]
    checked, _ = _check(tmp_path, release)
    results = checked.evaluation.for_release("2019-11")
    assert [r.requirement.id for r in results] == [rid for rid, r in RULES.items() if r["applies_to"] != "policy"]
    assert {(r.status, r.reason) for r in results} == {(Status.NOT_APPLICABLE, "the release was cancelled")}
    assert checked.evaluation.diagnostics == []


def test_an_ad_hoc_release_is_held_only_to_the_rules_for_its_kind(tmp_path):
    release = {
        "id": "2019-11", "title": "An ad-hoc fix", "status": "implemented", "kind": "ad-hoc", "go_live": "2019-11-29",
        "dcc_systems_impact": True, "modifications": [{"id": "MP071", "status": "implemented"}],
        "amendments": [{"date": "2019-10-31", "summary": "First publication."}],
    }
    checked, _ = _check(tmp_path, release)
    by_status = {}
    for result in checked.evaluation.for_release("2019-11"):
        by_status.setdefault(result.status, []).append(result)
    scheduled_only = [rid for rid, r in RULES.items() if r.get("kinds") == ["scheduled"]]
    assert sorted(r.requirement.id for r in by_status[Status.NOT_APPLICABLE]) == sorted(scheduled_only)
    assert {r.reason for r in by_status[Status.NOT_APPLICABLE]} == {"it applies to scheduled releases; this one is ad-hoc"}
    assert [r.requirement.id for r in by_status[Status.MET]] == ["d10-7-release-content"]
    assert checked.evaluation.diagnostics == []


def test_two_entries_are_counted_in_words(tmp_path):
    reports = [{"date": "2019-09-20", "title": "Readiness report 3"}, {"date": "2019-10-18", "title": "Readiness report 4"}]
    checked, _ = _check(tmp_path, complete_release(progress_reports=reports))
    assert [e.text for e in checked.evaluation.get("2019-11", "d10-13c-release-progress-reports").evidence] == ["progress_reports: 2 entries"]


def test_both_reasons_a_rule_is_not_yet_due(tmp_path):
    release = complete_release("2027-03", "2027-03-04", status="planned")
    for key in ("cost_review", "go_live_decision", "post_go_live_review"):
        del release[key]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2027-03", "d10-8d-release-cost-review")
    assert (result.status, result.reason) == (Status.NOT_DUE, "due once the release is baselined; due from 2027-01-03")
    assert (result.location.file, result.location.line) == ("data/releases/2027-03.yaml", 1)
    assert result.hint == "add cost_review to data/releases/2027-03.yaml"


def test_a_met_result_has_no_gap_and_no_place_to_fix(tmp_path):
    checked, _ = _check(tmp_path)
    result = checked.evaluation.get("2019-11", "d10-8-release-post-go-live-review")
    assert (result.status, result.gaps, result.location, result.hint, result.reason) == (Status.MET, (), None, "", "")
    assert result.due_on == date(2019, 11, 29) + timedelta(days=RULES["d10-8-release-post-go-live-review"]["due_days_after_go_live"])


def test_two_gaps_of_one_rule_are_both_listed_with_both_hints(tmp_path):
    release = complete_release()
    del release["implementation_document"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13-implementation-document")
    page = "releases/2019-11/implementation-document.md"
    assert result.gaps == ("the Implementation Document is not named in the record", "implementation_document.version is not recorded")
    assert result.hint == f"add implementation_document: {{page: {page}}} to {FILE} and write content/{page}; add implementation_document.version to {FILE}"
    assert (result.location.file, result.location.line) == (FILE, 1)
    [diagnostic] = [d for d in checked.evaluation.diagnostics if d.code == "d10-13-implementation-document"]
    assert diagnostic.message.endswith(" Missing: the Implementation Document is not named in the record; implementation_document.version is not recorded.")


def test_a_release_still_planned_after_its_go_live_date_is_stale_too(tmp_path):
    release = complete_release(status="planned")
    checked, _ = _check(tmp_path, release)
    assert [d.message.split(" (line")[0] for d in checked.evaluation.diagnostics if d.code == "stale-release"] == ["the release is still planned"]


def test_without_a_rulebook_nothing_is_evaluated_and_the_loader_says_why(tmp_path):
    root = write_project(tmp_path / "p", [complete_release()])
    (root / "data/rulebook/d10.yaml").unlink()
    checked = check_project(load_project(root), AS_OF)
    assert checked.evaluation.results == []
    assert [(d.code, d.location.file) for d in checked.evaluation.diagnostics] == [("rulebook", "data/rulebook/d10.yaml")]


def test_a_heading_that_differs_only_in_spacing_is_pointed_at(tmp_path):
    text = IMPLEMENTATION_DOCUMENT.replace("## Timescales", "## T i m e s c a l e s")
    checked, root = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    assert result.location.line == _line(root, IMPL, "## T i m e s c a l e s")
    assert 'the heading "T i m e s c a l e s"' in result.hint


def test_a_heading_only_somewhat_like_an_accepted_title_is_not_called_close(tmp_path):
    # "Timetable" is about three-quarters like "Timescales": not close enough to be a misspelling.
    text = IMPLEMENTATION_DOCUMENT.replace("## Timescales", "## Timetable")
    checked, _ = _check(tmp_path, implementation_document=text)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    assert (result.status, result.location.line) == (Status.MISSING, 1)
    assert "looks close" not in result.hint


def test_a_gap_is_one_diagnostic_with_the_rule_s_words_the_place_to_fix_and_the_release(tmp_path):
    release = complete_release()
    del release["cost_review"]
    checked, _ = _check(tmp_path, release)
    rule = RULES["d10-8d-release-cost-review"]
    assert checked.evaluation.diagnostics == [Diagnostic(
        Location(FILE, 1, 1), Severity.ERROR, "d10-8d-release-cost-review",
        f"{rule['title']} Missing: cost_review is not recorded.", f"add cost_review to {FILE}", rule["clause"], "2019-11",
    )]


def test_a_policy_gap_is_one_diagnostic_at_the_page_to_write_and_belongs_to_no_release(tmp_path):
    checked, _ = _check(tmp_path, policy=None)
    page = "content/policy/release-management-policy.md"
    policy_rules = [rid for rid, r in RULES.items() if r["applies_to"] == "policy"]
    assert [(d.location, d.severity, d.code, d.hint, d.clause, d.release) for d in checked.evaluation.diagnostics] == [
        (Location(page, 1, 1), Severity.ERROR, rid, f"write {page} and name it in the record", RULES[rid]["clause"], "") for rid in policy_rules
    ]
    assert checked.evaluation.diagnostics[0].message == f"{RULES[policy_rules[0]]['title']} Missing: the SEC Release Management Policy does not exist."


def test_a_rule_the_rulebook_makes_a_warning_with_its_own_hint_does_not_fail_the_check(tmp_path):
    release = complete_release()
    del release["cost_review"]
    root = write_project(tmp_path / "p", [release])
    rulebook_file = root / "data/rulebook/d10.yaml"
    rulebook = yaml.safe_load(rulebook_file.read_text(encoding="utf-8"))
    for rule in rulebook["requirements"]:
        if rule["id"] == "d10-8d-release-cost-review":
            rule.update(severity="warning", hint="ask the Panel secretary for the cost review minutes")
    rulebook_file.write_text(yaml.safe_dump(rulebook, sort_keys=False), encoding="utf-8")
    checked = check_project(load_project(root), AS_OF)
    [diagnostic] = checked.evaluation.diagnostics
    assert (diagnostic.severity, diagnostic.code, diagnostic.hint) == (Severity.WARNING, "d10-8d-release-cost-review", "ask the Panel secretary for the cost review minutes")
    assert checked.evaluation.get("2019-11", "d10-8d-release-cost-review").hint == "ask the Panel secretary for the cost review minutes"
    assert not checked.evaluation.has_errors


def test_a_section_of_a_document_not_named_in_the_record_is_a_gap_at_the_top_of_the_release_file(tmp_path):
    release = complete_release()
    del release["implementation_document"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13-timescales")
    page = "releases/2019-11/implementation-document.md"
    assert result.gaps == ("the Implementation Document is not named in the record",)
    assert result.hint == f"add implementation_document: {{page: {page}}} to {FILE} and write content/{page}"
    assert result.location == Location(FILE, 1, 1)


def test_a_missing_result_keeps_the_evidence_of_what_was_found(tmp_path):
    release = complete_release()
    del release["implementation_document"]["version"]
    checked, _ = _check(tmp_path, release)
    result = checked.evaluation.get("2019-11", "d10-13-implementation-document")
    assert result.status is Status.MISSING
    assert [e.text for e in result.evidence] == ["Implementation Document: content/releases/2019-11/implementation-document.md"]
