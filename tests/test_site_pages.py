"""Whole builds of a small known record: every page kind, parsed with a real HTML parser."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.factory import REPO, complete_release, modification, write_project
from tests.test_site_support import Site, build_site, build_site_at, nav_links, plain, text, top_nav

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

HOSTILE_RELEASE = 'Release <script>alert("r")</script> {{ 7*7 }}'
HOSTILE_NOTICE = "Example only <script>alert(3)</script> {{ 7*7 }}"
HOSTILE_MOD = "<b>Bold</b> <script>alert(1)</script> {{ 7*7 }} {% raw %}"


def known_record() -> tuple[list[dict], list[dict]]:
    """Three published releases and a draft, chosen so every result kind and pattern appears."""
    r2019 = complete_release(
        "2019-11", "2019-11-29",
        title="November 2019 SEC Release",
        modifications=[
            {"id": "MP071", "status": "implemented"},
            {"id": "MP077", "status": "removed", "note": "Moved to the November 2020 release."},
            {"id": "MP080", "status": "implemented", "part": "part 1"},
        ],
        date_changes=[{
            "requested": "2019-10-01", "decided": "2019-10-08", "from": "2019-11-07", "to": "2019-11-29",
            "by": "Authority", "reason": "More time for regression testing.",
        }],
    )
    r2020 = complete_release(
        "2020-11", "2020-11-29",
        title=HOSTILE_RELEASE,
        summary="Summary with <img src=x onerror=alert(2)> and {{ 7*7 }}.",
        sec_version="27.0",
        modifications=[
            {"id": "MP080", "status": "implemented", "part": "part 2"},
            {"id": "MP081", "status": "implemented"},
            {"id": "MP077", "status": "implemented"},
        ],
        waivers=[{
            "requirement": "d10-19-consultation", "decided": "2019-12-01", "by": "Panel",
            "reason": "Consultation not practicable for an urgent fix.",
        }],
    )
    del r2020["testing_approach"]["consultation"]
    r2027 = complete_release(
        "2027-11", "2027-11-04",
        title="November 2027 SEC Release",
        status="planned",
        sec_version=None,
        modifications=[{"id": "MP290", "status": "targeted"}],
        baselines=[],
        milestones=[{"name": "Full scope baseline", "date": "2027-05-14", "state": "expected"}],
        progress_reports=[], go_live_decision=None, post_go_live_review=None, cost_review=None,
        amendments=[{"date": "2026-10-16", "summary": "Release created."}],
    )
    for key in ("sec_version", "go_live_decision", "post_go_live_review", "cost_review"):
        del r2027[key]
    draft = complete_release("2027-06", "2027-06-24", title="Secret draft release", status="planned", draft=True,
                             modifications=[{"id": "MP999", "status": "targeted"}])
    mods = [
        modification("MP071", title="Second-Comer Charging", decision_path="self-governance", dcc_systems_impact=False,
                     url="https://example.org/mp071/", impacts=["large-suppliers", "dcc"], sec_documents=["Section H"]),
        modification("MP077", title="DCC Service Flagging", impacts=["dcc"], sec_documents=["Appendix AD", "Section H"]),
        modification("MP080", title="Managing DUIS uplifts", decision_path="authority", impacts=[]),
        modification("MP081", title=HOSTILE_MOD, impacts=["small-suppliers", "dcc"]),
        modification("MP290", title="A future change", stage="approved", impacts=["large-suppliers"], sec_documents=["Section A"]),
        modification("MP999", title="Only in a draft", impacts=["dcc"]),
    ]
    return [r2019, r2020, r2027, draft], mods


PARTIES = [
    {"id": "large-suppliers", "label": "Large Suppliers", "description": "Large Supplier Parties."},
    {"id": "small-suppliers", "label": "Small Suppliers", "description": "Small Supplier Parties."},
    {"id": "dcc", "label": "DCC", "description": "The Data Communications Company."},
]


HOME_MD = """\
# Test record

Hand-written home text. Next: {{ sec.next_release.title }} on {{ sec.next_release.go_live }}
({{ sec.next_release.go_live.iso }}). The 2019 release had {{ sec.release('2019-11').modification_count }}
modifications; the record has {{ sec.modification_count }} in all.
Hostile: {{ sec.release('2020-11').title }}. Link: {{ sec.link('MP080') }}.

More: days={{ sec.next_release.days_to_go_live }}; first={{ sec.release('2019-11').first_go_live }};
compliance={{ sec.release('2019-11').compliance }}; version={{ sec.release('2019-11').sec_version }};
{{ sec.release('2019-11').link }}; {{ sec.link('2019-11', 'the November release') }};
carried={{ sec.modification('MP080').releases | join(',') }}; path={{ sec.modification('MP080').decision_path }};
count={{ sec.release_count }}; latest={{ sec.latest_release.title }};
progress={% for r in sec.in_progress %}{{ r.id }}{% endfor %}; as_of={{ sec.as_of }}.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    releases, mods = known_record()
    project = write_project(tmp_path_factory.mktemp("known") / "project", releases, mods, parties=PARTIES)
    (project / "content" / "index.md").write_text(HOME_MD, encoding="utf-8")
    use_shipped_theme(project)
    return Site(build_site(project))


def use_shipped_theme(project) -> None:
    """The shipped site's overrides, stylesheet, edit button and a hostile notice."""
    shutil.copytree(REPO / "overrides", project / "overrides", dirs_exist_ok=True)
    overridden = project / "overrides" / "sec_release" / "timeline.md.j2"  # a site's own copy of a page template
    overridden.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "plugins" / "sec_release" / "templates" / "timeline.md.j2", overridden)
    config = project / "mkdocs.yml"
    text_ = config.read_text()
    text_ = text_.replace("  custom_dir: overrides\n", "  custom_dir: overrides\n  features: [content.action.edit]\nextra_css: [assets/stylesheets/sec-release.css]\n")
    text_ = text_.replace("      rulebook: data/rulebook/d10.yaml\n", "      rulebook: data/rulebook/d10.yaml\n      notice: " + json.dumps(HOSTILE_NOTICE) + "\n")
    config.write_text(text_)


def table_captioned(article, start: str):
    """The table whose caption text starts with ``start``."""
    for caption in article.find_all("caption"):
        if text(caption).startswith(start):
            return caption.find_parent("table")
    raise AssertionError(f"no table captioned {start!r}")


# --------------------------------------------------------------------------- nav


def test_nav_has_the_record_sections_and_no_modification_pages(site):
    soup = site.soup("releases/2019-11/")
    top = top_nav(soup)
    assert top[:7] == ["Home", "Releases", "Modifications", "Timeline", "Compliance", "Rulebook", "Policy"]
    assert not any("Document" in label for label in top)  # documents are reached from their release
    labels = nav_links(soup)
    assert "All releases" in labels and "November 2019 SEC Release" in labels
    assert not any(label.startswith(("MP0", "MP2", "MP9")) for label in labels)
    assert "Secret draft release" not in soup.get_text()


def test_no_internal_link_or_anchor_is_broken(site):
    broken = {page: site.broken_links(page) for page in site.pages()}
    assert {p: b for p, b in broken.items() if b} == {}


# --------------------------------------------------------------------------- releases index


def test_releases_index_is_one_table_newest_first_with_the_next_release_highlighted(site):
    art = site.article("releases/")
    assert [text(h).rstrip("¶").strip() for h in art.find_all("h2")] == [], "one table, not one per year"
    tables = art.select("table.sec-releases")
    assert len(tables) == 1
    rows = tables[0].select("tbody tr")
    assert [text(tr.th.a) for tr in rows] == ["November 2027 SEC Release", HOSTILE_RELEASE, "November 2019 SEC Release"]
    first = rows[0]
    assert "sec-release-row--next" in first["class"] and "Next release" in text(first.th)
    assert all("sec-release-row--next" not in tr["class"] for tr in rows[1:])
    cells = [text(td) for td in first.find_all("td")]
    assert cells[0] == "Planned" and first.td.select_one(".sec-release-status--planned")
    assert cells[1] == "4 November 2027 (in 11 months)" and cells[3] == "1"
    summary = first.select_one("a.sec-summary")
    assert text(summary) == "Nothing overdue; 4 requirements fall due from 5 September 2027"
    assert summary["href"] == "2027-11/#compliance"
    assert "Secret draft release" not in art.get_text()
    row2019 = rows[2]
    assert "(1 removed)" in text(row2019) and "moved from 7 November 2019" in text(row2019)
    assert "(7 years ago)" in text(row2019) and text(row2019.select_one("a.sec-summary")) == "All 18 requirements met"


def test_relative_times_read_as_a_reader_says_them():
    from datetime import date

    from sec_release.pages.labels import relative_time

    today = date(2026, 11, 26)
    cases = {
        date(2026, 11, 26): "today", date(2026, 11, 27): "tomorrow", date(2026, 11, 25): "yesterday",
        date(2026, 12, 1): "in 5 days", date(2026, 12, 11): "in 2 weeks", date(2027, 11, 4): "in 11 months",
        date(2019, 11, 29): "7 years ago", date(2026, 10, 16): "6 weeks ago",
    }
    assert {day: relative_time(day, today) for day in cases} == cases


# --------------------------------------------------------------------------- release page


def test_release_page_content_table_marks_removed_modifications(site):
    art = site.article("releases/2019-11/")
    rows = art.select("table.sec-content tbody tr")
    by_id = {text(r.th): r for r in rows}
    assert set(by_id) == {"MP071", "MP077", "MP080"}
    removed = by_id["MP077"]
    assert "sec-removed" in removed["class"]
    assert "Removed" in text(removed) and removed.find("del") is not None
    assert removed.th.a["href"] == "../../modifications/MP077/"
    assert "part 1" in text(by_id["MP080"])
    assert "Authority" in text(by_id["MP080"])


def test_release_page_date_changes_and_facts(site):
    art = site.article("releases/2019-11/")
    assert text(art.h1) == "November 2019 SEC Release"
    change = table_captioned(art, "Decisions on the go-live date")
    assert text(change.select_one("tbody tr th")) == "Step 1"
    cells = change.select("tbody tr td")
    assert [t["datetime"] for t in cells[0].find_all("time") + cells[1].find_all("time")] == [
        "2019-10-08", "2019-10-01", "2019-11-07", "2019-11-29"]
    assert text(cells[0]) == "8 October 2019 requested 1 October 2019"
    assert text(cells[1]) == "from 7 November 2019 to 29 November 2019"
    assert text(cells[2]) == "Authority" and text(cells[3]) == "Approved" and "regression testing" in text(cells[4])
    facts = {text(dt): text(dt.find_next_sibling("dd")) for dt in art.select(".sec-release-head dl dt")}
    assert facts["Status"] == "Implemented"
    assert facts["Go-live"].startswith("29 November 2019 moved from 7 November 2019")
    assert facts["SEC version"] == "6.21"


def test_release_page_compliance_links_into_matrix_and_rulebook(site):
    art = site.article("releases/2020-11/")
    rows = art.select("table.sec-results tbody tr")
    assert len(rows) == 18  # every release requirement of the shipped rulebook
    waived = art.select_one("tr#req-d10-19-consultation")
    assert "Waived" in text(waived.td)
    assert "Consultation not practicable" in text(waived)
    assert waived.td.a["href"] == "../../compliance/#r-d10-19-consultation-2020-11"
    assert waived.th.a["href"] == "../../rulebook/#d10-19-consultation"
    met = art.select_one("tr#req-d10-13-timescales")
    evidence = [a["href"] for a in met.select("ul.sec-evidence a")]
    assert "../../releases/2020-11/implementation-document/#timescales" in evidence or "implementation-document/#timescales" in evidence


def test_release_page_timeline_svg_is_accessible(site):
    svg = site.article("releases/2019-11/").select_one("figure.sec-timeline svg")
    assert svg["role"] == "img"
    title = svg.find("title")
    assert svg["aria-labelledby"] == title["id"]
    assert text(title) == "Timeline of the November 2019 SEC Release"
    assert svg.find("desc")["id"] == svg["aria-describedby"]
    assert "first 7 November 2019" in text(svg.find("desc"))


def test_release_page_edit_link_points_at_its_yaml(site):
    soup = site.soup("releases/2019-11/")
    edit = soup.select_one("a.md-content__button[href*='edit']")
    assert edit["href"].endswith("/data/releases/2019-11.yaml")


def test_planned_release_shows_expected_dates_and_not_yet_due(site):
    art = site.article("releases/2027-11/")
    assert "Not yet due" in text(art.select_one("tr#req-d10-8d-release-cost-review"))
    dates = table_captioned(art, "Dates of")
    states = [text(tr.find_all("td")[-1]) for tr in dates.select("tbody tr")]
    assert states == ["Expected", "Expected"]
    svg = art.select_one("figure.sec-timeline svg")
    assert svg.select("[stroke-dasharray]"), "expected dates are drawn dashed"


# --------------------------------------------------------------------------- documents


def test_document_pages_have_a_header_above_the_editors_markdown(site):
    art = site.article("releases/2019-11/testing-approach/")
    header = art.select_one(".sec-doc-header")
    assert header is not None
    assert header.a["href"] == "../"
    facts = {text(dt): text(dt.find_next_sibling("dd")) for dt in header.select("dt")}
    assert facts["Owner"] == "DCC" and facts["Status"] == "Approved by DCC"
    assert art.find("h2", id="testing-objectives") is not None  # the editors' body is still there
    assert art.h1.find_next_sibling() is header or art.h1.find_next(class_="sec-doc-header") is header
    impl = site.article("releases/2019-11/implementation-document/").select_one(".sec-doc-header")
    assert "Version" in text(impl) and "1.0" in text(impl)


# --------------------------------------------------------------------------- modifications


def test_modification_register_and_split_modification(site):
    art = site.article("modifications/")
    rows = art.select("table.sec-register tbody tr")
    assert [text(r.th) for r in rows] == ["MP071", "MP077", "MP080", "MP081", "MP290"]  # not the draft's MP999
    mp080 = site.article("modifications/MP080/")
    carried = table_captioned(mp080, "SEC Releases that carry").select("tbody tr")
    assert [text(r.th) for r in carried] == ["November 2019 SEC Release", text(site.article("releases/2020-11/").h1)]
    assert [text(r.find_all("td")[2]) for r in carried] == ["part 1", "part 2"]
    mp077 = site.article("modifications/MP077/")
    statuses = [text(r.find_all("td")[1]) for r in table_captioned(mp077, "SEC Releases that carry").select("tbody tr")]
    assert statuses == ["Removed from scope (date not recorded)", "Implemented"]
    mp071 = site.article("modifications/MP071/")
    assert mp071.find("a", href="https://example.org/mp071/") is not None
    assert not site.exists("modifications/MP999/")
    assert not site.exists("releases/2027-06/") and not site.exists("releases/2027-06/implementation-document/")


# --------------------------------------------------------------------------- timeline


def test_timeline_page_svg_and_text_equivalent(site):
    art = site.article("timeline/")
    svg = art.select_one("svg")
    assert svg["role"] == "img"
    assert text(svg.find(id=svg["aria-labelledby"])) == "Timeline of every SEC Release"
    assert svg.find(id=svg["aria-describedby"]).name == "desc"
    # Drawn at its natural size (text stays 13 px), never wider than the column.
    assert svg.get("viewbox", "").split()[2] == svg["width"]  # lxml lower-cases attribute names
    assert svg.select(".sec-tl-today"), "today is marked"
    assert "Today, 26 Nov 2026" in svg.get_text()
    assert all(float(t.get("font-size", 13)) >= 12 for t in svg.find_all("text"))
    # The key is text beside the picture, so it wraps instead of being cut off.
    legend = text(art.select_one("figure ul.sec-tl-key"))
    assert "expected" in legend and "actual" in legend and "moved" in legend
    # Years without a date shrink to a break in the axis.
    assert "2021–2025" in svg.get_text() and "shortened to a break" in text(svg.find("desc"))
    # The same dates as a date-ordered list (what phones show instead of the picture), today in its place.
    items = art.select("ol.sec-tl-list > li")
    days = [li.time["datetime"] for li in items if "sec-tl-item--today" not in li["class"]]
    assert days == sorted(days) and len(days) == len(art.select("table.sec-timeline-table tbody tr:not(.sec-group-head)"))
    today = [i for i, li in enumerate(items) if "sec-tl-item--today" in li["class"]]
    assert len(today) == 1 and items[today[0] + 1].time["datetime"] > "2026-11-26" > items[today[0] - 1].time["datetime"]
    table = art.select_one("table.sec-timeline-table")
    assert table.caption is not None
    rows = table.select("tbody tr:not(.sec-group-head)")
    assert [text(th) for th in table.select("tr.sec-group-head th[scope=rowgroup]")] == [
        "November 2019 SEC Release", HOSTILE_RELEASE, "November 2027 SEC Release"]
    moved = [r for r in rows if "sec-moved-row" in (r.get("class") or [])]
    assert len(moved) == 1 and "moved to 29 November 2019" in text(moved[0])
    assert len(rows) == sum(len(table_captioned(site.article(f"releases/{rid}/"), "Dates of").select("tbody tr")) for rid in ("2019-11", "2020-11", "2027-11"))


# --------------------------------------------------------------------------- compliance matrix


def test_compliance_matrix_cells(site):
    art = site.article("compliance/")
    matrix = art.select_one("table.sec-matrix")
    columns = [text(th.a) for th in matrix.select("thead th[id]")]
    assert columns[0] == "November 2027 SEC Release" and columns[-1] == "November 2019 SEC Release"
    cell = matrix.select_one("td#r-d10-19-consultation-2020-11")
    assert text(cell) == "⊘ Waived"
    assert cell.a["href"] == "../releases/2020-11/#req-d10-19-consultation"
    assert text(matrix.select_one("td#r-d10-19-consultation-2019-11")) == "✓ Met"
    assert text(matrix.select_one("td#r-d10-8d-release-cost-review-2027-11")) == "○ Not yet due"
    body_rows = matrix.select("tbody tr")
    assert len(body_rows) == 18
    for row in body_rows:
        assert row.th.a["href"].startswith("../rulebook/#")
        assert len(row.find_all("td")) == 3
        for td in row.find_all("td"):
            assert td.a is not None and td.select_one(".sec-status__symbol") is not None
            assert text(td).split(" ", 1)[1] in {"Met", "Missing", "Not yet due", "Not applicable", "Waived"}


def test_compliance_policy_table(site):
    art = site.article("compliance/")
    table = art.select_one("table.sec-policy-matrix")
    rows = table.select("tbody tr")
    assert len(rows) == 10
    assert all(text(r.select_one("td.sec-cell")) == "✓ Met" for r in rows)
    assert table.select_one("td#r-d10-8d-cost-review-policy") is not None


# --------------------------------------------------------------------------- rulebook and policy


def test_rulebook_has_an_anchor_per_requirement(site):
    art = site.article("rulebook/")
    ids = {tr["id"] for tr in art.select("table.sec-rulebook tbody tr")}
    assert len(ids) == 28
    assert {"d10-13-timescales", "d10-19-consultation", "d10-7-policy"} <= ids
    row = art.select_one("tr#d10-13-timescales")
    assert "D10.13(b)" in text(row) and "Once the release is baselined" in text(row) and "Timescales" in text(row)
    assert row.find("a", string="results in the matrix")["href"] == "../compliance/#m-d10-13-timescales"
    policy_row = art.select_one("tr#d10-8d-cost-review")
    assert policy_row.find("a", string="results in the matrix")["href"] == "../compliance/#r-d10-8d-cost-review-policy"
    # Field names read as words; what the group heading says is not repeated on every row.
    assert "Cost review recorded in the release's data" in text(art.select_one("tr#d10-8d-release-cost-review"))
    assert "cost_review" not in text(art.select_one("tr#d10-8d-release-cost-review td:last-child"))
    assert "The SEC Release Management Policy" not in text(art.select_one("tr#d10-8d-cost-review"))
    assert [text(th) for th in art.select("table.sec-rulebook")[0].select("thead th")] == ["Requirement", "Clause", "Due", "Satisfied by"]


def test_policy_page_shows_coverage_beside_its_markdown(site):
    art = site.article("policy/release-management-policy/")
    aside = art.select_one("section.sec-coverage")
    rows = aside.select("tbody tr")
    assert len(rows) == 10
    targets = {a["href"] for a in aside.select("tbody th a")}
    assert "./#cost-review" in targets
    assert art.find("h2", id="cost-review") is not None


# --------------------------------------------------------------------------- home and macros


def test_home_page_keeps_hand_written_text_and_adds_the_record(site):
    art = site.article("")
    assert "Hand-written home text." in text(art)
    nxt = art.select_one(".sec-next")
    assert text(nxt.a) == "November 2027 SEC Release"
    facts = {text(dt): dt.find_next_sibling("dd") for dt in nxt.select("dt")}
    assert text(facts["Contains"]) == "MP290 A future change"  # titles, not a count
    assert text(facts["Affects"]) == "Large Suppliers" and facts["Affects"].a["href"] == "parties/large-suppliers/"
    assert plain(facts["Next step"]) == "Full scope baseline: 14 May 2027, in 6 months (expected)"
    assert nxt.time["datetime"] == "2027-11-04"
    headings = [text(h).rstrip("¶").strip() for h in art.find_all("h2")]
    assert headings == ["Next release", "Releases in progress", "Coming up", "Latest changes to the record"]
    latest = table_captioned(art, "The latest amendments")
    assert [tr.td.time["datetime"] for tr in latest.select("tbody tr")][:1] == ["2026-10-16"]


def test_macros_give_hand_written_pages_the_record(site):
    body = text(site.article(""))
    assert "Next: November 2027 SEC Release on 4 November 2027 (2027-11-04)" in body
    assert "The 2019 release had 2 modifications; the record has 5 in all." in body
    assert 'Hostile: Release <script>alert("r")</script> {{ 7*7 }}.' in body
    link = site.article("").find("a", string=re.compile("MP080"))
    assert link["href"] == "modifications/MP080/"
    assert ("More: days=343; first=7 November 2019; compliance=18 of 18 requirements met; version=6.21; "
            "November 2019 SEC Release; the November release; carried=2019-11,2020-11; path=Authority; "
            "count=3; latest=" + HOSTILE_RELEASE + "; progress=2027-11; as_of=26 November 2026.") in body.replace(" ;", ";")
    hrefs = {text(a): a["href"] for a in site.article("").find_all("a")}
    assert hrefs["the November release"] == "releases/2019-11/"


# --------------------------------------------------------------------------- escaping and dates


def test_hostile_text_shows_literally_everywhere(site):
    for url in ("", "releases/", "releases/2020-11/", "modifications/", "modifications/MP081/", "timeline/", "compliance/"):
        soup = site.soup(url)
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), url
        assert not soup.find("img", attrs={"onerror": True}), url
        assert not soup.select("article b"), url
        assert "49" not in re.findall(r"\d+", text(soup.select_one("article h1"))), url
    release = site.soup("releases/2020-11/")
    assert text(release.select_one("article h1")) == HOSTILE_RELEASE
    assert release.title.string.startswith(HOSTILE_RELEASE)
    assert HOSTILE_RELEASE in [text(a) for a in release.select("nav.md-nav--primary a")]
    assert "<img src=x onerror=alert(2)> and {{ 7*7 }}." in text(release.select_one(".sec-summary-text"))
    svg = site.soup("timeline/").select_one("article svg")
    assert any(HOSTILE_RELEASE in t.get_text() for t in svg.find_all("title"))
    register = site.article("modifications/")
    assert HOSTILE_MOD in text(register)


def test_every_date_is_a_time_element(site):
    for url in ("releases/2019-11/", "releases/", "", "modifications/MP080/", "timeline/"):
        for time in site.article(url).find_all("time"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", time["datetime"]), url
            assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", text(time)), url
        if url == "":
            continue  # the hand-written home text prints an ISO date through a macro on purpose
        shown = site.article(url)
        for element in shown.select("svg, code, .sec-source"):
            element.decompose()  # the picture has its own short dates; file names are not dates
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text(shown)), url


def test_tables_have_captions_and_header_scopes(site):
    for url in ("releases/2019-11/", "releases/", "modifications/", "timeline/", "compliance/", "rulebook/", ""):
        for table in site.article(url).find_all("table"):
            assert table.caption is not None and text(table.caption), url
            for th in table.find_all("th"):
                assert th.get("scope") in {"col", "row", "rowgroup"}, (url, text(th))


def test_notice_is_shown_escaped_and_print_styles_hide_the_chrome(site):
    soup = site.soup("releases/2019-11/")
    notice = soup.select_one(".md-banner .sec-notice")
    assert text(notice) == "Notice: " + HOSTILE_NOTICE
    assert notice.find("script") is None
    links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert any(href.endswith("assets/stylesheets/sec-release.css") for href in links)
    css = (site.root / "assets" / "stylesheets" / "sec-release.css").read_text()
    print_rules = css[css.index("@media print"):]
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer"):
        assert chrome in print_rules


def test_overridden_page_templates_are_not_published(site):
    assert site.exists("timeline/")
    assert not (site.root / "sec_release").exists()


def test_generated_pages_opt_out_of_macros(site):
    # {{ 7*7 }} in a title would read 49 had the page been rendered as a template.
    assert "{{ 7*7 }}" in text(site.article("modifications/MP081/").h1)
    assert "{% raw %}" in text(site.article("modifications/MP081/").h1)


READER_PAGES = ["", "releases/", "releases/2019-11/", "releases/2020-11/", "releases/2027-11/", "modifications/",
                "modifications/MP080/", "timeline/", "compliance/"]


def test_production_pages_speak_to_readers_not_editors(site):
    """No fix instructions, file paths or YAML on the pages readers use; evidence links to what they can open."""
    for url in READER_PAGES:
        body = text(site.article(url))
        for editor_text in ("To fix", "data/releases/", ".yaml", "SHA-256"):
            assert editor_text not in body, (url, editor_text)
    art = site.article("releases/2020-11/")
    met = art.select_one("tr#req-d10-13-timescales")
    assert text(met.select_one("ul.sec-evidence a")) == "“Timescales” in the Implementation Document"
    cost = art.select_one("tr#req-d10-8d-release-cost-review")
    assert text(cost.select_one("ul.sec-evidence")) == "Cost review, recorded 14 June 2019"
    details = art.select_one("details.sec-compliance-detail")
    assert details is not None and not details.has_attr("open"), "the detail is folded away for readers"
    assert details.select_one("table.sec-results")


def test_release_compliance_is_a_sentence_with_due_dates_as_dates(site):
    art = site.article("releases/2027-11/")
    sentence = art.select_one(".sec-compliance-sentence")
    assert plain(sentence).startswith("Nothing overdue; 4 requirements fall due from 5 September 2027, as of 26 November 2026.")
    assert sentence.time["datetime"] == "2027-09-05"
    cost = art.select_one("tr#req-d10-8d-release-cost-review")  # baselined, and 60 days before go-live
    assert "Due from 5 September 2027" in text(cost)
    # Due once baselined (the full-scope baseline milestone, 14 May 2027) and 30 days before go-live: the later.
    reports = art.select_one("tr#req-d10-13c-release-progress-reports")
    assert "Due from 5 October 2027" in text(reports) and "baselined" not in text(reports)
    assert text(site.article("releases/2019-11/").select_one(".sec-compliance-sentence")).startswith("All 18 requirements met")


def test_overdue_requirements_are_named_and_linked(tmp_path):
    """A warning-severity requirement that is overdue still publishes: the sentence names it and links its row."""
    release = complete_release()
    del release["cost_review"]
    project = write_project(tmp_path / "p", [release])
    rulebook = project / "data" / "rulebook" / "d10.yaml"
    lines = rulebook.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - id: d10-8d-release-cost-review")
    severity = next(i for i in range(start, len(lines)) if lines[i].strip() == "severity: error")
    lines[severity] = lines[severity].replace("error", "warning")
    rulebook.write_text("\n".join(lines), encoding="utf-8")
    art = Site(build_site(project, strict=False)).article("releases/2019-11/")
    sentence = art.select_one(".sec-compliance-sentence")
    assert plain(sentence).startswith("1 overdue")
    overdue = art.select("ul.sec-overdue a")
    assert [a["href"] for a in overdue] == ["#req-d10-8d-release-cost-review"]
    assert "due since 30 September 2019" in plain(art.select_one("ul.sec-overdue"))
    assert "To fix" not in text(art)


def test_preview_build_shows_drafts_with_a_marker(tmp_path):
    releases, mods = known_record()
    project = write_project(tmp_path / "project", releases, mods, parties=PARTIES)
    use_shipped_theme(project)
    preview = Site(build_site(project, preview=True))
    # The editor's view of the same record: what to fix, where, and the digest.
    planned = preview.article("releases/2027-11/")
    assert "To fix" in text(planned) and "data/releases/2027-11.yaml" in text(planned)
    assert planned.select_one("details.sec-compliance-detail").has_attr("open")
    assert planned.select_one(".sec-digest code")
    art = preview.article("releases/2027-06/")
    assert art.h1.select_one(".sec-badge--draft") is not None and "Draft" in text(art.h1)
    index_row = [tr for tr in preview.article("releases/").select("tbody tr") if "Secret draft" in text(tr)]
    assert len(index_row) == 1 and "Draft" in text(index_row[0].th)
    assert preview.exists("modifications/MP999/")
    assert preview.exists("releases/2027-06/implementation-document/")


def test_search_finds_a_modification_by_id_and_title(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"]: doc for doc in index["docs"] if "#" not in doc["location"]}
    mp071 = pages["modifications/MP071/"]
    assert "MP071" in mp071["title"] and "Second-Comer Charging" in mp071["title"]
    assert "Second-Comer Charging" in pages["modifications/"]["text"]


def test_release_page_links_its_calendar_and_only_previews_show_its_digest(tmp_path):
    """The digest is for editors and the Panel (and stays in the open data); the calendar is for readers."""
    from sec_release.core.digest import release_digest
    from sec_release.core.models import Release
    from tests.factory import complete_release, write_project

    data = complete_release()
    project = write_project(tmp_path / "p", [data])
    production = Site(build_site_at(project, tmp_path / "site"))
    art = production.article("releases/2019-11/")
    assert art.select_one(".sec-digest") is None and "SHA-256" not in text(art)
    link = art.find("a", type="text/calendar")
    assert link["href"] == "calendar.ics"
    assert (production.root / "releases/2019-11/calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    expected = release_digest(Release.model_validate(data | {"go_live": "2019-11-29"}))
    assert expected in production.html("data/"), "the open data page lists each release's digest"
    preview = Site(build_site_at(project, tmp_path / "preview", preview=True))
    assert preview.article("releases/2019-11/").select_one(".sec-digest code").get_text() == expected


def test_title_with_emoji_and_template_syntax_builds_and_shows_literally(tmp_path):
    """Astral-plane characters survive the generated front matter (no surrogate pairs)."""
    from bs4 import BeautifulSoup
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.factory import complete_release, write_project

    title = "Release 😀 {{ 7*7 }} {% raw %} <script>x</script>"
    project = write_project(tmp_path / "p", [complete_release(title=title)])
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    soup = BeautifulSoup((site / "releases/2019-11/index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find("h1").get_text().startswith(title)
    assert soup.title.get_text().startswith(title)
    assert soup.find("article").find("script") is None


def test_timeline_svg_carries_no_raw_template_braces(tmp_path):
    """Defence in depth: even if a page lost render_macros: false, no `{{` from the record reaches a template engine."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.factory import complete_release, write_project

    project = write_project(tmp_path / "p", [complete_release(title="Release {{ 7*7 }}")])
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    html = (site / "timeline/index.html").read_text(encoding="utf-8")
    start = html.index('id="record-timeline"')
    svg = html[start: html.index("</svg>", start)]
    assert "{{" not in svg and "&#123;&#123; 7*7 &#125;&#125;" in svg



# --------------------------------------------------------------------------- does it affect me?


def _listed(table) -> list[str]:
    return [text(tr.th) for tr in table.select("tbody tr")] if table is not None else []


@pytest.mark.parametrize("party", [p["id"] for p in PARTIES])
def test_a_party_page_lists_exactly_the_modifications_whose_impacts_name_it(site, party):
    releases, mods = known_record()
    published = {m["id"] for r in releases if not r.get("draft") for m in r["modifications"]}
    expected = {m["id"] for m in mods if party in (m.get("impacts") or []) and m["id"] in published}
    art = site.article(f"parties/{party}/")
    tables = art.select("table.sec-party-changes")
    listed = [mid for table in tables for mid in _listed(table)]
    assert sorted(listed) == sorted(expected) and len(listed) == len(set(listed))
    assert "MP999" not in text(art), "a draft's modification stays out of production"


def test_a_party_page_puts_what_is_still_to_come_first_then_the_past_newest_first(site):
    art = site.article("parties/dcc/")
    headings = [text(h).rstrip("¶").strip() for h in art.find_all("h2")]
    assert headings == ["Still to go live", "Every past change"]
    assert "No release in progress carries a change that affects DCC." in text(art)
    past = art.select("table.sec-party-changes")[0]
    assert _listed(past) == ["MP077", "MP081", "MP071"]  # 2020-11 (MP077 went live there after its 2019 removal), 2020-11, 2019-11
    large = site.article("parties/large-suppliers/")
    upcoming, done = large.select("table.sec-party-changes")
    assert _listed(upcoming) == ["MP290"] and "4 November 2027 (in 11 months)" in text(upcoming)
    assert _listed(done) == ["MP071"]
    links = {a["href"] for a in large.select("ul.sec-subscribe a")}
    assert links == {"calendar.ics", "feed.xml"}


def test_a_party_has_its_own_calendar_and_feed(site):
    calendar = (site.root / "parties" / "large-suppliers" / "calendar.ics").read_text(encoding="utf-8")
    assert "SEC Releases affecting Large Suppliers" in calendar
    assert "November 2027 SEC Release: go-live" in calendar and "November 2019 SEC Release: go-live" in calendar
    assert "Release 2020-11" not in calendar and "go-live" in calendar
    small = (site.root / "parties" / "small-suppliers" / "calendar.ics").read_text(encoding="utf-8")
    assert "November 2019" not in small and "November 2027" not in small  # only the release carrying MP081
    from xml.etree import ElementTree
    feed = ElementTree.fromstring((site.root / "parties" / "large-suppliers" / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert feed.findtext("a:title", namespaces=ns) == "SEC Releases affecting Large Suppliers: changes to the record"
    assert titles and all("November 2027" in t or "November 2019" in t for t in titles)


def test_parties_index_and_the_register_name_the_parties(site):
    index = site.article("parties/")
    rows = index.select("table.sec-parties tbody tr")
    assert [text(tr.th) for tr in rows] == ["Large Suppliers", "Small Suppliers", "DCC"]
    register = site.article("modifications/")
    by_id = {text(tr.th): tr for tr in register.select("table.sec-register tbody tr")}
    assert by_id["MP071"]["data-party"] == "large-suppliers dcc"
    assert by_id["MP080"]["data-party"] == "" and "No SEC Party" in text(by_id["MP080"])
    assert text(by_id["MP071"].select_one("td[data-label=Affects]")) == "Large Suppliers DCC"
    assert by_id["MP071"]["data-release"] == "2019-11" and by_id["MP077"]["data-release"] == "2020-11"
    form = register.select_one("form.sec-filters")
    assert form.has_attr("hidden"), "without JavaScript the filters stay hidden and the full table shows"
    assert {s["name"] for s in form.select("select")} == {"release", "stage", "path", "party", "dcc"}
    releases = site.article("releases/")
    assert {tr.th.a.get_text(): tr["data-party"] for tr in releases.select("table.sec-releases tbody tr")} == {
        "November 2027 SEC Release": "large-suppliers", HOSTILE_RELEASE: "small-suppliers dcc",
        "November 2019 SEC Release": "large-suppliers dcc"}


def test_sec_document_pages_and_the_document_release_matrix(site):
    index = site.article("sec-documents/")
    matrix = index.select_one("table.sec-document-matrix")
    assert [text(th) for th in matrix.select("tbody th")] == ["Section A", "Section H", "Appendix AD"]
    columns = [text(th) for th in matrix.select("thead th")][1:]
    assert columns == ["November 2027 SEC Release", HOSTILE_RELEASE, "November 2019 SEC Release"]
    section_h = matrix.select("tbody tr")[1]
    assert [text(td) for td in section_h.find_all("td")] == ["– No change", "MP077", "MP071"]
    page = site.article("sec-documents/section-h/")
    assert text(page.h1) == "Section H"
    assert [text(tr.th) for tr in page.select("tbody tr")] == [HOSTILE_RELEASE, "November 2019 SEC Release"]


def test_sec_documents_sort_by_part_then_number_or_letter():
    from sec_release.core.sec_documents import sort_key
    names = ["Appendix AD (x)", "Schedule 10 (x)", "Section J (x)", "Appendix D (x)", "Schedule 9 (x)", "Section A (x)", "A report"]
    assert sorted(names, key=sort_key) == ["Section A (x)", "Section J (x)", "Schedule 9 (x)", "Schedule 10 (x)", "Appendix D (x)", "Appendix AD (x)", "A report"]
