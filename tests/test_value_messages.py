"""Each kind of wrong value in a record file, and the exact message and hint an editor reads for it.

One line of a release or modification file is changed as an editor might get
it wrong; the loader must name the place in plain words, quote what was
written, say what to write instead, and point at the line that holds it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import PARTIES, write_project

RELEASE = "data/releases/2019-11.yaml"
MODIFICATION = "data/modifications/MP071.yaml"

# (file, text as the factory writes it, the editor's version, [(the line it is reported at, code, message, hint)])
CASES = [
    (RELEASE, 'title: Release 2019-11', 'title: true', [
        ('title: true', 'wrong-type', 'the title is true, read as true/false, where text belongs', 'put it in quotes: title: "true"'),
    ]),
    (RELEASE, 'title: Release 2019-11', 'title: 6.20', [
        ('title: 6.20', 'wrong-type', 'the title is a number (6.20) where text belongs', 'put it in quotes: title: "6.20" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'),
    ]),
    (RELEASE, 'title: Release 2019-11', 'title: 7', [
        ('title: 7', 'wrong-type', 'the title is a number (7) where text belongs', 'put it in quotes: title: "7" (unquoted, YAML reads it as a number and drops trailing zeros: 6.20 becomes 6.2)'),
    ]),
    (RELEASE, 'title: Release 2019-11', 'title: {a: 1}', [
        ('title: {a: 1}', 'wrong-type', 'the title is a set of keys where a single text belongs', 'write it on one line after the colon; check the indentation of the lines below it'),
    ]),
    (RELEASE, 'title: Release 2019-11', 'title:', [
        ('title:', 'wrong-type', 'the title must be text', 'write it after the colon on the same line'),
    ]),
    (RELEASE, 'title: Release 2019-11', 'title: "\\u200b"', [
        ('title: "\\u200b"', 'invalid-value', 'the title is empty: it holds only invisible characters', 'write the title, or remove title: if it is optional'),
    ]),
    (RELEASE, '    responses: 7', '    responses: -1', [
        ('responses: -1', 'invalid-value', 'the testing approach\'s consultation\'s number of responses is "-1"; it cannot be less than 0', 'write 0 or more'),
    ]),
    (RELEASE, '    responses: 7', '    responses: many', [
        ('responses: many', 'wrong-type', 'the testing approach\'s consultation\'s number of responses is "many"; it must be a whole number', 'write the number in digits, without quotes, e.g. 4'),
    ]),
    (RELEASE, '    responses: 7', '    responses: 7.5', [
        ('responses: 7.5', 'wrong-type', 'the testing approach\'s consultation\'s number of responses is "7.5"; it must be a whole number', 'write the number in digits, without quotes, e.g. 4'),
    ]),
    (RELEASE, '    by: DCC', '    by: Ofgem', [
        ('by: Ofgem', 'not-allowed', 'by: in approved: in the testing approach must be one of Panel, Authority, Change Board, DCC, Sub-Committee or SECAS, not "Ofgem"', 'write one of Panel, Authority, Change Board, DCC, Sub-Committee or SECAS, exactly as shown'),
    ]),
    (RELEASE, '  criteria_met: true', "  criteria_met: 'no'", [
        ("criteria_met: 'no'", 'wrong-type', 'the go-live decision\'s criteria_met flag is "no"; it must be true or false', 'write true or false (lower case, no quotes)'),
    ]),
    (RELEASE, '  state: actual', '  state: done', [
        ('state: done', 'not-allowed', 'the first milestone\'s state must be one of actual or expected, not "done"', 'write one of actual or expected, exactly as shown'),
    ]),
    (RELEASE, '  state: actual', "  state: actual\n  after_go_live: 'no'", [
        ("after_go_live: 'no'", 'wrong-type', 'the first milestone\'s after_go_live flag is "no"; it must be true or false', 'write true or false (lower case, no quotes)'),
    ]),
    (RELEASE, "  date: '2019-09-13'", '  date: 20190913', [
        ('date: 20190913', 'invalid-value', 'the first milestone\'s date is "20190913": dates are written YYYY-MM-DD', 'write the date as YYYY-MM-DD, e.g. 2019-11-29'),
    ]),
    (RELEASE, "  date: '2019-09-13'", '  date: 13th September 2019', [
        ('date: 13th September 2019', 'invalid-value', 'the first milestone\'s date is "13th September 2019": dates are written YYYY-MM-DD', 'write 2019-09-13'),
    ]),
    (RELEASE, "go_live: '2019-11-29'", 'go_live: 29/11/2019', [
        ('go_live: 29/11/2019', 'invalid-value', 'the go-live date is "29/11/2019": dates are written YYYY-MM-DD', 'write 2019-11-29'),
    ]),
    (RELEASE, "go_live: '2019-11-29'", "go_live: '2019-11-31'", [
        ("go_live: '2019-11-31'", 'invalid-value', 'the go-live date, 2019-11-31, is not a real date', 'November 2019 has 30 days: check the day'),
    ]),
    (RELEASE, "go_live: '2019-11-29'", "go_live: '2019-13-29'", [
        ("go_live: '2019-13-29'", 'invalid-value', 'the go-live date, 2019-13-29, is not a real date', 'there is no month 13: the month comes second and runs from 01 to 12'),
    ]),
    (RELEASE, "go_live: '2019-11-29'", 'go_live: soon', [
        ('go_live: soon', 'invalid-value', 'the go-live date is "soon": dates are written YYYY-MM-DD', 'write the date as YYYY-MM-DD, e.g. 2019-11-29'),
    ]),
    (RELEASE, "go_live: '2019-11-29'", 'go_live: [2019-11-29]', [
        ('go_live: [2019-11-29]', 'invalid-value', 'the go-live date is a list: dates are written YYYY-MM-DD', 'write the date as YYYY-MM-DD, e.g. 2019-11-29'),
    ]),
    (RELEASE, 'dcc_systems_impact: true', 'dcc_systems_impact: maybe', [
        ('dcc_systems_impact: maybe', 'wrong-type', 'the DCC Systems impact is "maybe"; it must be true or false', 'write true or false (lower case, no quotes)'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', '- id: mp071\n  status: implemented', [
        ('- id: mp071', 'invalid-value', 'the first modification\'s id is "mp071", which is not a modification id', 'write "MP071" in capitals'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', "- id: 'seventy-one'\n  status: implemented", [
        ("- id: 'seventy-one'", 'invalid-value', 'the first modification\'s id is "seventy-one", which is not a modification id', 'modification ids look like MP071, SECMP0007, MP102A or DP238'),
    ]),
    (RELEASE, 'waivers: []', 'waivers: none', [
        ('waivers: none', 'wrong-type', 'the waivers must be a list', 'write each entry on its own line below waivers:, starting with "- " and indented'),
    ]),
    (RELEASE, 'waivers: []', 'sources:\n- example.org/page', [
        ('- example.org/page', 'invalid-value', 'the first source is "example.org/page": it must start with https:// (or http://)', 'write the full address, e.g. https://example.org/page'),
    ]),
    (RELEASE, 'waivers: []', 'sources:\n- ftp://example.org/x', [
        ('- ftp://example.org/x', 'invalid-value', 'the first source is "ftp://example.org/x": it must start with https:// (or http://)', 'write the full address, starting with https://'),
    ]),
    (RELEASE, 'testing_approach:\n  page', 'testing_approach: yes please\ntesting_aproach:\n  page', [
        ('testing_aproach:', 'unknown-key', 'unknown key "testing_aproach" in the release', 'did you mean "testing_approach"?'),
        ('testing_approach: yes please', 'wrong-type', 'the testing approach must be a set of keys and values', 'write its keys on the lines below testing_approach:, indented by two more spaces'),
    ]),
    (RELEASE, '  page: releases/2019-11/testing-approach.md', '  page: releases/2019-11/testing-approach.md\n  ownr: DCC', [
        ('ownr: DCC', 'unknown-key', 'unknown key "ownr" in the testing approach', 'did you mean "owner"?'),
    ]),
    (RELEASE, '  page: releases/2019-11/testing-approach.md', '  pag: releases/2019-11/testing-approach.md', [
        ('pag: releases/2019-11/testing-approach.md', 'unknown-key', 'unknown key "pag" in the testing approach, which has no "page"', 'did you mean "page"? rename it to page: (the testing approach must have it)'),
    ]),
    (RELEASE, '  page: releases/2019-11/testing-approach.md', '  page: releases/2019-11/testing-approach.md\n  nonsense: 1', [
        ('nonsense: 1', 'unknown-key', 'unknown key "nonsense" in the testing approach', 'the keys allowed here: page, owner, version, updated, consultation, panel_review, approved'),
    ]),
    (RELEASE, 'dcc_systems_impact: true', 'dcc_system_impact: true', [
        ('dcc_system_impact: true', 'unknown-key', 'unknown key "dcc_system_impact" in the release, which has no "dcc_systems_impact"', 'did you mean "dcc_systems_impact"? rename it to dcc_systems_impact: (the release must have it)'),
    ]),
    (RELEASE, 'dcc_systems_impact: true\n', '', [
        ('id: 2019-11', 'missing-key', 'the release has no "dcc_systems_impact" (the DCC Systems impact), which it must have', 'add dcc_systems_impact: with true or false'),
    ]),
    (RELEASE, "baselines:\n- scope: full\n  date: '2019-05-01'", 'baselines:\n- scope: full', [
        ('- scope: full', 'missing-key', 'the first baseline has no "date", which it must have', 'add date: with a date, YYYY-MM-DD'),
    ]),
    (RELEASE, 'amendments:', "date_changes:\n- from: '2019-11-07'\n  to: '2019-11-29'\namendments:", [
        ("- from: '2019-11-07'", 'missing-key', 'the first date change has no "by", which it must have', 'add by: with Panel, Authority, Change Board, DCC, Sub-Committee or SECAS'),
    ]),
    (RELEASE, 'amendments:', "date_changes:\n- from: '2019-11-07'\n  to: '2019-11-29'\n  by: Panel\n  window: {earliest: '2019-11-01'}\namendments:", [
        ("window: {earliest: '2019-11-01'}", 'missing-key', 'the first date change\'s window has no "latest", which it must have', 'add latest: with a date, YYYY-MM-DD'),
    ]),
    (RELEASE, "sec_version: '6.21'", 'sec_version: 6.2x', [
        ('sec_version: 6.2x', 'invalid-value', 'the SEC version is "6.2x", which is not a version number', 'write the version as numbers and dots, in quotes, e.g. "6.21"'),
    ]),
    (RELEASE, 'draft: false', 'draft: false\nkind: adhoc', [
        ('kind: adhoc', 'not-allowed', 'the kind must be one of scheduled or ad-hoc, not "adhoc"', 'did you mean "ad-hoc"?'),
    ]),
    (RELEASE, 'draft: false', "draft: 'yes'", [
        ("draft: 'yes'", 'wrong-type', 'the draft is "yes"; it must be true or false', 'write true or false (lower case, no quotes)'),
    ]),
    (RELEASE, 'status: implemented\ndraft', 'status: implmented\ndraft', [
        ('status: implmented', 'not-allowed', 'the status must be one of planned, baselined, implemented or cancelled, not "implmented"', 'did you mean "implemented"?'),
    ]),
    (RELEASE, 'status: implemented\ndraft', 'status: done\ndraft', [
        ('status: done', 'not-allowed', 'the status must be one of planned, baselined, implemented or cancelled, not "done"', 'write one of planned, baselined, implemented or cancelled, exactly as shown'),
    ]),
    (RELEASE, 'status: implemented\ndraft', 'status: [implemented]\ndraft', [
        ('status: [implemented]', 'not-allowed', 'the status must be one of planned, baselined, implemented or cancelled, not a list', 'write one of planned, baselined, implemented or cancelled, exactly as shown'),
    ]),
    (RELEASE, 'milestones:\n- name: Testing complete', 'milestones: none\nmilestone:\n- name: Testing complete', [
        ('milestone:', 'unknown-key', 'unknown key "milestone" in the release', 'did you mean "milestones"?'),
        ('milestones: none', 'wrong-type', 'the milestones must be a list', 'write each entry on its own line below milestones:, starting with "- " and indented'),
    ]),
    (MODIFICATION, 'title: Modification MP071', 'title: Modification MP071\nurl: example.org/mp071', [
        ('url: example.org/mp071', 'invalid-value', 'the web address is "example.org/mp071": it must start with https:// (or http://)', 'write the full address, e.g. https://example.org/mp071'),
    ]),
    (MODIFICATION, 'title: Modification MP071', 'title: Modification MP071\nurl: not a url', [
        ('url: not a url', 'invalid-value', 'the web address is "not a url": it must start with https:// (or http://)', 'write the full address, starting with https://'),
    ]),
    (MODIFICATION, 'title: Modification MP071', 'title: Modification MP071\nalternative_of: mp070', [
        ('alternative_of: mp070', 'invalid-value', 'alternative_of: in the modification is "mp070", which is not a modification id', 'write "MP070" in capitals'),
    ]),
    (MODIFICATION, 'title: Modification MP071', "title: Modification MP071\nhistory:\n- date: '2019-01-01'\n  event: raised\n  by: ''", [
        ("by: ''", 'invalid-value', 'by: in the first history entry is empty', 'write a value after by:, or remove by: if it is optional'),
    ]),
    (MODIFICATION, 'decision_path: self-governance', 'decision_path: self governance', [
        ('decision_path: self governance', 'not-allowed', 'the decision path must be one of authority, self-governance, fast-track or authority-led, not "self governance"', 'did you mean "self-governance"?'),
    ]),
    (RELEASE, 'title: Release 2019-11', "title: " + "x" * 301, [
        ("title: " + "x" * 301, 'invalid-value', 'the title is 301 characters long; at most 300 fit', 'shorten it; long text belongs in the Markdown documents under content/'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', "- id: MP071\n  status: implemented\n  rest_in: ['2019/11']", [
        ("rest_in: ['2019/11']", 'invalid-value', 'the first modification\'s first rest_in release is "2019/11", which is not a release id', 'write 2019-11 (year, hyphen, two-digit month)'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', '- id: MP071\n  status: implemented\n  rest_in: [2019-1]', [
        ('rest_in: [2019-1]', 'invalid-value', 'the first modification\'s first rest_in release is "2019-1", which is not a release id', 'write 2019-01 (year, hyphen, two-digit month)'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', '- id: MP071\n  status: implemented\n  rest_in: [2019-11-MINOR]', [
        ('rest_in: [2019-11-MINOR]', 'invalid-value', 'the first modification\'s first rest_in release is "2019-11-MINOR", which is not a release id', 'write "2019-11-minor" in lower case'),
    ]),
    (RELEASE, '- id: MP071\n  status: implemented', '- id: MP071\n  status: implemented\n  rest_in: [November]', [
        ('rest_in: [November]', 'invalid-value', 'the first modification\'s first rest_in release is "November", which is not a release id', 'release ids look like 2019-11, or 2023-11-minor for a second release in a month'),
    ]),
    (RELEASE, 'waivers: []', "waivers:\n- requirement: D10 13\n  decided: '2019-06-01'\n  by: Panel\n  reason: x", [
        ('- requirement: D10 13', 'invalid-value', 'the first waiver\'s requirement is "D10 13", which is not a requirement id', 'requirement ids are lower-case words joined by hyphens, e.g. d10-13-timescales: copy the id from the rulebook'),
        ('- requirement: D10 13', 'unknown-requirement', 'the waiver names "D10 13", which is not a requirement in the rulebook', 'the ids are listed in data/rulebook/d10.yaml'),
    ]),
    (RELEASE, "    closed: '2019-02-01'", "    closed: '2019-01-01'", [
        ("closed: '2019-01-01'", 'date-order', 'the consultation closed before it opened', 'check the opened and closed dates'),
    ]),
    (RELEASE, 'amendments:', "date_changes:\n- from: '2019-11-07'\n  to: '2019-11-29'\n  by: Panel\n  window: {earliest: '2019-11-30', latest: '2019-11-01'}\namendments:", [
        ("window: {earliest: '2019-11-30', latest: '2019-11-01'}", 'date-order', "the window's latest date is before its earliest", 'check the earliest and latest dates'),
    ]),
    (RELEASE, '    by: Panel\n    outcome', '    by: panel\n    outcome', [
        ('by: panel', 'not-allowed', 'by: in the testing approach\'s Panel review is "panel", which reads as the name of a Sub-Committee', 'write "Panel" with a capital P, or write the Sub-Committee\'s own name'),
    ]),
    (MODIFICATION, 'title: Modification MP071', 'title: Modification MP071\nalternative_of: MP070', [
        ('alternative_of: MP070', 'unknown-modification', 'alternative_of names "MP070", which is not in data/modifications/', 'create data/modifications/MP070.yaml, or correct the id'),
    ]),
    (MODIFICATION, 'title: Modification MP071', "title: Modification MP071\nhistory:\n- date: '2019-02-01'\n  event: raised\n- date: '2019-01-01'\n  event: refinement", [
        ("- date: '2019-01-01'", 'history-order', 'history entries must be in date order, oldest first', 'move this entry to its place in the list'),
    ]),
    (MODIFICATION, 'title: Modification MP071', 'title: Modification MP071\nimpacts: [nobody]', [
        ('impacts: [nobody]', 'unknown-party', '"nobody" is not a SEC Party category in data/parties.yaml', 'the categories are: large-suppliers, small-suppliers, dcc'),
    ]),
]


def _problems(tmp_path: Path, file: str, find: str, replace: str):
    root = write_project(tmp_path / "p", parties=PARTIES)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = load_record(load_project(root))
    return [(lines[d.location.line - 1].strip(), d.code, d.message, d.hint) for d in record.problems if d.location.file == file]


def _case_id(case) -> str:
    """The editor's last line, in characters a test id can hold (the mutation tests select tests by id)."""
    written = (case[2] or "no " + case[1]).splitlines()[-1]
    return re.sub(r"[^A-Za-z0-9_.:-]+", " ", written).strip()[:40]


@pytest.mark.parametrize(("file", "find", "replace", "expected"), CASES, ids=[_case_id(c) for c in CASES])
def test_a_wrong_value_is_named_quoted_and_located(tmp_path, file, find, replace, expected):
    assert _problems(tmp_path, file, find, replace) == expected


def test_entries_past_the_tenth_are_numbered(tmp_path):
    empty = (11, 12, 13, 21, 22, 23)
    entries = "".join(f"- date: '2019-10-{n:02d}'\n  summary: " + ("''" if n in empty else "Update.") + "\n" for n in range(1, 24))
    found = _problems(tmp_path, RELEASE, "amendments:\n- date: '2019-10-31'\n  summary: First publication.", "amendments:\n" + entries)
    assert [message for _, _, message, _ in found] == [
        f"the {n} amendment's summary is empty" for n in ("11th", "12th", "13th", "21st", "22nd", "23rd")
    ]


def test_a_file_with_more_than_a_hundred_wrong_values_lists_a_hundred_and_counts_the_rest(tmp_path):
    entries = "".join(f"- date: '2019-10-01'\n  summary: ''\n" for _ in range(130))
    found = _problems(tmp_path, RELEASE, "amendments:\n- date: '2019-10-31'\n  summary: First publication.", "amendments:\n" + entries)
    assert len(found) == 101
    assert found[0] == ("summary: ''", "too-many-problems", "30 more problems in this file are not listed", "fix the problems listed and validate again")
    assert found[1][2] == "the first amendment's summary is empty"
    assert found[100][2] == "the 100th amendment's summary is empty"


def test_exactly_a_hundred_wrong_values_are_all_listed_without_a_count_of_more(tmp_path):
    entries = "".join(f"- date: '2019-10-01'\n  summary: ''\n" for _ in range(100))
    found = _problems(tmp_path, RELEASE, "amendments:\n- date: '2019-10-31'\n  summary: First publication.", "amendments:\n" + entries)
    assert len(found) == 100
    assert {code for _, code, _, _ in found} == {"invalid-value"}
