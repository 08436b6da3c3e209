"""The navigation's shape (model/nav.py): sections in provider order, entries by nav order, hand-written pages last."""

from __future__ import annotations

from sec_release.model.nav import NavSection, record_nav
from sec_release.model.pages import GeneratedPage


def page(path: str, section: str | None, order: tuple = (), placement: str = "page", title: str = "") -> GeneratedPage:
    return GeneratedPage(path, "", title or path, nav_section=section, nav_order=order, placement=placement)


def test_sections_keep_the_order_they_first_appear_and_entries_their_nav_order():
    generated = {p.path: p for p in [
        page("index.md", "Home", (0,), placement="append", title="Home"),
        page("releases/index.md", "Releases", (0,)),
        page("releases/2020-11/index.md", "Releases", (1, 1)),
        page("releases/2021-06/index.md", "Releases", (1, 0)),
        page("releases/2019-11/index.md", None),  # a release not named in the nav
        page("modifications/index.md", "Modifications", (0,)),
        page("modifications/MP071/index.md", None),
        page("policy/release-management-policy.md", "Policy", placement="prepend", title="Policy"),
    ]}
    pages = ["index.md", "about.md", *generated, "notes/extra.md"]
    pages.remove("policy/release-management-policy.md")
    pages.append("policy/release-management-policy.md")
    nav = record_nav(generated, pages)
    assert nav.items == (
        "index.md",
        NavSection("Releases", ("releases/index.md", "releases/2021-06/index.md", "releases/2020-11/index.md")),
        "modifications/index.md",
        "policy/release-management-policy.md",
        "about.md",
        "notes/extra.md",
    )
    # Wrapped hand-written pages get the nav label; generated pages keep their own titles.
    assert nav.titles == {"index.md": "Home", "policy/release-management-policy.md": "Policy"}
    assert nav.pages() == [
        "index.md", "releases/index.md", "releases/2021-06/index.md", "releases/2020-11/index.md",
        "modifications/index.md", "policy/release-management-policy.md", "about.md", "notes/extra.md",
    ]


def test_a_generated_page_the_engine_does_not_have_is_left_out():
    generated = {p.path: p for p in [page("releases/index.md", "Releases", (0,)), page("changes/index.md", "Changes", (0,))]}
    nav = record_nav(generated, ["releases/index.md"])  # e.g. replaced by a hand-written page elsewhere
    assert nav.items == ("releases/index.md",) and nav.titles == {}
    assert record_nav({}, []).items == ()
