"""/feed.xml and the per-party feeds, built in-process from a small record: every entry, exactly.

Three kinds of entry (a new release, an amendment, a go-live decision), newest
first with fixed ties; the feed a reader's client shows is these bytes.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest

from sec_release.core.check import check_project
from sec_release.core.project import config_from_options
from sec_release.exports.atom import atom_files, feed_xml, published_on
from sec_release.model.context import BuildInfo, SiteContext
from tests.factory import PARTIES, complete_release, modification, write_project

BUILT_AT = datetime(2026, 11, 26, 9, 5, tzinfo=timezone.utc)
SITE = "https://example.org/test/"


def november() -> dict:
    return complete_release(
        "2019-11", "2019-11-29", title="November 2019 SEC Release", summary="Two *changes*.",
        modifications=[{"id": "MP071", "status": "implemented"}],
        amendments=[
            {"date": "2019-06-01", "summary": "Release added."},
            {"date": "2019-10-31", "summary": "Scope **fixed**."},
            {"date": "2019-10-31", "summary": "A typo corrected."},
        ],
        date_changes=[
            {"requested": "2019-07-01", "decided": "2019-07-10", "from": "2019-11-07", "to": "2019-12-05", "by": "Authority", "outcome": "rejected", "reason": "Not needed."},
            {"decided": "2019-08-01", "from": "2019-11-07", "to": "2019-11-14", "window": {"earliest": "2019-11-14", "latest": "2019-11-30"}, "by": "Panel"},
            {"requested": "2019-09-01", "from": "2019-11-14", "to": "2019-11-29", "by": "Panel"},
        ],
    )


def hotfix(**overrides) -> dict:
    data = dict(
        title="February 2020 fix", kind="ad-hoc", summary="A fix.",
        modifications=[{"id": "MP072", "status": "implemented"}], amendments=[], date_changes=[],
        baselines=[{"scope": "full", "date": "2020-01-20"}],
    )
    data.update(overrides)
    return complete_release("2020-02-hotfix", "2020-02-20", **data)


def context(tmp_path, releases, site_url: str = SITE) -> SiteContext:
    root = write_project(tmp_path / "p", releases, [modification("MP071", impacts=["dcc"]), modification("MP072")], parties=PARTIES)
    checked = check_project(config_from_options(root, "content", {}), date(2026, 11, 26))
    assert not checked.record.problems, checked.record.problems
    return SiteContext(checked.record, checked.evaluation, build=BuildInfo(built_at=BUILT_AT), site_url=site_url)


@pytest.fixture
def ctx(tmp_path):
    return context(tmp_path, [november(), hotfix()])


FEED = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
    '  <id>https://example.org/test/feed.xml</id>\n'
    '  <title>SEC Releases: changes to the record</title>\n'
    '  <subtitle>New SEC Releases, amendments to their record, and changes of go-live dates.</subtitle>\n'
    '  <updated>2019-10-31T00:00:00Z</updated>\n'
    '  <link rel="self" type="application/atom+xml" href="https://example.org/test/feed.xml" />\n'
    '  <link rel="alternate" type="text/html" href="https://example.org/test/" />\n'
    '  <author>\n'
    '    <name>SEC Releases record</name>\n'
    '  </author>\n'
    '  <rights>Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/</rights>\n'
    '  <generator>sec-release</generator>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-amendment-2019-10-31</id>\n'
    '    <title>November 2019 SEC Release: record amended</title>\n'
    '    <updated>2019-10-31T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;Scope &lt;strong&gt;fixed&lt;/strong&gt;.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-amendment-2019-10-31-2</id>\n'
    '    <title>November 2019 SEC Release: record amended</title>\n'
    '    <updated>2019-10-31T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;A typo corrected.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2020-02-hotfix/#feed-release</id>\n'
    '    <title>New release: February 2020 fix</title>\n'
    '    <updated>2019-10-31T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2020-02-hotfix/" />\n'
    '    <content type="html">&lt;p&gt;Go-live: 20 February 2020.&lt;/p&gt;&lt;p&gt;An implementation outside the release windows.&lt;/p&gt;&lt;p&gt;Who is impacted: not recorded.&lt;/p&gt;&lt;p&gt;A fix.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-date-change-2019-11-14-2019-11-29</id>\n'
    '    <title>November 2019 SEC Release: go-live fixed at 29 November 2019 within the window</title>\n'
    '    <updated>2019-09-01T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;The Panel fixed the day within that window: 29 November 2019.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-date-change-2019-11-07-2019-11-14</id>\n'
    '    <title>November 2019 SEC Release: go-live to fall between 14 November 2019 and 30 November 2019</title>\n'
    '    <updated>2019-08-01T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;The Panel approved on 1 August 2019 a go-live between 14 November 2019 and 30 November 2019.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-date-change-2019-11-07-2019-12-05</id>\n'
    '    <title>November 2019 SEC Release: move of go-live to 5 December 2019 rejected</title>\n'
    '    <updated>2019-07-10T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;The Authority rejected moving go-live to 5 December 2019 on 10 July 2019.&lt;/p&gt;&lt;p&gt;Not needed.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-amendment-2019-06-01</id>\n'
    '    <title>November 2019 SEC Release: record amended</title>\n'
    '    <updated>2019-06-01T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;Release added.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '  <entry>\n'
    '    <id>https://example.org/test/releases/2019-11/#feed-release</id>\n'
    '    <title>New release: November 2019 SEC Release</title>\n'
    '    <updated>2019-06-01T00:00:00Z</updated>\n'
    '    <link rel="alternate" type="text/html" href="https://example.org/test/releases/2019-11/" />\n'
    '    <content type="html">&lt;p&gt;Go-live: 29 November 2019.&lt;/p&gt;&lt;p&gt;Who is impacted: DCC.&lt;/p&gt;&lt;p&gt;Two &lt;em&gt;changes&lt;/em&gt;.&lt;/p&gt;</content>\n'
    '  </entry>\n'
    '</feed>\n'
)


def test_the_feed_lists_every_change_newest_first_with_its_words_and_links(ctx):
    assert feed_xml(ctx).decode() == FEED


def entry_ids(content: bytes) -> list[str]:
    return [line.strip()[4:-5] for line in content.decode().splitlines() if line.startswith("    <id>")]


def test_each_party_has_a_feed_of_the_releases_carrying_a_change_affecting_it(ctx):
    files = {f.path: f.content.decode() for f in atom_files(ctx)}
    assert list(files) == ["feed.xml", "parties/large-suppliers/feed.xml", "parties/small-suppliers/feed.xml", "parties/dcc/feed.xml"]
    assert files["feed.xml"] == FEED
    dcc = files["parties/dcc/feed.xml"]
    assert dcc.splitlines()[2:8] == [
        "  <id>https://example.org/test/parties/dcc/feed.xml</id>",
        "  <title>SEC Releases affecting DCC: changes to the record</title>",
        "  <subtitle>New SEC Releases, amendments to their record, and changes of go-live dates.</subtitle>",
        "  <updated>2019-10-31T00:00:00Z</updated>",
        '  <link rel="self" type="application/atom+xml" href="https://example.org/test/parties/dcc/feed.xml" />',
        '  <link rel="alternate" type="text/html" href="https://example.org/test/" />',
    ]
    assert entry_ids(dcc.encode()) == [i for i in entry_ids(FEED.encode()) if "/2019-11/" in i]


def test_a_feed_without_entries_is_dated_when_the_site_was_built(ctx):
    large = {f.path: f.content.decode() for f in atom_files(ctx)}["parties/large-suppliers/feed.xml"]
    assert large.splitlines()[3:6] == [
        "  <title>SEC Releases affecting Large Suppliers: changes to the record</title>",
        "  <subtitle>New SEC Releases, amendments to their record, and changes of go-live dates.</subtitle>",
        "  <updated>2026-11-26T09:05:00Z</updated>",
    ]
    assert "<entry>" not in large


def test_without_a_site_address_ids_are_tag_uris_and_links_are_relative(tmp_path):
    content = feed_xml(context(tmp_path, [november(), hotfix()], site_url="")).decode()
    lines = content.splitlines()
    assert lines[2] == "  <id>tag:sec-release.invalid,2018:feed</id>"
    assert lines[6:8] == [
        '  <link rel="self" type="application/atom+xml" href="feed.xml" />',
        '  <link rel="alternate" type="text/html" href="./" />',
    ]
    assert entry_ids(content.encode())[:3] == [
        "tag:sec-release.invalid,2018:releases/2019-11/feed-amendment-2019-10-31",
        "tag:sec-release.invalid,2018:releases/2019-11/feed-amendment-2019-10-31-2",
        "tag:sec-release.invalid,2018:releases/2020-02-hotfix/feed-release",
    ]
    assert '    <link rel="alternate" type="text/html" href="releases/2019-11/" />' in lines


def test_a_party_feed_without_a_site_address_has_its_own_tag_uri(tmp_path):
    ctx = context(tmp_path, [november(), hotfix()], site_url="")
    dcc = {f.path: f.content.decode() for f in atom_files(ctx)}["parties/dcc/feed.xml"]
    assert dcc.splitlines()[2] == "  <id>tag:sec-release.invalid,2018:parties/dcc/feed</id>"


@pytest.mark.parametrize("overrides, expected", [
    ({"amendments": [{"date": "2020-01-05", "summary": "Added."}]}, date(2020, 1, 5)),  # its first amendment
    ({}, date(2019, 10, 31)),  # the earliest of its baseline (2020-01-20) and its document's update
    ({"implementation_document": {"page": "releases/2020-02-hotfix/implementation-document.md", "version": "1.0"}}, date(2020, 1, 20)),
    ({"baselines": [], "implementation_document": None,
      "date_changes": [{"requested": "2020-01-09", "decided": "2020-01-12", "from": "2020-02-13", "to": "2020-02-20", "by": "Panel"}]}, date(2020, 1, 9)),
    ({"baselines": [], "implementation_document": None,
      "date_changes": [{"decided": "2020-01-12", "from": "2020-02-13", "to": "2020-02-20", "by": "Panel"}]}, date(2020, 1, 12)),
    ({"baselines": [], "implementation_document": None}, date(2026, 11, 26)),  # nothing in the record: the build's date
])
def test_a_new_release_is_dated_when_it_first_appeared_in_the_record(tmp_path, overrides, expected):
    ctx = context(tmp_path, [hotfix(**overrides)])
    assert published_on(ctx, ctx.releases["2020-02-hotfix"]) == expected


def test_the_feed_keeps_the_newest_200_entries(tmp_path):
    amendments = [{"date": (date(2019, 1, 1) + timedelta(days=n)).isoformat(), "summary": f"Change {n}."} for n in range(201)]
    ctx = context(tmp_path, [hotfix(amendments=amendments)])
    ids = entry_ids(feed_xml(ctx))
    assert len(ids) == 200  # 201 amendments and the new release: the release and the oldest amendment drop off
    assert ids[0] == "https://example.org/test/releases/2020-02-hotfix/#feed-amendment-2019-07-20"
    assert ids[-1] == "https://example.org/test/releases/2020-02-hotfix/#feed-amendment-2019-01-02"


def test_the_feed_updated_date_is_its_newest_entrys(tmp_path):
    amendments = [{"date": "2020-01-05", "summary": "Added."}, {"date": "2020-01-09", "summary": "Corrected."}]
    lines = feed_xml(context(tmp_path, [hotfix(amendments=amendments)])).decode().splitlines()
    assert lines[5] == "  <updated>2020-01-09T00:00:00Z</updated>"


def test_a_release_with_nothing_dated_appears_on_the_day_of_the_build(tmp_path):
    content = feed_xml(context(tmp_path, [hotfix(baselines=[], implementation_document=None)])).decode()
    assert content.splitlines()[5] == "  <updated>2026-11-26T00:00:00Z</updated>"
    assert entry_ids(content.encode()) == ["https://example.org/test/releases/2020-02-hotfix/#feed-release"]


def test_on_one_day_amendments_come_first_then_date_decisions_then_new_releases_each_in_id_order(tmp_path):
    day = "2019-08-01"
    november = complete_release(
        "2019-11", "2019-11-29", amendments=[{"date": day, "summary": "Release added."}],
        date_changes=[  # decided together, the second from an earlier date than the first
            {"decided": day, "from": "2019-11-14", "to": "2019-11-07", "by": "Panel"},
            {"decided": day, "from": "2019-11-07", "to": "2019-11-29", "by": "Panel"},
        ],
    )
    february = complete_release(
        "2020-02", "2020-02-27", modifications=[{"id": "MP072", "status": "implemented"}],
        amendments=[{"date": day, "summary": "Release added."}],
        date_changes=[{"decided": day, "from": "2020-02-20", "to": "2020-02-27", "by": "Panel"}],
    )
    ids = entry_ids(feed_xml(context(tmp_path, [november, february])))
    assert [i.removeprefix("https://example.org/test/releases/") for i in ids] == [
        "2019-11/#feed-amendment-2019-08-01",
        "2020-02/#feed-amendment-2019-08-01",
        "2019-11/#feed-date-change-2019-11-07-2019-11-29",
        "2019-11/#feed-date-change-2019-11-14-2019-11-07",
        "2020-02/#feed-date-change-2020-02-20-2020-02-27",
        "2019-11/#feed-release",
        "2020-02/#feed-release",
    ]


@pytest.fixture
def far_east_clock(monkeypatch):
    """The machine's clock in Tokyo (UTC+9): a feed must still give UTC times."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_feed_times_are_utc_whatever_the_machines_time_zone(ctx, far_east_clock):
    files = {f.path: f.content.decode() for f in atom_files(ctx)}
    assert files["feed.xml"] == FEED
    assert files["parties/large-suppliers/feed.xml"].splitlines()[5] == "  <updated>2026-11-26T09:05:00Z</updated>"
