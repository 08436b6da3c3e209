"""`validate` over the content folder: every hand-written page is checked, at its file and line,
and only pages (not hidden folders, links, other files, or files the document checks report)."""

from __future__ import annotations

import os

import pytest

from sec_release.core import content_check
from sec_release.core.content_check import check_content
from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.project import ProjectConfig
from sec_release.core.yaml_source import MAX_FILE_BYTES

SCRIPT = "<script>alert(1)</script>\n"
TAG = "the HTML element <script> is not allowed in a page"
TEMPLATE_HINT = "a page may use only sec.* and page.* (README: Macros in hand-written pages)"


@pytest.fixture(autouse=True)
def _fresh_memo():
    content_check._check_page.cache_clear()  # a page is checked again only when its text changed; start clean
    yield
    content_check._check_page.cache_clear()


def _write(root, relative: str, text: str | bytes) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _check(root, docs_dir: str = "content") -> list[tuple[str, str, str, str]]:
    problems = DiagnosticList()
    check_content(ProjectConfig(root=root, docs_dir=docs_dir), problems)
    return [(str(d.location), d.code, d.message, d.hint) for d in problems]


def _where(root, docs_dir: str = "content") -> list[tuple[str, str]]:
    return [(location, code) for location, code, _, _ in _check(root, docs_dir)]


def test_every_page_in_every_folder_is_checked_in_name_order(tmp_path):
    _write(tmp_path, "content/b.md", SCRIPT)
    _write(tmp_path, "content/a.md", "Text.\n\n" + SCRIPT)
    _write(tmp_path, "content/releases/2027-11/implementation-document.md", SCRIPT)
    assert _where(tmp_path) == [
        ("content/a.md:3:1", "html-not-allowed"),
        ("content/b.md:1:1", "html-not-allowed"),
        ("content/releases/2027-11/implementation-document.md:1:1", "html-not-allowed"),
    ]


def test_hidden_folders_other_files_and_linked_pages_are_not_pages(tmp_path):
    _write(tmp_path, "content/.drafts/a.md", SCRIPT)
    _write(tmp_path, "content/notes.txt", SCRIPT)
    _write(tmp_path, "content/page.markdown", SCRIPT)
    _write(tmp_path, "outside/linked.md", SCRIPT)
    os.symlink(tmp_path / "outside" / "linked.md", tmp_path / "content" / "linked.md")
    os.symlink(tmp_path / "outside", tmp_path / "content" / "linked-folder")
    _write(tmp_path, "content/ok.md", "Fine.\n")
    assert _check(tmp_path) == []


def test_the_folder_mkdocs_yml_names_is_the_one_checked(tmp_path):
    _write(tmp_path, "docs/a.md", SCRIPT)
    _write(tmp_path, "content/a.md", "Fine.\n")
    assert _where(tmp_path, "docs") == [("docs/a.md:1:1", "html-not-allowed")]


def test_no_content_folder_is_no_problem(tmp_path):
    assert _check(tmp_path) == []


def test_unreadable_or_oversized_pages_are_left_to_the_document_checks(tmp_path):
    _write(tmp_path, "content/latin1.md", "caf\xe9 <script>x</script>".encode("latin-1"))
    _write(tmp_path, "content/big.md", SCRIPT + "x" * MAX_FILE_BYTES)
    _write(tmp_path, "content/limit.md", (SCRIPT + "x" * MAX_FILE_BYTES)[:MAX_FILE_BYTES])
    assert _where(tmp_path) == [("content/limit.md:1:1", "html-not-allowed")]


def test_a_byte_order_mark_does_not_hide_the_front_matter(tmp_path):
    _write(tmp_path, "content/a.md", "\ufeff---\ntitle: A\n---\n" + SCRIPT)
    assert _where(tmp_path) == [("content/a.md:4:1", "html-not-allowed")]


def test_a_byte_order_mark_does_not_hide_render_macros_false(tmp_path):
    _write(tmp_path, "content/a.md", "\ufeff---\nrender_macros: false\n---\n{{ config }}\n")
    assert _check(tmp_path) == []


def test_template_problems_are_reported_at_the_files_line_with_the_fix(tmp_path):
    _write(tmp_path, "content/a.md", "---\ntitle: A\n---\n# A\n\n{{ config.site_name }}\n")
    assert _check(tmp_path) == [
        ("content/a.md:6:1", "page-template", '"config" is not available in a page; only sec.* and page.* are', TEMPLATE_HINT),
    ]


def test_a_page_that_turns_macros_off_is_not_checked_for_them_but_still_for_html(tmp_path):
    _write(tmp_path, "content/a.md", "---\ntitle: A\nrender_macros: false\n---\n{{ config }}\n" + SCRIPT)
    _write(tmp_path, "content/b.md", "---\nrender_macros: true\n---\n{{ config }}\n")
    _write(tmp_path, "content/c.md", "---\nnote: render_macros: false\n---\n{{ config }}\n")
    assert _where(tmp_path) == [
        ("content/a.md:6:1", "html-not-allowed"),
        ("content/b.md:4:1", "page-template"),
        ("content/c.md:4:1", "page-template"),
    ]


def test_a_page_is_reported_again_when_checked_again_unchanged(tmp_path):
    _write(tmp_path, "content/a.md", SCRIPT)
    assert _where(tmp_path) == [("content/a.md:1:1", "html-not-allowed")]
    assert _where(tmp_path) == [("content/a.md:1:1", "html-not-allowed")]
    _write(tmp_path, "content/a.md", "Fixed.\n")
    assert _where(tmp_path) == []
