"""Mistakes that only show across the record's files, as an editor reads them in `sec-release validate`.

A modification naming a party or proposal that does not exist, a release naming
a modification, release or requirement that does not exist, and the dates of one
release that cannot all be true: the exact message, hint and line of each, and
which file is then kept out of the record. In-process (``load_record``).
"""

from __future__ import annotations

from pathlib import Path

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import PARTIES, complete_release, modification, write_project

RELEASE = "data/releases/2019-11.yaml"


def _load(root: Path):
    return load_record(load_project(root))


def _line(root: Path, file: str, needle: str, occurrence: int = 1) -> int:
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if needle in line][occurrence - 1]


def _errors(record) -> list[tuple[str, int, str, str, str]]:
    return [(d.location.file, d.location.line, d.code, d.message, d.hint) for d in record.problems if d.severity.value == "error"]


def _mod_file(mid: str) -> str:
    return f"data/modifications/{mid}.yaml"


# --- a modification's parties -------------------------------------------------

def test_a_misspelt_party_is_named_with_the_closest_category_and_the_list(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc", "large-supplier"])], parties=PARTIES)
    record = _load(root)
    assert _errors(record) == [(
        _mod_file("MP071"), _line(root, _mod_file("MP071"), "- large-supplier"), "unknown-party",
        '"large-supplier" is not a SEC Party category in data/parties.yaml',
        'did you mean "large-suppliers"? the categories are: large-suppliers, small-suppliers, dcc',
    )]
    # The modification is kept out; the release that lists it waits for it without a second message.
    assert record.modifications == {}
    assert record.releases == {}


def test_a_party_named_when_there_is_no_parties_file_says_to_create_it(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc"])])
    assert _errors(_load(root)) == [(
        _mod_file("MP071"), _line(root, _mod_file("MP071"), "- dcc"), "unknown-party",
        '"dcc" is not a SEC Party category in data/parties.yaml',
        "create data/parties.yaml with the SEC Party categories (id, label, description)",
    )]


def test_a_party_named_when_the_parties_file_did_not_load_says_to_correct_that_file(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc"])], parties=PARTIES)
    (root / "data/parties.yaml").write_text("parties:\n  - id: dcc\n", encoding="utf-8")
    found = [e[2:] for e in _errors(_load(root)) if e[0] == _mod_file("MP071")]
    assert found == [(
        "unknown-party", '"dcc" is not a SEC Party category in data/parties.yaml',
        "correct data/parties.yaml first: it holds no SEC Party category that loaded",
    )]


def test_each_unknown_party_is_reported_at_its_own_line(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["suppliers", "dcc", "networks"])], parties=PARTIES)
    found = [(line, message) for _, line, _, message, _ in _errors(_load(root))]
    assert found == [
        (_line(root, _mod_file("MP071"), "- suppliers"), '"suppliers" is not a SEC Party category in data/parties.yaml'),
        (_line(root, _mod_file("MP071"), "- networks"), '"networks" is not a SEC Party category in data/parties.yaml'),
    ]


def test_known_parties_are_accepted_and_kept_in_the_order_of_the_parties_file(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", impacts=["dcc", "small-suppliers"])], parties=PARTIES)
    record = _load(root)
    assert _errors(record) == []
    assert record.modifications["MP071"].impacts == ["dcc", "small-suppliers"]
    assert list(record.parties) == ["large-suppliers", "small-suppliers", "dcc"]
    assert record.parties["dcc"].label == "DCC"


# --- alternative_of -----------------------------------------------------------

def test_a_modification_that_is_an_alternative_of_itself_is_refused(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), modification("MP102A", alternative_of="MP102A")])
    record = _load(root)
    assert _errors(record) == [(
        _mod_file("MP102A"), _line(root, _mod_file("MP102A"), "alternative_of:"), "unknown-modification",
        "MP102A names itself as the proposal it is an alternative of", "name the original proposal, e.g. MP102 for MP102A",
    )]
    assert list(record.modifications) == ["MP071"]


def test_an_alternative_of_a_proposal_without_a_file_says_to_create_it(tmp_path):
    # MP102A itself is the closest id, but it cannot be its own original: no suggestion.
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), modification("MP102A", alternative_of="MP102B")])
    record = _load(root)
    assert _errors(record) == [(
        _mod_file("MP102A"), _line(root, _mod_file("MP102A"), "alternative_of:"), "unknown-modification",
        'alternative_of names "MP102B", which is not in data/modifications/',
        "create data/modifications/MP102B.yaml, or correct the id",
    )]
    assert list(record.modifications) == ["MP071"]


def test_an_alternative_of_a_misspelt_proposal_suggests_the_closest_file(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), modification("MP102"), modification("MP102A", alternative_of="MP120")])
    [(_, _, code, message, hint)] = _errors(_load(root))
    assert (code, message, hint) == (
        "unknown-modification", 'alternative_of names "MP120", which is not in data/modifications/',
        'did you mean "MP102"? create data/modifications/MP120.yaml, or correct the id',
    )


def test_an_alternative_of_a_proposal_whose_file_has_errors_is_not_reported_twice(tmp_path):
    broken = modification("MP102", stage="nearly-done")
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), broken, modification("MP102A", alternative_of="MP102")])
    record = _load(root)
    assert [(file, code) for file, _, code, _, _ in _errors(record)] == [(_mod_file("MP102"), "not-allowed")]
    assert list(record.modifications) == ["MP071", "MP102A"]
    assert record.modifications["MP102A"].alternative_of == "MP102"


# --- a modification's history -------------------------------------------------

def _history(*dates: str) -> list[dict]:
    return [{"date": d, "event": "raised" if i == 0 else "decision"} for i, d in enumerate(dates)]


def test_history_steps_on_the_same_day_are_accepted(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", history=_history("2019-01-10", "2019-01-10", "2019-01-11"))])
    record = _load(root)
    assert _errors(record) == []
    assert [h.date.isoformat() for h in record.modifications["MP071"].history] == ["2019-01-10", "2019-01-10", "2019-01-11"]


def test_a_history_step_one_day_before_the_one_above_it_is_refused_at_its_date(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", history=_history("2019-01-10", "2019-03-01", "2019-02-28"))])
    record = _load(root)
    assert _errors(record) == [(
        _mod_file("MP071"), _line(root, _mod_file("MP071"), "date: '2019-02-28'"), "history-order",
        "history entries must be in date order, oldest first", "move this entry to its place in the list",
    )]
    assert record.modifications == {}


# --- a release's modifications ------------------------------------------------

def test_a_release_naming_a_modification_whose_file_has_errors_gets_no_second_message(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", stage="nearly-done")])
    record = _load(root)
    assert [file for file, *_ in _errors(record)] == [_mod_file("MP071")]
    assert record.releases == {}


def test_a_misspelt_modification_in_a_release_suggests_the_file_it_most_likely_means(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP072", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    record = _load(root)
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "- id: MP072"), "unknown-modification",
        'the modification "MP072" is not in data/modifications/',
        'did you mean "MP071"? (data/modifications/MP071.yaml); correct the id, or, for a new proposal, create data/modifications/MP072.yaml',
    )]
    assert str(record.problems[0].location) == f"{RELEASE}:{_line(root, RELEASE, '- id: MP072')}:7"  # at the id itself
    assert record.releases == {}


def test_a_modification_in_a_release_with_no_file_near_its_id_says_how_to_create_it(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "SECMP0007", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    [(_, _, _, _, hint)] = _errors(_load(root))
    assert hint == "create data/modifications/SECMP0007.yaml (sec-release new modification SECMP0007 --title ...)"


def test_a_near_miss_may_point_at_a_modification_file_that_has_errors(tmp_path):
    release = complete_release(modifications=[{"id": "MP073", "status": "implemented"}])
    root = write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP074", stage="nearly-done")])
    [unknown] = [e for e in _errors(_load(root)) if e[2] == "unknown-modification"]
    assert unknown[4].startswith('did you mean "MP074"? (data/modifications/MP074.yaml); ')


def test_a_modification_id_that_is_not_an_id_is_never_looked_up_as_a_file(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "../MP071", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    assert [(line, code, message) for _, line, code, message, _ in _errors(_load(root))] == [
        (_line(root, RELEASE, "- id: ../MP071"), "invalid-value", 'the second modification\'s id is "../MP071", which is not a modification id'),
    ]


def test_a_modification_listed_twice_names_the_entry_it_repeats(tmp_path):
    release = complete_release(modifications=[
        {"id": "MP071", "status": "implemented"}, {"id": "MP072", "status": "implemented"}, {"id": "MP072", "status": "removed"},
    ])
    root = write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072")])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "- id: MP072", 2), "duplicate-modification",
        "MP072 is listed twice in this release (also entry 2)",
        "list it once; use part: to tell the shares of a split modification apart",
    )]


def test_two_parts_of_one_modification_and_the_whole_of_another_are_not_duplicates(tmp_path):
    release = complete_release(modifications=[
        {"id": "MP071", "status": "implemented", "part": "DCC Systems"}, {"id": "MP071", "status": "targeted", "part": "SEC text"},
        {"id": "MP072", "status": "implemented"},
    ])
    record = _load(write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072")]))
    assert _errors(record) == []
    assert [(m.id, m.part) for m in record.releases["2019-11"].modifications] == [("MP071", "DCC Systems"), ("MP071", "SEC text"), ("MP072", None)]


def test_a_part_and_the_whole_of_one_modification_are_not_a_duplicate(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP071", "status": "targeted", "part": "SEC text"}])
    assert _errors(_load(write_project(tmp_path / "p", [release]))) == []


# --- rest_in ------------------------------------------------------------------

def test_rest_in_naming_the_release_itself_is_refused(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2019-11"]}])
    root = write_project(tmp_path / "p", [release])
    record = _load(root)
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "- 2019-11"), "unknown-release",
        "rest_in names this release itself (2019-11)", "name the other release(s) that carry the rest of the modification",
    )]
    assert record.releases == {}


def test_rest_in_naming_a_release_without_a_file_says_to_create_it(tmp_path):
    # 2019-11 is the closest id, but it is this release: no suggestion.
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2019-12"]}])
    root = write_project(tmp_path / "p", [release])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "- 2019-12"), "unknown-release",
        'rest_in names the release "2019-12", which is not in data/releases/', "create data/releases/2019-12.yaml, or correct the id",
    )]


def test_rest_in_naming_a_misspelt_release_suggests_the_closest(tmp_path):
    first = complete_release(modifications=[{"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2020-03"]}])
    second = complete_release("2020-02", "2020-02-27", modifications=[{"id": "MP071", "status": "implemented", "part": "SEC text"}])
    root = write_project(tmp_path / "p", [first, second])
    record = _load(root)
    assert [e[2:] for e in _errors(record)] == [(
        "unknown-release", 'rest_in names the release "2020-03", which is not in data/releases/',
        'did you mean "2020-02"? create data/releases/2020-03.yaml, or correct the id',
    )]
    assert list(record.releases) == ["2020-02"]


def test_rest_in_naming_another_release_is_accepted_even_when_that_file_has_errors(tmp_path):
    first = complete_release(modifications=[{"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2020-02"]}])
    second = complete_release("2020-02", "2020-02-27", status="finished")
    root = write_project(tmp_path / "p", [first, second])
    record = _load(root)
    assert {file for file, *_ in _errors(record)} == {"data/releases/2020-02.yaml"}
    assert list(record.releases) == ["2019-11"]
    assert record.releases["2019-11"].modifications[0].rest_in == ["2020-02"]


def test_rest_in_that_is_not_a_release_id_gets_only_the_format_message(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2020/02"]}])
    root = write_project(tmp_path / "p", [release])
    assert [(line, code) for _, line, code, _, _ in _errors(_load(root))] == [(_line(root, RELEASE, "- 2020/02"), "invalid-value")]


# --- baselines ----------------------------------------------------------------

def test_a_baseline_id_that_is_not_a_modification_id_gets_only_the_format_message(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "mp 72"]}])
    root = write_project(tmp_path / "p", [release])
    assert [(line, code) for _, line, code, _, _ in _errors(_load(root))] == [(_line(root, RELEASE, "- mp 72"), "invalid-value")]


def test_a_baseline_naming_a_modification_without_a_file_is_refused(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP999"]}])
    root = write_project(tmp_path / "p", [release])
    record = _load(root)
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "- MP999"), "unknown-modification",
        'the baseline names "MP999", which is not in data/modifications/',
        "create data/modifications/MP999.yaml (sec-release new modification MP999 --title ...)",
    )]
    assert record.releases == {}


def test_a_baseline_freezing_a_modification_the_release_does_not_list_says_how_to_list_it(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP072"]}])
    root = write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072")])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "- MP072"), "baseline-not-listed",
        "the baseline froze MP072, but this release does not list it under modifications",
        'did you mean "MP071"? list MP072 under modifications: (status: removed, if it has left the release)',
    )]


def test_a_baseline_freezing_modifications_the_release_lists_is_accepted(tmp_path):
    release = complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071"]}])
    record = _load(write_project(tmp_path / "p", [release]))
    assert _errors(record) == []
    assert record.releases["2019-11"].baselines[0].modifications == ["MP071"]


# --- waivers ------------------------------------------------------------------

def _waiver(requirement: str) -> dict:
    return {"requirement": requirement, "decided": "2019-03-01", "by": "Panel", "reason": "Not practicable."}


def test_a_waiver_of_an_unknown_requirement_says_where_the_ids_are(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(waivers=[_waiver("no-such-requirement")])])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "requirement: no-such-requirement"), "unknown-requirement",
        'the waiver names "no-such-requirement", which is not a requirement in the rulebook',
        "the ids are listed in data/rulebook/d10.yaml",
    )]


def test_a_waiver_without_a_requirement_gets_only_the_missing_key_message(tmp_path):
    waiver = _waiver("x")
    del waiver["requirement"]
    root = write_project(tmp_path / "p", [complete_release(waivers=[waiver])])
    assert [code for _, _, code, _, _ in _errors(_load(root))] == ["missing-key"]


def test_a_waiver_of_a_known_requirement_is_accepted(tmp_path):
    record = _load(write_project(tmp_path / "p", [complete_release(waivers=[_waiver("d10-8d-cost-review")])]))
    assert _errors(record) == []
    assert record.releases["2019-11"].waivers[0].requirement == "d10-8d-cost-review"


def test_a_waiver_is_not_checked_against_a_rulebook_that_did_not_load(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(waivers=[_waiver("no-such-requirement")])])
    (root / "data/rulebook/d10.yaml").write_text("requirements: [\n", encoding="utf-8")
    record = _load(root)
    assert record.rulebook is None
    assert {file for file, *_ in _errors(record)} == {"data/rulebook/d10.yaml"}
    assert list(record.releases) == ["2019-11"]


# --- document pages -----------------------------------------------------------

def test_a_document_page_that_is_empty_is_reported_once_and_the_release_is_kept_out(tmp_path):
    root = write_project(tmp_path / "p", testing_approach="")
    record = _load(root)
    assert _errors(record) == [("content/releases/2019-11/testing-approach.md", 1, "empty-file", "the file is empty", "fill it in, or delete it")]
    assert record.releases == {}
    assert "content/releases/2019-11/testing-approach.md" in record.unread_files


def test_a_page_path_whose_tidy_spelling_is_still_outside_gets_an_example_named_for_the_document(tmp_path):
    release = complete_release()
    release["testing_approach"]["page"] = "releases/../../x.md"
    root = write_project(tmp_path / "p", [release])
    [problem] = [e for e in _errors(_load(root)) if e[2] == "page-path"]
    assert problem[4] == "write a path relative to content/ with / between folders and no ./, // or .., e.g. releases/2019-11/testing-approach.md"


# --- dates within one release -------------------------------------------------

def _change(**values) -> dict:
    change = {"from": "2019-11-07", "to": "2019-11-29", "by": "Authority"}
    change.update(values)
    return change


def _window(to: str, earliest: str, latest: str) -> list[dict]:
    return [_change(to=to, window={"earliest": earliest, "latest": latest})]


def test_a_go_live_on_the_first_or_last_day_of_its_window_is_accepted(tmp_path):
    assert _errors(_load(write_project(tmp_path / "a", [complete_release(date_changes=_window("2019-11-29", "2019-11-29", "2019-12-06"))]))) == []
    assert _errors(_load(write_project(tmp_path / "b", [complete_release(date_changes=_window("2019-11-29", "2019-11-22", "2019-11-29"))]))) == []


def test_a_go_live_one_day_before_its_window_is_refused(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(date_changes=_window("2019-11-29", "2019-11-30", "2019-12-06"))])
    record = _load(root)
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "to: '2019-11-29'"), "outside-window",
        "the new date 2019-11-29 is outside the window it was approved with (2019-11-30 to 2019-12-06)",
        "set to: to the date first fixed within the window (often its earliest), and record the day chosen later as its own date change",
    )]
    assert record.releases == {}


def test_a_go_live_one_day_after_its_window_is_refused(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(date_changes=_window("2019-11-29", "2019-11-22", "2019-11-28"))])
    assert [e[2:4] for e in _errors(_load(root))] == [
        ("outside-window", "the new date 2019-11-29 is outside the window it was approved with (2019-11-22 to 2019-11-28)"),
    ]


def test_a_window_that_ends_before_it_starts_is_refused_at_its_latest_date(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(date_changes=_window("2019-11-29", "2019-11-29", "2019-11-28"))])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "latest: '2019-11-28'"), "date-order",
        "the window's latest date is before its earliest", "check the earliest and latest dates",
    )]


def test_a_window_of_one_day_is_accepted(tmp_path):
    record = _load(write_project(tmp_path / "p", [complete_release(date_changes=_window("2019-11-29", "2019-11-29", "2019-11-29"))]))
    assert _errors(record) == []
    assert record.releases["2019-11"].date_changes[0].window.latest.isoformat() == "2019-11-29"


def test_a_window_on_a_later_date_change_is_checked_too(tmp_path):
    changes = [_change(to="2019-11-22"), _change(**{"from": "2019-11-22", "to": "2019-11-29", "window": {"earliest": "2019-12-02", "latest": "2019-12-06"}})]
    root = write_project(tmp_path / "p", [complete_release(date_changes=changes)])
    assert [(line, code) for _, line, code, _, _ in _errors(_load(root))] == [(_line(root, RELEASE, "to: '2019-11-29'"), "outside-window")]


def test_the_last_approved_date_change_is_the_one_go_live_must_match(tmp_path):
    changes = [_change(to="2019-11-29"), _change(**{"from": "2019-11-29", "to": "2019-11-28"})]
    root = write_project(tmp_path / "p", [complete_release(date_changes=changes)])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "go_live:"), "go-live-mismatch",
        "go_live is 2019-11-29 but the last approved date change moved it to 2019-11-28",
        "set go_live to the latest approved date, or add the date change that explains it",
    )]
    changes = [_change(to="2019-11-28"), _change(**{"from": "2019-11-28", "to": "2019-11-29"})]
    assert _errors(_load(write_project(tmp_path / "q", [complete_release(date_changes=changes)]))) == []


def test_a_removed_date_on_a_modification_still_in_the_release_is_refused(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented", "removed": "2019-09-01"}])
    root = write_project(tmp_path / "p", [release])
    record = _load(root)
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "removed: '2019-09-01'"), "removed-date",
        "MP071 has a removed: date but its status is implemented", "set status: removed, or delete the removed: date",
    )]
    assert record.releases == {}


def test_a_removed_date_on_a_removed_modification_is_accepted(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP072", "status": "removed", "removed": "2019-09-01"}])
    record = _load(write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072")]))
    assert _errors(record) == []
    assert record.releases["2019-11"].modifications[1].removed.isoformat() == "2019-09-01"


def _reviewed_by(tmp_path, by: str):
    release = complete_release()
    release["testing_approach"]["panel_review"]["by"] = by
    root = write_project(tmp_path / "p", [release])
    return root, _load(root)


def test_a_panel_review_by_panel_in_lower_case_is_refused_with_the_spelling(tmp_path):
    root, record = _reviewed_by(tmp_path, "panel")
    assert _errors(record) == [(
        RELEASE, _line(root, RELEASE, "by: panel"), "not-allowed",
        'by: in the testing approach\'s Panel review is "panel", which reads as the name of a Sub-Committee',
        'write "Panel" with a capital P, or write the Sub-Committee\'s own name',
    )]
    assert record.releases == {}


def test_a_panel_review_by_sub_committee_in_other_capitals_is_refused(tmp_path):
    _, record = _reviewed_by(tmp_path, "SUB-COMMITTEE")
    assert [e[4] for e in _errors(record)] == ['write "Sub-Committee" with the capitals as shown, or write the Sub-Committee\'s own name']


def test_a_panel_review_by_a_named_sub_committee_is_accepted(tmp_path):
    _, record = _reviewed_by(tmp_path, "Operations Group")
    assert _errors(record) == []
    assert record.releases["2019-11"].testing_approach.panel_review.by == "Operations Group"


def test_a_panel_review_by_a_sub_committee_whose_name_is_close_to_a_generic_one_is_accepted(tmp_path):
    _, record = _reviewed_by(tmp_path, "Security Sub-Committee")
    assert _errors(record) == []
    assert record.releases["2019-11"].testing_approach.panel_review.by == "Security Sub-Committee"


def test_a_release_without_a_panel_review_is_not_asked_who_reviewed_it(tmp_path):
    release = complete_release()
    del release["testing_approach"]["panel_review"]
    record = _load(write_project(tmp_path / "p", [release]))
    assert [e for e in _errors(record) if e[2] == "not-allowed"] == []
    assert record.releases["2019-11"].testing_approach.panel_review is None


def test_amendments_out_of_order_say_where_new_ones_go(tmp_path):
    release = complete_release(amendments=[{"date": "2019-10-31", "summary": "First."}, {"date": "2019-10-30", "summary": "Back-dated."}])
    root = write_project(tmp_path / "p", [release])
    assert _errors(_load(root)) == [(
        RELEASE, _line(root, RELEASE, "date: '2019-10-30'"), "amendment-order",
        "amendments must be in date order, oldest first", "append new amendments at the end of the list",
    )]


def test_a_planned_release_without_a_testing_approach_yet_is_accepted(tmp_path):
    release = complete_release(status="planned")
    del release["testing_approach"]
    record = _load(write_project(tmp_path / "p", [release]))
    assert [e for e in _errors(record) if e[0] == RELEASE] == []
    assert record.releases["2019-11"].testing_approach is None


def test_an_alternative_of_a_folder_named_like_a_modification_file_is_unknown(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), modification("MP102A", alternative_of="MP102")])
    (root / "data/modifications/MP102.yaml").mkdir()
    assert [e[2:4] for e in _errors(_load(root))] == [
        ("file-name", "MP102.yaml is not a regular file"),
        ("unknown-modification", 'alternative_of names "MP102", which is not in data/modifications/'),
    ]


def test_a_milestone_after_go_live_keeps_the_release_out(tmp_path):
    release = complete_release(milestones=[{"name": "Testing complete", "date": "2019-11-30", "state": "actual"}])
    root = write_project(tmp_path / "p", [release])
    record = _load(root)
    assert [(e[1], e[2]) for e in _errors(record)] == [(_line(root, RELEASE, "date: '2019-11-30'"), "milestone-after-go-live")]
    assert record.releases == {}


def test_every_date_mistake_in_a_release_is_reported_in_one_run(tmp_path):
    release = complete_release(
        modifications=[{"id": "MP071", "status": "targeted", "removed": "2019-09-01"}],
        date_changes=[_change(requested="2019-10-08", decided="2019-10-01", window={"earliest": "2019-12-01", "latest": "2019-11-01"})],
        amendments=[{"date": "2019-10-31", "summary": "First."}, {"date": "2019-10-30", "summary": "Back-dated."}],
    )
    release["testing_approach"]["consultation"] = {"opened": "2019-02-01", "closed": "2019-01-31"}
    release["testing_approach"]["panel_review"]["by"] = "panel"
    root = write_project(tmp_path / "p", [release])
    assert [(e[1], e[2]) for e in _errors(_load(root))] == [
        (_line(root, RELEASE, "closed: '2019-01-31'"), "date-order"),
        (_line(root, RELEASE, "decided: '2019-10-01'"), "date-order"),
        (_line(root, RELEASE, "latest: '2019-11-01'"), "date-order"),
        (_line(root, RELEASE, "removed: '2019-09-01'"), "removed-date"),
        (_line(root, RELEASE, "by: panel"), "not-allowed"),
        (_line(root, RELEASE, "date: '2019-10-30'"), "amendment-order"),
    ]


# --- where each message points, as `sec-release validate` prints it (file:line:column) ---

def _rewrite(root: Path, old: str, new: str) -> None:
    path = root / RELEASE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _where(record, code: str) -> str:
    return next(str(d.location) for d in record.problems if d.code == code)


def test_each_cross_file_message_points_at_the_value_itself(tmp_path):
    release = complete_release(
        modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP071", "status": "removed"}],
        waivers=[_waiver("no-such-requirement")],
        amendments=[{"date": "2019-10-31", "summary": "First."}, {"date": "2019-10-30", "summary": "Back-dated."}],
    )
    root = write_project(tmp_path / "p", [release], [modification("MP071"), modification("MP072", history=_history("2019-01-10", "2019-01-09"))])
    _rewrite(root, "page: releases/2019-11/testing-approach.md", "page: releases/2019-11/missing.md")
    record = _load(root)
    history_line = _line(root, _mod_file("MP072"), "date: '2019-01-09'")
    assert _where(record, "history-order") == f"{_mod_file('MP072')}:{history_line}:9"
    assert _where(record, "duplicate-modification") == f"{RELEASE}:{_line(root, RELEASE, '- id: MP071', 2)}:7"
    assert _where(record, "unknown-requirement") == f"{RELEASE}:{_line(root, RELEASE, 'requirement: no-such')}:16"
    assert _where(record, "missing-page") == f"{RELEASE}:{_line(root, RELEASE, 'page: releases/2019-11/missing.md')}:9"


def test_a_release_with_any_of_these_mistakes_is_kept_out_of_the_record(tmp_path):
    cases = {
        "baseline": complete_release(baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP072"]}]),
        "waiver": complete_release(waivers=[_waiver("no-such-requirement")]),
        "go-live": complete_release(date_changes=[_change(to="2019-11-28")]),
        "window": complete_release(date_changes=_window("2019-11-29", "2019-11-29", "2019-11-28")),
        "amendments": complete_release(amendments=[{"date": "2019-10-31", "summary": "First."}, {"date": "2019-10-30", "summary": "Back."}]),
    }
    consultation = complete_release()
    consultation["testing_approach"]["consultation"] = {"opened": "2019-02-01", "closed": "2019-01-31"}
    cases["consultation"] = consultation
    for name, release in cases.items():
        record = _load(write_project(tmp_path / name, [release], [modification("MP071"), modification("MP072")]))
        assert (name, len(_errors(record)), record.releases) == (name, 1, {})


def test_a_page_linking_outside_the_content_folder_keeps_the_release_out(tmp_path):
    root = write_project(tmp_path / "p")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Elsewhere\n", encoding="utf-8")
    page = root / "content/releases/2019-11/testing-approach.md"
    page.unlink()
    page.symlink_to(outside)
    record = _load(root)
    assert [e[2] for e in _errors(record)] == ["page-path"]
    assert record.releases == {}


def test_a_date_change_decided_before_it_was_requested_says_what_to_check(tmp_path):
    root = write_project(tmp_path / "p", [complete_release(date_changes=[_change(requested="2019-10-08", decided="2019-10-07")])])
    assert [e[2:] for e in _errors(_load(root))] == [
        ("date-order", "the date change was decided before it was requested", "check the requested and decided dates"),
    ]


def test_a_malformed_entry_does_not_stop_the_checks_of_the_entries_after_it(tmp_path):
    release = complete_release(
        modifications=[
            {"id": "../x", "status": "targeted"},
            {"id": "MP070", "status": "targeted"},
            {"id": "MP071", "status": "implemented", "part": "DCC Systems", "rest_in": ["2020/02", "2020-02"]},
            {"id": "MP999", "status": "targeted"},
        ],
        baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["mp 1", "MP998"]}],
    )
    root = write_project(tmp_path / "p", [release], [modification("MP070", stage="nearly-done"), modification("MP071")])
    found = [(line, code) for file, line, code, _, _ in _errors(_load(root)) if file == RELEASE and code.startswith("unknown")]
    assert found == [
        (_line(root, RELEASE, "- 2020-02"), "unknown-release"),
        (_line(root, RELEASE, "- id: MP999"), "unknown-modification"),
        (_line(root, RELEASE, "- MP998"), "unknown-modification"),
    ]


def test_a_document_reference_without_a_page_does_not_stop_the_check_of_the_next_document(tmp_path):
    root = write_project(tmp_path / "p")
    _rewrite(root, "page: releases/2019-11/implementation-document.md", "page: 5")
    _rewrite(root, "page: releases/2019-11/testing-approach.md", "page: releases/2019-11/missing.md")
    assert "missing-page" in [e[2] for e in _errors(_load(root))]


def test_a_page_path_written_with_backslashes_or_dot_slash_gets_its_plain_spelling_as_the_example(tmp_path):
    for name, written, plain in [("bs", "releases\\2019-11\\ta.md", "releases/2019-11/ta.md"), ("dot", "./docs/ta.md", "docs/ta.md")]:
        root = write_project(tmp_path / name)
        _rewrite(root, "page: releases/2019-11/testing-approach.md", f"page: '{written}'")
        record = _load(root)
        [hint] = [e[4] for e in _errors(record) if e[2] == "page-path"]
        assert hint == f"write a path relative to content/ with / between folders and no ./, // or .., e.g. {plain}"
