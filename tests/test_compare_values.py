"""How the comparison (``/changes/``, ``sec-release diff``) words a value and names a field.

Values are shown as one line; a field inside a list is named by its item's key
(a milestone by its name, a waiver by its requirement...), or by its position
when the items have no key or share one. Plain JSON values, no project on disk.
"""

from __future__ import annotations

from sec_release.core.compare import FieldChange, diff_values, display


def _changes(old, new, path="", list_name=""):
    out: list[FieldChange] = []
    diff_values(old, new, path, out, list_name)
    return [(c.field, c.old, c.new) for c in out]


# ---------------------------------------------------------------------------
# one value as one line


def test_an_absent_value_has_no_text():
    assert display(None) is None


def test_yes_and_no_are_written_true_and_false():
    assert (display(True), display(False)) == ("true", "false")


def test_a_mapping_is_its_keys_and_values_separated_by_semicolons():
    assert display({"date": "2019-06-14", "summary": "Costs reviewed.", "late": False}) == "date: 2019-06-14; summary: Costs reviewed.; late: false"


def test_a_list_is_its_items_separated_by_commas_an_absent_item_empty():
    assert display(["MP071", None, 3]) == "MP071, , 3"


def test_a_list_of_mappings_reads_item_by_item():
    assert display([{"name": "A", "date": "2019-01-01"}, {"name": "B"}]) == "name: A; date: 2019-01-01, name: B"


def test_line_breaks_and_runs_of_spaces_become_single_spaces():
    assert display("  Testing\n  and\tgo-live.  ") == "Testing and go-live."


def test_a_number_is_written_as_it_is():
    assert display(12) == "12"


def test_a_value_of_exactly_the_limit_is_shown_whole():
    assert display("x" * 240) == "x" * 240
    assert display("abcde", limit=5) == "abcde"


def test_a_value_over_the_limit_is_cut_with_an_ellipsis_to_the_limit():
    assert display("x" * 241) == "x" * 239 + "…"
    assert display("abcdef", limit=5) == "abcd…"


def test_the_limit_applies_to_the_whole_line_not_each_part():
    assert display({"a": "xxxx", "b": "yyyy"}, limit=10) == "a: xxxx; …"


def test_a_long_part_of_a_mapping_is_cut_at_the_same_limit():
    assert display({"a": "x" * 12}, limit=10) == "a: xxxxxx…"


# ---------------------------------------------------------------------------
# field by field


def test_equal_values_are_no_change():
    assert _changes({"a": [1, {"b": 2}]}, {"a": [1, {"b": 2}]}) == []


def test_a_changed_field_at_the_top_is_named_by_itself():
    assert _changes({"title": "Old"}, {"title": "New"}) == [("title", "Old", "New")]


def test_a_field_inside_a_mapping_is_named_with_a_dot():
    assert _changes({"cost_review": {"date": "2019-06-14"}}, {"cost_review": {"date": "2019-06-21"}}) == [
        ("cost_review.date", "2019-06-14", "2019-06-21")
    ]


def test_a_field_under_a_given_path_keeps_the_path():
    assert _changes({"date": "a"}, {"date": "b"}, path="cost_review") == [("cost_review.date", "a", "b")]


def test_fields_are_listed_in_the_old_order_then_the_new_fields():
    old = {"b": 1, "a": 1, "gone": 1}
    new = {"new": 2, "a": 2, "b": 2}
    assert _changes(old, new) == [("b", "1", "2"), ("a", "1", "2"), ("gone", "1", None), ("new", None, "2")]


def test_a_value_that_changed_type_is_one_change_of_the_whole():
    assert _changes({"x": "text"}, {"x": {"a": 1}}) == [("x", "text", "a: 1")]
    assert _changes({"x": [1]}, {"x": "one"}) == [("x", "1", "one")]


def test_a_milestone_is_named_by_its_name():
    old = {"milestones": [{"name": "Testing complete", "date": "2019-09-13"}, {"name": "Go-live", "date": "2019-11-07"}]}
    new = {"milestones": [{"name": "Go-live", "date": "2019-11-08"}, {"name": "Testing complete", "date": "2019-09-13"}]}
    assert _changes(old, new) == [("milestones[Go-live].date", "2019-11-07", "2019-11-08")]


def test_a_baseline_is_named_by_its_scope():
    old = {"baselines": [{"scope": "Scope A", "date": "2019-01-01"}]}
    new = {"baselines": [{"scope": "Scope A", "date": "2019-02-01"}]}
    assert _changes(old, new) == [("baselines[Scope A].date", "2019-01-01", "2019-02-01")]


def test_a_date_change_is_named_by_its_dates():
    old = {"date_changes": [{"from": "2019-06-27", "to": "2019-11-07", "reason": "Delay."}]}
    new = {"date_changes": [{"from": "2019-06-27", "to": "2019-11-07", "reason": "DCC delay."}]}
    assert _changes(old, new) == [("date_changes[2019-06-27 to 2019-11-07].reason", "Delay.", "DCC delay.")]


def test_a_progress_report_is_named_by_its_title():
    old = {"progress_reports": [{"title": "October report", "date": "2019-10-01"}]}
    new = {"progress_reports": [{"title": "October report", "date": "2019-10-02"}]}
    assert _changes(old, new) == [("progress_reports[October report].date", "2019-10-01", "2019-10-02")]


def test_a_waiver_is_named_by_its_requirement():
    old = {"waivers": [{"requirement": "d10-8d-release-cost-review", "reason": "Small."}]}
    new = {"waivers": [{"requirement": "d10-8d-release-cost-review", "reason": "Very small."}]}
    assert _changes(old, new) == [("waivers[d10-8d-release-cost-review].reason", "Small.", "Very small.")]


def test_a_modification_entry_is_named_by_its_id_and_part():
    old = {"modifications": [{"id": "MP073", "part": "SEC text", "note": "a"}, {"id": "MP071", "note": "a"}]}
    new = {"modifications": [{"id": "MP073", "part": "SEC text", "note": "b"}, {"id": "MP071", "note": "b"}]}
    assert _changes(old, new) == [("modifications[MP073 (SEC text)].note", "a", "b"), ("modifications[MP071].note", "a", "b")]


def test_a_modification_entry_without_an_id_is_named_by_a_question_mark():
    assert _changes({"modifications": [{"note": "a"}]}, {"modifications": [{"note": "b"}]}) == [("modifications[?].note", "a", "b")]


def test_an_item_added_to_a_keyed_list_is_named_by_its_key():
    old = {"milestones": [{"name": "A", "date": "2019-01-01"}]}
    new = {"milestones": [{"name": "A", "date": "2019-01-01"}, {"name": "B", "date": "2019-02-01"}]}
    assert _changes(old, new) == [("milestones[B]", None, "name: B; date: 2019-02-01")]


def test_an_item_removed_from_a_keyed_list_is_named_by_its_key():
    old = {"milestones": [{"name": "A", "date": "2019-01-01"}, {"name": "B", "date": "2019-02-01"}]}
    new = {"milestones": [{"name": "B", "date": "2019-02-01"}]}
    assert _changes(old, new) == [("milestones[A]", "name: A; date: 2019-01-01", None)]


def test_a_list_that_appeared_lists_each_new_item():
    new = {"milestones": [{"name": "A", "date": "2019-01-01"}, {"name": "B", "date": "2019-02-01"}]}
    assert _changes({}, new) == [("milestones[A]", None, "name: A; date: 2019-01-01"), ("milestones[B]", None, "name: B; date: 2019-02-01")]


def test_a_list_that_went_lists_each_old_item():
    old = {"waivers": [{"requirement": "r1", "reason": "x"}]}
    assert _changes(old, {}) == [("waivers[r1]", "requirement: r1; reason: x", None)]


def test_a_list_without_keys_is_compared_by_position_from_one():
    old = {"amendments": [{"date": "2019-10-31", "summary": "First."}, {"date": "2019-11-01", "summary": "Second."}]}
    new = {"amendments": [{"date": "2019-10-31", "summary": "First."}, {"date": "2019-11-02", "summary": "Second."}]}
    assert _changes(old, new) == [("amendments[#2].date", "2019-11-01", "2019-11-02")]


def test_a_list_of_plain_values_is_compared_by_position():
    assert _changes({"tags": ["a", "b"]}, {"tags": ["a", "c", "d"]}) == [("tags[#2]", "b", "c"), ("tags[#3]", None, "d")]


def test_a_keyed_list_with_an_item_that_is_not_a_mapping_is_compared_by_position():
    old = {"milestones": [{"name": "A", "date": "1"}, "loose"]}
    new = {"milestones": [{"name": "A", "date": "2"}, "loose"]}
    assert _changes(old, new) == [("milestones[#1].date", "1", "2")]


def test_when_only_the_new_list_shares_keys_both_are_compared_by_position():
    old = {"milestones": [{"name": "A", "date": "1"}, {"name": "B", "date": "2"}]}
    new = {"milestones": [{"name": "B", "date": "2"}, {"name": "B", "date": "3"}]}
    assert _changes(old, new) == [("milestones[#1].name", "A", "B"), ("milestones[#1].date", "1", "2"), ("milestones[#2].date", "2", "3")]


def test_when_only_the_old_list_shares_keys_both_are_compared_by_position():
    old = {"milestones": [{"name": "B", "date": "2"}, {"name": "B", "date": "3"}]}
    new = {"milestones": [{"name": "A", "date": "1"}, {"name": "B", "date": "3"}]}
    assert _changes(old, new) == [("milestones[#1].name", "B", "A"), ("milestones[#1].date", "2", "1")]


def test_a_list_inside_a_list_item_keeps_its_own_keys():
    old = {"waivers": [{"requirement": "r1", "milestones": [{"name": "A", "date": "1"}]}]}
    new = {"waivers": [{"requirement": "r1", "milestones": [{"name": "A", "date": "2"}]}]}
    assert _changes(old, new) == [("waivers[r1].milestones[A].date", "1", "2")]


def test_a_list_at_the_top_takes_its_name_from_the_caller():
    old = [{"name": "A", "date": "1"}]
    new = [{"name": "A", "date": "2"}]
    assert _changes(old, new, path="milestones", list_name="milestones") == [("milestones[A].date", "1", "2")]
    assert _changes(old, new, path="x") == [("x[#1].date", "1", "2")]


def test_a_long_item_of_a_list_is_cut_at_the_same_limit():
    assert display(["x" * 12], limit=10) == "xxxxxxxxx…"
