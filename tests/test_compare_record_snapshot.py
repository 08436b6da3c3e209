"""A loaded record as the comparison (``/changes/``, ``sec-release diff``) sees it.

The record is reduced to the plain JSON values a published site's
``/data/*.json`` holds (field names as editors write them, dates as
``YYYY-MM-DD``), so a git baseline and a published site compare alike.
One small project is written and checked per test.
"""

from __future__ import annotations

from datetime import date

import pytest

from sec_release.core.check import check_project
from sec_release.core.compare import compare, snapshot_from_record
from sec_release.core.project import load_project
from tests.factory import complete_release, modification, write_project

AS_OF = date(2026, 11, 26)


@pytest.fixture
def snapshot(tmp_path):
    # Per test, not per module: a mutation run gives a mutant only the tests that themselves reached the code.
    moved = complete_release(date_changes=[{"from": "2019-11-07", "to": "2019-11-29", "by": "Panel", "reason": "DCC testing ran late."}])
    root = write_project(tmp_path / "record", [moved, complete_release("2020-02", "2020-02-27", draft=True)],
                         [modification("MP071", raised="2019-03-04")])
    checked = check_project(load_project(root), AS_OF)
    assert checked.record.problems == []
    return snapshot_from_record(checked.record, checked.evaluation, "this build")


def test_the_snapshot_is_labelled_and_dated_as_its_results_were_computed(snapshot):
    assert (snapshot.label, snapshot.as_of, snapshot.problems) == ("this build", AS_OF, 0)


def test_release_data_uses_the_field_names_and_dates_editors_write(snapshot):
    release = snapshot.releases["2019-11"]
    assert release["go_live"] == "2019-11-29"
    assert release["date_changes"] == [{"requested": None, "decided": None, "from": "2019-11-07", "to": "2019-11-29", "window": None, "by": "Panel",
                                        "reason": "DCC testing ran late.", "outcome": "approved"}]
    assert release["implementation_document"] == {"page": "releases/2019-11/implementation-document.md", "version": "1.0", "updated": "2019-10-31"}


def test_every_release_and_modification_is_in_the_snapshot(snapshot):
    assert list(snapshot.releases) == ["2019-11", "2020-02"]
    assert (snapshot.is_draft("2019-11"), snapshot.is_draft("2020-02")) == (False, True)
    assert list(snapshot.modifications) == ["MP071"]
    assert (snapshot.modifications["MP071"]["title"], snapshot.modifications["MP071"]["raised"]) == ("Modification MP071", "2019-03-04")


def test_each_release_is_known_by_its_file(snapshot):
    assert snapshot.release_files == {"2019-11": "data/releases/2019-11.yaml", "2020-02": "data/releases/2020-02.yaml"}


def test_the_requirements_come_from_the_rulebook_in_its_order_with_clause_and_title(snapshot):
    assert list(snapshot.requirements)[:2] == ["d10-7-policy", "d10-7-release-formulation"]
    assert snapshot.requirements["d10-7-policy"] == ("D10.7", "The Panel maintains a SEC Release Management Policy.")


def test_results_are_by_release_and_requirement_the_policys_under_no_release(snapshot):
    assert snapshot.results[(None, "d10-7-policy")] == "met"
    assert snapshot.results[("2019-11", "d10-8d-release-cost-review")] == "met"
    assert {release for release, _ in snapshot.results} == {None, "2019-11", "2020-02"}


def test_document_texts_are_known_by_page_and_the_policy_page_by_its_path(snapshot):
    assert snapshot.policy_page == "policy/release-management-policy.md"
    assert sorted(snapshot.documents) == [
        "policy/release-management-policy.md",
        "releases/2019-11/implementation-document.md",
        "releases/2019-11/testing-approach.md",
        "releases/2020-02/implementation-document.md",
        "releases/2020-02/testing-approach.md",
    ]
    assert all(len(digest) == 64 for digest in snapshot.documents.values())


def test_against_a_baseline_whose_rulebook_did_not_load_every_result_is_new(tmp_path, snapshot):
    old = write_project(tmp_path / "old", [complete_release()], [modification("MP071")])
    (old / "data/rulebook/d10.yaml").write_text("requirements: [\n", encoding="utf-8")
    checked = check_project(load_project(old), AS_OF)
    baseline = snapshot_from_record(checked.record, checked.evaluation, "published")
    assert (baseline.requirements, baseline.results, baseline.problems) == ({}, {}, 1)
    comparison = compare(baseline, snapshot)
    assert comparison.notes == ["1 problem in the baseline's files: releases in files that did not load there count as added here."]
    policy = [rid for (release, rid) in snapshot.results if release is None]
    assert [(r.requirement_id, r.old, r.new) for r in comparison.policy_results] == [(rid, None, "met") for rid in policy]
    changed = {r.id: r for r in comparison.releases}["2019-11"]
    assert [(r.requirement_id, r.old) for r in changed.results] == [(rid, None) for (release, rid) in snapshot.results if release == "2019-11"]
