"""Template expressions in hand-written pages: what an editor is told, at which line, and what a reader gets.

In-process: `problems_in` (validate's static check) and `render_page` (the build's sandbox),
with exact messages; the sandbox is also tried on its own, as if the static check had missed something.
"""

from __future__ import annotations

from datetime import date

import jinja2
import pytest
from jinja2.sandbox import unsafe

from sec_release.core import page_templates
from sec_release.core.page_templates import PageMacroError, problems_in, render_page

FILE = "content/guide.md"
NOT_AVAILABLE = '"{}" is not available in a page; only sec.* and page.* are'


class _Foreign:
    def run(self):
        return "ran"


def _helper():
    return "helped"


class _Sec:
    title = "November 2027 SEC Release"

    def __init__(self):
        self.go_live = date(2027, 11, 4)
        self.foreign_run = _Foreign().run  # a method of an object the record did not make
        self.helper = _helper
        self.foreign = _Foreign()  # an object the record did not make
        self.foreign.name = "foreign"

    @unsafe
    def delete_everything(self):
        return "deleted"

    def release(self, rid):
        if rid == "2099-01":
            raise KeyError(f"there is no release {rid}")
        return {"id": rid, "go_live": date(2027, 11, 4)}


_Sec.__module__ = "sec_release.pages.macros_api"  # the record's own objects, as the macros make them
PAGE = {"title": "Guide", "url": "guide/", "meta": {"audience": "parties"}}


def _render(source: str, first_line: int = 1) -> str:
    return render_page(source, file=FILE, first_line=first_line, sec=_Sec(), page=PAGE)


def _failure(source: str, first_line: int = 1) -> tuple[str, str, int, str]:
    with pytest.raises(PageMacroError) as failure:
        _render(source, first_line)
    return str(failure.value), failure.value.file, failure.value.line, failure.value.message


@pytest.fixture
def sandbox_only(monkeypatch):
    monkeypatch.setattr(page_templates, "problems_in", lambda source: [])


# ---------------------------------------------------------------------------- validate's static check


def test_a_page_without_expressions_has_no_problems():
    assert problems_in("Plain text with { braces } and {x}.") == []


def test_each_unknown_name_is_reported_at_its_own_line():
    assert problems_in("Intro\n{{ config.site_name }} {{ os }}\n{{ config }}") == [
        (2, NOT_AVAILABLE.format("config")),
        (2, NOT_AVAILABLE.format("os")),
        (3, NOT_AVAILABLE.format("config")),
    ]


def test_private_and_refused_attributes_and_keys_are_reported():
    assert problems_in("{{ ''.__class__ }}\n{{ sec['_secret'] }}\n{{ sec.title.format }}\n{{ sec.mro }}") == [
        (1, NOT_AVAILABLE.format("__class__")),
        (2, NOT_AVAILABLE.format("_secret")),
        (3, NOT_AVAILABLE.format("format")),
        (4, NOT_AVAILABLE.format("mro")),
    ]


def test_an_ordinary_key_or_index_is_not_a_problem():
    assert problems_in("{{ sec['title'] }} {{ sec.releases[0] }} {{ page.meta['audience'] }}") == []


def test_the_attr_filter_is_reported_with_what_to_write_instead():
    assert problems_in("Text\n\n{{ sec|attr('title') }}") == [
        (3, 'the "attr" filter is not available in a page; write sec.name instead'),
    ]


def test_names_a_page_sets_itself_are_available():
    source = ("{% for r in sec.releases %}{{ r.id }}{{ loop.index }}{% endfor %}\n{% set total = 2 %}{{ total }}\n"
              "{% with w = 1 %}{{ w }}{% endwith %}\n{% macro item(p) %}{{ p }}{% endmacro %}\n"
              "{% call(c) sec.wrap() %}{{ c }}{% endcall %}")
    assert problems_in(source) == []


def test_a_macro_the_page_defines_can_be_called_in_it():
    source = "{% macro item(p) %}<b>{{ p }}</b>{% endmacro %}\n{{ item(sec.title) }}"
    assert problems_in(source) == []
    assert _render(source) == "\n<b>November 2027 SEC Release</b>"
    assert problems_in("{% macro item(p) %}{{ p }}{% endmacro %}\n{{ other(1) }}") == [(2, NOT_AVAILABLE.format("other"))]


def test_an_expression_that_cannot_be_read_is_reported_at_its_line():
    assert problems_in("Text\n{% if %}") == [
        (2, "the template expression cannot be read: Expected an expression, got 'end of statement block'"),
    ]
    assert problems_in("Text {{ ") == [(1, "the template expression cannot be read: unexpected 'end of template'")]


def test_an_unfinished_comment_is_found_too():
    assert problems_in("Text\n{# a note") == [(2, "the template expression cannot be read: Missing end of comment tag")]


def test_a_statement_alone_is_checked():
    assert problems_in("{% for x in range(3) %}{% endfor %}") == [(1, NOT_AVAILABLE.format("range"))]


# ---------------------------------------------------------------------------- the build


def test_a_page_without_expressions_is_unchanged():
    assert _render("Text with {x} and { y }.\n") == "Text with {x} and { y }.\n"


def test_sec_page_and_loops_are_rendered_and_the_last_newline_kept():
    source = ("{{ sec.title }}; {{ sec.release('2027-11').go_live.isoformat() }}; {{ sec.title.upper() }}; "
              "{{ page.title }} {{ page.meta.audience }}; {% for x in [1, 2] %}{{ loop.index0 }}{% endfor %}\n")
    assert _render(source) == "November 2027 SEC Release; 2027-11-04; NOVEMBER 2027 SEC RELEASE; Guide parties; 01\n"


def test_a_page_with_only_statements_or_only_comments_is_rendered():
    assert _render("{% if sec.title %}yes{% endif %}\n") == "yes\n"
    assert _render("{# editor's note #}Text\n") == "Text\n"


def test_a_comment_is_dropped_and_html_is_left_for_the_sanitiser():
    assert _render("{# editor's note #}<b>{{ '<i>' }}</b>") == "<b><i></b>"


def test_a_static_problem_stops_the_build_at_the_file_line_below_the_front_matter():
    assert _failure("Intro\n\n{{ config }}\n{{ os }}", first_line=5) == (
        f"{FILE}:7: " + NOT_AVAILABLE.format("config"), FILE, 7, NOT_AVAILABLE.format("config"),
    )


def test_a_missing_attribute_names_the_object_and_what_is_available():
    assert _failure("Intro\n\n{{ sec.nothing }}", first_line=3) == (
        f"{FILE}:5: 'sec_release.pages.macros_api._Sec object' has no attribute 'nothing' (only sec.* and page.* are available)",
        FILE, 5, "'sec_release.pages.macros_api._Sec object' has no attribute 'nothing' (only sec.* and page.* are available)",
    )


def test_a_missing_key_of_the_page_is_an_error_not_empty_text():
    assert _failure("Intro\n{{ page.missing }}")[2:] == (2, "'dict object' has no attribute 'missing' (only sec.* and page.* are available)")


def test_a_macro_that_fails_is_the_pages_problem_at_its_line():
    assert _failure("Intro\n{{ sec.release('2099-01') }}", first_line=3) == (
        f"{FILE}:4: the template expression fails: 'there is no release 2099-01'",
        FILE, 4, "the template expression fails: 'there is no release 2099-01'")


def test_arithmetic_that_fails_is_reported_at_its_line():
    assert _failure("Intro\n\n{{ 1 / 0 }}", first_line=2)[2:] == (4, "the template expression fails: division by zero")


def test_an_unknown_filter_is_reported_at_its_line():
    assert _failure("Intro\n{{ sec.title|shout }}") == (
        f"{FILE}:2: the template expression fails: No filter named 'shout'.", FILE, 2, "the template expression fails: No filter named 'shout'.")


# ---------------------------------------------------------------------------- the sandbox on its own


def test_the_sandbox_refuses_a_private_attribute_with_the_line(sandbox_only):
    assert _failure("Intro\n{{ sec.__class__ }}", first_line=3)[2:] == (
        4, "not allowed in a page: access to attribute '__class__' of '_Sec' object is unsafe.")


def test_the_sandbox_refuses_a_private_method_of_plain_text(sandbox_only):
    assert _failure("{{ sec.title.__len__() }}", first_line=3)[2:] == (
        3, "not allowed in a page: access to attribute '__len__' of 'str' object is unsafe.")


def test_the_sandbox_refuses_changing_a_list(sandbox_only):
    assert _failure("Intro\n{{ [1].pop() }}")[2:] == (2, "not allowed in a page: access to attribute 'pop' of 'list' object is unsafe.")


def test_the_sandbox_refuses_a_refused_attribute_of_the_record(sandbox_only):
    assert _failure("Intro\n{{ sec.go_live.mro }}")[2:] == (
        2, "'datetime.date object' has no attribute 'mro' (only sec.* and page.* are available)")


def test_the_sandbox_reads_nothing_of_an_object_the_record_did_not_make(sandbox_only):
    assert _failure("Intro\n{{ sec.foreign.name }}") == (
        f"{FILE}:2: not allowed in a page: access to attribute 'name' of '_Foreign' object is unsafe.",
        FILE, 2, "not allowed in a page: access to attribute 'name' of '_Foreign' object is unsafe.")


def test_the_sandbox_reads_nothing_of_a_function(sandbox_only):
    assert _failure("Intro\n{{ sec.helper.x }}")[2:] == (2, "'function object' has no attribute 'x' (only sec.* and page.* are available)")


def test_the_sandbox_refuses_to_call_a_method_of_an_object_the_record_did_not_make(sandbox_only):
    line, message = _failure("Intro\n{{ sec.foreign_run() }}")[2:]
    assert line == 2
    assert message.startswith("not allowed in a page: <bound method _Foreign.run of <tests.test_page_expressions._Foreign object at ")
    assert message.endswith(">> is not safely callable")


def test_the_sandbox_has_no_globals(sandbox_only):
    assert _failure("Intro\n\n{{ range(3) }}")[2:] == (3, "'range' is undefined (only sec.* and page.* are available)")
    assert _failure("{{ lipsum }}")[2:] == (1, "'lipsum' is undefined (only sec.* and page.* are available)")


def test_the_sandbox_still_calls_the_records_own_methods_and_functions(sandbox_only):
    assert _render("{{ sec.helper() }} {{ sec.title.lower() }} {{ page.meta.items()|list }}") == (
        "helped november 2027 sec release [('audience', 'parties')]")


def test_the_sandbox_refuses_a_method_the_record_marks_unsafe(sandbox_only):
    line, message = _failure("Intro\n{{ sec.delete_everything() }}")[2:]
    assert line == 2
    assert message.startswith("not allowed in a page: <bound method _Sec.delete_everything of ")
    assert message.endswith("> is not safely callable")


def test_a_new_page_environment_has_no_globals_and_no_silent_blanks():
    env = page_templates._environment()
    for source, error in (("{{ missing }}", "'missing' is undefined"), ("{{ range(2) }}", "'range' is undefined"),
                          ("{{ page.gone }}", "'dict object' has no attribute 'gone'")):
        with pytest.raises(jinja2.UndefinedError) as failure:
            env.from_string(source).render(page={})
        assert str(failure.value) == error
    assert env.from_string("{{ '<b>' }}\n").render() == "<b>\n"
