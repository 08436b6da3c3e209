"""The parts of the Code a modification changes: one spelling per part across the record, at its line,
and the order the site lists them in (the Code's own order). In-process."""

from __future__ import annotations

import yaml

from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.document_kinds import (
    IMPLEMENTATION_DOCUMENT, POLICY, TESTING_APPROACH, applies_label, document_kind, document_name, group_label, release_document,
)
from sec_release.core.models import Modification
from sec_release.core.sec_documents import check_document_names, document_part, sort_key
from sec_release.core.yaml_source import parse_yaml_text
from tests.factory import modification


def test_the_part_is_its_kind_and_mark_whatever_the_case_of_the_kind():
    assert document_part("Section H (DCC Services)") == "Section H"
    assert document_part("schedule 8") == "Schedule 8"
    assert document_part("APPENDIX AD (x)") == "Appendix AD"
    assert document_part("Section") is None
    assert document_part("Annex A (x)") is None
    assert document_part("") is None


def test_parts_are_listed_as_the_code_prints_them_and_other_names_last():
    names = ["Other", "Schedule 10", "Appendix AD (x)", "Section H (DCC)", "Appendix D", "Schedule 9", "Appendix",
             "Section A", "schedule 2", "Appendix C"]
    assert sorted(names, key=sort_key) == [
        "Section A", "Section H (DCC)", "schedule 2", "Schedule 9", "Schedule 10", "Appendix C", "Appendix D", "Appendix AD (x)",
        "Appendix", "Other"]


def test_numbered_parts_come_before_lettered_ones():
    assert sorted(["Schedule A", "Schedule 10", "Schedule 2"], key=sort_key) == ["Schedule 2", "Schedule 10", "Schedule A"]


def test_one_part_under_two_titles_sorts_by_the_whole_name():
    assert sorted(["Schedule 8 (b)", "Schedule 8 (a)"], key=sort_key) == ["Schedule 8 (a)", "Schedule 8 (b)"]


def _check(*mods: dict) -> list[tuple[str, str, str, str]]:
    modifications, sources, problems = {}, {}, DiagnosticList()
    for data in mods:
        text = yaml.safe_dump(data, sort_keys=False)
        _, source = parse_yaml_text(text, f"data/modifications/{data['id']}.yaml", problems)
        modifications[data["id"]] = Modification.model_validate(data)
        sources[data["id"]] = source
    check_document_names(modifications, sources, problems)
    return [(str(d.location), d.code, d.message, d.hint) for d in problems]


def test_a_part_written_two_ways_is_reported_at_each_other_spelling_with_the_first_by_id():
    found = _check(
        modification("MP072", sec_documents=["Section H (DCC Services)", "Schedule 8 (GB Companion Specification)"]),
        modification("MP071", sec_documents=["Schedule 8 (Great Britain Companion Specification)", "Section H (DCC Services)"]),
        modification("MP073", sec_documents=["Other (x)", "Schedule 8", "Schedule 8 (Great Britain Companion Specification)"]),
    )
    first = "Schedule 8 (Great Britain Companion Specification)"
    hint = f'write "{first}" here too (or change both): the site lists one page per name'
    assert found == [
        ("data/modifications/MP072.yaml:8:3", "sec-document-name", f'"Schedule 8 (GB Companion Specification)" names Schedule 8, which MP071 writes as "{first}"', hint),
        ("data/modifications/MP073.yaml:8:3", "sec-document-name", f'"Schedule 8" names Schedule 8, which MP071 writes as "{first}"', hint),
    ]


def test_parts_alike_but_different_and_other_names_are_fine():
    assert _check(
        modification("MP071", sec_documents=["Appendix A (One)", "Schedule 1 (One)", "Other document (x)"]),
        modification("MP072", sec_documents=["Appendix AD (Two)", "Schedule 10 (Two)", "Other document (y)"]),
    ) == []


# ---------------------------------------------------------------------------- the kinds of document


def test_each_kind_of_document_is_named_and_labelled_for_pages():
    assert [(k.group_label, k.applies_label) for k in (POLICY, IMPLEMENTATION_DOCUMENT, TESTING_APPROACH)] == [
        ("The Policy", "The SEC Release Management Policy"),
        ("The Implementation Document", "Each release's Implementation Document"),
        ("The Testing Approach Document", "Each release's Testing Approach Document"),
    ]
    assert [group_label(k) for k in ("policy", "release", "testing_approach")] == ["The Policy", "Each release", "The Testing Approach Document"]
    assert [applies_label(k) for k in ("policy", "release", "implementation_document")] == [
        "The SEC Release Management Policy", "Each release's record", "Each release's Implementation Document"]
    assert [document_name(k, "the record") for k in ("policy", "release", "testing_approach")] == [
        "SEC Release Management Policy", "the record", "Testing Approach Document"]


def test_a_release_documents_page_is_under_the_release_and_the_policy_has_none():
    assert IMPLEMENTATION_DOCUMENT.page_for("2027-11") == "releases/2027-11/implementation-document.md"
    assert TESTING_APPROACH.page_for("2027-11-minor") == "releases/2027-11-minor/testing-approach.md"
    assert POLICY.page_for("2027-11") == ""


def test_only_release_documents_are_looked_in_for_a_release():
    assert document_kind("policy") is POLICY
    assert document_kind("release") is None
    assert release_document("policy") is None
    assert release_document("release") is None
    assert release_document("testing_approach") is TESTING_APPROACH
