"""What releases.json and modifications.json compute from the record: by-exception additions, split parts, date steps, who is impacted, each modification's life.

In-process from a small record, no build: the "computed" objects a program
reading the open data gets, exactly.
"""

from __future__ import annotations

from datetime import date

import pytest

from sec_release.core.check import check_project
from sec_release.core.project import config_from_options
from sec_release.exports.shapes import modifications_file, releases_file
from sec_release.model.context import SiteContext
from tests.factory import PARTIES, complete_release, modification, write_project


@pytest.fixture
def ctx(tmp_path) -> SiteContext:
    november = complete_release("2019-11", "2019-11-29", modifications=[{"id": "MP071", "status": "implemented", "part": "Part 1", "rest_in": ["2020-02"]}, {"id": "MP072", "status": "implemented", "added": "2019-07-01"}, {"id": "MP073", "status": "implemented"}, {"id": "MP075", "status": "removed", "removed": "2019-08-01"}],
        baselines=[{"scope": "full", "date": "2019-05-01", "modifications": ["MP071", "MP073", "MP075"]}],
        date_changes=[{"decided": "2019-08-01", "from": "2019-11-07", "to": "2019-11-14", "window": {"earliest": "2019-11-14", "latest": "2019-11-30"}, "by": "Panel"},
            {"requested": "2019-09-01", "from": "2019-11-14", "to": "2019-11-29", "by": "Panel"}])
    february = complete_release("2020-02", "2020-02-27", modifications=[{"id": "MP074", "status": "implemented"}, {"id": "MP071", "status": "implemented", "part": "Part 2"}])
    mods = [modification("MP071", impacts=["dcc", "large-suppliers"], history=[{"date": "2019-01-10", "event": "raised", "by": "DCC"}]), modification("MP072", impacts=[]), modification("MP073"), modification("MP074", impacts=["dcc"]), modification("MP075", impacts=["small-suppliers"])]
    root = write_project(tmp_path / "p", [november, february], mods, parties=PARTIES)
    checked = check_project(config_from_options(root, "content", {}), date(2026, 11, 26))
    assert not checked.record.problems, checked.record.problems
    return SiteContext(checked.record, checked.evaluation, site_url="https://example.org/test/")


def test_each_release_says_what_came_in_by_exception_its_split_parts_date_steps_and_who_is_impacted(ctx):
    releases = releases_file(ctx).model_dump(mode="json", by_alias=True)["releases"]
    # MP075 was removed from 2019-11: it impacts no one there. MP073 does not say whom it impacts.
    assert {r["id"]: r["computed"] for r in releases} == {'2019-11': {'added_by_exception': ['MP072'],
             'other_parts': [{'modification_id': 'MP071', 'part': 'Part 1', 'release_id': '2020-02', 'release_part': 'Part 2', 'later': True}],
             'date_steps': [{'number': 1, 'window': {'earliest': '2019-11-14', 'latest': '2019-11-30'}, 'fixes_day_within': None},
                            {'number': 2, 'window': None, 'fixes_day_within': {'earliest': '2019-11-14', 'latest': '2019-11-30'}}],
             'impacted': [{'party': 'large-suppliers', 'label': 'Large Suppliers', 'modifications': ['MP071']},
                          {'party': 'dcc', 'label': 'DCC', 'modifications': ['MP071']}],
             'impacts_not_recorded': ['MP073']},
 '2020-02': {'added_by_exception': [],
             'other_parts': [{'modification_id': 'MP071', 'part': 'Part 2', 'release_id': '2019-11', 'release_part': 'Part 1', 'later': False}],
             'date_steps': [],
             'impacted': [{'party': 'large-suppliers', 'label': 'Large Suppliers', 'modifications': ['MP071']},
                          {'party': 'dcc', 'label': 'DCC', 'modifications': ['MP074', 'MP071']}],
             'impacts_not_recorded': []}}


def test_each_modification_lists_its_releases_and_its_life(ctx):
    modifications = modifications_file(ctx).model_dump(mode="json", by_alias=True)["modifications"]
    assert {m["id"]: {"computed": m["computed"], "releases": m["releases"]} for m in modifications} == {'MP071': {'computed': {'life': [{'date': '2019-01-10',
                                  'kind': 'history',
                                  'release_id': None,
                                  'part': None,
                                  'event': 'raised',
                                  'by': 'DCC',
                                  'note': None,
                                  'by_exception': False},
                                 {'date': '2019-05-01',
                                  'kind': 'baselined',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False},
                                 {'date': '2019-11-29',
                                  'kind': 'implemented',
                                  'release_id': '2019-11',
                                  'part': 'Part 1',
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False},
                                 {'date': '2020-02-27',
                                  'kind': 'implemented',
                                  'release_id': '2020-02',
                                  'part': 'Part 2',
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False}]},
           'releases': [{'release_id': '2019-11',
                         'release_url': 'https://example.org/test/releases/2019-11/',
                         'status': 'implemented',
                         'part': 'Part 1',
                         'note': None},
                        {'release_id': '2020-02',
                         'release_url': 'https://example.org/test/releases/2020-02/',
                         'status': 'implemented',
                         'part': 'Part 2',
                         'note': None}]},
 'MP072': {'computed': {'life': [{'date': '2019-07-01',
                                  'kind': 'added',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': True},
                                 {'date': '2019-11-29',
                                  'kind': 'implemented',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False}]},
           'releases': [{'release_id': '2019-11',
                         'release_url': 'https://example.org/test/releases/2019-11/',
                         'status': 'implemented',
                         'part': None,
                         'note': None}]},
 'MP073': {'computed': {'life': [{'date': '2019-05-01',
                                  'kind': 'baselined',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False},
                                 {'date': '2019-11-29',
                                  'kind': 'implemented',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False}]},
           'releases': [{'release_id': '2019-11',
                         'release_url': 'https://example.org/test/releases/2019-11/',
                         'status': 'implemented',
                         'part': None,
                         'note': None}]},
 'MP074': {'computed': {'life': [{'date': '2020-02-27',
                                  'kind': 'implemented',
                                  'release_id': '2020-02',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False}]},
           'releases': [{'release_id': '2020-02',
                         'release_url': 'https://example.org/test/releases/2020-02/',
                         'status': 'implemented',
                         'part': None,
                         'note': None}]},
 'MP075': {'computed': {'life': [{'date': '2019-05-01',
                                  'kind': 'baselined',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False},
                                 {'date': '2019-08-01',
                                  'kind': 'removed',
                                  'release_id': '2019-11',
                                  'part': None,
                                  'event': None,
                                  'by': None,
                                  'note': None,
                                  'by_exception': False}]},
           'releases': [{'release_id': '2019-11',
                         'release_url': 'https://example.org/test/releases/2019-11/',
                         'status': 'removed',
                         'part': None,
                         'note': None}]}}
