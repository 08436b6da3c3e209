"""No clause number or section name of the Code is written in the package: they come from the rulebook.

When the legal text moves, SECAS edits the rulebook and every page, schema
description and message follows. These tests fail on a clause or the
rulebook's code typed into code, templates or the shipped schemas, and show
that the published descriptions take their clauses from the rulebook.
"""

from __future__ import annotations

import re

import yaml

from sec_release.core.rulebook import Rulebook
from sec_release.exports.editor_schemas import editor_schema_texts
from sec_release.exports.json_export import export_schema
from sec_release.exports.shapes import JSON_FILES
from tests.factory import REPO, RULEBOOK

PACKAGE = REPO / "plugins" / "sec_release"
SHIPPED = Rulebook.model_validate(yaml.safe_load(RULEBOOK.read_text(encoding="utf-8")))
# A clause as the shipped rulebook writes them (D10.13(b)), or any of its clauses and its code.
CLAUSE_SHAPE = re.compile(r"\b[A-Z][0-9]+\.[0-9]+")
WORDS = sorted({r.clause for r in SHIPPED.requirements} | {SHIPPED.code}, key=len, reverse=True)


def _package_files():
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".html", ".css", ".js", ".txt", ".json"):
            yield path


def test_the_rulebook_names_itself_and_its_clauses_look_as_this_test_expects():
    assert SHIPPED.code and SHIPPED.title
    assert all(CLAUSE_SHAPE.search(r.clause) for r in SHIPPED.requirements)


def test_no_clause_or_section_name_in_the_package():
    found = []
    for path in _package_files():
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.split("\n"), 1):
            if CLAUSE_SHAPE.search(line) or any(word in line for word in WORDS):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == [], "take these from the rulebook:\n" + "\n".join(found)


def test_no_clause_or_section_name_in_the_editor_schemas():
    for name, text in editor_schema_texts().items():
        assert not CLAUSE_SHAPE.search(text), name
        assert not any(word in text for word in WORDS), name
    for path in (REPO / "schemas").glob("*.json"):
        assert not CLAUSE_SHAPE.search(path.read_text(encoding="utf-8")), path.name


def test_published_descriptions_take_their_clauses_from_the_rulebook():
    model = JSON_FILES["releases"][0]
    plain = export_schema("releases", model)
    assert not CLAUSE_SHAPE.search(str(plain))
    moved = Rulebook.model_validate({
        **SHIPPED.model_dump(),
        "requirements": [
            {**r.model_dump(), "clause": r.clause.replace("D10.", "Z99.")} for r in SHIPPED.requirements
        ],
    })
    release = export_schema("releases", model, rulebook=moved)["$defs"]["ReleaseOut"]["properties"]
    assert release["cost_review"]["description"].endswith("(Z99.8(d)).")
    assert "(Z99.13)" in release["implementation_document"]["description"]
    consultation = export_schema("releases", model, rulebook=moved)["$defs"]["TestingApproachOut"]["properties"]["consultation"]
    assert consultation["description"].endswith("(Z99.19).")
