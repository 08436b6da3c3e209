"""The exports in a whole build (in-process MkDocs) and from `sec-release export`: same bytes, no drafts."""

from __future__ import annotations

import json
import shutil

import pytest

from sec_release.exports.shapes import SCHEMA_CHANGES, SCHEMA_VERSION
from tests.conftest import run_cli
from tests.exports_support import DRAFT, DRAFT_MARK, DRAFT_ONLY_MOD, EPOCH, environment, export, read_tree, write_export_project
from tests.test_site_support import Site, build_site

pytestmark = pytest.mark.build  # tasks.py test runs these under MkDocs and ProperDocs

EXPORT_PATHS = {
    "data/releases.json", "data/releases.schema.json",
    "data/modifications.json", "data/modifications.schema.json",
    "data/compliance.json", "data/compliance.schema.json",
    "data/releases.csv", "data/compliance.csv",
    "calendar.ics", "releases/2019-11/calendar.ics", "releases/2027-11/calendar.ics",
    "feed.xml",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The hostile project built twice (in-process, --strict), and exported by the CLI."""
    root = write_export_project(tmp_path_factory.mktemp("exports") / "project")
    with environment(SOURCE_DATE_EPOCH=str(EPOCH)):
        site = build_site(root)
        first = tmp_path_factory.mktemp("first-build")
        shutil.copytree(site, first, dirs_exist_ok=True)
        shutil.rmtree(site)
        second = build_site(root)
    return root, first, second


def test_the_build_writes_every_export(built):
    _, site, _ = built
    assert set(read_tree(site)) == EXPORT_PATHS


def test_two_builds_write_the_same_bytes(built):
    _, first, second = built
    assert read_tree(first) == read_tree(second)


def test_cli_export_writes_what_the_build_writes(built, tmp_path):
    root, site, _ = built
    assert export(root, tmp_path / "out") == read_tree(site)


def test_cli_export_in_a_subprocess(built, tmp_path):
    root, site, _ = built
    with environment(SOURCE_DATE_EPOCH=str(EPOCH)):
        result = run_cli("export", "--format", "json", str(tmp_path / "out"), str(root))
    assert result.returncode == 0, result.stderr
    assert "wrote 6 file(s)" in result.stdout
    written = read_tree(tmp_path / "out")
    assert set(written) == {p for p in EXPORT_PATHS if p.endswith(".json")}
    assert written["data/releases.json"] == read_tree(site)["data/releases.json"]


def test_cli_export_refuses_a_record_with_errors(built, tmp_path):
    root, _, _ = built
    broken = tmp_path / "broken"
    shutil.copytree(root, broken, ignore=shutil.ignore_patterns("site"))
    (broken / "data" / "releases" / "2027-11.yaml").write_text("id: 2027-11\ntitel: typo\n", encoding="utf-8")
    result = run_cli("export", "--format", "all", str(tmp_path / "out"), str(broken))
    assert result.returncode == 1
    assert "unknown-key" in result.stderr and "nothing exported" in result.stderr
    assert not (tmp_path / "out").exists()


def test_no_draft_in_any_export(built):
    _, site, _ = built
    for path, content in read_tree(site).items():
        text = content.decode("utf-8")
        assert DRAFT_MARK not in text, path
        assert DRAFT not in text, path
        assert DRAFT_ONLY_MOD not in text, path
    assert not (site / "releases" / DRAFT / "calendar.ics").exists()


def test_a_preview_build_does_carry_the_draft(built, tmp_path):
    """The draft is really in the record: the production exports leave it out, they do not miss it."""
    from sec_release.core.check import check_project, resolve_as_of
    from sec_release.core.project import load_project
    from sec_release.exports.json_export import json_files
    from sec_release.model.context import MODE_PREVIEW, SiteContext

    root, _, _ = built
    config = load_project(root)
    checked = check_project(config, resolve_as_of(None, config))
    ctx = SiteContext(checked.record, checked.evaluation, mode=MODE_PREVIEW)
    releases = json.loads(next(f for f in json_files(ctx) if f.path == "data/releases.json").content)
    assert DRAFT in [r["id"] for r in releases["releases"]]


@pytest.mark.parametrize("url", ["", "data/", "editors/", "releases/2019-11/"])
def test_every_page_advertises_the_feed(built, url):
    _, site, _ = built
    soup = Site(site).soup(url)
    links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert len(links) == 1
    depth = url.count("/")
    assert links[0]["href"] == "../" * depth + "feed.xml"


def test_the_data_page_lists_every_file_schema_and_the_licence(built):
    _, site, _ = built
    page = Site(site)
    article = page.article("data/")
    hrefs = {a["href"] for a in article.select("a[href]")}
    for name in ("releases", "modifications", "compliance"):
        assert f"{name}.json" in hrefs and f"{name}.schema.json" in hrefs
    assert {"releases.csv", "compliance.csv", "../calendar.ics", "../feed.xml", "../releases/2019-11/calendar.ics"} <= hrefs
    assert "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" in hrefs
    text = article.get_text(" ")
    assert "Open Government Licence v3.0" in text
    assert "schema_version" in text and "rises" in text
    # What each version changed, newest first, starting with the version the files carry.
    versions = [" ".join(li.get_text().split()) for li in article.select("li li") if li.get_text().startswith("Version ")]
    assert [v.split(":")[0] for v in versions] == [f"Version {n}" for n, _ in SCHEMA_CHANGES]
    assert SCHEMA_CHANGES[0][0] == SCHEMA_VERSION == json.loads((site / "data" / "releases.json").read_text())["schema_version"]
    assert "may be null" in versions[0]
    # Every field of the published schema is documented, under its published name.
    codes = {c.get_text() for c in article.select("th code")}
    assert {"releases[].date_changes[].from", "results[].requirement_id", "modification_title"} <= codes
    for target in hrefs:
        if not target.startswith(("https://", "#")):
            assert (site / "data" / target).resolve().exists(), target


def test_the_data_page_takes_the_licence_from_mkdocs_yml(tmp_path):
    root = write_export_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      rulebook: data/rulebook/d10.yaml\n",
            "      rulebook: data/rulebook/d10.yaml\n      licence: CC BY 4.0 <test>\n      licence_url: https://creativecommons.org/licenses/by/4.0/\n",
        )
    )
    site = build_site(root)
    article = Site(site).article("data/")
    link = article.select_one('a[href="https://creativecommons.org/licenses/by/4.0/"]')
    assert link is not None and link.get_text() == "CC BY 4.0 <test>"
    data = json.loads((site / "data" / "releases.json").read_text())
    assert data["licence"] == {"name": "CC BY 4.0 <test>", "url": "https://creativecommons.org/licenses/by/4.0/"}
