"""What SECAS is told about an entry of the editable rulebook that names something that does not exist,
and the words and clauses pages take from the rulebook. In-process, exact messages with their place in the file."""

from __future__ import annotations

from sec_release.core.rulebook import (
    Requirement, Rulebook, SatisfiedBy, clauses_for_field, clauses_of, due_conditions, semantic_problems,
)

POLICY_ONLY = "a Policy requirement can only be satisfied by the document or its sections"
NO_CONDITION = "a Policy requirement has no release condition or due date"
BOOL_HINT = "use a true/false release field such as dcc_systems_impact"


def _req(id="r-1", clause="D10.1", applies_to="release", satisfied_by=None, **more) -> Requirement:
    return Requirement.model_validate({
        "id": id, "clause": clause, "title": "A requirement.", "applies_to": applies_to,
        "satisfied_by": satisfied_by if satisfied_by is not None else {"field": "milestones"}, **more,
    })


def _problems(*requirements: Requirement) -> list[tuple[tuple, str, str]]:
    return semantic_problems(list(enumerate(requirements)))


def test_well_formed_entries_have_no_problems():
    assert _problems(
        _req("a", applies_to="policy", satisfied_by={"document": True}),
        _req("b", applies_to="policy", satisfied_by={"section": "Costs"}),
        _req("c", satisfied_by={"field": ["milestones", "testing_approach.consultation"]}, condition="dcc_systems_impact",
             kinds=["scheduled"], due_from="baselined", due_days_before_go_live=0, due_days_after_go_live=0),
        _req("d", satisfied_by={"count": {"field": "modifications", "at_least": 2, "excluding_status": ["removed"]}}),
        _req("e", applies_to="implementation_document", satisfied_by={"document": True, "section": ["Timescales"]}),
        _req("f", applies_to="testing_approach", satisfied_by={"count": {"field": "modifications.rest_in"}}),
    ) == []


def test_an_id_used_twice_is_reported_at_its_second_use():
    assert _problems(_req("costs"), _req("other"), _req("costs")) == [
        (("requirements", 2, "id"), 'the requirement id "costs" is used twice', "ids must be unique; they appear in waivers and URLs"),
    ]


def test_an_id_used_three_times_is_reported_at_each_repeat():
    assert [path for path, _, _ in _problems(_req("x"), _req("x"), _req("x"))] == [("requirements", 1, "id"), ("requirements", 2, "id")]


def test_a_requirement_with_no_check_is_reported_with_what_to_give():
    assert _problems(_req(satisfied_by={"document": False, "section": [], "field": []})) == [
        (("requirements", 0, "satisfied_by"), "satisfied_by names no check", "give at least one of: document, section, field, count"),
    ]


def test_a_policy_requirement_satisfied_by_a_release_field_or_count_is_reported():
    assert _problems(
        _req(applies_to="policy", satisfied_by={"field": "milestones"}),
        _req("r-2", applies_to="policy", satisfied_by={"count": {"field": "modifications"}}),
    ) == [
        (("requirements", 0, "satisfied_by"), POLICY_ONLY, "use document: true or section: [...]"),
        (("requirements", 1, "satisfied_by"), POLICY_ONLY, "use document: true or section: [...]"),
    ]


def test_a_policy_requirement_with_any_release_condition_or_due_rule_is_reported():
    variants = [{"condition": "dcc_systems_impact"}, {"kinds": ["ad-hoc"]}, {"kinds": []}, {"due_from": "planned"},
                {"due_days_before_go_live": 0}, {"due_days_after_go_live": 0}]
    for index, extra in enumerate(variants):
        found = _problems(_req(applies_to="policy", satisfied_by={"document": True}, **extra))
        assert found[0] == (("requirements", 0, "applies_to"), NO_CONDITION, "remove condition, kinds and due_* from it"), extra


def test_a_release_requirement_cannot_look_in_a_document():
    hint = "set applies_to to implementation_document or testing_approach"
    assert _problems(_req(satisfied_by={"document": True}), _req("r-2", satisfied_by={"section": ["Costs"]})) == [
        (("requirements", 0, "satisfied_by"), "a release requirement has no document to look in", hint),
        (("requirements", 1, "satisfied_by"), "a release requirement has no document to look in", hint),
    ]


def test_empty_kinds_would_apply_to_no_release():
    assert _problems(_req(kinds=[])) == [
        (("requirements", 0, "kinds"), "kinds is empty, so the requirement would apply to no release",
         "list the kinds it applies to (scheduled, ad-hoc), or remove kinds"),
    ]


def test_a_condition_must_be_an_existing_true_false_release_field():
    assert _problems(_req(condition="dcc_impact"), _req("r-2", condition="go_live"), _req("r-3", condition="testing_approach.owner"),
                     _req("r-4", condition="draft")) == [
        (("requirements", 0, "condition"), 'condition names "dcc_impact", which is not a release field', BOOL_HINT),
        (("requirements", 1, "condition"), 'condition "go_live" is not a true/false field', BOOL_HINT),
        (("requirements", 2, "condition"), 'condition "testing_approach.owner" is not a true/false field', BOOL_HINT),
    ]


def test_each_field_that_releases_do_not_have_is_reported():
    hint = "use a release field (docs/record-format.md lists them), e.g. milestones or testing_approach.consultation"
    assert _problems(_req(satisfied_by={"field": ["milestones", "milestone", "testing_approach.consultaton", "go_live.year"]})) == [
        (("requirements", 0, "satisfied_by", "field"), 'satisfied_by names the field "milestone", which releases do not have', hint),
        (("requirements", 0, "satisfied_by", "field"), 'satisfied_by names the field "testing_approach.consultaton", which releases do not have', hint),
        (("requirements", 0, "satisfied_by", "field"), 'satisfied_by names the field "go_live.year", which releases do not have', hint),
    ]


def test_a_count_must_name_a_list_field_of_a_release():
    hint = "use a list field such as modifications or milestones"
    assert _problems(_req(satisfied_by={"count": {"field": "modification"}}), _req("r-2", satisfied_by={"count": {"field": "testing_approach"}})) == [
        (("requirements", 0, "satisfied_by", "count", "field"), 'count names "modification", which is not a list field of a release', hint),
        (("requirements", 1, "satisfied_by", "count", "field"), 'count names "testing_approach", which is not a list field of a release', hint),
    ]


def test_every_problem_of_one_entry_is_reported_together_at_the_index_given():
    found = semantic_problems([(7, _req(applies_to="policy", satisfied_by={"field": "nothing"}, condition="nothing"))])
    assert [(path, message) for path, message, _ in found] == [
        (("requirements", 7, "satisfied_by"), POLICY_ONLY),
        (("requirements", 7, "applies_to"), NO_CONDITION),
        (("requirements", 7, "condition"), 'condition names "nothing", which is not a release field'),
        (("requirements", 7, "satisfied_by", "field"), 'satisfied_by names the field "nothing", which releases do not have'),
    ]


def test_one_section_title_is_read_as_a_list_and_fields_as_given():
    check = SatisfiedBy.model_validate({"section": "Costs", "field": "milestones"})
    assert check.section == ["Costs"]
    assert check.fields() == ["milestones"]
    assert SatisfiedBy.model_validate({"field": ["a", "b"]}).fields() == ["a", "b"]
    assert SatisfiedBy.model_validate({"document": True}).fields() == []
    assert [SatisfiedBy.model_validate(data).is_empty() for data in ({}, {"document": True}, {"section": ["x"]}, {"field": "x"}, {"count": {"field": "x"}})] == [
        True, False, False, False, False]


# ---------------------------------------------------------------------------- words and clauses for pages


def test_due_rules_in_words_for_each_status_and_date_rule():
    assert due_conditions(_req()) == []
    assert due_conditions(_req(due_from="planned")) == ["as soon as the release is in the record (planned)"]
    assert due_conditions(_req(due_from="baselined", due_days_before_go_live=0)) == [
        "once the release is baselined", "from 0 days before its go-live date"]
    assert due_conditions(_req(due_from="implemented", due_days_after_go_live=30)) == [
        "once the release is implemented", "from 30 days after its go-live date"]
    assert due_conditions(_req(due_days_before_go_live=90, due_days_after_go_live=0)) == [
        "from 90 days before its go-live date", "from 0 days after its go-live date"]


def test_clauses_are_listed_once_each_in_rulebook_order():
    assert clauses_of([_req("a", "D10.9"), _req("b", "D10.7"), _req("c", "D10.9"), _req("d", "D10.8(d)")]) == "D10.9, D10.7, D10.8(d)"
    assert clauses_of([]) == ""


def _rulebook(*requirements: Requirement) -> Rulebook:
    return Rulebook.model_validate({"title": "Rules", "code": "Section D10", "requirements": [r.model_dump() for r in requirements]})


def test_a_release_field_cites_the_clauses_of_the_requirements_it_satisfies():
    rulebook = _rulebook(
        _req("a", "D10.10", satisfied_by={"field": "milestones"}),
        _req("b", "D10.11", satisfied_by={"field": ["cost_review.date", "go_live_decision"]}),
        _req("c", "D10.12", satisfied_by={"count": {"field": "modifications"}}),
        _req("d", "D10.13", applies_to="implementation_document", satisfied_by={"document": True}),
        _req("e", "D10.14", applies_to="testing_approach", satisfied_by={"section": ["Scope"]}),
        _req("f", "D10.15", applies_to="testing_approach", satisfied_by={"field": "testing_approach.consultation.opened"}),
        _req("g", "D10.16", applies_to="policy", satisfied_by={"document": True}),
    )
    assert clauses_for_field(rulebook, "milestones") == "D10.10"
    assert clauses_for_field(rulebook, "cost_review") == "D10.11"  # a field below it is named
    assert clauses_for_field(rulebook, "cost_review.date") == "D10.11"
    assert clauses_for_field(rulebook, "cost_revie") == ""
    assert clauses_for_field(rulebook, "go_live_decision") == "D10.11"
    assert clauses_for_field(rulebook, "modifications") == "D10.12"
    assert clauses_for_field(rulebook, "implementation_document") == "D10.13"  # the document it names exists
    assert clauses_for_field(rulebook, "testing_approach") == "D10.15"  # a section is not the document
    assert clauses_for_field(rulebook, "testing_approach.consultation") == "D10.15"
    assert clauses_for_field(rulebook, "implementation_document.page") == ""
    assert clauses_for_field(rulebook, "policy") == ""
    assert clauses_for_field(None, "milestones") == ""


def test_a_rulebook_finds_its_requirements_by_id():
    rulebook = _rulebook(_req("a", "D10.1"), _req("b", "D10.2"))
    assert {rid: r.clause for rid, r in rulebook.by_id().items()} == {"a": "D10.1", "b": "D10.2"}
