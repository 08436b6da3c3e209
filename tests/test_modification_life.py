"""A modification's life across releases: which step each release is, and what an exception was added after."""

from __future__ import annotations

from datetime import date

from sec_release.core.facts import modification_life
from tests.test_facts import by_id, release


def test_a_modification_implemented_in_a_release_not_yet_implemented_is_still_planned():
    planned = release("2027-11", "2027-11-04", [{"id": "MP071", "status": "implemented"}], status="planned")
    assert [(e.date, e.kind, e.release.id) for e in modification_life(by_id(planned), "MP071", [])] == [
        (date(2027, 11, 4), "planned", "2027-11"),
    ]


def test_a_modification_added_by_exception_names_the_baseline_that_froze_the_release_without_it():
    r = release("2019-11", "2019-11-29", [{"id": "MP071", "status": "implemented"}, {"id": "MP073", "status": "implemented", "added": "2019-06-03"}],
                baselines=[{"scope": "full", "date": "2019-05-17", "modifications": ["MP071"]}])
    [added] = [e for e in modification_life(by_id(r), "MP073", []) if e.kind == "added"]
    assert (added.date, added.by_exception, added.baseline.date) == (date(2019, 6, 3), True, date(2019, 5, 17))
