"""The rules ``check-published`` applies, on two project folders and in-process (no git).

The published version is a snapshot of one folder; the new version is the
record loaded from another. tests/test_published_check.py checks the same
rules through the command and a git baseline.
"""

from __future__ import annotations

from datetime import date

from sec_release.core.check import check_project
from sec_release.core.compare import snapshot_from_record
from sec_release.core.diagnostics import Severity
from sec_release.core.project import load_project
from sec_release.core.published import check_published, record_errors
from tests.factory import complete_release, modification, write_project

AS_OF = date(2026, 11, 26)
FILE = "data/releases/2019-11.yaml"


def published() -> dict:
    return complete_release(amendments=[
        {"date": "2019-10-31", "summary": "First publication."},
        {"date": "2019-11-22", "summary": "Go-live decision recorded."},
    ])


def _findings(tmp_path, old_releases: list[dict], new_releases: list[dict]):
    old = check_project(load_project(write_project(tmp_path / "old", old_releases, [modification("MP071")])), AS_OF)
    new_root = write_project(tmp_path / "new", new_releases, [modification("MP071")])
    new = check_project(load_project(new_root), AS_OF)
    found = check_published(new.record, snapshot_from_record(old.record, old.evaluation, "published"))
    HINTS.clear()
    COLUMNS.clear()
    for d in found:
        assert (d.severity, d.release) == (Severity.ERROR, "2019-11"), d
        HINTS.append(d.hint)
        COLUMNS.append(d.location.col)
    return [(d.code, d.location.file, d.location.line, d.message) for d in found], new_root


HINTS: list[str] = []  # the hints of the last _findings call, in order
COLUMNS: list[int] = []  # and the columns of its locations


def _line(root, needle: str) -> int:
    return next(n for n, line in enumerate((root / FILE).read_text().splitlines(), 1) if needle in line)


def test_a_published_release_that_gains_a_field_without_an_amendment(tmp_path):
    grown = published() | {"external_auditor": {"appointed": "2019-07-01", "name": "Audit & Co"}}
    findings, root = _findings(tmp_path, [published()], [grown])
    assert findings == [(
        "published-unrecorded-change", FILE, _line(root, "external_auditor:"),
        "the published release 2019-11 changed (external_auditor) with no new amendments entry",
    )]
    assert HINTS == ["append an entry to amendments (date: and summary:) saying what changed and why"]


def test_a_published_release_that_gains_a_field_with_an_amendment(tmp_path):
    grown = published() | {"external_auditor": {"appointed": "2019-07-01", "name": "Audit & Co"}}
    grown["amendments"] = [*grown["amendments"], {"date": "2019-12-01", "summary": "External auditor recorded."}]
    assert _findings(tmp_path, [published()], [grown])[0] == []


def test_a_published_release_that_loses_a_field_without_an_amendment(tmp_path):
    shrunk = published()
    del shrunk["post_go_live_review"]
    findings, root = _findings(tmp_path, [published()], [shrunk])
    assert findings == [(
        "published-unrecorded-change", FILE, 1,
        "the published release 2019-11 changed (post_go_live_review) with no new amendments entry",
    )]


def test_the_first_changed_field_in_the_file_is_pointed_at(tmp_path):
    changed = published() | {"summary": "Reworded.", "sec_version": "6.22"}
    findings, root = _findings(tmp_path, [published()], [changed])
    [(code, file, line, message)] = findings
    assert (code, file, line) == ("published-unrecorded-change", FILE, _line(root, "sec_version:"))
    assert message == "the published release 2019-11 changed (sec_version, summary) with no new amendments entry"


def test_an_edited_amendment(tmp_path):
    edited = published()
    edited["amendments"][1]["summary"] = "Go-live decision recorded late."
    findings, root = _findings(tmp_path, [published()], [edited])
    assert [f[:3] for f in findings] == [("published-amendment-edited", FILE, _line(root, "- date: '2019-11-22'"))]
    assert HINTS == ["restore the published entries exactly as they were and append a new entry at the end of amendments"]
    assert findings[0][3] == (
        'amendments entry 2 of the published record was edited: it said "2019-11-22: Go-live decision recorded.", '
        'it now says "2019-11-22: Go-live decision recorded late."'
    )


def test_a_removed_amendment(tmp_path):
    cut = published()
    cut["amendments"] = cut["amendments"][:1]
    findings, root = _findings(tmp_path, [published()], [cut])
    assert findings == [(
        "published-amendment-removed", FILE, _line(root, "amendments:"),
        "amendments entry 2 of the published record (2019-11-22: Go-live decision recorded.) was removed",
    )]
    assert HINTS == ["restore it: the amendments of a published release are append-only; add a new entry to correct an old one"]


def test_an_amendment_inserted_before_published_ones(tmp_path):
    inserted = published()
    inserted["amendments"] = [inserted["amendments"][0], {"date": "2019-11-01", "summary": "Slipped in."}, inserted["amendments"][1]]
    findings, _ = _findings(tmp_path, [published()], [inserted])
    assert [f[0] for f in findings] == ["published-amendment-edited"]
    assert findings[0][3] == (
        "amendments entry 2 of the published record (2019-11-22: Go-live decision recorded.) "
        "is no longer in place: an entry was inserted or moved before it"
    )


def test_appending_amendments_is_allowed(tmp_path):
    appended = published()
    appended["amendments"] = [*appended["amendments"], {"date": "2019-12-02", "summary": "Typo fixed."}, {"date": "2019-12-02", "summary": "Second note."}]
    appended["summary"] = "Typo fixed."
    assert _findings(tmp_path, [published()], [appended])[0] == []


def test_a_deleted_published_release(tmp_path):
    other = complete_release("2020-02", "2020-02-27")
    findings, _ = _findings(tmp_path, [published(), other], [other])
    assert findings == [(
        "published-release-removed", FILE, 1, "the published release 2019-11 (Release 2019-11) is no longer in the record",
    )]
    assert HINTS == [
        f"restore {FILE}; a release that will not go ahead stays in the record with status: cancelled and an amendments entry saying why"
    ]
    assert COLUMNS == [1]  # the file as a whole


def test_a_published_release_turned_back_into_a_draft(tmp_path):
    findings, root = _findings(tmp_path, [published()], [published() | {"draft": True}])
    assert findings == [(
        "published-release-unpublished", FILE, _line(root, "draft: true"),
        "the release 2019-11 is published; setting draft: true would take it off the published record",
    )]
    assert HINTS == ["set draft: false; a release that will not go ahead is set to status: cancelled, with an amendments entry"]


def test_a_release_that_was_a_draft_is_exempt(tmp_path):
    draft = published() | {"draft": True}
    changed = draft | {"summary": "Rewritten freely.", "amendments": []}
    assert _findings(tmp_path, [draft], [changed])[0] == []
    assert _findings(tmp_path / "deleted", [draft, complete_release("2020-02", "2020-02-27")], [complete_release("2020-02", "2020-02-27")])[0] == []


def test_an_unchanged_record_is_intact(tmp_path):
    assert _findings(tmp_path, [published()], [published()])[0] == []


def test_a_long_amendment_is_quoted_shortened(tmp_path):
    long = "Go-live decision recorded, " + "with the Panel's full reasons " * 8
    old = published()
    old["amendments"][1]["summary"] = long
    removed = published()
    removed["amendments"] = removed["amendments"][:1]
    findings, _ = _findings(tmp_path, [old], [removed])
    quoted = " ".join(long.split())[:119] + "…"
    assert [f[3] for f in findings] == [f"amendments entry 2 of the published record (2019-11-22: {quoted}) was removed"]


def test_a_published_release_without_any_amendments(tmp_path):
    bare = complete_release(amendments=[])
    assert _findings(tmp_path, [bare], [bare])[0] == []
    changed = complete_release(amendments=[], summary="Reworded.")
    findings, _ = _findings(tmp_path / "changed", [bare], [changed])
    assert [f[0] for f in findings] == ["published-unrecorded-change"]
    explained = complete_release(summary="Reworded.", amendments=[{"date": "2019-12-01", "summary": "Summary reworded."}])
    assert _findings(tmp_path / "explained", [bare], [explained])[0] == []


def test_each_published_release_is_checked_whatever_comes_before_it(tmp_path):
    # Earlier in go-live order: a draft, a release turned back into a draft, a release whose file no longer loads.
    draft = complete_release("2019-05", "2019-05-30", draft=True)
    unpublished = complete_release("2019-06", "2019-06-27")
    broken = complete_release("2019-07", "2019-07-25")
    old = [draft, unpublished, broken, published()]
    new_root = write_project(tmp_path / "new", [draft, unpublished | {"draft": True}, broken, published() | {"summary": "Changed."}], [modification("MP071")])
    (new_root / "data/releases/2019-07.yaml").write_text("id: [\n")
    old_checked = check_project(load_project(write_project(tmp_path / "old", old, [modification("MP071")])), AS_OF)
    new_checked = check_project(load_project(new_root), AS_OF)
    found = check_published(new_checked.record, snapshot_from_record(old_checked.record, old_checked.evaluation, "published"))
    assert [(d.code, d.release) for d in found] == [("published-release-unpublished", "2019-06"), ("published-unrecorded-change", "2019-11")]
    assert [d.code for d in record_errors(new_checked.record)] == ["yaml-syntax"]


def test_a_baseline_that_does_not_say_where_its_files_are(tmp_path):
    # A published site's data says which releases there are, not which file each came from.
    old = check_project(load_project(write_project(tmp_path / "old", [published()], [modification("MP071")])), AS_OF)
    baseline = snapshot_from_record(old.record, old.evaluation, "published")
    baseline.release_files = {}
    other = complete_release("2020-02", "2020-02-27")
    new = check_project(load_project(write_project(tmp_path / "new", [other], [modification("MP071")])), AS_OF)
    [finding] = check_published(new.record, baseline)
    assert (finding.code, finding.location.file, finding.location.line) == ("published-release-removed", FILE, 1)


def test_a_long_title_of_a_removed_release_is_shortened(tmp_path):
    title = "T" * 121
    other = complete_release("2020-02", "2020-02-27")
    findings, _ = _findings(tmp_path, [published() | {"title": title}, other], [other])
    assert [f[3] for f in findings] == [f"the published release 2019-11 ({'T' * 119}…) is no longer in the record"]


def test_unchanged_date_changes_are_no_change(tmp_path):
    # Their "from" key is a Python keyword inside the model: both versions must be compared as written.
    moved = published() | {"date_changes": [{"from": "2019-11-07", "to": "2019-11-29", "by": "Authority"}]}
    assert _findings(tmp_path, [moved], [moved])[0] == []


def test_the_changed_field_pointed_at_is_the_first_in_the_file_not_the_first_by_name(tmp_path):
    changed = published() | {"title": "Renamed", "summary": "Reworded."}
    findings, root = _findings(tmp_path, [published()], [changed])
    [(code, _, line, message)] = findings
    assert (code, line) == ("published-unrecorded-change", _line(root, "title:"))
    assert message == "the published release 2019-11 changed (title, summary) with no new amendments entry"


def test_only_errors_are_the_record_errors(tmp_path):
    root = write_project(tmp_path / "p", [published()], [modification("MP071")])
    (root / "data/modifications/MP071.yaml").write_text("id: [\n")
    record = check_project(load_project(root), AS_OF).record
    assert record_errors(record) == [d for d in record.problems if d.severity is Severity.ERROR] != []


def test_every_deleted_published_release_is_reported(tmp_path):
    other = complete_release("2020-02", "2020-02-27")
    kept = complete_release("2020-06", "2020-06-25")
    findings, _ = _findings_any(tmp_path, [published(), other, kept], [kept])
    assert [(code, release) for code, release in findings] == [("published-release-removed", "2019-11"), ("published-release-removed", "2020-02")]


def _findings_any(tmp_path, old_releases, new_releases):
    old = check_project(load_project(write_project(tmp_path / "old", old_releases, [modification("MP071")])), AS_OF)
    new_root = write_project(tmp_path / "new", new_releases, [modification("MP071")])
    new = check_project(load_project(new_root), AS_OF)
    found = check_published(new.record, snapshot_from_record(old.record, old.evaluation, "published"))
    return [(d.code, d.release) for d in found], new_root
