"""The record's own consistency rules, as an editor meets them: what loads, what is refused and where.

In-process (``load_record``), so each rule is seen by the mutation tests too.
"""

from __future__ import annotations

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import complete_release, modification, write_project

FILE = "data/releases/2019-11.yaml"


def _load(tmp_path, release: dict, modifications: list[dict] | None = None):
    return load_record(load_project(write_project(tmp_path / "p", [release], modifications)))


def _line_of(tmp_path, needle: str, occurrence: int = 1) -> int:
    lines = (tmp_path / "p" / FILE).read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if needle in line]
    return found[occurrence - 1]


def _errors(record) -> list[tuple[str, str, int, str]]:
    return [(d.code, d.location.file, d.location.line, d.message) for d in record.problems if d.severity.value == "error"]


def test_one_modification_split_into_parts_is_accepted(tmp_path):
    # What the duplicate message's own hint tells editors to do.
    release = complete_release(modifications=[
        {"id": "MP071", "status": "implemented", "part": "DCC Systems"},
        {"id": "MP071", "status": "targeted", "part": "SEC text"},
    ])
    record = _load(tmp_path, release)
    assert _errors(record) == []
    assert [(m.id, m.part) for m in record.releases["2019-11"].modifications] == [("MP071", "DCC Systems"), ("MP071", "SEC text")]


def test_the_same_part_listed_twice_is_refused(tmp_path):
    release = complete_release(modifications=[
        {"id": "MP071", "status": "implemented", "part": "DCC Systems"},
        {"id": "MP071", "status": "targeted", "part": "DCC Systems"},
    ])
    record = _load(tmp_path, release)
    assert _errors(record) == [(
        "duplicate-modification", FILE, _line_of(tmp_path, "- id: MP071", 2),
        "MP071 is listed twice in this release (also entry 1)",
    )]
    assert "2019-11" not in record.releases


def test_the_same_modification_twice_without_parts_is_refused(tmp_path):
    release = complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP071", "status": "removed"}])
    record = _load(tmp_path, release)
    assert [e[:3] for e in _errors(record)] == [("duplicate-modification", FILE, _line_of(tmp_path, "- id: MP071", 2))]


def test_two_amendments_on_the_same_day_are_accepted(tmp_path):
    release = complete_release(amendments=[
        {"date": "2019-10-31", "summary": "First publication."},
        {"date": "2019-10-31", "summary": "Typo in the summary corrected."},
    ])
    record = _load(tmp_path, release)
    assert _errors(record) == []
    assert len(record.releases["2019-11"].amendments) == 2


def test_amendments_out_of_date_order_are_refused_at_the_later_entry(tmp_path):
    release = complete_release(amendments=[
        {"date": "2019-10-31", "summary": "First publication."},
        {"date": "2019-10-30", "summary": "Back-dated."},
    ])
    record = _load(tmp_path, release)
    assert _errors(record) == [(
        "amendment-order", FILE, _line_of(tmp_path, "date: '2019-10-30'"), "amendments must be in date order, oldest first",
    )]


def _date_change(**values) -> dict:
    change = {"from": "2019-11-07", "to": "2019-11-29", "by": "Authority"}
    change.update(values)
    return change


def test_a_date_change_decided_before_it_was_requested_is_refused(tmp_path):
    release = complete_release(date_changes=[_date_change(requested="2019-10-08", decided="2019-10-01")])
    record = _load(tmp_path, release)
    assert _errors(record) == [(
        "date-order", FILE, _line_of(tmp_path, "decided: '2019-10-01'"), "the date change was decided before it was requested",
    )]
    assert record.releases == {}


def test_a_date_change_decided_on_the_day_it_was_requested_is_accepted(tmp_path):
    record = _load(tmp_path, complete_release(date_changes=[_date_change(requested="2019-10-08", decided="2019-10-08")]))
    assert _errors(record) == []
    assert record.releases["2019-11"].date_changes[0].decided.isoformat() == "2019-10-08"


def test_a_date_change_with_only_one_of_its_dates_is_accepted(tmp_path):
    record = _load(tmp_path, complete_release(date_changes=[_date_change(decided="2019-10-01")]))
    assert _errors(record) == []


def test_go_live_must_be_where_the_last_approved_change_moved_it(tmp_path):
    release = complete_release(date_changes=[
        _date_change(**{"from": "2019-11-07", "to": "2019-11-29"}),
        _date_change(**{"from": "2019-11-29", "to": "2019-12-05", "outcome": "rejected"}),
    ])
    assert _errors(_load(tmp_path, release)) == []
    moved = complete_release(date_changes=[_date_change(**{"from": "2019-11-07", "to": "2019-11-28"})])
    record = _load(tmp_path / "moved", moved)
    assert _errors(record) == [(
        "go-live-mismatch", FILE, 5, "go_live is 2019-11-29 but the last approved date change moved it to 2019-11-28",
    )]


def test_a_consultation_that_closed_before_it_opened_is_refused(tmp_path):
    release = complete_release()
    release["testing_approach"]["consultation"] = {"opened": "2019-02-01", "closed": "2019-01-07"}
    record = _load(tmp_path, release)
    assert _errors(record) == [("date-order", FILE, _line_of(tmp_path, "closed: '2019-01-07'"), "the consultation closed before it opened")]


def test_a_consultation_that_opened_and_closed_on_one_day_is_accepted(tmp_path):
    release = complete_release()
    release["testing_approach"]["consultation"] = {"opened": "2019-01-07", "closed": "2019-01-07"}
    assert _errors(_load(tmp_path, release)) == []


def test_releases_are_in_go_live_order(tmp_path):
    later = complete_release("2020-02", "2020-02-27")
    earlier = complete_release("2019-11", "2019-11-29")
    record = load_record(load_project(write_project(tmp_path / "p", [later, earlier], [modification("MP071")])))
    assert list(record.releases) == ["2019-11", "2020-02"]
    assert record.release_files == {"2019-11": "data/releases/2019-11.yaml", "2020-02": "data/releases/2020-02.yaml"}


def test_a_release_naming_an_unknown_modification(tmp_path):
    record = _load(tmp_path, complete_release(modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP999", "status": "targeted"}]))
    [(code, file, line, message)] = _errors(record)
    assert (code, file, line, message) == ("unknown-modification", FILE, _line_of(tmp_path, "- id: MP999"), 'the modification "MP999" is not in data/modifications/')
    [problem] = [d for d in record.problems if d.code == "unknown-modification"]
    assert "data/modifications/MP999.yaml" in problem.hint


def test_a_waiver_naming_an_unknown_requirement_suggests_the_closest(tmp_path):
    waiver = {"requirement": "d10-8d-release-cost-reveiw", "decided": "2019-03-01", "by": "Panel", "reason": "Not practicable."}
    record = _load(tmp_path, complete_release(waivers=[waiver]))
    [problem] = [d for d in record.problems if d.severity.value == "error"]
    assert (problem.code, problem.location.file, problem.location.line) == ("unknown-requirement", FILE, _line_of(tmp_path, "requirement: d10-8d-release-cost-reveiw"))
    assert problem.message == 'the waiver names "d10-8d-release-cost-reveiw", which is not a requirement in the rulebook'
    assert problem.hint.startswith('did you mean "d10-8d-release-cost-review"? ')


def _load_with_page(tmp_path, kind: str, page: str):
    root = write_project(tmp_path / "p", [complete_release()])
    path = root / FILE
    path.write_text(path.read_text().replace(f"page: releases/2019-11/{kind.replace('_', '-')}.md", f"page: {page}", 1))
    return load_record(load_project(root))


def test_a_document_page_that_does_not_exist(tmp_path):
    record = _load_with_page(tmp_path, "implementation_document", "releases/2019-11/missing.md")
    assert _errors(record) == [(
        "missing-page", FILE, _line_of(tmp_path, "page: releases/2019-11/missing.md"), 'the page "releases/2019-11/missing.md" does not exist under content/',
    )]
    assert "2019-11" not in record.releases


def test_a_document_page_outside_the_content_folder(tmp_path):
    record = _load_with_page(tmp_path, "testing_approach", "../mkdocs.md")
    [(code, file, line, _)] = _errors(record)
    assert (code, file, line) == ("page-path", FILE, _line_of(tmp_path, "page: ../mkdocs.md"))
    assert "2019-11" not in record.releases
