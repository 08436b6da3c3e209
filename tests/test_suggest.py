"""The did-you-mean helper every message shares."""

import pytest

from sec_release.core.suggest import Suggestion, closest, did_you_mean, suggestion


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("MP164X", ["MP164", "MP163", "MP173"], Suggestion("MP164", case_only=False)),
        ("Implemented", ["planned", "baselined", "implemented", "cancelled"], Suggestion("implemented", case_only=True)),
        ("panel", ["Panel", "Sub-Committee"], Suggestion("Panel", case_only=True)),
        ("Implemnted", ["planned", "implemented"], Suggestion("implemented", case_only=False)),
        ("d10-13-timescale", ["d10-13-timescales", "d10-13-content"], Suggestion("d10-13-timescales", case_only=False)),
    ],
)
def test_suggestion_finds_the_near_miss(word, candidates, expected):
    assert suggestion(word, candidates) == expected
    assert closest(word, candidates) == expected.value


@pytest.mark.parametrize("word", ["planned", "XYZ999", "", None, 5])
def test_nothing_to_suggest(word):
    assert suggestion(word, ["planned", "baselined"]) is None


def test_phrases_name_a_difference_of_case():
    assert suggestion("Implemented", ["implemented"]).phrase() == 'write "implemented" in lower case'
    assert suggestion("mp164", ["MP164"]).phrase() == 'write "MP164" in capitals'
    assert suggestion("panel", ["Panel"]).phrase() == 'write "Panel" with a capital P'
    assert suggestion("sub-committee", ["Sub-Committee"]).phrase() == 'write "Sub-Committee" with the capitals as shown'
    assert suggestion("MP164X", ["MP164"]).phrase() == 'did you mean "MP164"?'


def test_did_you_mean_starts_a_hint():
    assert did_you_mean("MP164X", ["MP164"]) == 'did you mean "MP164"? '
    assert did_you_mean("mp164", ["MP164"]) == 'write "MP164" in capitals; '
    assert did_you_mean("zzz", ["MP164"]) == ""
