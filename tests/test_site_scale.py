"""A page's weight must not grow with the record: Material renders the whole nav into every page.

Builds two factory records, of 10 and of 100 releases, and compares the HTML
of the same kind of release page in both. Prints the sizes (pytest -s).
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from tests.factory import complete_release, modification, write_project
from tests.test_site_support import Site, build_site, nav_links

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

GROWTH_LIMIT = 0.10


def releases(count: int) -> list[dict]:
    out = []
    for n in range(count):
        year, month = 2010 + n // 12, n % 12 + 1
        rid = f"{year}-{month:02d}"
        go_live = date(year, month, 20).isoformat()
        out.append(complete_release(
            rid, go_live, title=f"Release {rid}",
            modifications=[{"id": "MP071", "status": "implemented"}, {"id": f"MP{100 + n}", "status": "implemented"}],
            milestones=[{"name": "Testing complete", "date": date(year, month, 1).isoformat(), "state": "actual"}],
            baselines=[{"scope": "full", "date": date(year - 1, month, 1).isoformat()}],
        ))
    return out


def build_record(root, count: int) -> tuple[Site, float]:
    record = releases(count)
    mods = [modification("MP071")] + [modification(f"MP{100 + n}") for n in range(count)]
    project = write_project(root / f"r{count}", record, mods)
    started = time.perf_counter()
    site = Site(build_site(project))
    return site, time.perf_counter() - started


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    small, small_time = build_record(root, 10)
    large, large_time = build_record(root, 100)
    print(f"\nbuild: 10 releases {small_time:.1f} s, 100 releases {large_time:.1f} s")
    return small, large


def _size(site: Site, url: str) -> int:
    return site.path(url).stat().st_size


@pytest.mark.parametrize("pick", ["newest", "oldest"])
def test_release_page_size_does_not_grow_with_the_record(sites, pick):
    small, large = sites
    small_id = "2010-10" if pick == "newest" else "2010-01"
    large_id = "2018-04" if pick == "newest" else "2010-01"
    small_size = _size(small, f"releases/{small_id}/")
    large_size = _size(large, f"releases/{large_id}/")
    growth = large_size / small_size - 1
    print(f"\n{pick} release page: {small_size} bytes at 10 releases, {large_size} bytes at 100 ({growth:+.1%})")
    assert growth < GROWTH_LIMIT


def test_nav_is_bounded(sites):
    small, large = sites
    small_nav = nav_links(small.soup("releases/2010-10/"))
    large_nav = nav_links(large.soup("releases/2018-04/"))
    assert len(large_nav) == len(small_nav)
    assert sum(label.startswith("Release ") for label in large_nav) == 8
    assert not any(label.startswith("MP") for label in large_nav)
    # Every release is still reachable from the index.
    index = large.article("releases/")
    assert len(index.select("table.sec-releases tbody tr")) == 100


def test_other_pages_do_not_grow_either(sites):
    small, large = sites
    for url in ("modifications/MP100/", "rulebook/", "releases/2010-01/implementation-document/"):
        growth = _size(large, url) / _size(small, url) - 1
        assert growth < GROWTH_LIMIT, (url, growth)
