"""What loading the record keeps, counts and reports, file by file.

Files that do not parse are named and listed as unread while the others are
still read; the parties file and the rulebook refuse what they cannot hold;
the record keeps modifications in id order and releases in go-live order.
In-process (``load_record``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import PARTIES, complete_release, modification, write_project

POLICY = "content/policy/release-management-policy.md"
IMPLEMENTATION = "content/releases/2019-11/implementation-document.md"
TESTING = "content/releases/2019-11/testing-approach.md"


def _load(root: Path):
    return load_record(load_project(root))


def _line(root: Path, file: str, needle: str, occurrence: int = 1) -> int:
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if needle in line][occurrence - 1]


def _problems(record) -> list[tuple[str, int, str, str, str]]:
    return [(d.location.file, d.location.line, d.code, d.message, d.hint) for d in record.problems]


def test_every_file_read_is_counted_once_in_the_order_it_was_read(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP072"), modification("MP071")], parties=PARTIES)
    record = _load(root)
    assert _problems(record) == []
    assert record.checked_files == [
        "data/rulebook/d10.yaml", "data/parties.yaml",
        "data/modifications/MP071.yaml", "data/modifications/MP072.yaml",
        "data/releases/2019-11.yaml", IMPLEMENTATION, TESTING, POLICY,
    ]
    assert record.files_checked == 8
    assert record.unread_files == []


def test_a_document_two_releases_share_is_read_once(tmp_path):
    first = complete_release()
    second = complete_release("2020-02", "2020-02-27")
    second["implementation_document"]["page"] = first["implementation_document"]["page"]
    root = write_project(tmp_path / "p", [first, second])
    record = _load(root)
    assert _problems(record) == []
    assert record.checked_files.count(IMPLEMENTATION) == 1
    assert record.document_for(record.releases["2020-02"], "implementation_document") is record.document_for(record.releases["2019-11"], "implementation_document")


def test_a_modification_file_that_does_not_parse_is_named_listed_as_unread_and_the_rest_still_load(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP070"), modification("MP071")])
    (root / "data/modifications/MP070.yaml").write_text("", encoding="utf-8")  # read first
    record = _load(root)
    assert _problems(record) == [("data/modifications/MP070.yaml", 1, "empty-file", "the file is empty", "fill it in, or delete it")]
    assert record.unread_files == ["data/modifications/MP070.yaml"]
    assert "data/modifications/MP070.yaml" in record.checked_files
    assert list(record.modifications) == ["MP071"]
    assert list(record.releases) == ["2019-11"]


def test_a_release_naming_a_modification_file_that_does_not_parse_waits_without_a_second_message(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/modifications/MP071.yaml").write_text("", encoding="utf-8")
    record = _load(root)
    assert [p[2] for p in _problems(record)] == ["empty-file"]
    assert record.releases == {}


def test_a_release_file_that_does_not_parse_is_listed_as_unread(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/releases/2019-11.yaml").write_text("", encoding="utf-8")
    record = _load(root)
    assert _problems(record) == [("data/releases/2019-11.yaml", 1, "empty-file", "the file is empty", "fill it in, or delete it")]
    assert record.unread_files == ["data/releases/2019-11.yaml"]
    assert record.releases == {} and list(record.modifications) == ["MP071"]


def test_a_release_file_holding_a_list_is_refused_by_its_schema_only(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/releases/2019-11.yaml").write_text("- id: 2019-11\n", encoding="utf-8")
    record = _load(root)
    assert [(file, code) for file, _, code, _, _ in _problems(record)] == [("data/releases/2019-11.yaml", "schema")]
    assert record.releases == {}
    assert record.unread_files == []


def test_a_release_with_a_schema_error_still_has_its_references_checked(tmp_path):
    release = complete_release(status="finished", modifications=[{"id": "MP071", "status": "implemented"}, {"id": "MP999", "status": "targeted"}])
    root = write_project(tmp_path / "p", [release])
    found = [(line, code) for file, line, code, _, _ in _problems(_load(root))]
    assert found == [
        (_line(root, "data/releases/2019-11.yaml", "status: finished"), "not-allowed"),
        (_line(root, "data/releases/2019-11.yaml", "- id: MP999"), "unknown-modification"),
    ]


def test_a_modification_whose_id_differs_from_its_file_name_is_not_kept(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071"), modification("MP072")])
    (root / "data/modifications/MP072.yaml").rename(root / "data/modifications/MP070.yaml")  # read first
    record = _load(root)
    assert _problems(record) == [(
        "data/modifications/MP070.yaml", 1, "id-mismatch", 'the id "MP072" differs from the file name "MP070.yaml"',
        "rename the file to MP072.yaml, or change the id to MP070",
    )]
    assert str(record.problems[0].location) == "data/modifications/MP070.yaml:1:5"  # at the id written in the file
    assert list(record.modifications) == ["MP071"]


def test_a_yml_release_file_is_named_and_its_release_not_loaded(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/releases/2019-11.yaml").rename(root / "data/releases/2019-11.yml")
    record = _load(root)
    assert _problems(record) == [("data/releases/2019-11.yml", 1, "file-name", "record files end in .yaml, not .yml", "rename it to 2019-11.yaml")]
    assert record.releases == {}
    assert "data/releases/2019-11.yml" not in record.checked_files


def test_a_missing_releases_folder_says_to_create_it_and_the_modifications_still_load(tmp_path):
    root = write_project(tmp_path / "p", releases=[])
    (root / "data/releases").rmdir()
    record = _load(root)
    assert _problems(record) == [("data/releases", 1, "missing-folder", "the folder data/releases/ does not exist", "create it, or set data_dir in mkdocs.yml")]
    assert list(record.modifications) == ["MP071"]


def test_an_unpublishable_link_in_a_modification_is_reported_at_its_line(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP071", summary="See [the form](javascript:alert(1)).")])
    record = _load(root)
    assert [(file, line, code) for file, line, code, _, _ in _problems(record)] == [
        ("data/modifications/MP071.yaml", _line(root, "data/modifications/MP071.yaml", "javascript:"), "unsafe-link"),
    ]


def test_a_part_of_the_sec_written_two_ways_is_reported_at_the_second_spelling(tmp_path):
    mods = [modification("MP071", sec_documents=["Section H (DCC Services)"]), modification("MP072", sec_documents=["Section H"])]
    root = write_project(tmp_path / "p", modifications=mods)
    assert _problems(_load(root)) == [(
        "data/modifications/MP072.yaml", _line(root, "data/modifications/MP072.yaml", "- Section H"), "sec-document-name",
        '"Section H" names Section H, which MP071 writes as "Section H (DCC Services)"',
        'write "Section H (DCC Services)" here too (or change both): the site lists one page per name',
    )]


def test_hidden_files_beside_the_record_files_are_skipped(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/modifications/._MP071.yaml").write_bytes(b"\x00\x05\x16\x07")  # a macOS resource fork
    (root / "data/releases/.2019-11.yaml").write_text("", encoding="utf-8")
    record = _load(root)
    assert _problems(record) == []
    assert list(record.modifications) == ["MP071"] and list(record.releases) == ["2019-11"]


# --- the parties file ----------------------------------------------------------

def test_a_party_listed_twice_is_reported_at_the_second_and_the_first_is_kept(tmp_path):
    parties = PARTIES[:1] + [{"id": "large-suppliers", "label": "Large Suppliers again", "description": "A second list."}] + PARTIES[1:]
    root = write_project(tmp_path / "p", parties=parties)
    record = _load(root)
    assert _problems(record) == [(
        "data/parties.yaml", _line(root, "data/parties.yaml", "- id: large-suppliers", 2), "duplicate-party",
        'the party id "large-suppliers" is listed twice', "list each category once",
    )]
    assert record.problems[0].location.col == 7  # at the repeated id itself
    assert list(record.parties) == ["large-suppliers", "small-suppliers", "dcc"]
    assert record.parties["large-suppliers"].label == "Large Suppliers"


def test_a_parties_file_with_a_schema_error_holds_no_parties(tmp_path):
    root = write_project(tmp_path / "p", parties=[{"id": "dcc", "label": "DCC"}])
    record = _load(root)
    assert [(file, code) for file, _, code, _, _ in _problems(record)] == [("data/parties.yaml", "missing-key")]
    assert record.parties == {}
    assert record.unread_files == []


def test_a_parties_file_that_does_not_parse_is_listed_as_unread(tmp_path):
    root = write_project(tmp_path / "p", parties=PARTIES)
    (root / "data/parties.yaml").write_text("", encoding="utf-8")
    record = _load(root)
    assert _problems(record) == [("data/parties.yaml", 1, "empty-file", "the file is empty", "fill it in, or delete it")]
    assert record.unread_files == ["data/parties.yaml"]
    assert record.parties == {}


def test_without_a_parties_file_nothing_is_read_for_it(tmp_path):
    record = _load(write_project(tmp_path / "p"))
    assert "data/parties.yaml" not in record.checked_files
    assert record.parties == {}


# --- the rulebook --------------------------------------------------------------

def _rulebook_with(root: Path, old: str, new: str) -> None:
    path = root / "data/rulebook/d10.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rulebook_requirement_id_used_twice_is_reported_and_the_rulebook_not_used(tmp_path):
    root = write_project(tmp_path / "p")
    _rulebook_with(root, "  - id: d10-7-release-formulation", "  - id: d10-7-policy")
    record = _load(root)
    assert _problems(record)[0] == (
        "data/rulebook/d10.yaml", _line(root, "data/rulebook/d10.yaml", "- id: d10-7-policy", 2), "rulebook",
        'the requirement id "d10-7-policy" is used twice', "ids must be unique; they appear in waivers and URLs",
    )
    assert record.rulebook is None


def test_a_rulebook_meaning_problem_is_reported_beside_another_entrys_schema_error(tmp_path):
    root = write_project(tmp_path / "p")
    _rulebook_with(root, "applies_to: policy", "applies_to: everything")  # the first entry, d10-7-policy
    _rulebook_with(root, "  - id: d10-8-scope-monitoring", "  - id: d10-7-release-formulation")
    found = [(line, code) for file, line, code, _, _ in _problems(_load(root)) if file == "data/rulebook/d10.yaml"]
    assert found == [
        (_line(root, "data/rulebook/d10.yaml", "applies_to: everything"), "not-allowed"),
        (_line(root, "data/rulebook/d10.yaml", "- id: d10-7-release-formulation", 2), "rulebook"),
    ]


def test_a_rulebook_that_does_not_parse_is_listed_as_unread_and_the_record_still_loads(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/rulebook/d10.yaml").write_text("", encoding="utf-8")
    record = _load(root)
    assert _problems(record) == [("data/rulebook/d10.yaml", 1, "empty-file", "the file is empty", "fill it in, or delete it")]
    assert record.unread_files == ["data/rulebook/d10.yaml"]
    assert record.rulebook is None
    assert list(record.releases) == ["2019-11"]


def test_a_rulebook_without_requirements_is_refused_by_its_schema(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/rulebook/d10.yaml").write_text("schema_version: 1\ntitle: SEC Section D10\ncode: Section D10\n", encoding="utf-8")
    record = _load(root)
    assert [(file, code) for file, _, code, _, _ in _problems(record)] == [("data/rulebook/d10.yaml", "missing-key")]
    assert record.rulebook is None


def test_a_rulebook_file_holding_a_list_is_refused_by_its_schema(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/rulebook/d10.yaml").write_text("- id: d10-7-policy\n", encoding="utf-8")
    record = _load(root)
    assert [(file, code) for file, _, code, _, _ in _problems(record)] == [("data/rulebook/d10.yaml", "schema")]
    assert record.rulebook is None


def test_a_problem_with_a_whole_file_is_placed_at_its_first_line_and_column(tmp_path):
    root = write_project(tmp_path / "p", releases=[], modifications=[modification("MP071")])
    (root / "data/releases").rmdir()
    (root / "data/modifications/MP071.yaml").rename(root / "data/modifications/MP071.yml")
    (root / "data/modifications/MP072.yaml").mkdir()
    (root / "data/modifications/MP073.yaml").write_text("", encoding="utf-8")
    (root / "data/rulebook/d10.yaml").unlink()
    assert sorted(f"{d.location}: {d.code}" for d in _load(root).problems) == [
        "data/modifications/MP071.yml:1:1: file-name",
        "data/modifications/MP072.yaml:1:1: file-name",
        "data/modifications/MP073.yaml:1:1: empty-file",
        "data/releases:1:1: missing-folder",
        "data/rulebook/d10.yaml:1:1: rulebook",
    ]


def test_a_valid_rulebook_is_kept_and_named_as_its_file(tmp_path):
    record = _load(write_project(tmp_path / "p"))
    assert record.rulebook is not None
    assert "d10-7-policy" in record.rulebook.by_id()
    assert record.rulebook_file == "data/rulebook/d10.yaml"


# --- what the record keeps ------------------------------------------------------

def test_modifications_are_kept_in_id_order_with_their_files(tmp_path):
    root = write_project(tmp_path / "p", modifications=[modification("MP073"), modification("MP071"), modification("MP072")])
    record = _load(root)
    assert list(record.modifications) == ["MP071", "MP072", "MP073"]
    assert record.modification_files == {f"MP07{n}": f"data/modifications/MP07{n}.yaml" for n in (1, 2, 3)}


def test_releases_going_live_on_the_same_day_are_in_id_order(tmp_path):
    ad_hoc = complete_release("2019-11-b", "2019-11-29", kind="ad-hoc")
    scheduled = complete_release("2019-11", "2019-11-29")
    other = complete_release("2019-11-a", "2019-11-29", kind="ad-hoc")
    record = _load(write_project(tmp_path / "p", [ad_hoc, scheduled, other]))
    assert [p for p in _problems(record) if p[2] != "go-live-month"] == []
    assert list(record.releases) == ["2019-11", "2019-11-a", "2019-11-b"]


def test_a_release_going_live_one_day_earlier_comes_first(tmp_path):
    later = complete_release("2019-11", "2019-11-29")
    earlier = complete_release("2019-11-a", "2019-11-28", kind="ad-hoc")
    record = _load(write_project(tmp_path / "p", [later, earlier]))
    assert list(record.releases) == ["2019-11-a", "2019-11"]
    assert list(record.release_files) == ["2019-11-a", "2019-11"]


def test_a_release_source_maps_its_fields_to_lines(tmp_path):
    root = write_project(tmp_path / "p")
    record = _load(root)
    source = record.release_source("2019-11")
    assert source.locate(("go_live",)).line == _line(root, "data/releases/2019-11.yaml", "go_live:")
    assert source.locate(("go_live",)).file == "data/releases/2019-11.yaml"


def test_a_document_is_kept_with_the_digest_of_its_text(tmp_path):
    root = write_project(tmp_path / "p")
    record = _load(root)
    page = "releases/2019-11/testing-approach.md"
    text = (root / "content" / page).read_text(encoding="utf-8")
    assert record.documents[page].page == page
    assert record.document_digests[page] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert record.document_for(record.releases["2019-11"], "testing_approach") is record.documents[page]


def test_a_release_without_a_testing_approach_has_no_document_for_it(tmp_path):
    release = complete_release()
    del release["testing_approach"]
    record = _load(write_project(tmp_path / "p", [release]))
    assert record.document_for(record.releases["2019-11"], "testing_approach") is None


# --- the Policy page -----------------------------------------------------------

def test_the_policy_front_matter_is_read_from_the_policy_page(tmp_path):
    record = _load(write_project(tmp_path / "p"))
    assert record.policy is record.documents["policy/release-management-policy.md"]
    assert record.policy_front_matter.version == "1.0"


def test_a_policy_version_not_written_as_numbers_is_reported_on_its_line(tmp_path):
    root = write_project(tmp_path / "p", policy="---\ntitle: Policy\nversion: one\n---\n# Policy\n")
    record = _load(root)
    assert [(file, line) for file, line, code, _, _ in _problems(record) if file == POLICY and code != "missing-section"][:1] == [(POLICY, 3)]
    assert record.policy_front_matter is None


def test_without_a_policy_page_nothing_is_read_for_it(tmp_path):
    record = _load(write_project(tmp_path / "p", policy=None))
    assert record.policy is None
    assert record.policy_front_matter is None
    assert POLICY not in record.checked_files


def test_an_empty_policy_page_is_listed_as_unread(tmp_path):
    record = _load(write_project(tmp_path / "p", policy=""))
    assert (POLICY, 1, "empty-file", "the file is empty", "fill it in, or delete it") in _problems(record)
    assert record.unread_files == [POLICY]
    assert record.policy is None and record.policy_front_matter is None


def test_a_policy_page_that_links_outside_the_content_folder_is_never_read(tmp_path):
    root = write_project(tmp_path / "p")
    outside = tmp_path / "outside.md"
    outside.write_text((root / POLICY).read_text(encoding="utf-8"), encoding="utf-8")
    (root / POLICY).unlink()
    (root / POLICY).symlink_to(outside)
    record = _load(root)
    assert record.policy is None and record.policy_front_matter is None
    assert POLICY not in record.checked_files
    assert record.documents.keys() == {"releases/2019-11/implementation-document.md", "releases/2019-11/testing-approach.md"}
