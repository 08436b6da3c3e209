"""What the comparison (``/changes/``, ``sec-release diff``) reports between two snapshots.

The snapshots are built here as plain values, the way a published site's
``/data/*.json`` or a loaded record gives them: what only a site writes is not
a change; each kind of change to a release, a modification, a document or a
compliance result is reported once, in the order an editor reads it.
"""

from __future__ import annotations

import copy
from datetime import date

from sec_release.core.compare import (
    STATUS_LABELS,
    DocumentChange,
    Snapshot,
    comparable_modification,
    comparable_release,
    compare,
)

REQUIREMENTS = {
    "d10-8d-release-cost-review": ("D10.8(d)", "Cost review"),
    "d10-9-go-live-decision": ("D10.9", "Go-live decision"),
}


def _release(**fields) -> dict:
    data = {
        "id": "2019-11",
        "title": "November 2019 SEC Release",
        "status": "implemented",
        "go_live": "2019-11-07",
        "modifications": [{"id": "MP071", "status": "implemented"}],
        "implementation_document": {"page": "releases/2019-11/implementation-document.md", "version": "1.0", "updated": "2019-10-31"},
        "amendments": [{"date": "2019-10-31", "summary": "First publication."}],
    }
    data.update(fields)
    return data


def _snapshot(label="x", releases=None, **fields) -> Snapshot:
    return Snapshot(label=label, releases={r["id"]: r for r in (releases or [])}, **fields)


def _pair(old_release: dict, new_release: dict, **fields):
    """The one release changed between two snapshots that are otherwise the same."""
    old = _snapshot("published", [old_release], **copy.deepcopy(fields))
    new = _snapshot("this build", [new_release], **copy.deepcopy(fields))
    comparison = compare(old, new)
    assert [r.id for r in comparison.releases] == [new_release["id"]]
    return comparison.releases[0]


# ---------------------------------------------------------------------------
# what only a published site writes


def test_site_addresses_draft_flags_and_computed_facts_are_left_out_of_a_release():
    site = _release(url="https://example.org/r/", calendar_url="https://example.org/r.ics", draft=False, computed={"late": True})
    assert comparable_release(site) == comparable_release(_release())
    assert set(comparable_release(site)) == {"id", "title", "status", "go_live", "modifications", "implementation_document", "amendments"}


def test_a_scheduled_kind_is_the_default_and_left_out_but_another_kind_is_kept():
    assert "kind" not in comparable_release(_release(kind="scheduled"))
    assert comparable_release(_release(kind="ad-hoc"))["kind"] == "ad-hoc"


def test_not_illustrative_is_the_default_and_left_out_but_illustrative_is_kept():
    assert "illustrative" not in comparable_release(_release(illustrative=False))
    assert comparable_release(_release(illustrative=True))["illustrative"] is True


def test_a_documents_page_and_address_are_left_out_its_version_and_date_kept():
    document = {"page": "p.md", "url": "https://example.org/p/", "version": "1.0", "updated": "2019-10-31"}
    data = comparable_release(_release(implementation_document=document, testing_approach=dict(document, version="2.0")))
    assert data["implementation_document"] == {"version": "1.0", "updated": "2019-10-31"}
    assert data["testing_approach"] == {"version": "2.0", "updated": "2019-10-31"}


def test_a_document_field_that_is_not_a_mapping_is_kept_as_it_is():
    assert comparable_release(_release(implementation_document="p.md"))["implementation_document"] == "p.md"


def test_a_modifications_title_copied_into_a_release_is_left_out():
    data = comparable_release(_release(modifications=[{"id": "MP071", "status": "implemented", "title": "Copied"}, "odd"]))
    assert data["modifications"] == [{"id": "MP071", "status": "implemented"}, "odd"]


def test_empty_values_are_left_out_of_a_release():
    assert comparable_release({"id": "r", "waivers": [], "note": None, "cost_review": {}}) == {"id": "r"}


def test_normalising_a_release_leaves_the_published_data_as_it_was():
    site = _release(url="u", kind="scheduled", illustrative=False, computed={}, implementation_document={"page": "p", "url": "u", "version": "1"},
                    modifications=[{"id": "MP071", "title": "T"}])
    before = copy.deepcopy(site)
    comparable_release(site)
    assert site == before


def test_the_releases_and_computed_facts_of_a_modification_are_left_out():
    site = {"id": "MP071", "title": "T", "releases": ["2019-11"], "computed": {"x": 1}, "illustrative": False, "links": []}
    assert comparable_modification(site) == {"id": "MP071", "title": "T"}
    assert site["releases"] == ["2019-11"] and site["illustrative"] is False


def test_an_illustrative_modification_stays_illustrative():
    assert comparable_modification({"id": "MP071", "illustrative": True}) == {"id": "MP071", "illustrative": True}


def test_a_published_copy_of_the_same_record_has_no_differences():
    record = _snapshot("this build", [_release()], modifications={"MP071": {"id": "MP071", "title": "T"}})
    site = _snapshot("published", [_release(url="u", calendar_url="c", kind="scheduled", illustrative=False, computed={"a": 1},
                                            modifications=[{"id": "MP071", "status": "implemented", "title": "T"}],
                                            implementation_document={"url": "u", "version": "1.0", "updated": "2019-10-31"})],
                     modifications={"MP071": {"id": "MP071", "title": "T", "releases": ["2019-11"], "computed": {}}})
    comparison = compare(site, record)
    assert (comparison.releases, comparison.modifications, comparison.is_empty) == ([], [], True)


# ---------------------------------------------------------------------------
# the modifications in a release


def _content(old_entries, new_entries):
    change = _pair(_release(modifications=old_entries), _release(modifications=new_entries))
    return [(c.id, c.part, c.kind, c.old_status, c.new_status, c.detail) for c in change.content]


def test_a_modification_added_to_a_release_with_its_status():
    assert _content([], [{"id": "MP073", "status": "targeted"}]) == [("MP073", None, "added", None, "targeted", "")]


def test_a_modification_whose_status_was_set_to_removed():
    assert _content([{"id": "MP073", "status": "targeted"}], [{"id": "MP073", "status": "removed"}]) == [
        ("MP073", None, "removed", "targeted", "removed", "")
    ]


def test_a_modification_whose_entry_was_deleted_is_unlisted():
    assert _content([{"id": "MP073", "part": "SEC text", "status": "targeted"}], []) == [("MP073", "SEC text", "unlisted", "targeted", None, "")]


def test_a_modification_back_from_removed_is_restored():
    assert _content([{"id": "MP073", "status": "removed"}], [{"id": "MP073", "status": "targeted"}]) == [
        ("MP073", None, "restored", "removed", "targeted", "")
    ]


def test_a_modification_whose_status_moved_on():
    assert _content([{"id": "MP073", "status": "targeted"}], [{"id": "MP073", "status": "approved"}]) == [
        ("MP073", None, "status", "targeted", "approved", "")
    ]


def test_a_note_taken_off_a_modification_reads_none_after_the_arrow():
    assert _content([{"id": "MP073", "status": "targeted", "note": "Moved  from\nJune."}], [{"id": "MP073", "status": "targeted"}]) == [
        ("MP073", None, "changed", "targeted", "targeted", "note: Moved from June. → (none)")
    ]


def test_a_reworded_note_shows_both_notes():
    assert _content([{"id": "MP073", "status": "targeted", "note": "Old."}], [{"id": "MP073", "status": "targeted", "note": "New."}]) == [
        ("MP073", None, "changed", "targeted", "targeted", "note: Old. → New.")
    ]


def test_a_note_changed_on_one_part_of_a_split_modification_names_the_part():
    old = [{"id": "MP073", "part": "SEC text", "status": "targeted"}, {"id": "MP073", "part": "DCC Systems", "status": "targeted"}]
    new = [{"id": "MP073", "part": "SEC text", "status": "targeted", "note": "Legal text agreed."}, old[1]]
    assert _content(old, new) == [("MP073", "SEC text", "changed", "targeted", "targeted", "note: (none) → Legal text agreed.")]


def test_a_status_change_is_reported_once_even_when_the_note_changed_too():
    assert _content([{"id": "MP073", "status": "targeted", "note": "a"}], [{"id": "MP073", "status": "approved", "note": "b"}]) == [
        ("MP073", None, "status", "targeted", "approved", "")
    ]


def test_modifications_in_a_release_are_listed_in_its_new_order_then_the_unlisted():
    old = [{"id": "MP001", "status": "targeted"}, {"id": "MP002", "status": "targeted"}, {"id": "MP003", "status": "targeted"}]
    new = [{"id": "MP004", "status": "targeted"}, {"id": "MP003", "status": "approved"}, {"id": "MP002", "status": "removed"}]
    assert [(c[0], c[2]) for c in _content(old, new)] == [("MP004", "added"), ("MP003", "status"), ("MP002", "removed"), ("MP001", "unlisted")]


def test_the_parts_of_a_modification_are_separate_entries():
    old = [{"id": "MP073", "part": "DCC Systems", "status": "targeted"}]
    new = [{"id": "MP073", "part": "DCC Systems", "status": "approved"}, {"id": "MP073", "part": "SEC text", "status": "targeted"}]
    assert [(c[0], c[1], c[2]) for c in _content(old, new)] == [("MP073", "DCC Systems", "status"), ("MP073", "SEC text", "added")]


def test_the_modifications_in_a_release_are_not_also_listed_field_by_field():
    change = _pair(_release(), _release(modifications=[{"id": "MP071", "status": "implemented", "note": "n"}]))
    assert change.fields == []


# ---------------------------------------------------------------------------
# documents


def _documents(old_release, new_release, old_texts=None, new_texts=None):
    old = _snapshot("published", [old_release], documents=old_texts)
    new = _snapshot("this build", [new_release], documents=new_texts)
    [change] = compare(old, new).releases
    return change


def _document(page="releases/2019-11/implementation-document.md", version="1.0", updated="2019-10-31"):
    return {"page": page, "version": version, "updated": updated}


def test_documents_are_listed_implementation_document_first_then_testing_approach():
    change = _documents(_release(testing_approach=_document("t.md", "0.1", "2019-09-01")), _release(implementation_document=None))
    assert change.documents == [
        DocumentChange("implementation_document", "removed", None, old_version="1.0", old_updated="2019-10-31"),
        DocumentChange("testing_approach", "removed", None, old_version="0.1", old_updated="2019-09-01"),
    ]


def test_a_document_added_to_a_release():
    change = _documents(_release(), _release(testing_approach=_document("t.md", "0.1", "2019-09-01")))
    assert change.documents == [DocumentChange("testing_approach", "added", "t.md", new_version="0.1", new_updated="2019-09-01")]
    assert change.documents[0].name == "Testing Approach Document"


def test_both_documents_added_to_a_release_are_listed():
    change = _documents(_release(implementation_document=None), _release(testing_approach=_document("t.md", "0.1", "2019-09-01")))
    assert change.documents == [
        DocumentChange("implementation_document", "added", "releases/2019-11/implementation-document.md", new_version="1.0", new_updated="2019-10-31"),
        DocumentChange("testing_approach", "added", "t.md", new_version="0.1", new_updated="2019-09-01"),
    ]


def test_a_testing_approach_reissued_in_a_release_without_an_implementation_document():
    change = _documents(_release(implementation_document=None, testing_approach=_document("t.md", "0.1", "2019-09-01")),
                        _release(implementation_document=None, testing_approach=_document("t.md", "1.0", "2019-09-01")))
    assert change.documents == [DocumentChange("testing_approach", "reissued", "t.md", "0.1", "1.0", "2019-09-01", "2019-09-01")]


def test_a_document_taken_off_a_release_has_no_page_to_link_to():
    change = _documents(_release(), _release(implementation_document=None))
    assert change.documents == [DocumentChange("implementation_document", "removed", None, old_version="1.0", old_updated="2019-10-31")]
    assert change.documents[0].name == "Implementation Document"


def test_a_new_version_of_a_document_is_a_reissue_with_both_versions_and_dates():
    change = _documents(_release(), _release(implementation_document=_document("new.md", "2.0", "2019-11-05")))
    assert change.documents == [
        DocumentChange("implementation_document", "reissued", "new.md", "1.0", "2.0", "2019-10-31", "2019-11-05")
    ]


def test_a_document_re_dated_under_the_same_version_is_a_reissue():
    change = _documents(_release(), _release(implementation_document=_document(updated="2019-11-05")))
    assert [(d.change, d.old_updated, d.new_updated) for d in change.documents] == [("reissued", "2019-10-31", "2019-11-05")]


def test_a_reissued_documents_version_and_date_are_not_also_listed_field_by_field():
    change = _documents(_release(), _release(implementation_document=dict(_document("2.0", "2019-11-05"), consultation="2019-09-01")))
    assert [(f.field, f.old, f.new) for f in change.fields] == [("implementation_document.consultation", None, "2019-09-01")]


def test_a_document_whose_text_changed_under_the_same_version_and_date():
    page = "releases/2019-11/implementation-document.md"
    change = _documents(_release(), _release(amendments=[]), {page: "aaa"}, {page: "bbb"})
    assert change.documents == [DocumentChange("implementation_document", "text", page, "1.0", "1.0", "2019-10-31", "2019-10-31")]


def test_a_documents_text_is_compared_from_its_old_page_to_its_new_page():
    change = _documents(_release(), _release(implementation_document=_document(page="moved.md"), amendments=[]),
                        {"releases/2019-11/implementation-document.md": "aaa", "moved.md": "aaa"},
                        {"releases/2019-11/implementation-document.md": "aaa", "moved.md": "bbb"})
    assert [(d.change, d.page) for d in change.documents] == [("text", "moved.md")]


def test_the_same_text_under_the_same_version_is_no_document_change():
    page = "releases/2019-11/implementation-document.md"
    change = _documents(_release(), _release(amendments=[]), {page: "aaa"}, {page: "aaa"})
    assert change.documents == [] and [f.field for f in change.fields] == ["amendments[#1]"]


def test_a_document_text_is_not_compared_when_either_version_has_no_texts():
    page = "releases/2019-11/implementation-document.md"
    for old_texts, new_texts in (({page: "aaa"}, None), (None, {page: "bbb"}), ({}, {page: "bbb"}), ({page: "aaa"}, {})):
        old = _snapshot("published", [_release()], documents=old_texts)
        new = _snapshot("this build", [_release()], documents=new_texts)
        assert compare(old, new).releases == [], (old_texts, new_texts)


# ---------------------------------------------------------------------------
# compliance results


def _results(old_results, new_results, old_requirements=REQUIREMENTS, new_requirements=REQUIREMENTS, release_id="2019-11"):
    old = _snapshot("published", [_release()], results=old_results, requirements=old_requirements)
    new = _snapshot("this build", [_release()], results=new_results, requirements=new_requirements)
    comparison = compare(old, new)
    if release_id is None:
        return [(r.requirement_id, r.clause, r.title, r.release_id, r.old, r.new) for r in comparison.policy_results]
    [change] = comparison.releases
    return [(r.requirement_id, r.clause, r.title, r.release_id, r.old, r.new) for r in change.results]


def test_a_release_result_that_changed_names_its_clause_and_title():
    assert _results({("2019-11", "d10-9-go-live-decision"): "met"}, {("2019-11", "d10-9-go-live-decision"): "missing"}) == [
        ("d10-9-go-live-decision", "D10.9", "Go-live decision", "2019-11", "met", "missing")
    ]


def test_a_result_for_a_new_requirement_has_no_old_status():
    assert _results({}, {("2019-11", "d10-9-go-live-decision"): "not-yet-due"}) == [
        ("d10-9-go-live-decision", "D10.9", "Go-live decision", "2019-11", None, "not-yet-due")
    ]


def test_results_are_in_the_new_rulebooks_order_then_requirements_it_dropped():
    old = {("2019-11", "gone"): "met", ("2019-11", "d10-9-go-live-decision"): "met", ("2019-11", "d10-8d-release-cost-review"): "met"}
    new = {("2019-11", "d10-9-go-live-decision"): "missing", ("2019-11", "d10-8d-release-cost-review"): "missing"}
    old_requirements = {"gone": ("D10.99", "Gone"), "d10-9-go-live-decision": ("D10.9", "Go-live decision")}
    assert _results(old, new, old_requirements, REQUIREMENTS) == [
        ("d10-8d-release-cost-review", "D10.8(d)", "Cost review", "2019-11", "met", "missing"),
        ("d10-9-go-live-decision", "D10.9", "Go-live decision", "2019-11", "met", "missing"),
        ("gone", "D10.99", "Gone", "2019-11", "met", None),
    ]


def test_results_that_did_not_change_are_not_reported():
    old = {("2019-11", "d10-8d-release-cost-review"): "met", ("2019-11", "d10-9-go-live-decision"): "met"}
    new = {("2019-11", "d10-8d-release-cost-review"): "met", ("2019-11", "d10-9-go-live-decision"): "waived"}
    assert _results(old, new) == [("d10-9-go-live-decision", "D10.9", "Go-live decision", "2019-11", "met", "waived")]


def test_a_requirement_known_to_neither_rulebook_is_named_by_its_id():
    assert _results({("2019-11", "odd"): "met"}, {("2019-11", "odd"): "waived"}, {"odd": None}, {}) == [
        ("odd", "", "odd", "2019-11", "met", "waived")
    ]


def test_a_requirement_is_named_as_the_new_rulebook_names_it():
    old_requirements = {"d10-9-go-live-decision": ("D10.9", "Old title")}
    assert _results({("2019-11", "d10-9-go-live-decision"): "met"}, {("2019-11", "d10-9-go-live-decision"): "missing"}, old_requirements) == [
        ("d10-9-go-live-decision", "D10.9", "Go-live decision", "2019-11", "met", "missing")
    ]


def test_policy_results_are_reported_apart_from_the_releases():
    old = {(None, "d10-9-go-live-decision"): "met", ("2019-11", "d10-9-go-live-decision"): "met"}
    new = {(None, "d10-9-go-live-decision"): "missing", ("2019-11", "d10-9-go-live-decision"): "met"}
    assert _results(old, new, release_id=None) == [("d10-9-go-live-decision", "D10.9", "Go-live decision", None, "met", "missing")]


def test_a_result_of_another_release_is_not_reported_under_this_one():
    old = _snapshot("published", [_release()], results={("2020-02", "d10-9-go-live-decision"): "met"}, requirements=REQUIREMENTS)
    new = _snapshot("this build", [_release()], results={("2020-02", "d10-9-go-live-decision"): "missing"}, requirements=REQUIREMENTS)
    assert compare(old, new).releases == []


def test_status_labels_are_the_words_pages_use():
    assert STATUS_LABELS == {"met": "met", "missing": "missing", "not-yet-due": "not yet due", "not-applicable": "not applicable", "waived": "waived"}


# ---------------------------------------------------------------------------
# a release changed


def test_a_release_whose_go_live_moved_says_from_and_to():
    change = _pair(_release(), _release(go_live="2019-11-14"))
    assert (change.kind, change.go_live_moved, change.go_live, change.fields) == ("changed", ("2019-11-07", "2019-11-14"), "2019-11-14", [])


def test_a_go_live_date_that_appeared_moves_from_none():
    old = _release()
    del old["go_live"]
    change = _pair(old, _release())
    assert change.go_live_moved == ("None", "2019-11-07")


def test_a_changed_release_carries_its_new_title_status_and_go_live():
    change = _pair(_release(), _release(title="Renamed", status="targeted"))
    assert (change.id, change.title, change.kind, change.draft, change.status, change.go_live) == (
        "2019-11", "Renamed", "changed", False, "targeted", "2019-11-07"
    )
    assert [(f.field, f.old, f.new) for f in change.fields] == [("title", "November 2019 SEC Release", "Renamed"), ("status", "implemented", "targeted")]


def test_a_changed_release_without_a_title_or_status_is_named_by_its_id():
    old = {"id": "2019-11", "go_live": "2019-11-07"}
    change = _pair(old, {"id": "2019-11", "go_live": "2019-11-08"})
    assert (change.title, change.status, change.go_live) == ("2019-11", "", "2019-11-08")


def test_a_release_that_is_no_longer_a_draft():
    change = _pair(_release(draft=True), _release())
    assert change.draft is False
    assert [(f.field, f.old, f.new) for f in change.fields] == [("draft", "true", "false")]


def test_a_release_that_became_a_draft():
    change = _pair(_release(draft=False), _release(draft=True))
    assert change.draft is True
    assert [(f.field, f.old, f.new) for f in change.fields] == [("draft", "false", "true")]


def test_an_unchanged_release_is_not_listed():
    old = _snapshot("published", [_release(), _release(id="2020-02")])
    new = _snapshot("this build", [_release(), _release(id="2020-02", go_live="2020-02-28")])
    assert [(r.id, r.kind) for r in compare(old, new).releases] == [("2020-02", "changed")]


def test_new_amendments_get_a_line_each_with_their_date():
    new = _release(amendments=[{"date": "2019-10-31", "summary": "First publication."}, {"date": "2019-11-01", "summary": "Go-live\n moved."},
                               {"summary": "Undated."}])
    change = _pair(_release(), new)
    assert change.amendments == ["2019-11-01: Go-live moved.", "?: Undated."]
    assert change.fields == []


def test_the_first_amendments_of_a_release_that_had_none():
    change = _pair(_release(amendments=[]), _release())
    assert (change.amendments, change.fields) == (["2019-10-31: First publication."], [])


def test_an_amendment_taken_out_of_the_log_is_shown_field_by_field():
    change = _pair(_release(), _release(amendments=[]))
    assert change.amendments == []
    assert [(f.field, f.old, f.new) for f in change.fields] == [("amendments[#1]", "date: 2019-10-31; summary: First publication.", None)]


def test_an_amendment_inserted_before_the_last_is_shown_field_by_field():
    new = _release(amendments=[{"date": "2019-10-30", "summary": "Earlier."}, {"date": "2019-10-31", "summary": "First publication."}])
    change = _pair(_release(), new)
    assert change.amendments == []
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("amendments[#1].date", "2019-10-31", "2019-10-30"),
        ("amendments[#1].summary", "First publication.", "Earlier."),
        ("amendments[#2]", None, "date: 2019-10-31; summary: First publication."),
    ]


def test_everything_that_changed_in_a_release_is_reported_together():
    new = _release(go_live="2019-11-14", title="Renamed", modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP073", "status": "targeted"}],
                   implementation_document={"page": "p.md", "version": "2.0", "updated": "2019-11-05"},
                   amendments=[{"date": "2019-10-31", "summary": "First publication."}, {"date": "2019-11-05", "summary": "Re-planned."}])
    old_s = _snapshot("published", [_release()], results={("2019-11", "d10-9-go-live-decision"): "met"}, requirements=REQUIREMENTS)
    new_s = _snapshot("this build", [new], results={("2019-11", "d10-9-go-live-decision"): "missing"}, requirements=REQUIREMENTS)
    [change] = compare(old_s, new_s).releases
    assert change.go_live_moved == ("2019-11-07", "2019-11-14")
    assert [(c.id, c.kind) for c in change.content] == [("MP073", "added")]
    assert [(d.kind, d.change) for d in change.documents] == [("implementation_document", "reissued")]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("title", "November 2019 SEC Release", "Renamed")]
    assert [(r.requirement_id, r.old, r.new) for r in change.results] == [("d10-9-go-live-decision", "met", "missing")]
    assert change.amendments == ["2019-11-05: Re-planned."]


# ---------------------------------------------------------------------------
# releases added and removed


def test_an_added_release_counts_its_results_by_status():
    results = {("2020-02", "a"): "met", ("2020-02", "b"): "met", ("2020-02", "c"): "not-yet-due", ("2019-11", "a"): "missing", (None, "a"): "met"}
    old = _snapshot("published", [_release()], results={("2019-11", "a"): "missing", (None, "a"): "met"})
    new = _snapshot("this build", [_release(), _release(id="2020-02", title="February 2020", status="planned", go_live="2020-02-27", draft=True)],
                    results=results)
    [added] = compare(old, new).releases
    assert (added.id, added.title, added.kind, added.draft, added.status, added.go_live) == ("2020-02", "February 2020", "added", True, "planned", "2020-02-27")
    assert added.result_counts == {"met": 2, "not-yet-due": 1}
    assert (added.fields, added.content, added.documents, added.results, added.amendments, added.go_live_moved) == ([], [], [], [], [], None)


def test_an_added_release_without_a_title_or_dates_is_named_by_its_id():
    old = _snapshot("published")
    new = _snapshot("this build", [{"id": "2020-02"}])
    [added] = compare(old, new).releases
    assert (added.title, added.kind, added.draft, added.status, added.go_live, added.result_counts) == ("2020-02", "added", False, "", "", {})


def test_a_removed_release_keeps_what_the_published_version_said():
    old = _snapshot("published", [_release(), _release(id="2020-02", title="February 2020", status="planned", go_live="2020-02-27", draft=True)])
    new = _snapshot("this build", [_release()])
    [removed] = compare(old, new).releases
    assert (removed.id, removed.title, removed.kind, removed.draft, removed.status, removed.go_live) == (
        "2020-02", "February 2020", "removed", True, "planned", "2020-02-27"
    )


def test_a_removed_release_without_a_title_is_named_by_its_id():
    [removed] = compare(_snapshot("published", [{"id": "2020-02"}]), _snapshot("this build")).releases
    assert (removed.title, removed.draft, removed.status, removed.go_live) == ("2020-02", False, "", "")


def test_releases_are_listed_changed_and_added_in_the_new_order_then_the_removed():
    old = _snapshot("published", [_release(id="A"), _release(id="B"), _release(id="C")])
    new = _snapshot("this build", [_release(id="D"), _release(id="C", go_live="2020-01-01"), _release(id="A")])
    comparison = compare(old, new)
    assert [(r.id, r.kind) for r in comparison.releases] == [("D", "added"), ("C", "changed"), ("B", "removed")]
    assert [r.id for r in comparison.releases_of_kind("added")] == ["D"]
    assert [r.id for r in comparison.releases_of_kind("removed")] == ["B"]
    assert [r.id for r in comparison.releases_of_kind("changed")] == ["C"]


def test_a_snapshot_says_which_releases_are_drafts():
    snapshot = _snapshot("x", [_release(id="A", draft=True), _release(id="B", draft=False), _release(id="C")])
    assert [snapshot.is_draft(r) for r in ("A", "B", "C", "unknown")] == [True, False, False, False]


# ---------------------------------------------------------------------------
# the modification register


def test_the_register_lists_new_modifications_first_in_their_order_then_removed_ones():
    old = _snapshot("published", modifications={"MP001": {"id": "MP001", "title": "One"}, "MP002": {"id": "MP002", "title": "Two"},
                                                "MP003": {"id": "MP003"}})
    new = _snapshot("this build", modifications={"MP004": {"id": "MP004"}, "MP002": {"id": "MP002", "title": "Two, renamed", "releases": ["x"]},
                                                 "MP003": {"id": "MP003", "releases": ["2019-11"]}})
    comparison = compare(old, new)
    assert [(m.id, m.title, m.kind, [(f.field, f.old, f.new) for f in m.fields]) for m in comparison.modifications] == [
        ("MP004", "MP004", "added", []),
        ("MP002", "Two, renamed", "changed", [("title", "Two", "Two, renamed")]),
        ("MP001", "One", "removed", []),
    ]
    assert comparison.releases == [] and not comparison.is_empty


# ---------------------------------------------------------------------------
# the comparison as a whole


def test_the_comparison_names_both_versions_and_their_dates():
    old = _snapshot("origin/main (commit 1a2b3c4)", as_of=date(2026, 11, 1), policy_page="policy.md")
    new = _snapshot("this build", as_of=date(2026, 11, 26), policy_page="policy/new.md")
    comparison = compare(old, new)
    assert (comparison.baseline, comparison.current, comparison.baseline_as_of, comparison.as_of, comparison.policy_page) == (
        "origin/main (commit 1a2b3c4)", "this build", date(2026, 11, 1), date(2026, 11, 26), "policy/new.md"
    )
    assert (comparison.notes, comparison.is_empty, comparison.policy_text_changed) == ([], True, False)


def test_the_policy_page_is_the_baselines_when_this_version_has_none():
    assert compare(_snapshot("a", policy_page="policy.md"), _snapshot("b")).policy_page == "policy.md"


def test_a_reworded_policy_is_a_change():
    old = _snapshot("a", policy_page="policy.md", documents={"policy.md": "aaa"})
    new = _snapshot("b", policy_page="policy.md", documents={"policy.md": "bbb"})
    comparison = compare(old, new)
    assert (comparison.policy_text_changed, comparison.is_empty) == (True, False)


def test_the_policy_text_is_compared_only_when_both_versions_have_it():
    for old_texts, new_texts in (({"policy.md": "aaa"}, {"policy.md": "aaa"}), ({"policy.md": "aaa"}, None), (None, {"policy.md": "bbb"}),
                                 ({}, {"policy.md": "bbb"}), ({"policy.md": "aaa"}, {"other.md": "bbb"})):
        old = _snapshot("a", policy_page="policy.md", documents=old_texts)
        new = _snapshot("b", policy_page="policy.md", documents=new_texts)
        assert compare(old, new).policy_text_changed is False, (old_texts, new_texts)


def test_without_a_policy_page_the_policy_text_is_not_compared():
    old = _snapshot("a", documents={"": "aaa"})
    new = _snapshot("b", documents={"": "bbb"})
    assert compare(old, new).policy_text_changed is False


def test_a_policy_result_alone_is_a_change():
    old = _snapshot("a", results={(None, "d10-9-go-live-decision"): "met"}, requirements=REQUIREMENTS)
    new = _snapshot("b", results={(None, "d10-9-go-live-decision"): "missing"}, requirements=REQUIREMENTS)
    assert compare(old, new).is_empty is False


def test_problems_in_both_versions_are_noted_baseline_first_with_their_count():
    comparison = compare(_snapshot("a", problems=2), _snapshot("b", problems=3))
    assert comparison.notes == [
        "2 problems in the baseline's files: releases in files that did not load there count as added here.",
        "3 problems in this version's files: releases in files that did not load count as removed (run sec-release validate).",
    ]
    assert comparison.is_empty


def test_one_problem_is_noted_in_the_singular():
    assert compare(_snapshot("a", problems=1), _snapshot("b")).notes == [
        "1 problem in the baseline's files: releases in files that did not load there count as added here."
    ]
    assert compare(_snapshot("a"), _snapshot("b", problems=1)).notes == [
        "1 problem in this version's files: releases in files that did not load count as removed (run sec-release validate)."
    ]
