"""The second edition of the record format: who is affected, what in the Code
changes, split and removed modifications, what a baseline froze, two-step date
changes, ad-hoc implementations, and the cross-references between files.

One test per new cross-reference error: the message is at the file and line
of the bad reference and suggests the id that was meant.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sec_release.core.evaluate import Status, evaluate
from sec_release.core.project import load_project
from sec_release.core.record import load_record
from sec_release.core.suggest import closest, did_you_mean
from tests.factory import PARTIES, complete_release, modification, write_project

AS_OF = date(2026, 11, 26)


def _load(root: Path):
    return load_record(load_project(root))


def _line_of(root: Path, file: str, text: str, after: str | None = None) -> int:
    lines = (root / file).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if text in line)


def _only(record, code: str):
    found = [d for d in record.problems if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in record.problems]
    return found[0]


def _two_releases(**first_overrides):
    return [
        complete_release("2022-06", "2022-06-30", **first_overrides),
        complete_release("2022-11", "2022-11-03", modifications=[{"id": "MP071", "status": "implemented", "part": "system changes"}]),
    ]


# --- the suggestion helper ---------------------------------------------------


def test_suggestions_find_a_slip_of_case_or_one_character_and_nothing_unrelated():
    assert closest("mp071", ["MP071", "MP072A"]) == "MP071"
    assert closest("large-supplier", ["large-suppliers", "small-suppliers"]) == "large-suppliers"
    assert closest("weather", ["large-suppliers", "dcc"]) is None
    assert did_you_mean("2022-1", ["2022-11", "2019-11"]) == 'did you mean "2022-11"? '
    assert did_you_mean("zzz", ["2022-11"]) == ""


# --- a clean record with every new field ---------------------------------------


def test_every_new_field_loads(tmp_path):
    mods = [
        modification("MP071", impacts=["large-suppliers", "dcc"], sec_documents=["Section H", "Appendix AD"],
                     draft_proposal="DP071", history=[
                         {"date": "2018-05-02", "event": "raised", "by": "Proposer"},
                         {"date": "2019-02-20", "event": "decision", "by": "Change Board", "note": "Approved."},
                     ], sources=["https://example.org/mp071/"]),
        modification("MP071A", alternative_of="MP071", impacts=[]),
    ]
    first = complete_release(
        "2022-06", "2022-06-30", kind="scheduled", sources=["https://example.org/june-2022/"],
        modifications=[
            {"id": "MP071", "status": "implemented", "part": "document changes", "rest_in": ["2022-11"]},
            {"id": "MP071A", "status": "removed", "removed": "2022-03-18"},
        ],
        baselines=[{"scope": "full", "date": "2021-12-17", "modifications": ["MP071", "MP071A"]}],
        date_changes=[
            {"requested": "2022-05-01", "decided": "2022-05-08", "from": "2022-06-24", "to": "2022-06-27",
             "window": {"earliest": "2022-06-27", "latest": "2022-07-01"}, "by": "Authority"},
            {"decided": "2022-05-30", "from": "2022-06-27", "to": "2022-06-30", "by": "Panel"},
        ],
    )
    first["testing_approach"]["panel_review"]["by"] = "Operations Group"
    root = write_project(tmp_path / "p", [first, complete_release("2022-11", "2022-11-03")], mods, parties=PARTIES)
    record = _load(root)
    assert record.problems == []
    mp071, alt = record.modifications["MP071"], record.modifications["MP071A"]
    assert mp071.impacts == ["large-suppliers", "dcc"] and alt.impacts == []
    assert record.modifications["MP071"].history[1].event == "decision"
    release = record.releases["2022-06"]
    assert release.modifications[0].rest_in == ["2022-11"]
    assert release.date_changes[0].window.latest == date(2022, 7, 1)
    assert release.testing_approach.panel_review.by == "Operations Group"
    assert list(record.parties) == ["large-suppliers", "small-suppliers", "dcc"]


def test_impacts_absent_is_not_the_same_as_no_party_impacted(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071")], parties=PARTIES)
    assert _load(root).modifications["MP071"].impacts is None
    root = write_project(tmp_path / "q", modifications=[modification("MP071", impacts=[])], parties=PARTIES)
    assert _load(root).modifications["MP071"].impacts == []


# --- one test per new cross-reference error -----------------------------------------


def test_an_unknown_party_is_reported_at_its_line_with_a_suggestion(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc", "large-supplier"])], parties=PARTIES)
    record = _load(root)
    problem = _only(record, "unknown-party")
    assert problem.location.file == "data/modifications/MP071.yaml"
    assert problem.location.line == _line_of(root, "data/modifications/MP071.yaml", "- large-supplier")
    assert '"large-supplier"' in problem.message and 'did you mean "large-suppliers"?' in problem.hint


def test_an_impact_without_a_parties_file_says_to_create_it(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc"])])
    problem = _only(_load(root), "unknown-party")
    assert "create data/parties.yaml" in problem.hint


def test_a_party_listed_twice_is_reported(tmp_path):
    root = write_project(tmp_path / "p", parties=PARTIES + [dict(PARTIES[0])])
    problem = _only(_load(root), "duplicate-party")
    assert problem.location.file == "data/parties.yaml" and problem.location.line == _line_of(root, "data/parties.yaml", "- id: large-suppliers", after="dcc")


def test_an_unknown_rest_in_release_is_reported_with_a_suggestion(tmp_path):
    releases = _two_releases(modifications=[{"id": "MP071", "status": "implemented", "rest_in": ["2022-12"]}])
    root = write_project(tmp_path / "p", releases)
    record = _load(root)
    problem = _only(record, "unknown-release")
    assert problem.location.file == "data/releases/2022-06.yaml"
    assert problem.location.line == _line_of(root, "data/releases/2022-06.yaml", "- 2022-12")
    assert 'did you mean "2022-11"?' in problem.hint
    assert "2022-06" not in record.releases, "a release with a broken reference is not published"


def test_rest_in_cannot_name_the_release_itself(tmp_path):
    root = write_project(tmp_path / "p", _two_releases(modifications=[{"id": "MP071", "status": "implemented", "rest_in": ["2022-06"]}]))
    assert "itself" in _only(_load(root), "unknown-release").message


def test_an_unknown_modification_in_a_baseline_is_reported_with_a_suggestion(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP0711"]}])
    root = write_project(tmp_path / "p", [release])
    problem = _only(_load(root), "unknown-modification")
    assert problem.location.line == _line_of(root, "data/releases/2019-11.yaml", "- MP0711")
    assert 'did you mean "MP071"?' in problem.hint


def test_a_baseline_that_froze_a_modification_the_release_does_not_list(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP072"]}])
    root = write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072")])
    problem = _only(_load(root), "baseline-not-listed")
    assert problem.location.line == _line_of(root, "data/releases/2019-11.yaml", "- MP072")
    assert "status: removed" in problem.hint


def test_an_unknown_alternative_of_is_reported_with_a_suggestion(tmp_path):
    mods = [modification("MP102"), modification("MP102A", alternative_of="MP120"), modification("MP071")]
    root = write_project(tmp_path / "p", modifications=mods)
    problem = _only(_load(root), "unknown-modification")
    assert problem.location.file == "data/modifications/MP102A.yaml"
    assert problem.location.line == _line_of(root, "data/modifications/MP102A.yaml", "alternative_of")
    assert 'did you mean "MP102"?' in problem.hint


def test_a_modification_cannot_be_an_alternative_of_itself(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", alternative_of="MP071")])
    assert "itself" in [d for d in _load(root).problems if d.code == "unknown-modification"][0].message


def test_history_out_of_order_is_reported(tmp_path):
    history = [{"date": "2020-01-01", "event": "decision"}, {"date": "2019-01-01", "event": "raised"}]
    root = write_project(tmp_path / "p", modifications=[modification("MP071", history=history)])
    problem = _only(_load(root), "history-order")
    assert problem.location.line == _line_of(root, "data/modifications/MP071.yaml", "2019-01-01")


def test_a_history_event_outside_the_list_is_not_allowed(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", history=[{"date": "2020-01-01", "event": "approved"}])])
    problem = _only(_load(root), "not-allowed")
    assert "raised" in problem.message and "withdrawn" in problem.message


def test_a_new_date_outside_its_window_is_reported(tmp_path):
    change = {"decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-29", "window": {"earliest": "2019-11-24", "latest": "2019-11-28"}, "by": "Authority"}
    root = write_project(tmp_path / "p", [complete_release(date_changes=[change])])
    problem = _only(_load(root), "outside-window")
    assert problem.location.line == _line_of(root, "data/releases/2019-11.yaml", "to: '2019-11-29'")


def test_a_removed_date_on_a_modification_still_in_scope_is_reported(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented", "removed": "2019-06-01"}])
    root = write_project(tmp_path / "p", [release])
    assert "status: removed" in _only(_load(root), "removed-date").hint


# --- the Policy's front matter ---------------------------------------------------------


def test_the_policy_front_matter_is_validated_at_its_line(tmp_path):
    from tests.factory import POLICY

    policy = POLICY.replace('version: "1.0"\n', 'version: "1.0"\napproved: 15 March 2019\napproved_by: Panel\n')
    root = write_project(tmp_path / "p", policy=policy)
    problem = _only(_load(root), "invalid-value")
    assert problem.location.file == "content/policy/release-management-policy.md"
    assert problem.location.line == 4 and "approved" in problem.message


def test_the_policy_front_matter_is_read(tmp_path):
    from tests.factory import POLICY

    root = write_project(tmp_path / "p", policy=POLICY.replace('version: "1.0"\n', 'version: "1.0"\napproved: 2019-03-15\napproved_by: Panel\n'))
    front = _load(root).policy_front_matter
    assert (front.version, front.approved, front.approved_by) == ("1.0", date(2019, 3, 15), "Panel")


# --- which requirements apply to an ad-hoc implementation: the rulebook says ------------------


def test_an_ad_hoc_release_is_held_only_to_what_the_rulebook_applies_to_its_kind(tmp_path):
    ad_hoc = {
        "id": "2021-09-adhoc", "title": "SEC v45.0", "kind": "ad-hoc", "status": "implemented", "go_live": "2021-09-01",
        "dcc_systems_impact": False, "modifications": [{"id": "MP071", "status": "implemented"}],
    }
    root = write_project(tmp_path / "p", [ad_hoc])
    record = _load(root)
    assert record.problems == []
    evaluation = evaluate(record, AS_OF)
    results = evaluation.for_release("2021-09-adhoc")
    kinds = {r.requirement.id: r.requirement.kinds for r in results}
    for result in results:
        if kinds[result.requirement.id] is not None and "ad-hoc" not in kinds[result.requirement.id]:
            assert result.status is Status.NOT_APPLICABLE and "ad-hoc" in result.reason
        else:
            assert result.status is Status.MET
    assert any(r.status is Status.MET for r in results) and any(r.status is Status.NOT_APPLICABLE for r in results)
    assert not evaluation.has_errors


def test_the_rulebook_rejects_an_empty_kinds_list(tmp_path):
    root = write_project(tmp_path / "p")
    path = root / "data" / "rulebook" / "d10.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    kinds: [scheduled]", "    kinds: []", 1), encoding="utf-8")
    problems = [d for d in _load(root).problems if d.code == "rulebook"]
    assert problems and "kinds is empty" in problems[0].message


@pytest.mark.parametrize("key", ["title", "code"])
def test_the_rulebook_names_itself(tmp_path, key):
    root = write_project(tmp_path / "p")
    path = root / "data" / "rulebook" / "d10.yaml"
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith(f"{key}:")]
    path.write_text("\n".join(lines), encoding="utf-8")
    record = _load(root)
    assert record.rulebook is None
    assert any(d.code == "missing-key" and key in d.message for d in record.problems)


def test_a_release_that_says_what_it_said_before_keeps_its_published_digest():
    """kind and illustrative at their defaults are left out of the canonical data the digest is of."""
    from sec_release.core.digest import canonical_data, release_digest
    from sec_release.core.models import Release

    first_edition = complete_release()
    spelled_out = Release.model_validate({**first_edition, "kind": "scheduled", "illustrative": False})
    assert "kind" not in canonical_data(spelled_out) and "illustrative" not in canonical_data(spelled_out)
    assert release_digest(spelled_out) == release_digest(Release.model_validate(first_edition))
    assert release_digest(Release.model_validate({**first_edition, "kind": "ad-hoc"})) != release_digest(spelled_out)


def test_a_sec_document_written_two_ways_is_reported_where_it_differs(tmp_path):
    mods = [
        modification("MP071", sec_documents=["Schedule 8 (Great Britain Companion Specification)", "Section H (DCC Services)"]),
        modification("MP072", sec_documents=["Section H (DCC Services)", "Schedule 8 (GB Companion Specification)"]),
    ]
    root = write_project(tmp_path / "p", modifications=mods)
    problem = _only(_load(root), "sec-document-name")
    assert problem.location.file == "data/modifications/MP072.yaml"
    assert problem.location.line == _line_of(root, "data/modifications/MP072.yaml", "- Schedule 8 (GB Companion Specification)")
    assert problem.message == '"Schedule 8 (GB Companion Specification)" names Schedule 8, which MP071 writes as "Schedule 8 (Great Britain Companion Specification)"'
    assert problem.hint.startswith('write "Schedule 8 (Great Britain Companion Specification)" here too')


def test_sec_documents_named_alike_but_different_are_not_confused(tmp_path):
    """Appendix A and Appendix AD, Schedule 1 and Schedule 10, and names that are not a part of the Code, are all fine."""
    mods = [
        modification("MP071", sec_documents=["Appendix A (One)", "Schedule 1 (One)", "Other document (x)"]),
        modification("MP072", sec_documents=["Appendix AD (Two)", "Schedule 10 (Two)", "Other document (y)"]),
    ]
    record = _load(write_project(tmp_path / "p", modifications=mods))
    assert [p for p in record.problems if p.code == "sec-document-name"] == []


def test_a_parties_file_that_does_not_parse_is_counted_as_unread(tmp_path):
    root = write_project(tmp_path / "p", parties=PARTIES)
    (root / "data" / "parties.yaml").write_text("parties: [\n", encoding="utf-8")
    record = _load(root)
    assert "data/parties.yaml" in record.unread_files
    assert [d.location.file for d in record.problems if d.code == "yaml-syntax"] == ["data/parties.yaml"]
