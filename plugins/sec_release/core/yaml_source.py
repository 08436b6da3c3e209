"""Read a YAML file into plain data plus a map of where every value came from.

PyYAML builds Python objects without positions and silently keeps the last of
two duplicate keys. We compose the node tree instead (same marks from the C
and the pure-Python parser) and build the data ourselves, so that:

* every value's ``(line, col)`` is kept, keyed by its path (``("modifications", 0, "id")``);
* duplicate keys, anchors/aliases (the "billion laughs" attack), deep nesting
  and non-string keys are errors with a location instead of surprises;
* dates stay strings: pydantic parses them and reports ``2021-02-30`` as an
  impossible date rather than PyYAML crashing on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .file_memo import per_file
from .diagnostics import DiagnosticList, Location, add_capped
from .scalars import SourceFloat, SourceInt, plain_scalar

_Loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

MAX_DEPTH = 40
MAX_NODES = 200_000
MAX_FILE_BYTES = 1_000_000

Path = tuple  # a tuple of str keys and int indexes


@dataclass
class SourceMap:
    """Where each value of one YAML document came from."""

    file: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    # Key positions differ from value positions: an unknown key points at the key.
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists."""
        path = tuple(path)
        while True:
            table = self.key_positions if key else self.positions
            if path in table:
                line, col = table[path]
                return Location(self.file, line, col)
            if key and path in self.positions:
                line, col = self.positions[path]
                return Location(self.file, line, col)
            if not path:
                return Location(self.file, 1, 1)
            path = path[:-1]


class YamlError(Exception):
    """Raised internally when a document cannot be composed at all; ``node`` is where."""

    def __init__(self, message: str, node: yaml.Node | None = None):
        super().__init__(message)
        self.node = node


_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class _Builder:
    def __init__(self, source: SourceMap, problems: DiagnosticList, line_offset: int = 0):
        self.source = source
        self.problems = problems
        self.line_offset = line_offset  # front matter starts below the file's first line
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.count = 0

    def where(self, node: yaml.Node) -> Location:
        return Location(self.source.file, node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(f"the document has more than {MAX_NODES} values", node)
        if depth > MAX_DEPTH:
            self.problems.error(
                self.where(node), "yaml-too-deep",
                f"values are nested more than {MAX_DEPTH} levels deep",
                "the record format never nests this deep; check the indentation",
            )
            return None
        # The composer hands back the same node object for every alias of an
        # anchor; building it twice is how alias bombs explode.
        if id(node) in self.seen and not isinstance(node, yaml.ScalarNode):
            raise YamlError("anchors and aliases (&name / *name) are not supported in the record", node)
        self.seen.add(id(node))
        self.source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self.problems.error(
                self.where(node), "yaml-tag", f"the tag {node.tag!r} is not allowed in the record",
                "remove the tag; write a plain list or mapping",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported in the record", key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.error(self.where(key_node), "yaml-key", "a key must be a plain word, not a list or mapping")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problems.error(
                    self.where(key_node), "yaml-duplicate-key",
                    f'the key "{key}" appears twice in the same mapping (first on line {first_seen[key]})',
                    "remove one of them; YAML would otherwise silently keep only the last",
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1 + self.line_offset
            self.source.key_positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problems.error(
                self.where(node), "yaml-tag", f"the tag {node.tag!r} is not allowed in the record",
                "remove the tag; write a plain value",
            )
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # pydantic parses (and rejects impossible) dates
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        strict = plain_scalar(node.tag, node.value)
        if strict is not None:  # reported here, once; the value goes on so that no second message follows
            code, message, hint = strict
            self.problems.error(self.where(node), code, message, hint)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, KeyError, IndexError, yaml.YAMLError):
            # Text an explicit tag cannot make into its type (!!bool maybe, !!int ''): kept as written,
            # reported above or by the field's own check.
            return node.value
        # Numbers keep their source text, so that a message quotes what was written ("6.20", not "6.2").
        if isinstance(value, float):
            return SourceFloat(value, node.value)
        if isinstance(value, int) and not isinstance(value, bool):
            return SourceInt(value, node.value)
        return value


def _decode(raw: bytes, file: str, problems: DiagnosticList) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.error(
            Location(file, 1, 1), "encoding-bom", "the file starts with a byte-order mark (BOM)",
            "save the file as UTF-8 without BOM",
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(
            Location(file, line, col), "encoding", f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8",
        )
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.error(Location(file, line, 1), "encoding", "the file contains a NUL character", "save it as plain UTF-8 text")
        return None
    return text


def _reader_error_position(text: str, position: int) -> tuple[int, int]:
    """(line, col) of a reader error. libyaml counts bytes of the UTF-8 text, the pure-Python reader characters."""
    if _Loader is not yaml.SafeLoader:
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    position = max(0, min(position, len(text)))
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _indent_example(lines: list[str], number: int, line_offset: int) -> str:
    """How a line like line ``number`` is indented above it: the previous list item for an item, else the line above.

    The line named is the file's (``line_offset`` lines above the YAML, as in front matter)."""
    is_item = lines[number - 1].lstrip(" \t").startswith("-")
    for above in range(number - 1, 0, -1):
        previous = lines[above - 1]
        stripped = previous.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#") or "\t" in previous[: len(previous) - len(stripped) + 1]:
            continue
        if is_item and not stripped.startswith("- "):
            continue
        spaces = len(previous) - len(stripped)
        if not is_item and stripped.startswith("- "):
            return f" (the keys of the entry on line {above + line_offset} start after {spaces + 2} spaces)"
        return f" (line {above + line_offset} is indented with {spaces} space{'s' if spaces != 1 else ''})"
    return ""


def _tab_near(text: str, error_line: int, line_offset: int) -> tuple[int, int, str] | None:
    """The tab that most probably broke the YAML at ``error_line``: (line, col, hint), or None.

    The parser's own words ("found character that cannot start any token")
    do not say that the character is a tab, which is invisible in most editors.
    """
    lines = text.split("\n")
    for number in (error_line, error_line - 1):
        if 1 <= number <= len(lines) and "\t" in lines[number - 1]:
            content = lines[number - 1]
            col = content.index("\t") + 1
            hint = "replace the tab with spaces; YAML indents with spaces only"
            if not content[: col - 1].strip():  # a tab in the indentation: say how its neighbour is indented
                hint += _indent_example(lines, number, line_offset)
            return number, col, hint
    return None


def parse_yaml_text(text: str, file: str, problems: DiagnosticList, *, line_offset: int = 0) -> tuple[Any, SourceMap]:
    """Parse one YAML document. Problems are added to ``problems``; returns (data, source map)."""
    source = SourceMap(file)
    loader = None
    found = DiagnosticList()  # the builder's problems, capped per file below
    try:
        loader = _Loader(text)  # the pure-Python reader already rejects control characters here
        node = loader.get_single_node()
        if node is None:
            return None, source
        data = _Builder(source, found, line_offset).build(node, (), 0)
    except yaml.reader.ReaderError as exc:
        line, col = _reader_error_position(text, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        problems.error(
            Location(file, line + line_offset, col), "yaml-syntax",
            f"the file contains a character YAML does not allow ({char}, {exc.reason})",
            "delete it; inside double quotes, write control characters as escapes such as \\t",
        )
        return None, source
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        problems.error(
            Location(file, 1 + line_offset, 1), "yaml-too-deep", "values are nested too deeply to read",
            "the record format never nests this deep; check the brackets and indentation",
        )
        return None, source
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = _tab_near(text, line, line_offset)
        if tab is not None:
            tab_line, tab_col, hint = tab
            problems.error(
                Location(file, tab_line + line_offset, tab_col), "yaml-tab",
                f"a tab character at line {tab_line + line_offset}, column {tab_col}: YAML does not allow tabs here", hint,
            )
            return None, source
        detail = exc.problem or exc.context or "invalid YAML"
        problems.error(Location(file, line + line_offset, col), "yaml-syntax", f"YAML syntax error: {detail}", "check the indentation, colons and quotes near this line")
        return None, source
    except YamlError as exc:
        mark = exc.node.start_mark if exc.node is not None else None
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.error(Location(file, line + line_offset, col), "yaml-unsupported", str(exc), "write the values out in full")
        return None, source
    except yaml.YAMLError as exc:  # anything else the parser may raise
        problems.error(Location(file, 1 + line_offset, 1), "yaml-syntax", f"YAML error: {exc}", "check the file's characters")
        return None, source
    finally:
        if loader is not None:
            loader.dispose()
        add_capped(problems, found.items)
    if line_offset:
        source.positions = {p: (l + line_offset, c) for p, (l, c) in source.positions.items()}
        source.key_positions = {p: (l + line_offset, c) for p, (l, c) in source.key_positions.items()}
    return data, source


def read_text(path, file: str, problems: DiagnosticList) -> str | None:
    """Read a UTF-8 text file, reporting unreadable, empty and non-UTF-8 files."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # never more: a hostile file may be huge
            size = max(len(raw), path.stat().st_size)
    except OSError as exc:
        problems.error(Location(file, 1, 1), "io", f"cannot read the file: {exc.strerror}")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.error(
            Location(file, 1, 1), "file-too-large",
            f"the file is {size:,} bytes; a record file may be at most {MAX_FILE_BYTES:,}",
            "split long text into the Markdown documents under content/",
        )
        return None
    text = _decode(raw, file, problems)
    if text is not None and not text.strip():
        problems.error(Location(file, 1, 1), "empty-file", "the file is empty", "fill it in, or delete it")
        return None
    return text


def load_yaml_file(path, file: str, problems: DiagnosticList) -> tuple[Any, SourceMap]:
    text = read_text(path, file, problems)
    if text is None:
        return None, SourceMap(file)
    data, source = _parse_file(text, file, problems=problems)
    if data is None and not any(d.location.file == file for d in problems):
        problems.error(Location(file, 1, 1), "empty-file", "the file holds no data", "fill it in, or delete it")
    return data, source


# The record's files, each parsed again only when its text changed (`mkdocs serve`).
_parse_file = per_file(parse_yaml_text)
