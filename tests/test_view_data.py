"""Evidence is data and labels cover every value: what the view models rely on, checked without a build."""

from __future__ import annotations

import typing

import pytest

from sec_release.core.document_kinds import APPLIES_TO_ORDER, DOCUMENT_KINDS, RELEASE_DOCUMENTS
from sec_release.core.evaluate import Evidence
from sec_release.core.models import ModificationStatus, ReleaseStatus
from sec_release.core.rulebook import Requirement
from sec_release.model.urls import Urls
from sec_release.pages import labels


def test_evidence_says_what_it_is_as_data_and_its_text_follows():
    field = Evidence("data/releases/2019-11.yaml", 31, field="testing_approach.consultation", found="recorded 2019-01-07")
    assert field.text == "testing_approach.consultation: recorded 2019-01-07"
    section = Evidence("content/releases/2019-11/implementation-document.md", 12, document="implementation_document", section="Time-scales")
    assert section.text == 'section "Time-scales" of the Implementation Document'
    document = Evidence("content/policy/p.md", 1, document="policy", found="content/policy/p.md")
    assert document.text == "SEC Release Management Policy: content/policy/p.md"
    # Where a release page shows a field comes from the field, whatever the text says.
    assert Urls.release_field("2019-11", field.field) == "releases/2019-11/#documents"
    assert Urls.release_field("2019-11", "milestones") == "releases/2019-11/#timescales"
    assert Urls.release_field("2019-11", "a_field_no_section_shows") == "releases/2019-11/"


def test_every_value_a_record_can_hold_has_a_label():
    assert set(labels.RELEASE_STATUS) == set(typing.get_args(ReleaseStatus))
    assert set(labels.IN_RELEASE_STATUS) == set(typing.get_args(ModificationStatus))
    with pytest.raises(AssertionError, match="do not match"):
        labels._complete({"planned": "Planned"}, ReleaseStatus)  # a value without a label fails on import, not at render time


def test_the_document_kinds_are_the_values_applies_to_allows():
    allowed = set(typing.get_args(Requirement.model_fields["applies_to"].annotation))
    assert allowed == set(APPLIES_TO_ORDER) == set(DOCUMENT_KINDS) | {"release"}
    assert [k.release_field for k in RELEASE_DOCUMENTS] == ["implementation_document", "testing_approach"]
    assert all(k.page_for("2019-11").startswith("releases/2019-11/") for k in RELEASE_DOCUMENTS)
