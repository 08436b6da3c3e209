"""Reading a record file's YAML: where each value is, and what an editor is told when it cannot be read.

Every message is checked whole, with the line and column an editor's
``file:line:col`` link opens. Where PyYAML's C parser (libyaml) and its
pure-Python parser differ, both are checked: an install without libyaml
must point at the same place.
"""

from __future__ import annotations

import io
import os

import pytest
import yaml

from sec_release.core import yaml_source
from sec_release.core.diagnostics import DiagnosticList, Location
from sec_release.core.scalars import SourceFloat, SourceInt
from sec_release.core.yaml_source import SourceMap, load_yaml_file, parse_yaml_text, read_text

FILE = "data/modifications/MP071.yaml"
LOADERS = {"libyaml": yaml.CSafeLoader, "pure-python": yaml.SafeLoader}


@pytest.fixture(params=list(LOADERS))
def either_parser(request, monkeypatch):
    """Run the test with the C parser and with the pure-Python one."""
    monkeypatch.setattr(yaml_source, "_Loader", LOADERS[request.param])
    return request.param


def _parse(text: str, **kwargs):
    problems = DiagnosticList()
    data, source = parse_yaml_text(text, FILE, problems, **kwargs)
    return data, source, [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in problems]


def _problems(text: str, **kwargs):
    return _parse(text, **kwargs)[2]


# --- where each value came from ------------------------------------------------------------

RECORD = "id: MP071\ntitle: Second-Comer Charging\nmilestones:\n  - name: Testing\n    date: 2021-01-01\n  - [1, 2]\n"


def test_every_value_and_key_is_located_at_its_line_and_column():
    data, source, problems = _parse(RECORD)
    assert problems == []
    assert data == {"id": "MP071", "title": "Second-Comer Charging", "milestones": [{"name": "Testing", "date": "2021-01-01"}, [1, 2]]}
    assert source.positions == {
        (): (1, 1), ("id",): (1, 5), ("title",): (2, 8), ("milestones",): (4, 3),
        ("milestones", 0): (4, 5), ("milestones", 0, "name"): (4, 11), ("milestones", 0, "date"): (5, 11),
        ("milestones", 1): (6, 5), ("milestones", 1, 0): (6, 6), ("milestones", 1, 1): (6, 9),
    }
    assert source.key_positions == {
        ("id",): (1, 1), ("title",): (2, 1), ("milestones",): (3, 1),
        ("milestones", 0, "name"): (4, 5), ("milestones", 0, "date"): (5, 5),
    }


def test_a_message_about_a_key_points_at_the_key_and_one_about_a_value_at_the_value():
    _, source, _ = _parse(RECORD)
    assert source.locate(("milestones", 0, "date")) == Location(FILE, 5, 11)
    assert source.locate(("milestones", 0, "date"), key=True) == Location(FILE, 5, 5)
    # A list entry has no key: a message about "the key" of an entry points at the entry.
    assert source.locate(("milestones", 1), key=True) == Location(FILE, 6, 5)


def test_a_value_that_is_not_written_is_located_at_its_nearest_written_parent():
    _, source, _ = _parse(RECORD)
    assert source.locate(("milestones", 0, "state")) == Location(FILE, 4, 5)
    assert source.locate(("milestones", 0, "state"), key=True) == Location(FILE, 4, 5)
    assert source.locate(("cost_review", "date")) == Location(FILE, 1, 1)
    assert source.locate(("milestones", 7, "name")) == Location(FILE, 4, 3)


def test_a_file_that_was_not_read_is_located_at_its_first_line():
    source = SourceMap(FILE)
    assert source.locate(("id",)) == Location(FILE, 1, 1)
    assert source.locate((), key=True) == Location(FILE, 1, 1)


def test_front_matter_values_are_located_by_the_line_of_the_file_not_of_the_front_matter():
    _, source, problems = _parse("title: x\nmeta:\n  version: 2\n", line_offset=1)
    assert problems == []
    assert source.positions == {(): (2, 1), ("title",): (2, 8), ("meta",): (4, 3), ("meta", "version"): (4, 12)}
    assert source.key_positions == {("title",): (2, 1), ("meta",): (3, 1), ("meta", "version"): (4, 3)}


# --- values as written ---------------------------------------------------------------------

def test_numbers_keep_the_text_they_were_written_with():
    data, _, problems = _parse("sec_version: 6.20\nresponses: 12\n")
    assert problems == []
    version, responses = data["sec_version"], data["responses"]
    assert (type(version), version, str(version)) == (SourceFloat, 6.2, "6.20")
    assert (type(responses), responses, str(responses)) == (SourceInt, 12, "12")


def test_booleans_nulls_dates_and_quoted_text_are_what_they_look_like():
    data, _, problems = _parse("a: true\nb: false\nc: null\nd: ~\ne:\nf: 2021-02-30\ng: '12'\nh: text\n")
    assert problems == []
    assert data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": "2021-02-30", "g": "12", "h": "text"}
    assert type(data["a"]) is bool and type(data["b"]) is bool
    assert type(data["f"]) is str and type(data["g"]) is str  # dates stay text: the model reports 30 February


def test_a_number_yaml_cannot_read_is_one_message_and_stays_as_written():
    data, _, problems = _parse("id: MP071\nresponses: 0b_\n")
    assert data == {"id": "MP071", "responses": "0b_"}
    assert problems == [
        (2, 12, "yaml-number", "0b_ is not a plain decimal number (YAML would read it as a binary number)",
         'write the number in plain decimal digits, or "0b_" in quotes if it is text'),
    ]


@pytest.mark.parametrize(
    ("written", "kept", "expected"),
    [
        ("!!bool maybe", "maybe", [(2, 12, "yaml-boolean", '"maybe" is not true or false',
                                    'write true or false (lower case), or "maybe" in quotes without the tag if it is text')]),
        ("!!bool ''", "", [(2, 12, "yaml-boolean", '"" is not true or false',
                            'write true or false (lower case), or "" in quotes without the tag if it is text')]),
        ("!!int ''", "", [(2, 12, "yaml-number", '"" is not a whole number',
                           'write the number in plain decimal digits, or "" in quotes without the tag if it is text')]),
        ("!!int x", "x", [(2, 12, "yaml-number", '"x" is not a whole number',
                           'write the number in plain decimal digits, or "x" in quotes without the tag if it is text')]),
        ("!!float ''", "", []),
        ("!!float x", "x", []),
    ],
    ids=["bool-maybe", "bool-empty", "int-empty", "int-x", "float-empty", "float-x"],
)
def test_a_tag_that_does_not_fit_its_value_is_no_traceback_and_the_value_stays_as_written(written, kept, expected):
    data, _, problems = _parse(f"id: MP071\nresponses: {written}\n")
    assert data == {"id": "MP071", "responses": kept}
    assert problems == expected


# --- what YAML must not do in the record ---------------------------------------------------

def test_a_duplicate_key_is_named_where_it_is_repeated_with_the_line_of_the_first():
    data, _, problems = _parse("id: MP071\ntitle: First\nstage: raised\ntitle: Again\n")
    assert data == {"id": "MP071", "title": "First", "stage": "raised"}
    assert problems == [
        (4, 1, "yaml-duplicate-key", 'the key "title" appears twice in the same mapping (first on line 2)',
         "remove one of them; YAML would otherwise silently keep only the last"),
    ]


def test_a_duplicate_key_in_front_matter_names_both_lines_of_the_file():
    assert _problems("title: x\nversion: 1\ntitle: y\n", line_offset=1) == [
        (4, 1, "yaml-duplicate-key", 'the key "title" appears twice in the same mapping (first on line 2)',
         "remove one of them; YAML would otherwise silently keep only the last"),
    ]


def test_a_tag_on_a_value_is_refused_and_the_rest_of_the_file_is_read():
    data, _, problems = _parse("id: MP071\ntitle: !!binary eA==\nmeta: !!set {a}\nnotes: [1, !local x, 3]\n")
    assert data == {"id": "MP071", "title": None, "meta": None, "notes": [1, None, 3]}
    assert problems == [
        (2, 8, "yaml-tag", "the tag 'tag:yaml.org,2002:binary' is not allowed in the record", "remove the tag; write a plain value"),
        (3, 7, "yaml-tag", "the tag 'tag:yaml.org,2002:set' is not allowed in the record", "remove the tag; write a plain list or mapping"),
        (4, 12, "yaml-tag", "the tag '!local' is not allowed in the record", "remove the tag; write a plain value"),
    ]


def test_a_list_or_mapping_used_as_a_key_is_refused_at_the_key_and_the_other_keys_are_read():
    data, _, problems = _parse("id: MP071\n? [a, b]\n: x\ntitle: y\n")
    assert data == {"id": "MP071", "title": "y"}
    assert problems == [(2, 3, "yaml-key", "a key must be a plain word, not a list or mapping", "")]


def test_a_merge_key_is_refused_at_the_key(either_parser):
    data, _, problems = _parse("id: MP071\nmeta:\n  <<: {a: 1}\n")
    assert data is None
    assert problems == [(3, 3, "yaml-unsupported", "merge keys (<<) are not supported in the record", "write the values out in full")]


def test_an_aliased_list_is_refused_at_its_anchor_in_the_file_s_lines():
    assert _problems("id: MP071\nsteps: &s [1, 2]\nagain: *s\n", line_offset=2) == [
        (4, 8, "yaml-unsupported", "anchors and aliases (&name / *name) are not supported in the record", "write the values out in full"),
    ]


def test_an_aliased_single_value_is_copied():
    data, _, problems = _parse("id: &id MP071\nsame: *id\n")
    assert (data, problems) == ({"id": "MP071", "same": "MP071"}, [])


def test_problems_found_before_an_unsupported_construct_are_still_reported():
    assert _problems("id: MP071\nid: MP072\nmeta:\n  <<: {a: 1}\n") == [
        (4, 3, "yaml-unsupported", "merge keys (<<) are not supported in the record", "write the values out in full"),
        (2, 1, "yaml-duplicate-key", 'the key "id" appears twice in the same mapping (first on line 1)',
         "remove one of them; YAML would otherwise silently keep only the last"),
    ]


def _nested(levels: int) -> str:
    return "a: " + "[" * levels + "x" + "]" * levels + "\n"


def test_values_nested_forty_levels_deep_are_read():
    data, _, problems = _parse(_nested(39))  # the mapping is level 0, its value level 1
    assert problems == []
    inner = data["a"]
    for _ in range(38):
        inner = inner[0]
    assert inner == ["x"]


def test_values_nested_more_than_forty_levels_deep_are_refused_at_the_first_too_deep():
    data, _, problems = _parse(_nested(40))
    inner = data["a"]
    for _ in range(39):
        inner = inner[0]
    assert inner == [None]
    assert problems == [
        (1, 44, "yaml-too-deep", "values are nested more than 40 levels deep", "the record format never nests this deep; check the indentation"),
    ]


def test_nesting_too_deep_for_the_parser_is_a_message_not_a_crash(either_parser):
    expected = {
        "libyaml": [(3, 1003, "yaml-syntax", "YAML syntax error: exceeded maximum nesting depth",
                     "check the indentation, colons and quotes near this line")],
        "pure-python": [(3, 1, "yaml-too-deep", "values are nested too deeply to read",
                         "the record format never nests this deep; check the brackets and indentation")],
    }
    assert _problems(_nested(3000), line_offset=2) == expected[either_parser]


def test_a_document_with_more_values_than_the_limit_is_refused_at_the_value_past_it(monkeypatch):
    monkeypatch.setattr(yaml_source, "MAX_NODES", 5)
    assert _problems("a: [1, 2, 3]\n") == []  # the mapping, its key's value and three items: five values
    data, _, problems = _parse("a: [1, 2, 3, 4]\n")
    assert data is None
    assert problems == [(1, 14, "yaml-unsupported", "the document has more than 5 values", "write the values out in full")]


def test_only_the_first_hundred_problems_of_a_file_are_listed_then_how_many_more():
    text = "".join(f"k{i}: 1\n" for i in range(5)) + "".join(f"k{i % 5}: 2\n" for i in range(103))
    problems = _problems(text)
    assert len(problems) == 101
    assert problems[0] == (6, 1, "yaml-duplicate-key", 'the key "k0" appears twice in the same mapping (first on line 1)',
                           "remove one of them; YAML would otherwise silently keep only the last")
    assert problems[99][:2] == (105, 1)
    assert problems[100] == (106, 1, "too-many-problems", "3 more problems in this file are not listed", "fix the problems listed and validate again")


# --- syntax errors ---------------------------------------------------------------------------

SYNTAX = {
    "unclosed list": ("id: MP071\ntitle: [x\n", 3, 1, {
        "libyaml": "did not find expected ',' or ']'", "pure-python": "expected ',' or ']', but got '<stream end>'"}),
    "unclosed mapping": ("{id: MP071\n", 2, 1, {
        "libyaml": "did not find expected ',' or '}'", "pure-python": "expected ',' or '}', but got '<stream end>'"}),
    "colon in a value": ("id: MP071\ntitle: a: b\n", 2, 9, {
        "libyaml": "mapping values are not allowed in this context", "pure-python": "mapping values are not allowed here"}),
    "two documents": ("id: MP071\n---\nid: MP072\n", 2, 1, {
        "libyaml": "but found another document", "pure-python": "but found another document"}),
}


@pytest.mark.parametrize("case", list(SYNTAX))
def test_a_syntax_error_is_located_where_the_parser_found_it(case, either_parser):
    text, line, col, detail = SYNTAX[case]
    assert _problems(text) == [
        (line, col, "yaml-syntax", f"YAML syntax error: {detail[either_parser]}", "check the indentation, colons and quotes near this line"),
    ]


def test_a_syntax_error_in_front_matter_is_located_by_the_line_of_the_file():
    assert _problems("title: a: b\n", line_offset=1) == [
        (2, 9, "yaml-syntax", "YAML syntax error: mapping values are not allowed in this context",
         "check the indentation, colons and quotes near this line"),
    ]


CONTROL_REASON = {"libyaml": "control characters are not allowed", "pure-python": "special characters are not allowed"}


def test_a_control_character_is_located_by_characters_not_bytes(either_parser):
    # é and the emoji are two and four bytes in UTF-8: libyaml counts bytes, an editor counts characters.
    assert _problems("id: MP071\ntitlé: 'x\U0001F600\x07'\n") == [
        (2, 11, "yaml-syntax", f"the file contains a character YAML does not allow (U+0007, {CONTROL_REASON[either_parser]})",
         "delete it; inside double quotes, write control characters as escapes such as \\t"),
    ]


def test_a_control_character_below_a_blank_first_line_is_located_on_its_own_line(either_parser):
    assert _problems("\nid: 'x\x07'\n") == [
        (2, 7, "yaml-syntax", f"the file contains a character YAML does not allow (U+0007, {CONTROL_REASON[either_parser]})",
         "delete it; inside double quotes, write control characters as escapes such as \\t"),
    ]


def test_a_control_character_in_front_matter_is_located_by_the_line_of_the_file(either_parser):
    assert _problems("title: \x1b[31m\n", line_offset=3) == [
        (4, 8, "yaml-syntax", f"the file contains a character YAML does not allow (U+001B, {CONTROL_REASON[either_parser]})",
         "delete it; inside double quotes, write control characters as escapes such as \\t"),
    ]


# --- tabs --------------------------------------------------------------------------------------

TAB = "replace the tab with spaces; YAML indents with spaces only"
TABS = {
    "before a key, below a key": ("a:\n  b: 1\n\tc: 2\n", 3, 1, " (line 2 is indented with 2 spaces)"),
    "before a key, below one space": ("a:\n b: 1\n\tc: 2\n", 3, 1, " (line 2 is indented with 1 space)"),
    "before a key, below no spaces": ("a:\n\t\tb: 1\n\tc: 2\n", 2, 1, " (line 1 is indented with 0 spaces)"),
    "before a key, below four": ("a:\n    b: 1\n\tc: 2\n", 3, 1, " (line 2 is indented with 4 spaces)"),
    "after spaces": ("a:\n  b: 1\n  \tc: 2\n", 3, 3, " (line 2 is indented with 2 spaces)"),
    "before a key of an entry": ("a:\n  - x: 1\n\t  y: 2\n", 3, 1, " (the keys of the entry on line 2 start after 4 spaces)"),
    "before a key of an entry, one space": ("a:\n - b\n\t c: 1\n", 3, 1, " (the keys of the entry on line 2 start after 3 spaces)"),
    "before an entry": ("a:\n - x\n\t- y\n", 3, 1, " (line 2 is indented with 1 space)"),
    "before an entry, below a wider entry": ("a:\n  - x\n  -  y\nb:\n\t- z\n", 5, 1, " (line 3 is indented with 2 spaces)"),
    "before an entry, below an empty dash": ("items:\n  - a\n  -\n\t- c\n", 4, 1, " (line 2 is indented with 2 spaces)"),
    "before an entry, no entry above": ("a:\n  b:\n\t  - z\n", 3, 1, ""),
    "below a blank line and a comment": ("a:\n  b: 1\n\n  # note\n\tc: 2\n", 5, 1, " (line 2 is indented with 2 spaces)"),
    # libyaml allows tabs inside brackets, the pure-Python parser does not
    "below lines indented with tabs": ("b:\n  c: 1\na: [\n\t1,\n\t2]\n\td: 2\n", {"libyaml": 6, "pure-python": 4}, 1,
                                       " (line 3 is indented with 0 spaces)"),
    "below a tab inside a value": ("a:\n  b: 'x\ty'\n\tc: 2\n", 3, 1, " (line 2 is indented with 2 spaces)"),
    "below a tab after the indentation": ("b:\n  c: 1\nd: |\n  text\n  \tmore\n\te: 1\n", 6, 1, " (line 4 is indented with 2 spaces)"),
    # A no-break space is text to YAML, not indentation: the line is not a list entry.
    "before a no-break space and a dash": ("a:\n  - x\n\t\xa0- y\n", 3, 1, " (the keys of the entry on line 2 start after 4 spaces)"),
    "on the first line": ("\tc: 2\n", 1, 1, ""),
    "after a dash": ("- a\n-\tb\n", 2, 2, ""),
    "inside a value, the line above the error": ("a: 1\nb: x\tc\n  d: [\n", 2, 5, ""),
}


@pytest.mark.parametrize("case", list(TABS))
def test_a_tab_is_named_at_its_line_and_column_with_how_its_neighbour_is_indented(case, either_parser):
    text, line, col, example = TABS[case]
    line = line[either_parser] if isinstance(line, dict) else line
    data, _, problems = _parse(text)
    assert data is None
    assert problems == [(line, col, "yaml-tab", f"a tab character at line {line}, column {col}: YAML does not allow tabs here", TAB + example)]


def test_a_tab_in_front_matter_names_the_lines_of_the_file():
    assert _problems("title: x\nmeta:\n  version: 1\n\tstatus: 2\n", line_offset=1) == [
        (5, 1, "yaml-tab", "a tab character at line 5, column 1: YAML does not allow tabs here", TAB + " (line 4 is indented with 2 spaces)"),
    ]


class _FailingLoader:
    """A parser that fails in a way PyYAML's own parsers never do (no mark, or not a MarkedYAMLError)."""

    error: Exception

    def __init__(self, text):
        pass

    def get_single_node(self):
        raise self.error

    def dispose(self):
        pass


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (yaml.YAMLError("the stream is broken"),
         (3, 1, "yaml-syntax", "YAML error: the stream is broken", "check the file's characters")),
        (yaml.MarkedYAMLError(problem="something went wrong"),
         (3, 1, "yaml-syntax", "YAML syntax error: something went wrong", "check the indentation, colons and quotes near this line")),
        (yaml.MarkedYAMLError(),
         (3, 1, "yaml-syntax", "YAML syntax error: invalid YAML", "check the indentation, colons and quotes near this line")),
    ],
    ids=["not-marked", "no-mark", "nothing-said"],
)
def test_a_parser_error_without_a_place_is_a_message_at_the_top_of_the_yaml(monkeypatch, error, expected):
    monkeypatch.setattr(yaml_source, "_Loader", type("Failing", (_FailingLoader,), {"error": error}))
    data, source, problems = _parse("id: MP071\n", line_offset=2)
    assert (data, source.positions, problems) == (None, {}, [expected])


# --- the file itself ---------------------------------------------------------------------------

def _read(path):
    problems = DiagnosticList()
    text = read_text(path, FILE, problems)
    return text, [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in problems]


def _load(path, problems=None):
    problems = DiagnosticList() if problems is None else problems
    data, source = load_yaml_file(path, FILE, problems)
    return data, source, [(d.location.file, d.location.line, d.location.col, d.code, d.message, d.hint) for d in problems]


def test_a_file_of_the_largest_size_allowed_is_read(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"id: MP071\n" + b"#" * (yaml_source.MAX_FILE_BYTES - 11) + b"\n")
    text, problems = _read(path)
    assert problems == [] and len(text) == 1_000_000


@pytest.mark.parametrize("size", [1_000_001, 2_500_000])
def test_a_file_larger_than_allowed_is_not_read_and_its_size_is_named(tmp_path, size):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"id: MP071\n" + b"#" * (size - 10))
    assert _read(path) == (None, [
        (1, 1, "file-too-large", f"the file is {size:,} bytes; a record file may be at most 1,000,000",
         "split long text into the Markdown documents under content/"),
    ])


class _HugeFile:
    """A file of ``size`` bytes that is never there to be read whole."""

    def __init__(self, size: int):
        self.size = size
        self.asked: list = []

    def open(self, mode):
        huge = self

        class Stream(io.RawIOBase):
            def read(self, n=-1):
                huge.asked.append(n)
                if n is None or n < 0:
                    raise MemoryError("read the whole file")
                return b"#" * min(n, huge.size)

        return Stream()

    def stat(self):
        return os.stat_result((0, 0, 0, 0, 0, 0, self.size, 0, 0, 0))


def test_a_huge_file_is_refused_after_reading_one_byte_past_the_limit():
    huge = _HugeFile(5_000_000_000)
    assert _read(huge) == (None, [
        (1, 1, "file-too-large", "the file is 5,000,000,000 bytes; a record file may be at most 1,000,000",
         "split long text into the Markdown documents under content/"),
    ])
    assert huge.asked == [1_000_001]


def test_a_file_that_cannot_be_opened_says_why(tmp_path):
    assert _read(tmp_path / "missing.yaml") == (None, [(1, 1, "io", "cannot read the file: No such file or directory", "")])
    assert _read(tmp_path) == (None, [(1, 1, "io", "cannot read the file: Is a directory", "")])


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"], ids=["nothing", "only-blank-lines"])
def test_an_empty_file_says_to_fill_it_in_or_delete_it(tmp_path, content):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(content)
    assert _read(path) == (None, [(1, 1, "empty-file", "the file is empty", "fill it in, or delete it")])
    assert _load(path)[0::2] == (None, [(FILE, 1, 1, "empty-file", "the file is empty", "fill it in, or delete it")])


def test_a_byte_order_mark_is_named(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: MP071\n")
    assert _read(path) == (None, [(1, 1, "encoding-bom", "the file starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM")])


def test_a_byte_that_is_not_utf8_is_named_at_its_line_and_column(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"id: MP071\ntitle: Caf\xe9 charging\n")
    assert _read(path) == (None, [(2, 11, "encoding", "the file is not valid UTF-8 (byte 0xe9)", "save the file as UTF-8")])


def test_a_byte_that_is_not_utf8_on_the_first_line_is_located_there(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"\x80id: MP071\n")
    assert _read(path) == (None, [(1, 1, "encoding", "the file is not valid UTF-8 (byte 0x80)", "save the file as UTF-8")])


def test_a_nul_character_is_named_at_its_line(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_bytes(b"id: MP071\ntitle: x\nstage: a\x00b\n")
    assert _read(path) == (None, [(3, 1, "encoding", "the file contains a NUL character", "save it as plain UTF-8 text")])


def test_a_file_of_only_comments_holds_no_data(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_text("# to be written\n", encoding="utf-8")
    data, source, problems = _load(path)
    assert (data, source) == (None, SourceMap(FILE))
    assert problems == [(FILE, 1, 1, "empty-file", "the file holds no data", "fill it in, or delete it")]


def test_another_file_s_problem_does_not_hide_that_this_one_holds_no_data(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_text("# to be written\n", encoding="utf-8")
    problems = DiagnosticList()
    problems.error(Location("data/modifications/MP070.yaml", 3, 1), "yaml-syntax", "x")
    assert _load(path, problems)[2][1:] == [(FILE, 1, 1, "empty-file", "the file holds no data", "fill it in, or delete it")]


def test_a_file_that_does_not_parse_is_not_also_said_to_hold_no_data(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_text("id: MP071\ntitle: a: b\n", encoding="utf-8")
    data, _, problems = _load(path)
    assert data is None
    assert [p[3] for p in problems] == ["yaml-syntax"]


def test_a_file_that_reads_is_returned_with_its_positions(tmp_path):
    path = tmp_path / "MP071.yaml"
    path.write_text(RECORD, encoding="utf-8")
    data, source, problems = _load(path)
    assert problems == []
    assert data["milestones"][0] == {"name": "Testing", "date": "2021-01-01"}
    assert (source.file, source.positions[("title",)]) == (FILE, (2, 8))
