"""core.baseline, a published site as the baseline: its data/*.json read back into a snapshot.

Fast: each test writes a few JSON files to a temporary folder; no build, no git.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sec_release.core.baseline import BaselineError, _read_json, load_baseline, site_data_dir, snapshot_from_site
from sec_release.core.project import ProjectConfig

AS_OF = date(2020, 3, 1)


def write_json(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def site(root: Path, releases=None, modifications=None, compliance=None, **top) -> Path:
    """A published site at ``root``: data/releases.json and, when given, the other two exports."""
    write_json(root / "data" / "releases.json", {"schema_version": 2, "releases": releases or [], **top})
    if modifications is not None:
        write_json(root / "data" / "modifications.json", {"schema_version": 2, "modifications": modifications})
    if compliance is not None:
        write_json(root / "data" / "compliance.json", {"schema_version": 2, **compliance})
    return root


def failure(call, *args) -> str:
    with pytest.raises(BaselineError) as caught:
        call(*args)
    return str(caught.value)


# --- where the data is ---

def test_the_data_folder_is_found_from_the_site_or_from_itself(tmp_path):
    site(tmp_path / "site")
    assert site_data_dir(tmp_path / "site") == tmp_path / "site" / "data"
    assert site_data_dir(tmp_path / "site" / "data") == tmp_path / "site" / "data"


def test_a_site_whose_own_folder_and_data_folder_both_hold_releases_is_read_from_data(tmp_path):
    site(tmp_path)
    write_json(tmp_path / "releases.json", {"schema_version": 2, "releases": []})
    assert site_data_dir(tmp_path) == tmp_path / "data"


def test_a_folder_without_releases_json_is_not_a_site(tmp_path):
    (tmp_path / "data" / "releases.json").mkdir(parents=True)  # a folder of that name is not the export
    assert site_data_dir(tmp_path) is None
    assert site_data_dir(tmp_path / "data") is None
    assert failure(snapshot_from_site, tmp_path) == f"{tmp_path} holds no data/releases.json: not a published site"


# --- what is read ---

def test_every_published_release_is_read_by_its_id_with_its_data_as_published(tmp_path):
    first = {"id": "2019-11", "title": "November 2019", "go_live": "2019-11-29"}
    second = {"id": "2020-02", "title": "February 2020", "go_live": "2020-02-27"}
    snapshot = snapshot_from_site(site(tmp_path, [first, second]))
    assert snapshot.releases == {"2019-11": first, "2020-02": second}
    assert list(snapshot.releases) == ["2019-11", "2020-02"]


def test_release_entries_without_a_text_id_are_left_out(tmp_path):
    kept = {"id": "2019-11"}
    snapshot = snapshot_from_site(site(tmp_path, [kept, {"id": 2019}, {"title": "no id"}, "2020-02", None]))
    assert snapshot.releases == {"2019-11": kept}


def test_a_site_whose_release_list_is_null_has_no_releases(tmp_path):
    write_json(tmp_path / "data" / "releases.json", {"schema_version": 1, "releases": None})
    snapshot = snapshot_from_site(tmp_path)
    assert snapshot.releases == {}
    assert snapshot.modifications == {} and snapshot.results == {} and snapshot.requirements == {}
    assert snapshot.as_of is None and snapshot.documents is None and snapshot.problems == 0


def test_modifications_are_read_by_id_and_entries_without_a_text_id_left_out(tmp_path):
    mp071 = {"id": "MP071", "title": "Modification MP071", "stage": "implemented"}
    mp104 = {"id": "MP104", "title": "Modification MP104"}
    root = site(tmp_path, modifications=[mp071, {"id": None}, ["MP999"], mp104])
    assert snapshot_from_site(root).modifications == {"MP071": mp071, "MP104": mp104}


def test_a_null_modification_list_reads_as_none(tmp_path):
    root = site(tmp_path)
    write_json(root / "data" / "modifications.json", {"schema_version": 2, "modifications": None})
    assert snapshot_from_site(root).modifications == {}


def test_compliance_results_are_read_with_their_date_status_and_requirements(tmp_path):
    compliance = {
        "as_of": "2020-03-01",
        "results": [
            {"release_id": "2019-11", "requirement_id": "D10.4-test-approach", "status": "met",
             "clause": "D10.4(a)", "title": "Testing approach consulted on"},
            {"release_id": "2020-02", "requirement_id": "D10.4-test-approach", "status": "gap",
             "clause": "D10.4(b)", "title": "A later title is not kept"},
            {"release_id": None, "requirement_id": "D10.2-policy", "status": "not_due"},
        ],
    }
    snapshot = snapshot_from_site(site(tmp_path, compliance=compliance))
    assert snapshot.as_of == date(2020, 3, 1)
    assert snapshot.results == {
        ("2019-11", "D10.4-test-approach"): "met",
        ("2020-02", "D10.4-test-approach"): "gap",
        (None, "D10.2-policy"): "not_due",
    }
    # The first result of a requirement gives its clause and title; absent ones are empty text.
    assert snapshot.requirements == {
        "D10.4-test-approach": ("D10.4(a)", "Testing approach consulted on"),
        "D10.2-policy": ("", ""),
    }
    assert list(snapshot.requirements) == ["D10.4-test-approach", "D10.2-policy"]


def test_compliance_entries_without_a_text_requirement_are_left_out(tmp_path):
    compliance = {"as_of": "2020-03-01", "results": [
        "met", {"release_id": "2019-11", "requirement_id": 7, "status": "met"},
        {"release_id": "2019-11", "status": "met"},
        {"release_id": "2019-11", "requirement_id": "R1", "status": "met"},
    ]}
    snapshot = snapshot_from_site(site(tmp_path, compliance=compliance))
    assert snapshot.results == {("2019-11", "R1"): "met"}
    assert snapshot.requirements == {"R1": ("", "")}


def test_a_status_that_is_not_text_is_read_as_text(tmp_path):
    compliance = {"as_of": "2020-03-01", "results": [{"release_id": "2019-11", "requirement_id": "R1", "status": 1}]}
    assert snapshot_from_site(site(tmp_path, compliance=compliance)).results == {("2019-11", "R1"): "1"}


def test_compliance_without_a_valid_date_has_no_as_of(tmp_path):
    assert snapshot_from_site(site(tmp_path / "a", compliance={"as_of": "2020-02-30", "results": []})).as_of is None
    assert snapshot_from_site(site(tmp_path / "b", compliance={"results": None})).as_of is None


def test_a_site_without_compliance_has_no_results_and_no_as_of(tmp_path):
    snapshot = snapshot_from_site(site(tmp_path, modifications=[]))
    assert snapshot.results == {} and snapshot.requirements == {} and snapshot.as_of is None


def test_the_label_names_the_site_and_the_day_it_was_built(tmp_path):
    root = site(tmp_path, generated_at="2020-03-01T09:30:00+00:00")
    assert snapshot_from_site(root).label == f"the published site at {root} (built 2020-03-01)"


def test_the_label_of_a_site_without_a_build_time_names_the_site_only(tmp_path):
    assert snapshot_from_site(site(tmp_path / "a")).label == f"the published site at {tmp_path / 'a'}"
    root = site(tmp_path / "b", generated_at="")
    assert snapshot_from_site(root).label == f"the published site at {root}"


def test_a_site_has_no_document_texts_to_compare(tmp_path):
    snapshot = snapshot_from_site(site(tmp_path, [{"id": "2019-11"}]))
    assert snapshot.documents is None
    assert snapshot.release_files == {} and snapshot.policy_page is None and snapshot.problems == 0


# --- exports that cannot be read ---

def test_an_export_that_is_not_json_is_named_with_the_reason(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "releases.json").write_text("<html>", encoding="utf-8")
    assert failure(snapshot_from_site, tmp_path) == (
        f"{tmp_path / 'data' / 'releases.json'} cannot be read as JSON: Expecting value: line 1 column 1 (char 0)"
    )


def test_an_export_that_is_not_utf8_is_named_with_the_reason(tmp_path):
    root = site(tmp_path)
    (root / "data" / "modifications.json").write_bytes(b"\xff{}")
    assert failure(snapshot_from_site, root) == (
        f"{root / 'data' / 'modifications.json'} cannot be read as JSON: "
        "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
    )


def test_an_export_that_is_not_an_object_is_refused(tmp_path):
    root = site(tmp_path)
    write_json(root / "data" / "compliance.json", [{"schema_version": 2}])
    assert failure(snapshot_from_site, root) == f"{root / 'data' / 'compliance.json'}: expected a JSON object"


@pytest.mark.parametrize("version", [None, 0, 3, "2"])
def test_an_export_of_a_schema_version_this_version_does_not_read_is_refused(tmp_path, version):
    path = write_json(tmp_path / "data" / "releases.json", {"schema_version": version, "releases": []})
    assert failure(snapshot_from_site, tmp_path) == (
        f"{path}: schema_version {version!r} is not one this version reads (1, 2)"
    )


def test_an_export_without_a_schema_version_is_refused(tmp_path):
    path = write_json(tmp_path / "data" / "releases.json", {"releases": []})
    assert failure(snapshot_from_site, tmp_path) == f"{path}: schema_version None is not one this version reads (1, 2)"


@pytest.mark.parametrize("version", [1, 2])
def test_exports_of_schema_versions_one_and_two_are_read(tmp_path, version):
    write_json(tmp_path / "data" / "releases.json", {"schema_version": version, "releases": [{"id": "2019-11"}]})
    assert snapshot_from_site(tmp_path).releases == {"2019-11": {"id": "2019-11"}}


def test_an_export_that_vanished_is_named_as_missing(tmp_path):
    path = tmp_path / "data" / "releases.json"
    assert failure(_read_json, path) == f"{path} does not exist: the published site has no such export"


# --- load_baseline: which kind of baseline a folder is ---

def project_config(root: Path) -> ProjectConfig:
    return ProjectConfig(root=root)


def test_no_baseline_named_is_refused_with_what_to_give(tmp_path):
    for spec in ("", "   "):
        assert failure(load_baseline, spec, project_config(tmp_path), AS_OF) == (
            "no baseline given: name a git ref (origin/main) or a folder"
        )


def test_a_site_folder_given_with_spaces_around_is_read(tmp_path):
    root = site(tmp_path / "published", [{"id": "2019-11"}])
    snapshot = load_baseline(f"  {root}\n", project_config(tmp_path), AS_OF)
    assert snapshot.label == f"the published site at {root}"
    assert snapshot.releases == {"2019-11": {"id": "2019-11"}}


def test_the_data_folder_of_a_site_is_a_baseline_too(tmp_path):
    root = site(tmp_path / "published", [{"id": "2019-11"}])
    snapshot = load_baseline(str(root / "data"), project_config(tmp_path), AS_OF)
    assert snapshot.label == f"the published site at {root / 'data'}"
    assert list(snapshot.releases) == ["2019-11"]


def test_a_relative_folder_is_found_from_the_working_directory_first(tmp_path, monkeypatch):
    site(tmp_path / "here" / "published", [{"id": "from-cwd"}])
    site(tmp_path / "project" / "published", [{"id": "from-project"}])
    monkeypatch.chdir(tmp_path / "here")
    snapshot = load_baseline("published", project_config(tmp_path / "project"), AS_OF)
    assert list(snapshot.releases) == ["from-cwd"]
    assert snapshot.label == f"the published site at {tmp_path / 'here' / 'published'}"


def test_a_relative_folder_is_found_from_the_project_when_not_in_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    site(tmp_path / "project" / "published", [{"id": "from-project"}])
    monkeypatch.chdir(tmp_path / "here")
    snapshot = load_baseline("published", project_config(tmp_path / "project"), AS_OF)
    assert list(snapshot.releases) == ["from-project"]
    assert snapshot.label == f"the published site at {tmp_path / 'project' / 'published'}"


def test_a_relative_file_of_that_name_in_the_working_directory_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "published").write_text("not a folder", encoding="utf-8")
    site(tmp_path / "project" / "published", [{"id": "from-project"}])
    monkeypatch.chdir(tmp_path / "here")
    assert list(load_baseline("published", project_config(tmp_path / "project"), AS_OF).releases) == ["from-project"]


def test_a_folder_that_is_neither_a_project_nor_a_site_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    spec = str(tmp_path / "empty")
    assert failure(load_baseline, spec, project_config(tmp_path), AS_OF) == (
        f"{spec} is a folder but neither a project (mkdocs.yml) nor a published site (data/releases.json)"
    )


def test_a_folder_holding_a_folder_named_mkdocs_yml_is_not_a_project(tmp_path):
    (tmp_path / "odd" / "mkdocs.yml").mkdir(parents=True)
    site(tmp_path / "odd", [{"id": "2019-11"}])
    assert list(load_baseline(str(tmp_path / "odd"), project_config(tmp_path), AS_OF).releases) == ["2019-11"]
