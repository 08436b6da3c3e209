"""The shipped record builds with --strict, and every page kind of it links up."""

from __future__ import annotations

import pytest

from tests.factory import REPO
from tests.test_site_support import Site, build_site_at, listed, plain, top_nav, text

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Site:
    return Site(build_site_at(REPO, tmp_path_factory.mktemp("shipped") / "site"))


def test_shipped_record_nav_and_links(shipped):
    soup = shipped.soup("releases/2019-11/")
    assert top_nav(soup)[:7] == ["Home", "Releases", "Modifications", "Timeline", "Compliance", "Rulebook", "Policy"]
    broken = {page: shipped.broken_links(page) for page in shipped.pages()}
    assert {p: b for p, b in broken.items() if b} == {}


def test_shipped_record_page_kinds(shipped):
    for url in ("", "releases/", "releases/2019-11/", "releases/2019-11/implementation-document/",
                "modifications/", "timeline/", "compliance/", "rulebook/", "policy/release-management-policy/"):
        assert shipped.exists(url), url
    assert shipped.article("releases/2019-11/").select("table.sec-content tbody tr")
    assert text(shipped.soup("").select_one(".md-banner .sec-notice")).startswith("Notice:")
    assert shipped.article("policy/release-management-policy/").select_one("section.sec-coverage") is not None


def test_shipped_planned_release_says_when_its_requirements_fall_due(shipped):
    """"Due once the release is baselined" is the date the record plans the full-scope baseline for."""
    art = shipped.article("releases/2027-11/")
    sentence = plain(art.select_one(".sec-compliance-sentence"))
    assert sentence.startswith("Nothing overdue; 15 requirements fall due from 14 May 2027")
    assert "Due from 14 May 2027" in text(art.select_one("tr#req-d10-13-timescales"))
    assert text(shipped.article("").select_one(".sec-next .sec-summary")) == "Nothing overdue; 15 requirements fall due from 14 May 2027"


def test_shipped_timeline_focuses_on_now_with_the_whole_history_reachable(shipped):
    art = shipped.article("timeline/")
    focus = art.select_one("figure svg#record-timeline")
    lanes = [t.get_text() for t in focus.find_all("text", attrs={"text-anchor": "end"})]
    assert lanes == ["June 2022", "MP200 (SEC v62.0)", "November 2022", "November 2027"]  # the last three that went live, and the one in progress
    history = art.select_one("details#every-release svg#record-timeline-all")
    assert len(history.find_all("text", attrs={"text-anchor": "end"})) == 12
    # One row per fact: a baseline the record also lists as a milestone shows once.
    dates = next(c for c in shipped.article("releases/2022-02/").find_all("caption") if text(c).startswith("Dates of")).find_parent("table")
    february = [text(tr) for tr in dates.select("tbody tr") if "13 August 2021" in text(tr)]
    assert february == ["13 August 2021 Full scope baselined Actual"]


def test_a_preview_of_the_shipped_record_shows_the_editors_their_work(tmp_path_factory):
    """The same record that readers see without them: previews (the Panel, SECAS) show what to fix, where, and the digest."""
    preview = Site(build_site_at(REPO, tmp_path_factory.mktemp("shipped-preview") / "site", preview=True))
    planned = text(preview.article("releases/2027-11/"))
    assert "To fix" in planned and "data/releases/2027-11.yaml" in planned
    assert "SHA-256" in text(preview.article("releases/2019-11/")) and "data/releases/2019-11.yaml" in text(preview.article("releases/2019-11/"))


# --- the shipped record is complete and sourced -------------------------------------

import re  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

from sec_release.core.project import load_project  # noqa: E402
from sec_release.core.record import load_record  # noqa: E402

# The public record the shipped facts come from: SECAS's site and DCC's.
PUBLIC_HOSTS = {"smartenergycodecompany.co.uk", "www.smartenergycodecompany.co.uk", "smartdcc.co.uk", "www.smartdcc.co.uk"}


@pytest.fixture(scope="module")
def record():
    loaded = load_record(load_project(REPO))
    assert loaded.problems == []
    return loaded


def test_every_public_fact_of_the_shipped_record_has_a_public_source(record):
    unsourced = [f"release {r.id}" for r in record.releases.values() if not r.illustrative and not r.sources]
    unsourced += [f"modification {m.id}" for m in record.modifications.values() if not m.illustrative and not m.sources]
    assert unsourced == [], "give these sources:, or mark them illustrative: true"
    for item in [*record.releases.values(), *record.modifications.values()]:
        for url in item.sources + ([item.url] if getattr(item, "url", None) else []):
            assert url.startswith("https://") and urlsplit(url).hostname in PUBLIC_HOSTS, (item.id, url)
    # A modification's official page is among its sources; a release's content is
    # sourced as a whole by its release's sources (checked above), so every modification
    # in a release that is not illustrative is itself not illustrative.
    for m in record.modifications.values():
        if m.url:
            assert m.url in m.sources, m.id
    for r in record.releases.values():
        if not r.illustrative:
            assert [e.id for e in r.modifications if record.modifications[e.id].illustrative] == [], r.id


def test_the_shipped_record_holds_what_the_issue_found_missing(record):
    june = {e.id for e in record.releases["2022-06"].modifications}
    assert {"SECMP0007", "SECMP0015", "SECMP0024", "MP104", "MP159", "MP195"} <= june
    assert record.releases["2022-11"].go_live.isoformat() == "2022-11-03"
    removed = {e.id for e in record.releases["2021-11"].modifications if e.status == "removed"}
    assert {"MP129", "MP143"} <= removed
    first, second = record.releases["2019-11"].date_changes
    assert (first.decided.isoformat(), first.window.earliest.isoformat(), first.window.latest.isoformat(), first.by) == ("2019-10-08", "2019-11-24", "2019-12-01", "Authority")
    assert (second.decided.isoformat(), second.to.isoformat(), second.by) == ("2019-10-30", "2019-11-29", "Panel")
    ad_hoc = {r.sec_version: [e.id for e in r.modifications] for r in record.releases.values() if r.kind == "ad-hoc"}
    assert ad_hoc == {"45.0": ["MP161"], "62.0": ["MP200"]}


def _fact(article, name: str) -> str:
    for dt in article.select("dl.sec-facts dt"):
        if text(dt) == name:
            return listed(dt.find_next_sibling("dd"))
    raise AssertionError(f"no {name!r} on the page")


def test_every_release_and_modification_page_shows_its_impacts(shipped, record):
    parties = {p.label for p in record.parties.values()}
    for rid, release in record.releases.items():
        if release.draft:
            continue
        art = shipped.article(f"releases/{rid}/")
        facts = _fact(art, "Who is impacted")
        assert facts.startswith("Not recorded") or facts == "No SEC Party" or any(p in facts for p in parties), (rid, facts)
        header = [text(th) for th in art.select("table.sec-content thead th")]
        cells = [listed(row.find_all("td")[header.index("Who is impacted") - 1]) for row in art.select("table.sec-content tbody tr")]
        assert len(cells) == len(release.modifications)
        for entry, cell in zip(release.modifications, cells):
            impacts = record.modifications[entry.id].impacts
            expected = "Not recorded" if impacts is None else ("No SEC Party" if not impacts else ", ".join(p.label for pid, p in record.parties.items() if pid in impacts))
            assert cell == expected, (rid, entry.id)
    for mid, mod in record.modifications.items():
        art = shipped.article(f"modifications/{mid}/")
        shown = _fact(art, "Who is impacted")
        if mod.impacts is None:
            assert shown == "Not recorded", mid
        elif not mod.impacts:
            assert shown == "No SEC Party", mid
        else:
            assert shown == ", ".join(p.label for pid, p in record.parties.items() if pid in mod.impacts), mid  # in data/parties.yaml's order


def test_pages_show_sources_and_say_what_is_illustrative(shipped, record):
    for rid, release in record.releases.items():
        art = shipped.article(f"releases/{rid}/")
        links = [a["href"] for a in art.select("ul.sec-sources a")]
        assert links == release.sources, rid
        assert ("Illustrative" in _fact(art, "Public record")) == release.illustrative, rid
    mp102a = shipped.article("modifications/MP102A/")
    assert _fact(mp102a, "Alternative solution to") == "MP102"
    assert mp102a.find("a", string="MP102")["href"] == "../MP102/"


def test_no_link_in_the_readme_or_the_generated_site_leads_outside_the_repository(shipped, record):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\((https?://[^)]*)\)|<(https?://[^>]*)>", readme) == []
    import yaml

    config = yaml.safe_load(re.sub(r"!!python/\S+", "", (REPO / "mkdocs.yml").read_text(encoding="utf-8")))
    own = [config["site_url"], config.get("repo_url", "") or "\0"]
    from_data = {u for item in [*record.releases.values(), *record.modifications.values()] for u in item.sources}
    from_data |= {m.url for m in record.modifications.values() if m.url}
    from_data |= {p.url for r in record.releases.values() for p in r.progress_reports if p.url}
    options = next(p["sec-release"] for p in config["plugins"] if isinstance(p, dict) and "sec-release" in p)
    from_data.add(options.get("licence_url") or "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    outside = set()
    for page in shipped.pages():
        for a in shipped.soup(page).select("a[href]"):
            href = a["href"]
            if href.startswith(("http://", "https://")) and href not in from_data and not href.startswith(tuple(own)):
                outside.add((page, href))
    assert outside == set()
