"""The hostile-input corpus: malformed or malicious files laid over a valid project.

Each :class:`Case` starts from ``tests.factory.write_project`` (release 2019-11,
modification MP071, the real rulebook, complete documents) and writes, replaces,
links or deletes a few paths. ``tests/test_hostile.py`` runs ``sec-release
validate`` on the result and expects exit 1, a ``file:LINE:COL: error CODE``
message naming ``file``, no traceback, bounded time and memory, and an
unchanged tree.

``VALID_BUT_HOSTILE`` is the other half: markup, template syntax and spreadsheet
formulas in free-text fields are legitimate text. They must validate clean and
reach the record unchanged (escaping them is the job of the pages and exports).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable, Union

import yaml

from tests.factory import complete_release, modification

R = "data/releases/2019-11.yaml"
M = "data/modifications/MP071.yaml"
RB = "data/rulebook/d10.yaml"
ID = "content/releases/2019-11/implementation-document.md"
TA = "content/releases/2019-11/testing-approach.md"
POLICY = "content/policy/release-management-policy.md"


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` (relative to the link, or absolute)."""

    target: str


@dataclass(frozen=True)
class Folder:
    """A directory where a file is expected."""


@dataclass(frozen=True)
class Fifo:
    """A named pipe: opening it would block for ever."""


DELETE = None
Payload = Union[str, bytes, Callable[[], Union[str, bytes]], Link, Folder, Fifo, None]


@dataclass(frozen=True)
class Case:
    name: str
    why: str
    files: dict[str, Payload]
    file: str  # the file the message must name
    code: Union[str, tuple[str, ...]]  # the diagnostic code(s) accepted
    line: Union[int, str, None] = None  # a line number, or text whose first line it is


# ---------------------------------------------------------------------------
# building blocks


def dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def release(**overrides) -> str:
    return dump(complete_release(**overrides))


def release_data(**overrides) -> dict:
    return complete_release(**overrides)


GOOD_RELEASE = release()
GOOD_MOD = (
    "id: MP071\n"
    "title: Second-Comer Charging\n"
    "decision_path: self-governance\n"
    "stage: implemented\n"
    "dcc_systems_impact: true\n"
)


def release_with(old: str, new: str) -> str:
    assert old in GOOD_RELEASE, old
    return GOOD_RELEASE.replace(old, new, 1)


def mod_with(old: str, new: str) -> str:
    assert old in GOOD_MOD, old
    return GOOD_MOD.replace(old, new, 1)


def release_edit(path: tuple, value) -> str:
    """The complete release with one value (by path) replaced."""
    data = copy.deepcopy(release_data())
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return dump(data)


# A minimal rulebook: one sound requirement, then the entry under test (line 9 on).
RULEBOOK_HEAD = """\
schema_version: 1
requirements:
  - id: d10-7-policy
    clause: D10.7
    title: The Panel maintains a SEC Release Management Policy.
    applies_to: policy
    satisfied_by:
      document: true
"""


def rulebook_with(entry: str) -> str:
    return RULEBOOK_HEAD + entry


def release_rule(**parts: str) -> str:
    """A release requirement entry; keyword values are raw YAML lines (indented by 4)."""
    lines = {
        "id": "id: d10-x-test",
        "clause": "clause: D10.13",
        "title": "title: A test requirement.",
        "applies_to": "applies_to: release",
        "satisfied_by": "satisfied_by:\n      field: milestones",
    }
    lines.update(parts)
    body = "\n    ".join(v for v in lines.values() if v)
    return "  - " + body + "\n"


def billion_laughs() -> str:
    out = ['lol0: &lol0 "lol"']
    for i in range(1, 10):
        refs = ", ".join([f"*lol{i - 1}"] * 10)
        out.append(f"lol{i}: &lol{i} [{refs}]")
    return "\n".join(out) + "\n"


def nested_block(depth: int) -> str:
    lines = ["id: MP071", "summary:"]
    for i in range(depth):
        lines.append("  " * (i + 1) + f"k{i}:")
    lines.append("  " * (depth + 1) + "end: 1")
    return "\n".join(lines) + "\n"


def error_flood() -> str:
    # Under 1 MB: 37,000 milestones, each with a misspelt key and nothing else
    # (four problems each: 148,000 in one file).
    head = release_edit(("milestones",), []).replace("milestones: []\n", "")
    return head + "milestones:\n" + "".join(f"- {{nmae{i}: x}}\n" for i in range(37_000))


def duplicate_flood() -> str:
    return GOOD_MOD + "".join("title: again\n" for _ in range(60_000))


def big_string(n: int) -> str:
    return GOOD_MOD + "summary: " + "x" * n + "\n"


# ---------------------------------------------------------------------------
# the corpus


CASES: list[Case] = [
    # --- YAML syntax ------------------------------------------------------------
    Case("yaml-unclosed-quote", "a string that never ends", {M: mod_with("title: Second-Comer Charging", 'title: "Second-Comer Charging')}, M, "yaml-syntax"),
    Case("yaml-unclosed-flow", "a flow list that never closes", {R: release_with("modifications:\n- id: MP071\n  status: implemented\n", "modifications: [{id: MP071, status: implemented}\n")}, R, "yaml-syntax"),
    Case("yaml-bad-indentation", "a key indented under a scalar", {M: "id: MP071\n  title: x\n"}, M, "yaml-syntax", 2),
    Case("yaml-colon-in-plain-value", "an unquoted colon-space in a value", {M: mod_with("title: Second-Comer Charging", "title: Charging: second comer")}, M, "yaml-syntax", 2),
    Case("yaml-tab-indentation", "a tab where YAML needs spaces", {R: release_with("- id: MP071", "-\tid: MP071\n\tstatus: x")}, R, "yaml-tab"),
    Case("yaml-tab-indent-mapping", "a tab-indented mapping", {M: "id: MP071\nmeta:\n\ttitle: x\n"}, M, "yaml-tab", 3),
    Case("yaml-two-documents", "a second document after ---", {M: GOOD_MOD + "---\nid: MP072\n"}, M, "yaml-syntax", 6),
    Case("yaml-control-character", "a BEL character in a value", {M: mod_with("title: Second-Comer Charging", "title: Second\x07Comer")}, M, "yaml-syntax", 2),
    Case("yaml-escape-sequence-key", "a key whose escapes forge a terminal line", {M: GOOD_MOD + '"x\\e[2J\\nforged.yaml:1:1: error fake": 1\n'}, M, "unknown-key", 6),
    Case("yaml-non-string-key", "a list used as a key", {M: GOOD_MOD + "? [a, b]\n: 1\n"}, M, "yaml-key", 6),
    Case("yaml-python-tag", "PyYAML's code-execution tag", {M: mod_with("title: Second-Comer Charging", 'title: !!python/object/apply:os.system ["touch pwned"]')}, M, ("yaml-tag", "yaml-syntax"), 2),
    Case("yaml-python-name-tag", "a python/name tag on a scalar", {M: mod_with("stage: implemented", "stage: !!python/name:os.system")}, M, ("yaml-tag", "yaml-syntax"), 4),
    Case("yaml-binary-tag", "a !!binary value", {M: mod_with("title: Second-Comer Charging", "title: !!binary aGVsbG8=")}, M, "yaml-tag", 2),
    Case("yaml-local-tag", "an application tag", {M: mod_with("stage: implemented", "stage: !implemented x")}, M, "yaml-tag", 4),
    # --- encodings and empty files --------------------------------------------
    Case("encoding-bom", "a UTF-8 byte-order mark", {M: b"\xef\xbb\xbf" + GOOD_MOD.encode()}, M, "encoding-bom", 1),
    Case("encoding-latin-1", "a Latin-1 byte", {M: mod_with("Second-Comer", "Caf\xe9").encode("latin-1")}, M, "encoding", 2),
    Case("encoding-utf-16", "a UTF-16 file", {M: GOOD_MOD.encode("utf-16")}, M, ("encoding", "encoding-bom"), 1),
    Case("encoding-nul-byte", "a NUL byte", {M: mod_with("stage: implemented", "stage: imple\x00mented").encode()}, M, "encoding", 4),
    Case("encoding-overlong-utf8", "an overlong UTF-8 sequence for '/'", {M: GOOD_MOD.encode() + b"summary: ..\xc0\xaf\n"}, M, "encoding", 6),
    Case("empty-file", "zero bytes", {R: b""}, R, "empty-file", 1),
    Case("whitespace-only", "blank lines only", {R: "\n  \n\n"}, R, "empty-file", 1),
    Case("comments-only", "nothing but a comment", {M: "# to do\n"}, M, "empty-file", 1),
    Case("document-markers-only", "an explicit empty document", {M: "---\n...\n"}, M, "empty-file", 1),
    Case("top-level-list", "a list instead of a mapping", {M: "- id: MP071\n"}, M, "schema", 1),
    Case("top-level-scalar", "a bare word", {M: "MP071\n"}, M, "schema", 1),
    # --- duplicate keys, aliases, nesting, size ---------------------------------
    Case("duplicate-key", "title given twice", {M: GOOD_MOD + "title: Again\n"}, M, "yaml-duplicate-key", 6),
    Case("duplicate-key-nested", "owner given twice inside testing_approach", {R: release_with("  owner: DCC\n", "  owner: DCC\n  owner: SECAS\n")}, R, "yaml-duplicate-key", "owner: SECAS"),
    Case("duplicate-key-flood", "60,000 duplicate keys", {M: duplicate_flood}, M, "yaml-duplicate-key", 6),
    Case("billion-laughs", "nine levels of ten aliases each", {M: billion_laughs}, M, "yaml-unsupported"),
    Case("alias-of-mapping", "one anchored modification listed twice", {R: release_with("modifications:\n- id: MP071\n  status: implemented\n", "modifications:\n- &m {id: MP071, status: implemented}\n- *m\n")}, R, "yaml-unsupported"),
    Case("merge-key", "a << merge key", {M: "base: &b {title: x}\n<<: *b\n" + GOOD_MOD}, M, "yaml-unsupported"),
    Case("deep-nesting-block", "60 nested mappings", {M: nested_block(60)}, M, "yaml-too-deep"),
    Case("deep-nesting-flow", "100,000 nested flow lists", {M: lambda: "id: " + "[" * 100_000 + "]" * 100_000 + "\n"}, M, ("yaml-syntax", "yaml-too-deep")),
    Case("ten-megabyte-string", "a 10 MB title", {M: lambda: "title: " + "x" * 10_000_000 + "\n"}, M, "file-too-large", 1),
    Case("ten-megabyte-document", "a 10 MB Markdown document", {ID: lambda: "# Implementation Document\n\n" + "word " * 2_000_000}, ID, "file-too-large", 1),
    Case("long-string-under-limit", "a 900 kB summary", {M: lambda: big_string(900_000)}, M, "invalid-value", 6),
    Case("huge-integer", "a 5,000-digit number", {R: release_with("responses: 7", "responses: " + "9" * 5000)}, R, ("wrong-type", "invalid-value"), "responses:"),
    Case("error-flood", "37,000 wrong entries in one file", {R: error_flood}, R, ("unknown-key", "too-many-problems")),
    # --- wrong types, unknown keys, impossible values ---------------------------
    Case("wrong-type-title-number", "a number for a title", {M: mod_with("title: Second-Comer Charging", "title: 123")}, M, "wrong-type", 2),
    Case("wrong-type-title-null", "an empty title", {M: mod_with("title: Second-Comer Charging", "title:")}, M, "wrong-type", 2),
    Case("wrong-type-flag-string", "a quoted boolean", {M: mod_with("dcc_systems_impact: true", 'dcc_systems_impact: "true"')}, M, "wrong-type", 5),
    Case("wrong-type-version-float", "an unquoted SEC version", {R: release_with("sec_version: '6.21'", "sec_version: 6.21")}, R, "wrong-type", "sec_version:"),
    Case("wrong-shape-mapping-for-list", "a mapping where a list belongs", {R: release_with("modifications:\n- id: MP071\n  status: implemented\n", "modifications:\n  id: MP071\n")}, R, "wrong-type", "  id: MP071"),
    Case("wrong-shape-list-for-mapping", "a list where a mapping belongs", {R: release_edit(("cost_review",), ["2019-06-14"])}, R, "wrong-type", "- '2019-06-14'"),
    Case("empty-title", "a title of spaces", {M: mod_with("title: Second-Comer Charging", 'title: "   "')}, M, "invalid-value", 2),
    Case("negative-count", "minus one consultation response", {R: release_with("responses: 7", "responses: -1")}, R, "invalid-value", "responses:"),
    Case("unknown-key", "a misspelt top-level key", {M: GOOD_MOD + "titel: typo\n"}, M, "unknown-key", 6),
    Case("unknown-key-nested", "a misspelt key in a milestone", {R: release_with("- name: Testing complete", "- nmae: Testing complete")}, R, "unknown-key", "nmae:"),
    Case("unknown-value", "a status that does not exist", {R: release_with("status: implemented", "status: done")}, R, "not-allowed", "status: done"),
    Case("impossible-date", "30 February", {R: release_with("go_live: '2019-11-29'", "go_live: 2019-02-30")}, R, "invalid-value", "go_live:"),
    Case("date-month-13", "month 13", {M: GOOD_MOD + "raised: 2019-13-01\n"}, M, "invalid-value", 6),
    Case("date-wrong-format", "a British-style date", {R: release_with("go_live: '2019-11-29'", "go_live: 29/11/2019")}, R, "invalid-value", "go_live:"),
    Case("date-year-zero", "year 0000", {M: GOOD_MOD + "raised: 0000-01-01\n"}, M, "invalid-value", 6),
    Case("date-order", "a consultation that closed before it opened", {R: release_with("closed: '2019-02-01'", "closed: '2018-02-01'")}, R, "date-order", "closed:"),
    Case("amendments-out-of-order", "an amendment older than the one before", {R: release_edit(("amendments",), [{"date": "2019-10-31", "summary": "a"}, {"date": "2019-01-01", "summary": "b"}])}, R, "amendment-order"),
    # --- ids, paths and cross-references ----------------------------------------
    Case("release-id-traversal", "an id climbing out of the data dir", {R: release_with("id: 2019-11", "id: ../../etc/passwd")}, R, "invalid-value", 1),
    Case("release-id-slash", "an id with a slash", {R: release_with("id: 2019-11", "id: 2019/11")}, R, "invalid-value", 1),
    Case("release-id-mismatch", "an id that is not the file name", {R: release_with("id: 2019-11", "id: 2019-12")}, R, "id-mismatch", 1),
    Case("modification-id-traversal", "a modification id with ../", {M: mod_with("id: MP071", "id: ../releases/2019-11")}, M, "invalid-value", 1),
    Case("reference-traversal", "a release listing a modification by a path", {R: release_with("- id: MP071\n  status: implemented", "- id: ../releases/2019-11\n  status: implemented")}, R, "invalid-value", "../releases"),
    Case("reference-unknown", "a release listing a modification that does not exist", {R: release_with("- id: MP071\n  status: implemented", "- id: MP071\n  status: implemented\n- id: MP999\n  status: targeted")}, R, "unknown-modification", "MP999"),
    Case("reference-twice", "the same modification twice", {R: release_with("- id: MP071\n  status: implemented", "- id: MP071\n  status: implemented\n- id: MP071\n  status: approved")}, R, "duplicate-modification"),
    Case("record-file-yml", "a .yml record file", {"data/releases/2019-12.yml": release(id="2019-12")}, "data/releases/2019-12.yml", "file-name", 1),
    Case("record-file-bad-name", "a release file whose name is not an id", {"data/releases/evil.yaml": release(id="evil")}, "data/releases/evil.yaml", "invalid-value", 1),
    Case("record-file-is-folder", "a folder named like a record file", {"data/modifications/MP072.yaml": Folder()}, "data/modifications/MP072.yaml", "file-name", 1),
    Case("record-file-is-fifo", "a named pipe named like a record file", {"data/modifications/MP072.yaml": Fifo()}, "data/modifications/MP072.yaml", "file-name", 1),
    Case("record-file-links-to-device", "a link to /dev/zero", {"data/modifications/MP072.yaml": Link("/dev/zero")}, "data/modifications/MP072.yaml", "file-name", 1),
    Case("record-file-dangling-link", "a link to nothing", {"data/modifications/MP072.yaml": Link("nowhere.yaml")}, "data/modifications/MP072.yaml", "file-name", 1),
    Case("record-file-links-outside", "a link to a file outside the project", {"../outside.yaml": "- not a record\n", "data/modifications/MP072.yaml": Link("../../../outside.yaml")}, "data/modifications/MP072.yaml", "schema", 1),
    # --- URLs -------------------------------------------------------------------
    Case("url-javascript", "a javascript: URL for a modification", {M: GOOD_MOD + "url: javascript:alert(document.cookie)\n"}, M, "invalid-value", 6),
    Case("url-javascript-disguised", "mixed case, a leading space and a tab", {M: GOOD_MOD + 'url: " JaVaScRiPt:\\talert(1)"\n'}, M, "invalid-value", 6),
    Case("url-data", "a data: URL for a progress report", {R: release_edit(("progress_reports",), [{"date": "2019-09-20", "title": "Report", "url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="}])}, R, "invalid-value", "data:text/html"),
    Case("url-vbscript", "a vbscript: URL", {M: GOOD_MOD + "url: vbscript:msgbox(1)\n"}, M, "invalid-value", 6),
    Case("url-file", "a file: URL", {M: GOOD_MOD + "url: file:///etc/passwd\n"}, M, "invalid-value", 6),
    Case("url-protocol-relative", "a //host URL", {R: release_edit(("progress_reports",), [{"date": "2019-09-20", "title": "Report", "url": "//evil.example/x"}])}, R, "invalid-value", "//evil"),
    Case("url-with-newline", "an http URL with a line break inside", {M: GOOD_MOD + 'url: "https://example.org/\\njavascript:alert(1)"\n'}, M, "invalid-value", 6),
    # --- markup, templates and formulas where the record allows no free text ----
    Case("script-in-id", "<script> as a modification id", {M: mod_with("id: MP071", "id: <script>alert(1)</script>")}, M, "invalid-value", 1),
    Case("script-in-status", "<script> as a release status", {R: release_with("status: implemented", 'status: "<script>alert(1)</script>"')}, R, "not-allowed", "<script>"),
    Case("template-in-choice", "{{ }} as a decision path", {M: mod_with("decision_path: self-governance", 'decision_path: "{{ config.site_name }}"')}, M, "not-allowed", 3),
    Case("template-block-in-version", "{% %} as a SEC version", {R: release_with("sec_version: '6.21'", "sec_version: \"{% include 'mkdocs.yml' %}\"")}, R, "invalid-value", "sec_version:"),
    Case("template-in-waiver-id", "{{ }} as the requirement a waiver names", {R: release_edit(("waivers",), [{"requirement": "{{ 7*7 }}", "decided": "2019-03-01", "by": "Panel", "reason": "x"}])}, R, "invalid-value", "7*7"),
    Case("formula-in-id", "a spreadsheet formula as a modification id", {M: mod_with("id: MP071", "id: '=HYPERLINK(\"https://evil.example\",\"x\")'")}, M, "invalid-value", 1),
    Case("formula-in-choice", "a DDE payload as the body that decided", {R: release_with("  by: DCC\n", "  by: \"+cmd|' /C calc'!A0\"\n")}, R, "not-allowed", "+cmd"),
    # --- documents ------------------------------------------------------------------
    Case("page-traversal", "an Implementation Document outside content/", {R: release_with("page: releases/2019-11/implementation-document.md", "page: ../../etc/passwd.md")}, R, "page-path", "passwd"),
    Case("page-absolute", "an absolute page path", {R: release_with("page: releases/2019-11/implementation-document.md", "page: /etc/passwd.md")}, R, "page-path", "passwd"),
    Case("page-windows-path", "a Windows drive path", {R: release_with("page: releases/2019-11/testing-approach.md", "page: C:\\Windows\\win.md")}, R, "page-path", "Windows"),
    Case("page-not-markdown", "the site config as a page", {R: release_with("page: releases/2019-11/testing-approach.md", "page: ../mkdocs.yml")}, R, "page-path", "mkdocs.yml"),
    Case("page-missing", "a page that does not exist", {R: release_with("page: releases/2019-11/implementation-document.md", "page: releases/2019-11/nowhere.md")}, R, "missing-page", "nowhere"),
    Case("page-link-outside", "a document that is a link to a file outside content/", {ID: Link("../../../mkdocs.yml")}, R, "page-path", "implementation-document.md"),
    Case("policy-link-outside", "the Policy as a link outside content/", {POLICY: Link("../../mkdocs.yml")}, POLICY, "d10-7-policy", 1),
    Case("front-matter-syntax", "broken YAML front matter", {ID: "---\ntitle: [oops\n---\n# Implementation Document\n"}, ID, "yaml-syntax"),
    Case("front-matter-alias-bomb", "an alias bomb in front matter", {ID: "---\n" + billion_laughs() + "---\n# Implementation Document\n"}, ID, "yaml-unsupported"),
    Case("front-matter-list", "front matter that is a list", {ID: "---\n- a\n- b\n---\n# Implementation Document\n"}, ID, "front-matter", 2),
    Case("front-matter-duplicate", "a duplicate key in front matter", {TA: "---\ntitle: a\ntitle: b\n---\n# Testing Approach\n"}, TA, "yaml-duplicate-key", 3),
    Case("document-latin-1", "a Latin-1 document", {TA: "# Testing Approach\n\n## Consultation\nCaf\xe9\n".encode("latin-1")}, TA, "encoding", 4),
    Case("document-empty", "an empty document", {ID: b""}, ID, "empty-file", 1),
    Case("document-bom", "a document with a BOM", {TA: b"\xef\xbb\xbf# Testing Approach\n"}, TA, "encoding-bom", 1),
    # --- waivers and the rulebook ----------------------------------------------
    Case("waiver-unknown-requirement", "a waiver for a requirement that does not exist", {R: release_edit(("waivers",), [{"requirement": "d10-99-nothing", "decided": "2019-03-01", "by": "Panel", "reason": "x"}])}, R, "unknown-requirement", "d10-99-nothing"),
    Case("rulebook-unknown-check", "an unknown key in satisfied_by", {RB: rulebook_with(release_rule(satisfied_by="satisfied_by:\n      sections: [Timescales]"))}, RB, "unknown-key", "sections:"),
    Case("rulebook-unknown-field", "a field releases do not have", {RB: rulebook_with(release_rule(satisfied_by="satisfied_by:\n      field: milestonez"))}, RB, "rulebook", "milestonez"),
    Case("rulebook-unknown-condition", "a condition on a field that does not exist", {RB: rulebook_with(release_rule(condition="condition: dcc_impact"))}, RB, "rulebook", "dcc_impact"),
    Case("rulebook-condition-not-boolean", "a condition on a text field", {RB: rulebook_with(release_rule(condition="condition: title"))}, RB, "rulebook", "condition: title"),
    Case("rulebook-count-of-scalar", "a count of a field that is not a list", {RB: rulebook_with(release_rule(satisfied_by="satisfied_by:\n      count: {field: title}"))}, RB, "rulebook", "count:"),
    Case("rulebook-unknown-applies-to", "a kind of thing the rulebook cannot check", {RB: rulebook_with(release_rule(applies_to="applies_to: everything"))}, RB, "not-allowed", "everything"),
    Case("rulebook-unknown-status", "due from a status that does not exist", {RB: rulebook_with(release_rule(due_from="due_from: approved"))}, RB, "not-allowed", "due_from"),
    Case("rulebook-no-check", "an empty satisfied_by", {RB: rulebook_with(release_rule(satisfied_by="satisfied_by: {}"))}, RB, "rulebook", 13),
    Case("rulebook-duplicate-id", "two requirements with one id", {RB: rulebook_with(release_rule(id="id: d10-7-policy"))}, RB, "rulebook", 9),
    Case("rulebook-missing", "no rulebook at all", {RB: DELETE}, RB, "rulebook", 1),
    Case("rulebook-script-in-id", "<script> as a requirement id", {RB: rulebook_with(release_rule(id='id: "<script>alert(1)</script>"'))}, RB, "invalid-value", "<script>"),
]


# ---------------------------------------------------------------------------
# valid but hostile: free text that must pass validation unchanged

HOSTILE_TEXT: dict[str, str] = {
    "script": "<script>alert('x')</script>",
    "attribute-breakout": '"><img src=x onerror=alert(1)>',
    "svg-breakout": "]]></text></svg><script>alert(1)</script>",
    "jinja-expression": "{{ config.site_name }}{{ 7*7 }}",
    "jinja-statement": "{% include 'mkdocs.yml' %}{# c #}",
    "formula-equals": '=HYPERLINK("https://evil.example","click")',
    "formula-dde": "+cmd|' /C calc'!A0",
    "formula-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula-minus": "-2+3+cmd|' /C calc'!A0",
    "javascript-as-text": "javascript:alert(document.domain)",
    "ics-injection": "x\\nEND:VEVENT\\nBEGIN:VEVENT",
    "newline-injection": "x\nEND:VEVENT\nBEGIN:VEVENT\n=1+1",
    "bidi-override": "release \u202egnp.exe",
}


def hostile_text_project(text: str) -> tuple[list[dict], list[dict]]:
    """(releases, modifications) for write_project with ``text`` in every free-text field."""
    rel = complete_release(
        title=text,
        summary=text,
        modifications=[{"id": "MP071", "status": "implemented", "part": text, "note": text}],
        milestones=[{"name": text, "date": "2019-09-13", "state": "actual"}],
        date_changes=[{"requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-29", "by": "Authority", "reason": text}],
        progress_reports=[{"date": "2019-09-20", "title": text, "url": "https://example.org/report?q=<script>&x={{y}}"}],
        cost_review={"date": "2019-06-14", "summary": text},
        external_auditor={"appointed": "2019-03-01", "name": text, "scope": text},
        post_go_live_review={"date": "2020-01-17", "summary": text},
        amendments=[{"date": "2019-10-31", "summary": text}],
    )
    rel["implementation_document"]["version"] = text
    rel["testing_approach"]["owner"] = text
    rel["testing_approach"]["version"] = text
    rel["testing_approach"]["panel_review"]["outcome"] = text
    mod = modification("MP071", title=text, summary=text, url="https://example.org/mod?a=1&b=<b>")
    return [rel], [mod]


# Where the text must come back unchanged: (model, dotted path).
HOSTILE_TEXT_FIELDS: list[tuple[str, str]] = [
    ("release", "title"), ("release", "summary"), ("release", "modifications.0.part"), ("release", "modifications.0.note"),
    ("release", "milestones.0.name"), ("release", "date_changes.0.reason"), ("release", "progress_reports.0.title"),
    ("release", "cost_review.summary"), ("release", "external_auditor.name"), ("release", "external_auditor.scope"),
    ("release", "post_go_live_review.summary"), ("release", "amendments.0.summary"),
    ("release", "implementation_document.version"), ("release", "testing_approach.owner"),
    ("release", "testing_approach.version"), ("release", "testing_approach.panel_review.outcome"),
    ("modification", "title"), ("modification", "summary"),
]


# Issue 9's attacks and their variants (links, raw HTML, templates, sections, scalars, page paths).
from tests.hostile.security_cases import SECURITY_CASES  # noqa: E402  (it builds on the helpers above)

CASES += SECURITY_CASES
