"""The view models, pictures and page helpers, without a build."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest
import yaml

from sec_release.core.check import check_project
from sec_release.core.documents import parse_document
from sec_release.core.diagnostics import DiagnosticList
from sec_release.core.project import config_from_options
from sec_release.model.context import MODE_PREVIEW, SiteContext
from sec_release.model.pages import GeneratedPage, front_matter
from sec_release.pages.record_pages import dated_text, record_pages, withheld_pages
from sec_release.pages.timeline_svg import record_svg, release_svg
from sec_release.pages.views import SiteViews, heading_anchors
from tests.factory import complete_release, modification, write_project

AS_OF = date(2026, 11, 26)
SVG = "{http://www.w3.org/2000/svg}"


def context(tmp_path, releases, mods, preview=False) -> SiteContext:
    root = write_project(tmp_path / "p", releases, mods)
    checked = check_project(config_from_options(root, "content", {}), AS_OF)
    assert not checked.record.problems, checked.record.problems
    return SiteContext(checked.record, checked.evaluation, mode=MODE_PREVIEW if preview else "production")


def planned(rid: str, go_live: str, **overrides) -> dict:
    data = complete_release(rid, go_live, status="planned", modifications=[{"id": "MP071", "status": "targeted"}], **overrides)
    for key in ("go_live_decision", "post_go_live_review"):
        data.pop(key)
    return data


def test_nav_releases_puts_releases_in_progress_first_and_is_capped(tmp_path):
    releases = [complete_release(f"20{10 + n}-11", f"20{10 + n}-11-20") for n in range(12)]
    releases.append(planned("2027-11", "2027-11-04"))
    ctx = context(tmp_path, releases, [modification("MP071")])
    chosen = [r.id for r in SiteViews(ctx).nav_releases(4)]
    assert chosen == ["2027-11", "2021-11", "2020-11", "2019-11"]


def test_next_release_and_upcoming_dates(tmp_path):
    r = planned("2027-11", "2027-11-04", milestones=[
        {"name": "Full scope baseline", "date": "2027-01-15", "state": "expected"},
        {"name": "Far away", "date": "2027-06-01", "state": "expected"},
        {"name": "Go-live", "date": "2027-11-04", "state": "expected"},
    ])
    views = SiteViews(context(tmp_path, [complete_release(), r], [modification("MP071")]))
    assert views.next_release.id == "2027-11"
    assert [u.event.label for u in views.upcoming()] == ["Full scope baseline"]
    # A milestone named for the go-live is the go-live point, shown once.
    assert [e.kind for e in views.release_by_id["2027-11"].events].count("go-live") == 1
    assert "Go-live" not in [e.label for e in views.release_by_id["2027-11"].events if e.kind == "milestone"]


def test_drafts_and_their_documents_stay_out_of_production(tmp_path):
    draft = planned("2027-06", "2027-06-24", draft=True)
    ctx = context(tmp_path, [complete_release(), draft], [modification("MP071")])
    paths = [p.path for p in record_pages(ctx)]
    assert "releases/2027-06/index.md" not in paths
    assert withheld_pages(ctx) == ["releases/2027-06/implementation-document.md", "releases/2027-06/testing-approach.md"]
    preview = context(tmp_path / "preview", [complete_release(), draft], [modification("MP071")], preview=True)
    assert "releases/2027-06/index.md" in [p.path for p in record_pages(preview)]
    assert withheld_pages(preview) == []


def test_pictures_are_well_formed_accessible_and_escape_text(tmp_path):
    hostile = 'Bad <script>x</script> & "{{ 7*7 }}"'
    moved = complete_release(title=hostile, date_changes=[{"from": "2019-11-07", "to": "2019-11-29", "by": "Authority"}])
    views = SiteViews(context(tmp_path, [moved, planned("2027-11", "2027-11-04")], [modification("MP071")]))
    for svg in (release_svg(views.releases[0], AS_OF, "t1"), record_svg(views.releases, AS_OF)):
        root = ElementTree.fromstring(str(svg))  # well-formed XML: nothing unescaped
        assert root.get("role") == "img"
        title = root.find(f"{SVG}title")
        assert root.get("aria-labelledby") == title.get("id")
        assert root.find(f"{SVG}desc").get("id") == root.get("aria-describedby")
        texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text")) + " ".join(t.text or "" for t in root.iter(f"{SVG}title"))
        assert "<script>" in texts or "Bad <script>" in texts
        assert not list(root.iter(f"{SVG}script"))
        assert "moved" in texts.lower()
        assert "Today" in texts
    single = ElementTree.fromstring(str(release_svg(views.releases[1], AS_OF, "t2")))
    dashed = [el for el in single.iter() if el.get("stroke-dasharray")]
    assert dashed, "expected dates are drawn dashed"


def test_dated_text_escapes_and_marks_dates():
    html = str(dated_text("cost_review: recorded 2019-06-14 <b>"))
    assert html == 'cost_review: recorded <time datetime="2019-06-14">14 June 2019</time> &lt;b&gt;'
    assert str(dated_text("not a date 2019-02-30")) == "not a date 2019-02-30"


def test_heading_anchors_follow_the_toc_extension():
    doc = parse_document("# Title\n\n## Timescales\n\nx\n\n## Timescales\n\ny\n\n## Go-live criteria!\n", "f.md", "f.md", DiagnosticList())
    assert list(heading_anchors(doc).values()) == ["title", "timescales", "timescales_1", "go-live-criteria"]


@pytest.mark.parametrize("title", ['A "quoted" title', "<script>alert(1)</script>", "{{ 7*7 }}", "colon: yes # no"])
def test_front_matter_keeps_any_title_verbatim_and_escaped(title):
    meta = yaml.safe_load(front_matter(title, hide=["toc"]).strip().strip("-"))
    assert meta["render_macros"] is False and meta["hide"] == ["toc"]
    assert meta["title"] == title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")


def test_wrap_puts_a_header_under_the_first_heading():
    page = GeneratedPage("x.md", "HEADER", "X", placement="prepend")
    assert page.wrap("\n# Title\nBody") == "\n# Title\n\nHEADER\n\nBody"
    assert page.wrap("No heading") == "HEADER\n\nNo heading"
    assert GeneratedPage("x.md", "TAIL", "X", placement="append").wrap("Body") == "Body\n\nTAIL"


def test_a_site_overrides_a_page_template(tmp_path):
    ctx = context(tmp_path, [complete_release()], [modification("MP071")])
    folder = ctx.record.config.root / "overrides" / "sec_release"
    folder.mkdir(parents=True)
    (folder / "modification.md.j2").write_text("<h1>Ours: {{ m.id }} {{ m.modification.title }}</h1>\n", encoding="utf-8")
    pages = {p.path: p for p in record_pages(ctx)}
    assert "<h1>Ours: MP071 Modification MP071</h1>" in pages["modifications/MP071/index.md"].content
    assert "sec-content" in pages["releases/2019-11/index.md"].content  # the others keep the package's templates


def test_generated_front_matter_reads_back_exactly():
    """MkDocs drops a front matter it cannot parse, and with it render_macros: false."""
    from mkdocs.utils.meta import get_data

    from sec_release.model.pages import front_matter

    for title in ["Release 😀 {{ 7*7 }}", "a\u2028b", 'x: "y" # z', "tab\there", "line\nbreak", "{% raw %}"]:
        body, meta = get_data(front_matter(title, hide=["toc"], order=3) + "body")
        assert body == "body"
        assert meta["render_macros"] is False
        assert meta["hide"] == ["toc"] and meta["order"] == 3
        assert meta["title"] == str(__import__("markupsafe").escape(title))
