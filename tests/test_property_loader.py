"""Property: whatever a record file holds, loading the project returns a Record.

Hypothesis writes generated documents as a release, a modification, the
rulebook or a document's front matter: random mappings, lists and scalars with
real field names among the keys, strings with control characters, real and
impossible dates, odd indentation and tabs, truncation, and raw text and bytes.
``load_record`` must never raise; a file that was not accepted must be named by
at least one problem, and every problem must carry a file, a line and a column.
``evaluate`` and the three output formats must cope with whatever was loaded.
Both YAML back-ends are exercised: libyaml (``CSafeLoader``) and the
pure-Python fallback used where libyaml is missing.
"""

from __future__ import annotations

import shutil
import tempfile
import typing
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from sec_release.core import yaml_source
from sec_release.core.diagnostics import format_github, format_json, format_text
from sec_release.core.evaluate import evaluate
from sec_release.core.models import Modification, Release
from sec_release.core.project import load_project
from sec_release.core.record import Record, load_record
from sec_release.core.rulebook import Requirement, Rulebook
from tests.factory import complete_release, write_project

AS_OF = date(2026, 11, 26)
SETTINGS = settings(
    max_examples=150,
    deadline=3000,  # ms per example; loading this small project takes a few
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
)

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if getattr(yaml, "__with_libyaml__", False) else [])

TARGETS = {
    # the file written: what kind of thing it is
    "data/releases/2019-11.yaml": "release",
    "data/releases/2031-01.yaml": "release",
    "data/modifications/MP071.yaml": "modification",
    "data/modifications/MP123.yaml": "modification",
    "data/rulebook/d10.yaml": "rulebook",
    "content/releases/2019-11/implementation-document.md": "front-matter",
}


def _field_names(model: type[BaseModel], seen: set | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= _field_names(annotation, seen)
            stack.extend(typing.get_args(annotation))
    return names


FIELD_NAMES = sorted(_field_names(Release) | _field_names(Modification) | _field_names(Rulebook) | _field_names(Requirement))

# ---------------------------------------------------------------------------
# strategies

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)  # control characters included
iso_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
odd_dates = st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # 2021-02-30, 0000-00-00 ...
keys = st.one_of(st.sampled_from(FIELD_NAMES), any_text, st.sampled_from(["id", "<<", "? x", "-", ""]))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    iso_dates,
    odd_dates,
    st.sampled_from(["implemented", "planned", "MP071", "2019-11", "releases/2019-11/implementation-document.md",
                     "../../etc/passwd.md", "javascript:alert(1)", "https://example.org/", "{{ x }}", "<script>", "=1+1"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=6), st.dictionaries(keys, children, max_size=8)),
    max_leaves=40,
)


@st.composite
def release_shaped(draw) -> dict:
    """A complete release with one subtree replaced by generated data: reaches deep validation."""
    data = complete_release()
    path: list = []
    node = data
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
        path.append(key)
        node = node[key]
    if not path:
        key = draw(st.sampled_from(list(data)))
        path.append(key)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if draw(st.booleans()):
        parent[path[-1]] = draw(documents)
    elif isinstance(parent, dict):
        parent[draw(keys)] = draw(documents)
    return data


@st.composite
def yaml_text(draw) -> str:
    doc = draw(st.one_of(documents, release_shaped(), st.dictionaries(st.sampled_from(FIELD_NAMES), documents, max_size=12)))
    text = yaml.safe_dump(
        doc,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        indent=draw(st.integers(2, 9)),
        width=draw(st.integers(20, 200)),
        allow_unicode=draw(st.booleans()),
        sort_keys=draw(st.booleans()),
    )
    # Hand edits: odd indentation, tabs, stray characters, a cut-off end.
    for op, where, extra in draw(st.lists(st.tuples(st.sampled_from(["indent", "dedent", "tab", "insert", "truncate"]), st.integers(0, 10**6), any_text), max_size=3)):
        lines = text.split("\n")
        i = where % len(lines)
        if op == "indent":
            lines[i] = " " * (1 + where % 3) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][1:]
        elif op == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        text = "\n".join(lines)
        if op == "insert":
            pos = where % (len(text) + 1)
            text = text[:pos] + extra + text[pos:]
        elif op == "truncate":
            text = text[: where % (len(text) + 1)]
    return text


payloads = st.one_of(
    yaml_text().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),  # raw text, lone surrogates included
    st.binary(max_size=300),
)

# ---------------------------------------------------------------------------
# the project, written once and restored after every example


@pytest.fixture(scope="module")
def project_root():
    folder = Path(tempfile.mkdtemp(prefix="sec-release-property-"))
    root = write_project(folder / "p")
    yield root
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def file_replaced(root: Path, relative: str, content: bytes):
    path = root / relative
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        yield
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def _plain_yaml(content: bytes):
    """What a plain YAML reader makes of the generated front matter, or None when it cannot read it."""
    try:
        return yaml.safe_load(content.decode("utf-8"))
    except Exception:  # not UTF-8, not YAML, too deep: the loader must say so itself (or read nothing)
        return None


def accepted(record: Record, relative: str, kind: str, content: bytes) -> bool:
    if kind == "release":
        return relative in record.release_files.values()
    if kind == "modification":
        return relative in record.modification_files.values()
    if kind == "rulebook":
        return record.rulebook is not None
    # Front matter: the page loads, and front matter that reads as something is either kept or reported.
    document = record.documents.get(relative.removeprefix("content/"))
    return document is not None and (bool(document.front_matter) or not _plain_yaml(content))


def check_loads(root: Path, relative: str, content: bytes, loader) -> None:
    kind = TARGETS[relative]
    written = content
    if kind == "front-matter":
        body = (root / relative).read_bytes()
        written = b"---\n" + content + b"\n---\n" + body
    with file_replaced(root, relative, written), mock.patch.object(yaml_source, "_Loader", loader):
        record = load_record(load_project(root))  # must not raise, whatever the file holds
        assert isinstance(record, Record)
        for problem in record.problems:
            assert problem.location.file and problem.location.line >= 1 and problem.location.col >= 1, problem
            assert problem.message
        if not accepted(record, relative, kind, content):
            assert any(p.location.file == relative for p in record.problems), (
                f"{relative} was not accepted, yet no problem names it: {[str(p.location) for p in record.problems]}"
            )
        evaluation = evaluate(record, AS_OF)
        format_text(evaluation.diagnostics, record.files_checked)
        format_json(evaluation.diagnostics)
        format_github(evaluation.diagnostics)


@SETTINGS
@given(data=st.data())
def test_generated_yaml_never_breaks_the_loader(project_root, data):
    relative = data.draw(st.sampled_from(sorted(TARGETS)), label="file")
    content = data.draw(yaml_text(), label="yaml").encode("utf-8", "surrogatepass")
    loader = data.draw(st.sampled_from(LOADERS), label="loader")
    check_loads(project_root, relative, content, loader)


@settings(SETTINGS, max_examples=100)
@given(data=st.data())
def test_raw_text_and_bytes_never_break_the_loader(project_root, data):
    relative = data.draw(st.sampled_from(sorted(TARGETS)), label="file")
    content = data.draw(payloads, label="content")
    loader = data.draw(st.sampled_from(LOADERS), label="loader")
    check_loads(project_root, relative, content, loader)


@settings(SETTINGS, max_examples=100)
@given(doc=release_shaped(), loader=st.sampled_from(LOADERS))
def test_release_with_one_generated_subtree(project_root, doc, loader):
    content = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True).encode()
    check_loads(project_root, "data/releases/2019-11.yaml", content, loader)
