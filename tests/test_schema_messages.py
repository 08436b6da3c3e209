"""What an editor reads when a record file's YAML does not fit the record format.

Each file is parsed and validated in-process, without a project on disk: the
message names the place in plain words, quotes what was written and says what
to write instead, at the line and column of the value (or of the key, for an
unknown or missing key). Every problem in a file is listed, not just the first.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Literal, Optional, Union

import pytest
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from sec_release.core.diagnostics import DiagnosticList, Severity
from sec_release.core.models import Modification, PartyList, PolicyFrontMatter, Release
from sec_release.core.rulebook import Requirement, Rulebook
from sec_release.core.validation import plain_path, validate_model, validation_diagnostics
from sec_release.core.yaml_source import parse_yaml_text

RELEASE_FILE = "data/releases/2019-11.yaml"
MODIFICATION_FILE = "data/modifications/MP071.yaml"
RULEBOOK_FILE = "data/rulebook/d10.yaml"
PARTIES_FILE = "data/parties.yaml"
POLICY_FILE = "content/policy/release-management-policy.md"

# The smallest release and modification the format accepts; each test changes one thing.
RELEASE = "id: 2019-11\ntitle: Release\nstatus: planned\ngo_live: '2019-11-29'\ndcc_systems_impact: true\n"
MODIFICATION = "id: MP071\ntitle: Modification MP071\n"
RULEBOOK = (
    "schema_version: 1\ntitle: T\ncode: C\nrequirements:\n"
    "- id: r1\n  clause: D10.1\n  title: A\n  applies_to: release\n  satisfied_by:\n    field: go_live\n"
)


def problems(model, text: str, file: str = RELEASE_FILE) -> list[tuple]:
    """(line, column, code, message, hint) of each problem, in the order they are reported."""
    found = DiagnosticList()
    data, source = parse_yaml_text(text, file, found)
    validate_model(model, data, source, found)
    assert {d.location.file for d in found} <= {file}
    assert all(d.severity is Severity.ERROR for d in found)
    return [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in found]


def test_the_smallest_records_are_accepted_without_a_message():
    assert problems(Release, RELEASE) == []
    assert problems(Modification, MODIFICATION, MODIFICATION_FILE) == []
    assert problems(Rulebook, RULEBOOK, RULEBOOK_FILE) == []


@pytest.mark.parametrize("text", ["- id: 2019-11\n", "just words\n", ""], ids=["a list", "a sentence", "nothing"])
def test_a_file_that_is_not_a_set_of_keys_is_named_at_its_first_line(text):
    assert problems(Release, text) == [
        (1, 1, "schema", "the file must hold a mapping of keys to values", "start with lines like  id: ..."),
    ]


def test_every_missing_key_of_a_release_says_what_to_add():
    assert problems(Release, "id: 2019-11\n") == [
        (1, 1, "missing-key", 'the release has no "title", which it must have', "add title: with a value"),
        (1, 1, "missing-key", 'the release has no "status", which it must have', "add status: with planned, baselined, implemented or cancelled"),
        (1, 1, "missing-key", 'the release has no "go_live" (the go-live date), which it must have', "add go_live: with a date, YYYY-MM-DD"),
        (1, 1, "missing-key", 'the release has no "dcc_systems_impact" (the DCC Systems impact), which it must have', "add dcc_systems_impact: with true or false"),
    ]


def test_a_missing_entry_key_points_at_the_entry():
    text = MODIFICATION + "history:\n- date: '2019-01-01'\n"
    assert problems(Modification, text, MODIFICATION_FILE) == [
        (4, 3, "missing-key", 'the first history entry has no "event", which it must have',
         "add event: with raised, refinement, working-group, report, consultation, decision, implemented or withdrawn"),
    ]


def test_the_parties_file_without_its_list_says_to_add_one():
    assert problems(PartyList, "other: 1\n", PARTIES_FILE) == [
        (1, 1, "unknown-key", 'unknown key "other" in the parties file', "the keys allowed here: parties"),
        (1, 1, "missing-key", 'the parties file has no "parties", which it must have', 'add parties: with a list, one entry per line starting with "- "'),
    ]


def test_a_near_miss_of_a_missing_key_is_one_message_naming_the_key():
    assert problems(PartyList, "partys: []\n", PARTIES_FILE) == [
        (1, 1, "unknown-key", 'unknown key "partys" in the parties file, which has no "parties"',
         'did you mean "parties"? rename it to parties: (the parties file must have it)'),
    ]
    text = MODIFICATION + "history:\n- {date: '2019-01-01', evnt: raised}\n"
    assert problems(Modification, text, MODIFICATION_FILE) == [
        (4, 24, "unknown-key", 'unknown key "evnt" in the first history entry, which has no "event"',
         'did you mean "event"? rename it to event: (the first history entry must have it)'),
    ]


def test_a_near_miss_in_the_second_entry_names_the_second_entry():
    text = RELEASE + "milestones:\n- name: a\n  date: '2019-01-01'\n  state: actual\n- nam: b\n  date: '2019-01-02'\n  state: actual\n"
    assert problems(Release, text) == [
        (10, 3, "unknown-key", 'unknown key "nam" in the second milestone, which has no "name"',
         'did you mean "name"? rename it to name: (the second milestone must have it)'),
    ]


def test_an_unknown_key_does_not_hide_the_wrong_values_after_it():
    text = RELEASE + "testing_approach:\n  page: x.md\n  ownr: DCC\ngo_live_decision:\n  date: '2019-11-01'\n  decision: maybe\n"
    assert problems(Release, text) == [
        (8, 3, "unknown-key", 'unknown key "ownr" in the testing approach', 'did you mean "owner"?'),
        (11, 13, "not-allowed", "the go-live decision's decision must be one of go, no-go or deferred, not \"maybe\"",
         "write one of go, no-go or deferred, exactly as shown"),
    ]


def test_false_where_text_belongs_is_quoted_back_as_false():
    assert problems(Release, RELEASE.replace("title: Release", "title: false")) == [
        (2, 8, "wrong-type", "the title is false, read as true/false, where text belongs", 'put it in quotes: title: "false"'),
    ]


def test_a_list_where_one_text_belongs_says_to_write_one_line():
    assert problems(Release, RELEASE.replace("title: Release", "title: [a]")) == [
        (2, 8, "wrong-type", "the title is a list where a single text belongs",
         "write it on one line after the colon; check the indentation of the lines below it"),
    ]


@pytest.mark.parametrize(("written", "shown"), [
    ("status: ", "empty"),
    ("status: 3", '"3"'),
    ("status: true", "true"),
    ("status: {a: b}", "a set of keys"),
    ("status: " + "x" * 60, '"' + "x" * 60 + '"'),
    ("status: " + "x" * 61, '"' + "x" * 60 + '…"'),
], ids=["empty", "a number", "true", "keys", "sixty characters", "sixty-one characters"])
def test_a_value_not_in_the_list_is_shown_as_written_and_long_ones_cut_at_sixty(written, shown):
    found = problems(Release, RELEASE.replace("status: planned", written))
    assert [(code, message, hint) for _, _, code, message, hint in found] == [
        ("not-allowed", f"the status must be one of planned, baselined, implemented or cancelled, not {shown}",
         "write one of planned, baselined, implemented or cancelled, exactly as shown"),
    ]


def test_a_choice_in_a_list_of_choices_names_its_entry():
    found = problems(Rulebook, RULEBOOK + "  kinds: [scheduled, adhoc]\n", RULEBOOK_FILE)
    assert found == [
        (11, 22, "not-allowed", 'the first requirement\'s second kind must be one of scheduled or ad-hoc, not "adhoc"', 'did you mean "ad-hoc"?'),
    ]


def test_a_number_that_must_be_exactly_one_value_is_named():
    found = problems(Rulebook, RULEBOOK.replace("schema_version: 1", "schema_version: 2"), RULEBOOK_FILE)
    assert found == [(1, 17, "not-allowed", 'the schema version must be one of 1, not "2"', "write one of 1, exactly as shown")]


def test_a_wrong_true_or_false_flag_of_the_rulebook_is_named():
    found = problems(Rulebook, RULEBOOK.replace("field: go_live", "document: maybe"), RULEBOOK_FILE)
    assert found == [
        (10, 15, "wrong-type", 'the first requirement\'s satisfied_by\'s document is "maybe"; it must be true or false', "write true or false (lower case, no quotes)"),
    ]


@pytest.mark.parametrize(("written", "shown"), [("'true'", '"true"'), ("[true]", "a list"), ("", "empty")], ids=["quoted", "a list", "empty"])
def test_a_flag_that_is_not_true_or_false_says_to_write_true_or_false(written, shown):
    found = problems(Release, RELEASE.replace("dcc_systems_impact: true", f"dcc_systems_impact: {written}".rstrip()))
    assert [(code, message, hint) for _, _, code, message, hint in found] == [
        ("wrong-type", f"the DCC Systems impact is {shown}; it must be true or false", "write true or false (lower case, no quotes)"),
    ]


def test_a_number_in_a_list_of_fields_is_one_message_naming_its_entry():
    found = problems(Rulebook, RULEBOOK.replace("field: go_live", "field: [go_live, 3]"), RULEBOOK_FILE)
    assert found == [
        (10, 22, "wrong-type", "the first requirement's satisfied_by's second field is a number (3) where text belongs",
         'put it in quotes: field: "3" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'),
    ]


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("5", "the first requirement's satisfied_by's field is a number (5) where text belongs",
     'put it in quotes: field: "5" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'),
    ("{a: 1}", "the first requirement's satisfied_by's field is a set of keys where a single text belongs",
     "write it on one line after the colon; check the indentation of the lines below it"),
], ids=["a number", "a set of keys"])
def test_a_field_that_is_neither_text_nor_a_list_is_one_message_about_text(written, message, hint):
    found = problems(Rulebook, RULEBOOK.replace("field: go_live", f"field: {written}"), RULEBOOK_FILE)
    assert found == [(10, 12, "wrong-type", message, hint)]


def test_a_count_below_its_least_value_says_the_least():
    found = problems(Rulebook, RULEBOOK.replace("field: go_live", "count: {field: x, at_least: 0}"), RULEBOOK_FILE)
    assert found == [
        (10, 33, "invalid-value", "the first requirement's satisfied_by's count's at least is \"0\"; it cannot be less than 1", "write 1 or more"),
    ]


def test_a_count_that_is_not_a_set_of_keys_says_how_to_indent_its_keys():
    found = problems(Rulebook, RULEBOOK.replace("field: go_live", "count: 3"), RULEBOOK_FILE)
    assert found == [
        (10, 12, "wrong-type", "the first requirement's satisfied_by's count must be a set of keys and values",
         "write its keys on the lines below count:, indented by two more spaces"),
    ]


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("'2019-02-29'", "the go-live date, 2019-02-29, is not a real date", "February 2019 has 28 days (not a leap year): check the day"),
    ("'2019-02-30'", "the go-live date, 2019-02-30, is not a real date", "February 2019 has 28 days: check the day"),
    ("2019-11-31", "the go-live date, 2019-11-31, is not a real date", "November 2019 has 30 days: check the day"),
    ("'2019-00-10'", "the go-live date, 2019-00-10, is not a real date", "there is no month 00: the month comes second and runs from 01 to 12"),
    ("'0000-01-01'", "the go-live date, 0000-01-01, is not a real date", "check the year, the month and the day"),
    ("06/07/2019", 'the go-live date is "06/07/2019": dates are written YYYY-MM-DD',
     "06/07/2019 could be 6 July or 7 June 2019: write 2019-07-06 (6 July) or 2019-06-07 (7 June)"),
    ("true", "the go-live date is true: dates are written YYYY-MM-DD", "write the date as YYYY-MM-DD, e.g. 2019-11-29"),
    ("20191129", 'the go-live date is "20191129": dates are written YYYY-MM-DD', "write the date as YYYY-MM-DD, e.g. 2019-11-29"),
], ids=["29 February of a common year", "30 February", "31 November unquoted", "month 00", "year 0000", "day and month unclear", "true", "digits only"])
def test_a_date_that_is_wrong_or_unreal_says_which_date_to_write(written, message, hint):
    assert problems(Release, RELEASE.replace("go_live: '2019-11-29'", f"go_live: {written}")) == [(4, 10, "invalid-value", message, hint)]


def test_29_february_of_a_leap_year_is_a_date():
    assert problems(Release, RELEASE.replace("go_live: '2019-11-29'", "go_live: '2020-02-29'")) == []


def test_an_empty_date_is_named_at_its_key():
    assert problems(Release, RELEASE.replace("go_live: '2019-11-29'", "go_live:")) == [
        (4, 9, "invalid-value", "the go-live date is empty: dates are written YYYY-MM-DD", "write the date as YYYY-MM-DD, e.g. 2019-11-29"),
    ]


def test_a_wrong_date_of_the_policy_names_the_policy():
    found = problems(PolicyFrontMatter, "title: P\napproved: soon\n", POLICY_FILE)
    assert found == [
        (2, 11, "invalid-value", "approved: in the Policy's front matter is \"soon\": dates are written YYYY-MM-DD", "write the date as YYYY-MM-DD, e.g. 2019-11-29"),
    ]


def test_a_policy_version_not_in_numbers_and_dots_says_what_the_key_takes():
    assert problems(PolicyFrontMatter, "version: 'two'\n", POLICY_FILE) == [
        (1, 10, "invalid-value", 'the version is "two", which is not in the form version: takes', "see the editors' guide for what version: takes"),
    ]


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("2019 11", 'the id is "2019 11", which is not a release id', "write 2019-11 (year, hyphen, two-digit month)"),
    ("2019.3.", 'the id is "2019.3.", which is not a release id', "release ids look like 2019-11, or 2023-11-minor for a second release in a month"),
    ("'2019_3'", 'the id is "2019_3", which is not a release id', "write 2019-03 (year, hyphen, two-digit month)"),
    ("'2019-13'", 'the id is "2019-13", which is not a release id', "release ids look like 2019-11, or 2023-11-minor for a second release in a month"),
    ("' 2019-11-Minor '", 'the id is " 2019-11-Minor ", which is not a release id', 'write "2019-11-minor" in lower case'),
], ids=["a space", "a trailing dot", "an underscore and one digit", "month 13", "capitals and spaces"])
def test_a_release_id_says_the_id_to_write(written, message, hint):
    assert problems(Release, RELEASE.replace("id: 2019-11", f"id: {written}")) == [(1, 5, "invalid-value", message, hint)]


@pytest.mark.parametrize(("written", "hint"), [
    ("' mp71a '", 'write "MP71A" in capitals'),
    ("MP-071", "modification ids look like MP071, SECMP0007, MP102A or DP238"),
], ids=["lower case with spaces", "a hyphen"])
def test_a_modification_id_in_a_release_says_the_id_to_write(written, hint):
    text = RELEASE + f"modifications:\n- id: {written}\n  status: implemented\n"
    assert problems(Release, text) == [
        (7, 7, "invalid-value", f'the first modification\'s id is "{written.strip(chr(39))}", which is not a modification id', hint),
    ]


def test_a_draft_proposal_number_in_lower_case_says_to_write_capitals():
    assert problems(Modification, MODIFICATION + "draft_proposal: dp1\n", MODIFICATION_FILE) == [
        (3, 17, "invalid-value", 'the Draft Proposal is "dp1", which is not a modification id', 'write "DP1" in capitals'),
    ]


def test_a_party_id_with_capitals_and_spaces_says_what_the_key_takes():
    text = "parties:\n- id: Large Suppliers\n  label: L\n  description: d\n"
    assert problems(PartyList, text, PARTIES_FILE) == [
        (2, 7, "invalid-value", 'the first party\'s id is "Large Suppliers", which is not in the form id: takes', "see the editors' guide for what id: takes"),
    ]


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("www.example.org", 'the web address is "www.example.org": it must start with https:// (or http://)', "write the full address, e.g. https://www.example.org"),
    ("'  example.org/a  '", 'the web address is "  example.org/a  ": it must start with https:// (or http://)', "write the full address, e.g. https://example.org/a"),
    ("Example.ORG/x", 'the web address is "Example.ORG/x": it must start with https:// (or http://)', "write the full address, e.g. https://Example.ORG/x"),
    ("example", 'the web address is "example": it must start with https:// (or http://)', "write the full address, starting with https://"),
    ("javascript:alert(1)", 'the web address is "javascript:alert(1)": it must start with https:// (or http://)', "write the full address, starting with https://"),
], ids=["no scheme", "no scheme with spaces", "no scheme in capitals", "one word", "a script"])
def test_a_web_address_without_its_scheme_says_the_address_to_write(written, message, hint):
    assert problems(Modification, MODIFICATION + f"url: {written}\n", MODIFICATION_FILE) == [(3, 6, "invalid-value", message, hint)]


def test_a_web_address_too_long_says_its_length_and_the_limit():
    text = MODIFICATION + "url: https://" + "y" * 1995 + "\n"
    assert problems(Modification, text, MODIFICATION_FILE) == [
        (3, 6, "invalid-value", "the web address is 2,003 characters long; at most 2,000 fit",
         "shorten it; long text belongs in the Markdown documents under content/"),
    ]


def test_an_empty_text_in_a_list_names_its_entry():
    assert problems(Modification, MODIFICATION + "sec_documents: [Section H, '']\n", MODIFICATION_FILE) == [
        (3, 28, "invalid-value", "the second SEC document is empty", "write the SEC documents, or remove sec_documents: if it is optional"),
    ]


def test_a_list_written_as_one_value_says_how_to_write_entries():
    assert problems(Release, RELEASE + "sources: https://x.org\n") == [
        (6, 10, "wrong-type", "the sources must be a list", 'write each entry on its own line below sources:, starting with "- " and indented'),
    ]


def test_an_entry_that_is_not_a_set_of_keys_says_how_to_indent():
    assert problems(Modification, MODIFICATION + "history: [3]\n", MODIFICATION_FILE) == [
        (3, 11, "wrong-type", "the first history entry must be a set of keys and values", "write its keys on the lines below history:, indented by two more spaces"),
    ]


def test_two_unknown_keys_are_both_named_after_a_near_miss():
    text = RELEASE.replace("dcc_systems_impact: true", "dcc_system_impact: true") + "colour: red\n"
    assert problems(Release, text) == [
        (5, 1, "unknown-key", 'unknown key "dcc_system_impact" in the release, which has no "dcc_systems_impact"',
         'did you mean "dcc_systems_impact"? rename it to dcc_systems_impact: (the release must have it)'),
        (6, 1, "unknown-key", 'unknown key "colour" in the release',
         "the keys allowed here: id, title, kind, status, draft, go_live, sec_version, dcc_systems_impact, summary, illustrative, "
         "modifications, baselines, milestones, date_changes, implementation_document, testing_approach, progress_reports, "
         "cost_review, external_auditor, go_live_decision, post_go_live_review, waivers, amendments, sources"),
    ]


def test_a_near_miss_of_a_missing_key_does_not_hide_the_wrong_values_after_it():
    text = RELEASE.replace("dcc_systems_impact: true", "dcc_system_impact: true") + "summary: ''\n"
    assert problems(Release, text) == [
        (5, 1, "unknown-key", 'unknown key "dcc_system_impact" in the release, which has no "dcc_systems_impact"',
         'did you mean "dcc_systems_impact"? rename it to dcc_systems_impact: (the release must have it)'),
        (6, 10, "invalid-value", "the summary is empty", "write the summary, or remove summary: if it is optional"),
    ]


def test_a_missing_key_of_a_block_is_named_at_the_blocks_key():
    text = RELEASE + "go_live_decision:\n  date: '2019-11-22'\n"
    assert problems(Release, text) == [
        (6, 1, "missing-key", 'the go-live decision has no "decision", which it must have', "add decision: with go, no-go or deferred"),
    ]


def test_more_than_a_hundred_problems_are_counted_at_the_first_one_not_listed():
    entries = "".join(f"- date: '2019-10-{1 + n % 28:02d}'\n  summary: ''\n" for n in range(103))
    found = problems(Release, RELEASE + "amendments:\n" + entries)
    assert len(found) == 101
    assert found[0] == (8 + 2 * 100, 12, "too-many-problems", "3 more problems in this file are not listed", "fix the problems listed and validate again")
    assert found[100] == (8 + 2 * 99, 12, "invalid-value", "the 100th amendment's summary is empty", "write the summary, or remove summary: if it is optional")


def test_every_problem_of_a_file_is_listed_in_the_order_of_the_file():
    text = "id: 2019-11\ntitle: ''\nstatus: done\ngo_live: soon\ndcc_systems_impact: 'no'\nsumary: x\n"
    assert problems(Release, text) == [
        (6, 1, "unknown-key", 'unknown key "sumary" in the release', 'did you mean "summary"?'),
        (2, 8, "invalid-value", "the title is empty", "write the title, or remove title: if it is optional"),
        (3, 9, "not-allowed", 'the status must be one of planned, baselined, implemented or cancelled, not "done"',
         "write one of planned, baselined, implemented or cancelled, exactly as shown"),
        (4, 10, "invalid-value", 'the go-live date is "soon": dates are written YYYY-MM-DD', "write the date as YYYY-MM-DD, e.g. 2019-11-29"),
        (5, 21, "wrong-type", 'the DCC Systems impact is "no"; it must be true or false', "write true or false (lower case, no quotes)"),
    ]


# ---------------------------------------------------------------------------
# Places in plain words


@pytest.mark.parametrize(("path", "words"), [
    (("milestones", 0, "date"), "the first milestone's date"),
    (("testing_approach", "panel_review", "by"), "by: in the testing approach's Panel review"),
    (("date_changes", 11, "window", "earliest"), "the 12th date change's window's earliest"),
    (("rest_in", 110), "the 111th rest_in release"),
    (("sources", 101), "the 102nd source"),
    (("sources", 120), "the 121st source"),
    (("unlisted_things", 2), "the third unlisted things"),
    ((3,), "the fourth entry"),
    ((), "the file"),
])
def test_a_place_in_a_file_reads_in_plain_words(path, words):
    assert plain_path(path) == words


def test_a_whole_file_is_named_for_what_it_describes():
    assert plain_path((), Release) == "the release"
    assert plain_path((), PolicyFrontMatter) == "the Policy's front matter"
    assert plain_path((), Requirement) == "the file"


# ---------------------------------------------------------------------------
# pydantic errors that no field of today's record raises still read in an
# editor's words: a field added later with such a constraint is never reported
# in pydantic's own.


class _Colour(Enum):
    RED = "red"
    BLUE = "blue"


def _even(value: int) -> int:
    if value % 2:
        raise ValueError("must be even")
    return value


class _Inner(BaseModel):
    grades: list[Literal[1, 2]] = []


class _LaterFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    share: Optional[Annotated[int, Field(gt=0)]] = None
    weeks: Optional[int] = None
    plain_day: Optional[date] = None
    ratio: Optional[float] = None
    names: Optional[Annotated[list[str], Field(max_length=1)]] = None
    grade: Optional[Literal[1, 2]] = None
    grades: list[Literal[1, 2]] = []
    levels: dict[str, Literal["low", "high"]] = {}
    colour: Optional[_Colour] = None
    pairs: Optional[Annotated[int, AfterValidator(_even)]] = None
    inner: Optional[_Inner] = None
    either: Union[str, int, None] = None
    fields: Union[str, list[str], None] = None


def _later_problems(text: str) -> list[tuple]:
    found = DiagnosticList()
    data, source = parse_yaml_text(text, RELEASE_FILE, found)
    try:
        _LaterFields.model_validate(data)
    except ValidationError as exc:
        return [(d.location.line, d.code, d.message, d.hint) for d in validation_diagnostics(exc, _LaterFields, data, source)]
    return []


def test_a_list_that_no_branch_of_a_choice_of_types_takes_is_never_silent():
    assert _later_problems("fields: 5\neither: [a]\n") == [
        (2, "wrong-type", "the either is a list where a single text belongs", "write it on one line after the colon; check the indentation of the lines below it"),
        (2, "wrong-type", "the either is a list; it must be a whole number", "write the number in digits, without quotes, e.g. 4"),
        (1, "wrong-type", "the fields is a number (5) where text belongs",
         'put it in quotes: fields: "5" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("share: 0\n", (1, "invalid-value", 'the share is "0"; it must be more than 0', "write a number more than 0")),
    ("weeks: 2.5\n", (1, "wrong-type", 'the weeks is "2.5"; it must be a whole number', "write the number in digits, without quotes, e.g. 4")),
    ("plain_day: 29/11/2019\n", (1, "invalid-value", 'the plain day is "29/11/2019": dates are written YYYY-MM-DD', "write 2019-11-29")),
    ("plain_day: someday\n", (1, "invalid-value", 'the plain day is "someday": dates are written YYYY-MM-DD', "write the date as YYYY-MM-DD, e.g. 2019-11-29")),
    ("ratio: half\n", (1, "invalid-value", 'the ratio is "half", which the record format does not accept here', "see the editors' guide for what ratio: takes")),
    ("names: [a, b]\n", (1, "invalid-value", "the names is a list, which the record format does not accept here", "see the editors' guide for what names: takes")),
    ("pairs: 3\n", (1, "invalid-value", 'the pairs is "3", which the record format does not accept here', "see the editors' guide for what pairs: takes")),
    ("grade: 3\n", (1, "not-allowed", 'the grade must be one of 1 or 2, not "3"', "write one of 1 or 2, exactly as shown")),
    ("grades: [1, 3]\n", (1, "not-allowed", 'the second grades must be one of 1 or 2, not "3"', "write one of 1 or 2, exactly as shown")),
    ("levels: {x: mid}\n", (1, "not-allowed", 'the levels\'s x must be one of low or high, not "mid"', "write one of low or high, exactly as shown")),
    ("colour: green\n", (1, "not-allowed", 'the colour must be one of red or blue, not "green"', "write one of red or blue, exactly as shown")),
    ("weeks: many\n", (1, "wrong-type", 'the weeks is "many"; it must be a whole number', "write the number in digits, without quotes, e.g. 4")),
    ("levels: 3\n", (1, "wrong-type", "the levels must be a set of keys and values", "write its keys on the lines below levels:, indented by two more spaces")),
    ("inner:\n  grades: [3]\n", (2, "not-allowed", 'the inner\'s first grades must be one of 1 or 2, not "3"', "write one of 1 or 2, exactly as shown")),
], ids=[
    "not more than", "a fraction for a whole number", "a day-first date", "a word for a date", "a word for a number",
    "too many entries", "a rule of its own", "a number not in a choice", "a number not in a list of choices",
    "a choice in a mapping", "a choice of an enumeration", "a word for a whole number", "a number for a mapping",
    "a number not in a nested list of choices",
])
def test_an_error_of_a_field_added_later_reads_in_an_editors_words(text, expected):
    assert _later_problems(text) == [expected]
