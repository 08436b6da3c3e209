"""/feed.xml, read back with feedparser (and lxml for the raw XML)."""

from __future__ import annotations

import feedparser
import pytest
from lxml import etree

from tests.conftest import shared_fixture_scope
from tests.exports_support import HOSTILE_RELEASE_TITLE, IMPLEMENTED, PLANNED, export, implemented_release, write_export_project
from tests.factory import write_yaml

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes):
    feed = feedparser.parse(content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture(scope=shared_fixture_scope)
def exported(tmp_path_factory):
    root = write_export_project(tmp_path_factory.mktemp("feed") / "project")
    return root, export(root, tmp_path_factory.mktemp("out"), "atom")["feed.xml"]


def test_valid_atom_with_one_entry_per_change(exported):
    _, content = exported
    feed = parse(content)
    assert feed.version == "atom10"
    # 2019-11: new release + 2 amendments + 1 date change; 2027-11: new release + 1 amendment. No draft.
    assert len(feed.entries) == 6
    assert feed.feed.id == "https://example.org/test/feed.xml"
    assert feed.feed.links[0].href == "https://example.org/test/feed.xml" and feed.feed.links[0].rel == "self"


def test_newest_first_and_each_entry_links_to_its_release(exported):
    _, content = exported
    entries = parse(content).entries
    updated = [e.updated for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert [e.id.rsplit("#", 1)[1] for e in entries] == [
        "feed-amendment-2026-10-16",  # 2027-11
        "feed-release",  # 2027-11, created the same day
        "feed-amendment-2019-10-31",
        "feed-date-change-2019-11-07-2019-11-29",  # decided 2019-10-08
        "feed-amendment-2019-06-01",
        "feed-release",  # 2019-11, dated by its first amendment
    ]
    for entry in entries:
        release = PLANNED if f"/{PLANNED}/" in entry.id else IMPLEMENTED
        assert entry.link == f"https://example.org/test/releases/{release}/"
    assert entries[3].title.endswith("go-live moved from 7 November 2019 to 29 November 2019")


def test_entry_ids_are_stable(exported, tmp_path):
    root, content = exported
    before = [e.id for e in parse(content).entries]
    assert len(set(before)) == len(before)
    assert [e.id for e in parse(export(root, tmp_path / "again", "atom")["feed.xml"]).entries] == before

    # A corrected typo in an old amendment and a new amendment: old ids unchanged, one new entry.
    changed = implemented_release()
    changed["amendments"][0]["summary"] = "Release added to the record (typo fixed)."
    changed["amendments"].append({"date": "2020-01-20", "summary": "Post go-live review recorded."})
    write_yaml(root / "data" / "releases" / f"{IMPLEMENTED}.yaml", changed)
    after = [e.id for e in parse(export(root, tmp_path / "changed", "atom")["feed.xml"]).entries]
    assert set(after) - set(before) == {f"https://example.org/test/releases/{IMPLEMENTED}/#feed-amendment-2020-01-20"}
    assert set(before) <= set(after)


def test_hostile_text_is_escaped(exported):
    _, content = exported
    root = etree.fromstring(content)  # well-formed XML, or this raises
    titles = [t.text for t in root.iter(f"{ATOM}title")]
    assert f"New release: {HOSTILE_RELEASE_TITLE}" in titles  # read back exactly
    assert b"<script>" not in content  # only as &lt;script&gt; in text
    entry = next(e for e in parse(content).entries if e.title == f"New release: {HOSTILE_RELEASE_TITLE}")
    assert "<script>" not in entry.content[0].value and "&lt;script&gt;" in entry.content[0].value


def test_without_a_site_url_ids_are_tag_uris_and_links_relative(tmp_path):
    root = write_export_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://example.org/test/\n", ""), encoding="utf-8")
    feed = parse(export(root, tmp_path / "out", "atom")["feed.xml"])
    assert feed.feed.id == "tag:sec-release.invalid,2018:feed"
    assert all(e.id.startswith("tag:sec-release.invalid,2018:releases/") for e in feed.entries)
    assert {e.link for e in feed.entries} == {f"releases/{IMPLEMENTED}/", f"releases/{PLANNED}/"}
