"""core.compare and core.baseline: every kind of change, from a git ref, a project folder and a published site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sec_release.exports.json_export import json_files
from sec_release.model.context import SiteContext
from sec_release.core.baseline import BaselineError, load_baseline, snapshot_from_site
from sec_release.core.check import check_project
from sec_release.core.compare import Comparison, Snapshot, compare, display, snapshot_from_record
from sec_release.pages.changes_markdown import md_text, to_markdown
from sec_release.core.project import load_project
from tests.factory import complete_release, modification, write_project
from tests.publishing_support import (
    AS_OF, DRAFT_ID, DRAFT_TITLE, HOSTILE_TITLE, commit_all, every_change_repo, git, init_repo, write_published,
)

AS_OF_DATE = date.fromisoformat(AS_OF)


def current(root: Path) -> Snapshot:
    checked = check_project(load_project(root), AS_OF_DATE)
    return snapshot_from_record(checked.record, checked.evaluation, "this build")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("every-change")
    every_change_repo(root)
    return root


@pytest.fixture(scope="module")
def comparison(repo) -> Comparison:
    baseline = load_baseline("published", load_project(repo), AS_OF_DATE)
    return compare(baseline, current(repo))


def release(comparison: Comparison, release_id: str):
    found = [r for r in comparison.releases if r.id == release_id]
    assert len(found) == 1, [r.id for r in comparison.releases]
    return found[0]


def test_the_baseline_is_read_at_the_ref_without_touching_the_work_tree(repo):
    before = git(repo, "status", "--porcelain")
    baseline = load_baseline("published", load_project(repo), AS_OF_DATE)
    assert set(baseline.releases) == {"2018-06", "2019-11", "2020-11"}
    assert "MP090" in baseline.modifications and "MP250" not in baseline.modifications
    assert baseline.label.startswith("published (commit ")
    assert baseline.problems == 0
    assert git(repo, "status", "--porcelain") == before
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "main"


def test_release_added_is_marked_draft(comparison):
    added = release(comparison, DRAFT_ID)
    assert added.kind == "added" and added.draft and added.title == DRAFT_TITLE
    assert added.status == "planned" and added.go_live == "2027-11-04"
    assert sum(added.result_counts.values()) > 0


def test_release_removed(comparison):
    removed = release(comparison, "2018-06")
    assert removed.kind == "removed" and not removed.draft
    assert removed.status == "implemented"


def test_go_live_moved(comparison):
    assert release(comparison, "2019-11").go_live_moved == ("2019-11-29", "2019-12-05")


def test_modifications_added_to_and_removed_from_a_release(comparison):
    content = {(c.id, c.kind): c for c in release(comparison, "2019-11").content}
    assert set(content) == {("MP073", "added"), ("MP074", "removed"), ("MP076", "unlisted")}
    assert content[("MP073", "added")].new_status == "implemented"
    assert (content[("MP074", "removed")].old_status, content[("MP074", "removed")].new_status) == ("implemented", "removed")
    assert content[("MP076", "unlisted")].old_status == "implemented"


def test_documents_reissued_and_text_changed(comparison):
    documents = {d.kind: d for d in release(comparison, "2019-11").documents}
    reissued = documents["implementation_document"]
    assert reissued.change == "reissued"
    assert (reissued.old_version, reissued.new_version) == ("1.0", "1.1")
    assert (reissued.old_updated, reissued.new_updated) == ("2019-10-31", "2019-11-20")
    assert documents["testing_approach"].change == "text"


def test_fields_changed_old_to_new(comparison):
    fields = {f.field: (f.old, f.new) for f in release(comparison, "2019-11").fields}
    assert fields["sec_version"] == ("6.21", "6.22")
    assert fields["summary"] == ("A test release.", "Scope grew by one modification.")
    assert fields["milestones[Testing complete].date"] == ("2019-09-13", "2019-09-20")
    date_change = fields["date_changes[2019-11-29 to 2019-12-05]"]
    assert date_change[0] is None and "Authority" in date_change[1]
    # Reported on their own lines, not again as fields:
    assert not any(f.startswith(("go_live", "modifications", "implementation_document", "amendments")) for f in fields)


def test_amendments_appended_are_listed(comparison):
    assert release(comparison, "2019-11").amendments == ["2019-11-20: Go-live moved; MP073 added; MP074 removed."]


def test_compliance_result_changed(comparison):
    results = {r.requirement_id: r for r in release(comparison, "2020-11").results}
    assert set(results) == {"d10-19-consultation"}
    change = results["d10-19-consultation"]
    assert (change.old, change.new, change.clause) == ("missing", "met", "D10.19")
    fields = {f.field for f in release(comparison, "2020-11").fields}
    assert fields == {"testing_approach.consultation"}


def test_modification_register_changes(comparison):
    register = {m.id: m for m in comparison.modifications}
    assert register["MP250"].kind == "added" and register["MP250"].title == HOSTILE_TITLE
    assert register["MP090"].kind == "removed"
    assert register["MP080"].kind == "changed"
    assert [(f.field, f.old, f.new) for f in register["MP080"].fields] == [("title", "Modification MP080", "Managing DUIS uplifts")]
    assert set(register) == {"MP250", "MP090", "MP080"}


def test_policy_text_changed(comparison):
    assert comparison.policy_text_changed
    assert comparison.policy_results == []


def test_unchanged_release_is_not_listed(repo, tmp_path):
    baseline = load_baseline("HEAD", load_project(repo), AS_OF_DATE)
    same = compare(baseline, current(repo))
    assert same.is_empty
    text = to_markdown(same)
    assert "**No differences**" in text


def test_markdown_lists_every_change_with_links(comparison):
    links = []

    def href(target):
        links.append(target)
        return "https://preview.example/" + "/".join(str(t) for t in target if t)

    text = to_markdown(comparison, href, level=3)
    for expected in (
        "### Releases added", "### Releases removed", "### Releases changed", "### Modification register",
        "### SEC Release Management Policy",
        "Go-live moved: 2019-11-29 → **2019-12-05**",
        "Modification added: [MP073]", "Modification removed from the release: [MP074]",
        "Modification no longer listed: [MP076]",
        "re-issued: version 1.0 → 1.1, updated 2019-10-31 → 2019-11-20",
        "missing → **met**", "*(draft)*",
        "`sec_version`: 6.21 → 6.22",
    ):
        assert expected in text, expected
    assert ("release", "2019-11") in links and ("result", "d10-19-consultation", "2020-11") in links
    # A removed release has no page to link to.
    assert "[2018-06" not in text and "2018-06 — June 2018 SEC Release" in text


def test_markdown_escapes_record_text():
    assert md_text("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    assert "{{" not in md_text("{{ 7*7 }}") and "&#123;&#123;" in md_text("{{ 7*7 }}")
    assert md_text("a | b\nc") == "a \\| b c"
    assert display("x" * 500).endswith("…") and len(display("x" * 500)) == 240


def test_project_in_a_subfolder_of_the_repository(tmp_path):
    repo = tmp_path / "repo"
    project = repo / "record"
    project.mkdir(parents=True)
    write_project(project, [complete_release()], [modification("MP071")])
    init_repo(repo)
    commit_all(repo, "one")
    write_project(project, [complete_release(summary="Changed.", amendments=[
        {"date": "2019-10-31", "summary": "First publication."}, {"date": "2019-12-01", "summary": "Summary."}])])
    result = compare(load_baseline("HEAD", load_project(project), AS_OF_DATE), current(project))
    assert [(f.field, f.new) for f in result.releases[0].fields] == [("summary", "Changed.")]


def test_a_ref_before_the_record_existed_makes_everything_new(tmp_path):
    init_repo(tmp_path)
    (tmp_path / "README").write_text("empty\n")
    commit_all(tmp_path, "before the record")
    write_project(tmp_path, [complete_release()], [modification("MP071")])
    result = compare(load_baseline("HEAD", load_project(tmp_path), AS_OF_DATE), current(tmp_path))
    assert [(r.id, r.kind) for r in result.releases] == [("2019-11", "added")]
    assert not result.notes


def test_baseline_errors_are_explained(tmp_path):
    write_project(tmp_path)
    config = load_project(tmp_path)
    with pytest.raises(BaselineError, match="neither a folder nor a commit"):
        load_baseline("origin/main", config, AS_OF_DATE)  # not a git repository at all
    init_repo(tmp_path)
    commit_all(tmp_path, "one")
    with pytest.raises(BaselineError, match="fetch-depth"):
        load_baseline("no-such-branch", config, AS_OF_DATE)
    with pytest.raises(BaselineError, match="not a git ref"):
        load_baseline("--output=/tmp/x", config, AS_OF_DATE)
    (tmp_path / "empty").mkdir()
    with pytest.raises(BaselineError, match="neither a project"):
        load_baseline(str(tmp_path / "empty"), config, AS_OF_DATE)


def test_baseline_from_a_project_folder(repo, tmp_path):
    old = tmp_path / "old"
    write_published(old)
    result = compare(load_baseline(str(old), load_project(repo), AS_OF_DATE), current(repo))
    assert {r.id for r in result.releases} == {DRAFT_ID, "2018-06", "2019-11", "2020-11"}


def test_baseline_from_a_published_site(repo, tmp_path):
    """The open-data export of the published record compares like its git ref (less the documents' text)."""
    old = tmp_path / "old"
    write_published(old)
    site = write_site_data(old, tmp_path / "published-site")
    baseline = load_baseline(str(site), load_project(repo), AS_OF_DATE)
    assert baseline.documents is None and set(baseline.releases) == {"2018-06", "2019-11", "2020-11"}
    assert snapshot_from_site(site / "data").releases.keys() == baseline.releases.keys()
    from_site = compare(baseline, current(repo))
    from_git = compare(load_baseline("published", load_project(repo), AS_OF_DATE), current(repo))

    def summary(c: Comparison):
        return {
            r.id: (r.kind, r.go_live_moved, [(x.id, x.kind) for x in r.content], [(f.field, f.old, f.new) for f in r.fields],
                   [(x.requirement_id, x.old, x.new) for x in r.results], [d.kind for d in r.documents if d.change != "text"])
            for r in c.releases
        }

    assert summary(from_site) == summary(from_git)
    assert [(m.id, m.kind) for m in from_site.modifications] == [(m.id, m.kind) for m in from_git.modifications]
    assert not from_site.policy_text_changed  # a site has no document text to compare


def write_site_data(project: Path, site: Path) -> Path:
    """The /data/*.json a production build of ``project`` publishes (written even though the baseline has a gap)."""
    checked = check_project(load_project(project), AS_OF_DATE)
    ctx = SiteContext(record=checked.record, evaluation=checked.evaluation, site_url="https://example.org/test/")
    for generated in json_files(ctx):
        target = site / generated.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(generated.content)
    return site


def test_site_baseline_of_an_unknown_schema_version_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "releases.json").write_text('{"schema_version": 99, "releases": []}')
    with pytest.raises(BaselineError, match="schema_version 99"):
        snapshot_from_site(tmp_path)
