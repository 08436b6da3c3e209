"""Where a missing release field is reported when the release file does not start with its mapping,
and what SECAS is told about a rulebook field inside the items of a list. In-process, exact."""

from __future__ import annotations

from sec_release.core.check import check_project
from sec_release.core.diagnostics import Location
from sec_release.core.project import load_project
from tests.factory import complete_release
from tests.test_evaluation_results import AS_OF, FILE, _check
from tests.test_rulebook_entries import _problems, _req


def _written_after_a_comment(root) -> None:
    file = root / FILE
    file.write_text("# Release 2019-11, kept by SECAS.\n\n" + file.read_text())


def test_a_missing_top_level_field_is_a_gap_where_the_release_begins_below_a_comment(tmp_path):
    release = complete_release()
    del release["cost_review"]
    _, root = _check(tmp_path, release)
    _written_after_a_comment(root)
    result = check_project(load_project(root), AS_OF).evaluation.get("2019-11", "d10-8d-release-cost-review")
    assert result.gaps == ("cost_review is not recorded",)
    assert result.hint == f"add cost_review to {FILE}"
    assert result.location == Location(FILE, 3, 1)


def test_a_document_not_named_is_a_gap_where_the_release_begins_below_a_comment(tmp_path):
    release = complete_release()
    del release["implementation_document"]
    _, root = _check(tmp_path, release)
    _written_after_a_comment(root)
    result = check_project(load_project(root), AS_OF).evaluation.get("2019-11", "d10-13-implementation-document")
    assert result.gaps[0] == "the Implementation Document is not named in the record"
    assert result.location == Location(FILE, 3, 1)


def test_a_rulebook_field_inside_the_items_of_a_list_is_refused_with_the_fix():
    assert _problems(_req(satisfied_by={"field": ["milestones", "milestones.date", "testing_approach.consultation"]})) == [(
        ("requirements", 0, "satisfied_by", "field"),
        'satisfied_by names the field "milestones.date", which is inside the items of the list milestones; '
        "a requirement can only check a field of the release or of a part of it that is not a list",
        "name the list itself (field: milestones) to require at least one entry, or count: {field: milestones, at_least: N}",
    )]
