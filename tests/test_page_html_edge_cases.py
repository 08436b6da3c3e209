"""`validate` on page text where code, an unfinished tag or a stray character reference meets raw HTML.

In-process and exact, as tests/test_page_html_checks.py."""

from __future__ import annotations

from tests.test_page_html_checks import LINK_HINT, PAGE, _found, _link_message


def test_a_code_span_written_after_a_less_than_sign_is_not_read_as_an_element():
    assert _found("# Guide\n\nWrite <`name` here.\n") == []


def test_an_unclosed_abbr_before_a_code_block_reports_nothing_from_the_code():
    assert _found("# Guide\n\n<abbr\n\n    code block line\n    more\n\nText.\n") == []


def test_an_unsafe_image_after_a_stray_character_reference_is_still_an_unsafe_link():
    assert _found('# Guide\n\n&#<img src="javascript:alert(1)">\n') == [
        (f"{PAGE}:3:1", "error", "unsafe-link", _link_message("javascript:alert(1)", "javascript"), LINK_HINT),
    ]
