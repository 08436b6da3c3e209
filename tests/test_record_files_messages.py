"""What the loader says about the record's files themselves: their names, where they are, whose id they hold.

In-process (``load_record``): the exact message, hint and place, as an editor
reads them in `sec-release validate`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sec_release.core.project import load_project
from sec_release.core.record import load_record
from tests.factory import complete_release, write_project


def _problems(root: Path) -> list[tuple[str, int, str, str, str]]:
    record = load_record(load_project(root))
    return [(d.location.file, d.location.line, d.code, d.message, d.hint) for d in record.problems]


def test_a_yml_file_is_named_and_not_read(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/modifications/MP071.yaml").rename(root / "data/modifications/MP071.yml")
    found = _problems(root)
    assert ("data/modifications/MP071.yml", 1, "file-name", "record files end in .yaml, not .yml", "rename it to MP071.yaml") in found


def test_a_folder_named_like_a_record_file_is_reported_and_hidden_files_are_skipped(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/modifications/MP099.yaml").mkdir()
    (root / "data/modifications/.MP071.yaml.swp").write_text("x: [", encoding="utf-8")
    (root / "data/modifications/notes.txt").write_text("x: [", encoding="utf-8")
    assert _problems(root) == [
        ("data/modifications/MP099.yaml", 1, "file-name", "MP099.yaml is not a regular file", "replace it with a plain YAML file, or remove it"),
    ]


def test_a_missing_record_folder_says_to_create_it(tmp_path):
    root = write_project(tmp_path / "p", releases=[], modifications=[])
    (root / "data/modifications").rmdir()
    assert ("data/modifications", 1, "missing-folder", "the folder data/modifications/ does not exist", "create it, or set data_dir in mkdocs.yml") in _problems(root)


def test_an_id_that_differs_from_the_file_name_offers_both_fixes(tmp_path):
    root = write_project(tmp_path / "p")
    path = root / "data/modifications/MP071.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: MP071", "id: MP072"), encoding="utf-8")
    found = [p for p in _problems(root) if p[2] == "id-mismatch"]
    assert found == [("data/modifications/MP071.yaml", 1, "id-mismatch", 'the id "MP072" differs from the file name "MP071.yaml"',
                      "rename the file to MP072.yaml, or change the id to MP071")]


def test_a_missing_rulebook_says_where_it_should_be(tmp_path):
    root = write_project(tmp_path / "p")
    (root / "data/rulebook/d10.yaml").unlink()
    record = load_record(load_project(root))
    assert record.rulebook is None
    assert [(d.location.file, d.location.line, d.code, d.message, d.hint) for d in record.problems] == [
        ("data/rulebook/d10.yaml", 1, "rulebook", "the rulebook file does not exist", "set rulebook in mkdocs.yml, or restore data/rulebook/d10.yaml"),
    ]


@pytest.mark.parametrize(("page", "example"), [
    ("./releases/2019-11/implementation-document.md", "releases/2019-11/implementation-document.md"),
    ("releases//2019-11/implementation-document.md", "releases/2019-11/implementation-document.md"),
    ("releases\\2019-11\\implementation-document.md", "releases/2019-11/implementation-document.md"),
    ("/releases/2019-11/implementation-document.md", "releases/2019-11/implementation-document.md"),
    ("../outside.md", "releases/2019-11/implementation-document.md"),
    ("c:releases/x.md", "releases/2019-11/implementation-document.md"),
    ("releases/2019-11/implementation-document.txt", "releases/2019-11/implementation-document.md"),
], ids=["dot-slash", "double-slash", "backslashes", "absolute", "parent-folder", "colon", "not-markdown"])
def test_a_page_path_not_written_the_plain_way_is_refused_with_the_plain_spelling(tmp_path, page, example):
    root = write_project(tmp_path / "p", [complete_release(implementation_document={"page": "releases/2019-11/implementation-document.md", "version": "1.0"})])
    path = root / "data/releases/2019-11.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("page: releases/2019-11/implementation-document.md", f"page: '{page}'", 1), encoding="utf-8")
    found = [p for p in _problems(root) if p[2] == "page-path"]
    assert found == [("data/releases/2019-11.yaml", 20, "page-path", f'the page "{page}" is not a Markdown file path inside content/ written the plain way',
                      f"write a path relative to content/ with / between folders and no ./, // or .., e.g. {example}")]


def test_a_page_that_does_not_exist_suggests_a_page_beside_it(tmp_path):
    root = write_project(tmp_path / "p")
    path = root / "data/releases/2019-11.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("page: releases/2019-11/implementation-document.md", "page: releases/2019-11/implementation-documnet.md"), encoding="utf-8")
    found = [p[3:] for p in _problems(root) if p[2] == "missing-page"]
    assert found == [('the page "releases/2019-11/implementation-documnet.md" does not exist under content/',
                      'did you mean "releases/2019-11/implementation-document.md"? correct the path, or create content/releases/2019-11/implementation-documnet.md')]
    (root / "content/releases/2019-11/implementation-document.md").unlink()
    (root / "content/releases/2019-11/testing-approach.md").unlink()
    found = [p[3:] for p in _problems(root) if p[2] == "missing-page"]
    assert found[0][1] == "create content/releases/2019-11/implementation-documnet.md, or correct the path"


def test_a_page_in_a_folder_that_does_not_exist_is_simply_to_be_created(tmp_path):
    root = write_project(tmp_path / "p")
    path = root / "data/releases/2019-11.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("page: releases/2019-11/implementation-document.md", "page: nowhere/implementation-document.md"), encoding="utf-8")
    found = [p[3:] for p in _problems(root) if p[2] == "missing-page"]
    assert found == [('the page "nowhere/implementation-document.md" does not exist under content/', "create content/nowhere/implementation-document.md, or correct the path")]


def test_a_page_that_links_outside_the_content_folder_is_refused(tmp_path):
    root = write_project(tmp_path / "p")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Elsewhere\n", encoding="utf-8")
    page = root / "content/releases/2019-11/implementation-document.md"
    page.unlink()
    os.symlink(outside, page)
    found = [p[3:] for p in _problems(root) if p[2] == "page-path"]
    assert found == [('the page "releases/2019-11/implementation-document.md" is a link to a file outside content/', "replace the link with the document itself, in content/")]
