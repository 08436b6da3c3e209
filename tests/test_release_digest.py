"""core.digest: the canonical data of a release and the SHA-256 its page shows, byte for byte."""

from __future__ import annotations

import hashlib

from sec_release.core.digest import canonical_data, canonical_json, prune, release_digest
from sec_release.core.models import Release
from tests.factory import complete_release

# The canonical JSON of tests.factory.complete_release(): sorted keys, no spaces, absent values gone.
CANONICAL = (
    '{"amendments":[{"date":"2019-10-31","summary":"First publication."}],'
    '"baselines":[{"date":"2019-05-01","scope":"full"}],'
    '"cost_review":{"date":"2019-06-14","summary":"Costs reviewed."},'
    '"dcc_systems_impact":true,"draft":false,"go_live":"2019-11-29",'
    '"go_live_decision":{"by":"Panel","criteria_met":true,"date":"2019-11-22","decision":"go"},'
    '"id":"2019-11",'
    '"implementation_document":{"page":"releases/2019-11/implementation-document.md","updated":"2019-10-31","version":"1.0"},'
    '"milestones":[{"date":"2019-09-13","name":"Testing complete","state":"actual"}],'
    '"modifications":[{"id":"MP071","status":"implemented"}],'
    '"post_go_live_review":{"date":"2020-01-17","summary":"No incidents."},'
    '"progress_reports":[{"date":"2019-09-20","title":"Readiness report 3"}],'
    '"sec_version":"6.21","status":"implemented","summary":"A test release.",'
    '"testing_approach":{"approved":{"by":"DCC","date":"2019-02-22"},'
    '"consultation":{"closed":"2019-02-01","opened":"2019-01-07","responses":7},"owner":"DCC",'
    '"page":"releases/2019-11/testing-approach.md",'
    '"panel_review":{"by":"Panel","date":"2019-02-15","outcome":"No objections."}},'
    '"title":"Release 2019-11"}'
)
# What the release page of that release shows; a change here changes every published digest.
DIGEST = "09f3bcebd66ebf894edcac043d3b0fc3ee1a48ecb2f1a5c17ac6865aa4df3f4b"


def release(**overrides) -> Release:
    return Release.model_validate(complete_release(**overrides))


def test_the_canonical_json_of_a_release_is_sorted_compact_and_without_absent_values():
    assert canonical_json(canonical_data(release())) == CANONICAL.encode("utf-8")


def test_the_digest_of_a_release_is_the_sha256_of_its_canonical_json():
    assert release_digest(release()) == DIGEST
    assert hashlib.sha256(CANONICAL.encode("utf-8")).hexdigest() == DIGEST


def test_fields_added_to_the_format_later_at_their_defaults_leave_the_digest_as_published():
    assert release_digest(release(kind="scheduled", illustrative=False)) == DIGEST
    data = canonical_data(release())
    assert "kind" not in data and "illustrative" not in data


def test_fields_added_later_away_from_their_defaults_are_part_of_the_digest():
    data = canonical_data(release(kind="ad-hoc", illustrative=True))
    assert data["kind"] == "ad-hoc" and data["illustrative"] is True
    assert release_digest(release(kind="ad-hoc")) != DIGEST
    assert release_digest(release(illustrative=True)) != DIGEST


def test_a_false_value_is_kept_in_the_canonical_data():
    assert canonical_data(release())["draft"] is False
    assert canonical_data(release(draft=True))["draft"] is True


def test_text_is_written_as_utf8_without_escapes():
    assert canonical_json({"title": "Café – “quoted”", "n": 1}) == '{"n":1,"title":"Café – “quoted”"}'.encode("utf-8")


def test_absent_values_are_dropped_at_every_depth_but_false_zero_and_empty_text_are_kept():
    value = {
        "a": None, "b": [], "c": {}, "d": False, "e": 0, "f": "",
        "g": {"h": None, "i": {"j": []}, "k": 1},
        "l": [{"m": None, "n": 2}, {"o": {}}, None, []],
    }
    assert prune(value) == {"d": False, "e": 0, "f": "", "g": {"k": 1}, "l": [{"n": 2}, {}, None, []]}


def test_a_mapping_that_becomes_empty_once_pruned_is_dropped():
    assert prune({"outer": {"inner": {"deepest": None}}, "kept": "x"}) == {"kept": "x"}


def test_values_that_are_neither_lists_nor_mappings_are_left_as_they_are():
    assert prune("text") == "text"
    assert prune(None) is None
    assert prune([None, 1]) == [None, 1]


def test_field_names_are_those_editors_write_in_yaml():
    moved = release(go_live="2019-12-05", date_changes=[{
        "requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-29", "to": "2019-12-05",
        "by": "Authority", "reason": "More time for regression testing.",
    }])
    assert canonical_data(moved)["date_changes"] == [{
        "by": "Authority", "decided": "2019-10-08", "from": "2019-11-29", "reason": "More time for regression testing.",
        "requested": "2019-10-01", "to": "2019-12-05", "outcome": "approved",  # the default, filled in
    }]
