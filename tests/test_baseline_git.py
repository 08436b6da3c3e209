"""core.baseline, a git ref or another checkout as the baseline.

One small repository for the whole module (made once); each test reads it at a ref.
The project is in a subfolder of the repository, as in a repository that holds more than the record.
"""

from __future__ import annotations

import os
import subprocess
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from sec_release.core.baseline import BaselineError, load_baseline, snapshot_from_git, snapshot_from_project
from sec_release.core.project import ProjectConfig, load_project
from tests.factory import complete_release, modification, write_project, write_yaml
from tests.publishing_support import GIT_ENV, commit_all, git, init_repo

AS_OF = date(2020, 3, 1)


def git_with_input(root: Path, *args: str, input: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, input=input, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout.strip()


def write_flat_project(root: Path, rulebook: str = "rulebook/d10.yaml") -> Path:
    """A project whose record is its own folder (data_dir: "."): releases/ and modifications/ beside mkdocs.yml."""
    write_project(root, [complete_release("2019-11")])
    for name in ("releases", "modifications"):
        shutil.move(root / "data" / name, root / name)
    (root / rulebook).parent.mkdir(parents=True, exist_ok=True)
    shutil.move(root / "data" / "rulebook" / "d10.yaml", root / rulebook)
    shutil.rmtree(root / "data")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("data_dir: data", "data_dir: .").replace("rulebook: data/rulebook/d10.yaml", f"rulebook: {rulebook}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """before: no record yet; published: two releases; HEAD: a third; the work tree: a title changed, not committed."""
    top = tmp_path_factory.mktemp("baseline-repo")
    init_repo(top)
    (top / "README.md").write_text("A repository with a record in record/.\n", encoding="utf-8")
    commit_all(top, "Before the record")
    git(top, "tag", "-a", "before", "-m", "An annotated tag: the commit is the one it names, not the tag object")
    project = top / "record"
    write_project(project, [complete_release("2019-11"), complete_release("2020-02", "2020-02-27")],
                  [modification("MP071"), modification("MP104")])
    # A symbolic link and a file outside the record's folders are not read at a ref.
    os.symlink("2019-11.yaml", project / "data" / "releases" / "2019-12.yaml")
    write_yaml(project / "notes" / "2020-06.yaml", complete_release("2020-06", "2020-06-25"))
    # Another record in the repository, in a folder whose name is as long as record/'s: not read either.
    write_yaml(top / "legacy" / "data" / "releases" / "2018-06.yaml", complete_release("2018-06", "2018-06-28"))
    write_flat_project(top / "flat")
    # File names git must not split or decode: a tab, and bytes that are not UTF-8.
    (project / "content" / "attachments").mkdir()
    (project / "content" / "attachments" / "minutes\tdraft.txt").write_text("tab\n", encoding="utf-8")
    with open(os.fsencode(project / "content" / "attachments") + b"/caf\xe9.txt", "wb") as latin1:
        latin1.write(b"latin-1 name\n")
    git(top, "add", "-A", ".")
    # A submodule in the content folder (a commit of another repository, not a file) is not read either.
    git(top, "update-index", "--add", "--cacheinfo", f"160000,{'1' * 40},record/content/vendored")
    commit_all(top, "The published record")
    git(top, "tag", "published")
    # A commit whose tree names a file the repository does not have (as in a partial clone).
    git(top, "update-index", "--add", "--info-only", "--cacheinfo", f"100644,{'2' * 40},record/data/parties.yaml")
    tree = git(top, "write-tree", "--missing-ok")
    git(top, "tag", "incomplete", git(top, "commit-tree", tree, "-p", "HEAD", "-m", "A file's content is missing"))
    git(top, "reset", "-q", "--hard", "HEAD")
    # A hostile commit whose tree climbs out of the folder it is read into: record/data/../../../escaped.txt.
    # The published record, with record/data/../../../escaped.txt beside (and listed before) its releases.
    blob = git_with_input(top, "hash-object", "-w", "--stdin", input="escaped")
    climb = git_with_input(top, "mktree", input=f"100644 blob {blob}\tescaped.txt\n")
    for _ in range(2):
        climb = git_with_input(top, "mktree", input=f"040000 tree {climb}\t..\n")
    data = git_with_input(top, "mktree", input=git(top, "ls-tree", "published:record/data") + f"\n040000 tree {climb}\t..\n")
    tree = data
    for folder, name in (("published:record", "data"), ("published:", "record")):
        entries = [line for line in git(top, "ls-tree", folder).splitlines() if not line.endswith(f"\t{name}")]
        tree = git_with_input(top, "mktree", input="\n".join([*entries, f"040000 tree {tree}\t{name}"]) + "\n")
    git(top, "tag", "hostile", git(top, "commit-tree", tree, "-m", "Paths that climb out"))
    write_project(project, [complete_release("2019-11"), complete_release("2020-02", "2020-02-27"),
                            complete_release("2020-06", "2020-06-25")], [modification("MP071"), modification("MP104")])
    commit_all(top, "A third release")
    write_yaml(project / "data" / "releases" / "2019-11.yaml", complete_release("2019-11", title="Changed, not committed"))
    return top


def config(repo: Path) -> ProjectConfig:
    return load_project(repo / "record")


def commit_of(repo: Path, ref: str) -> str:
    return git(repo, "rev-parse", f"{ref}^{{commit}}")


def failure(call, *args) -> str:
    with pytest.raises(BaselineError) as caught:
        call(*args)
    return str(caught.value)


def test_the_record_at_a_tag_is_read_as_committed_not_as_in_the_work_tree(repo):
    snapshot = snapshot_from_git("published", config(repo), AS_OF)
    assert sorted(snapshot.releases) == ["2019-11", "2020-02"]
    assert snapshot.releases["2019-11"]["title"] == "Release 2019-11"
    assert sorted(snapshot.modifications) == ["MP071", "MP104"]
    assert snapshot.problems == 0
    assert snapshot.as_of == AS_OF
    assert snapshot.release_files == {"2019-11": "data/releases/2019-11.yaml", "2020-02": "data/releases/2020-02.yaml"}
    # The pages are read at the ref too: their digests are those of the committed text.
    assert sorted(snapshot.documents) == [
        "policy/release-management-policy.md",
        "releases/2019-11/implementation-document.md", "releases/2019-11/testing-approach.md",
        "releases/2020-02/implementation-document.md", "releases/2020-02/testing-approach.md",
    ]
    # The rulebook was read at the ref (it is the same in the work tree), and the record evaluated with it.
    on_disk = snapshot_from_project(repo / "record", AS_OF)
    assert snapshot.requirements == on_disk.requirements
    assert snapshot.results == {key: status for key, status in on_disk.results.items() if key[0] in (None, "2019-11", "2020-02")}


def test_the_label_of_a_named_ref_gives_its_commit(repo):
    commit = commit_of(repo, "published")
    assert snapshot_from_git("published", config(repo), AS_OF).label == f"published (commit {commit[:12]})"


def test_the_label_of_a_commit_named_by_its_hash_or_a_prefix_of_it_is_the_commit(repo):
    commit = commit_of(repo, "published")
    assert snapshot_from_git(commit, config(repo), AS_OF).label == f"commit {commit[:12]}"
    assert snapshot_from_git(commit[:7], config(repo), AS_OF).label == f"commit {commit[:12]}"


def test_a_later_commit_gives_the_release_it_added(repo):
    assert sorted(snapshot_from_git("HEAD", config(repo), AS_OF).releases) == ["2019-11", "2020-02", "2020-06"]


def test_a_ref_before_the_record_existed_has_no_releases_and_no_problems(repo):
    snapshot = snapshot_from_git("before", config(repo), AS_OF)
    assert snapshot.releases == {} and snapshot.modifications == {}
    assert snapshot.problems == 0
    assert snapshot.label == f"before (commit {commit_of(repo, 'before')[:12]})"


def test_the_record_at_a_ref_is_read_through_load_baseline_when_no_folder_has_that_name(repo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snapshot = load_baseline(" published ", config(repo), AS_OF)
    assert snapshot.label == f"published (commit {commit_of(repo, 'published')[:12]})"
    assert sorted(snapshot.releases) == ["2019-11", "2020-02"]


def test_a_project_at_the_top_of_the_repository_is_read_at_a_ref(tmp_path):
    # Its record is the project folder itself, and its rulebook's folder begins with a dash (a path, not a git option).
    write_flat_project(tmp_path, rulebook="-rules/d10.yaml")
    init_repo(tmp_path)
    commit_all(tmp_path, "The record")
    write_yaml(tmp_path / "releases" / "2019-11.yaml", complete_release("2019-11", title="Not committed"))
    snapshot = snapshot_from_git("main", load_project(tmp_path), AS_OF)
    assert list(snapshot.releases) == ["2019-11"]
    assert snapshot.releases["2019-11"]["title"] == "Release 2019-11"
    assert snapshot.requirements == snapshot_from_project(tmp_path, AS_OF).requirements
    assert snapshot.problems == 0


def test_a_project_whose_record_is_its_own_folder_is_read_at_a_ref(repo):
    snapshot = snapshot_from_git("published", load_project(repo / "flat"), AS_OF)
    assert list(snapshot.releases) == ["2019-11"]
    assert list(snapshot.modifications) == ["MP071"]
    assert snapshot.problems == 0


def test_folders_written_with_slashes_are_read_at_a_ref(repo):
    base = config(repo)
    slashed = ProjectConfig(root=base.root, docs_dir="content/", options=base.options.model_copy(update={"data_dir": "data/"}),
                            site=base.site)
    snapshot = snapshot_from_git("published", slashed, AS_OF)
    assert sorted(snapshot.releases) == ["2019-11", "2020-02"]
    assert snapshot.problems == 0


def test_a_ref_whose_files_git_cannot_give_is_refused_naming_the_file(repo):
    commit = commit_of(repo, "incomplete")
    assert failure(snapshot_from_git, "incomplete", config(repo), AS_OF) == (
        f"git cat-file could not read data/parties.yaml at {commit[:12]}"
    )


def test_a_hostile_commit_cannot_write_outside_the_folder_it_is_read_into(repo, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    snapshot = snapshot_from_git("hostile", config(repo), AS_OF)
    assert sorted(snapshot.releases) == ["2019-11", "2020-02"] and snapshot.problems == 0  # the rest is read
    assert sorted(tmp_path.rglob("*")) == [tmp_path / "temp"]


def test_a_rulebook_outside_the_repository_cannot_be_read_at_a_ref_and_git_says_why(repo):
    base = config(repo)
    outside = ProjectConfig(root=base.root, docs_dir=base.docs_dir, site=base.site,
                            options=base.options.model_copy(update={"rulebook": "../../shared/d10.yaml"}))
    assert failure(snapshot_from_git, "published", outside, AS_OF) == (
        "git ls-tree -r failed: fatal: record/../../shared/d10.yaml: "
        f"'record/../../shared/d10.yaml' is outside repository at '{repo}'"
    )


def test_a_ref_that_looks_like_an_option_is_refused(repo):
    assert failure(snapshot_from_git, "--all", config(repo), AS_OF) == "'--all' is not a git ref"


def test_a_ref_the_repository_does_not_have_says_to_fetch_it(repo):
    assert failure(snapshot_from_git, "origin/main", config(repo), AS_OF) == (
        f"'origin/main' is neither a folder nor a commit of the git repository at {repo / 'record'} "
        "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)"
    )


def test_a_ref_outside_a_repository_says_to_fetch_it(tmp_path):
    write_project(tmp_path)
    assert failure(snapshot_from_git, "main", load_project(tmp_path), AS_OF) == (
        f"'main' is neither a folder nor a commit of the git repository at {tmp_path} "
        "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)"
    )


# --- another checkout ---

def test_a_project_folder_is_read_as_it_is_on_disk(repo):
    folder = repo / "record"
    snapshot = snapshot_from_project(folder, AS_OF)
    assert snapshot.label == f"the project at {folder}"
    assert snapshot.releases["2019-11"]["title"] == "Changed, not committed"
    assert snapshot.as_of == AS_OF


def test_a_project_folder_is_a_baseline_through_load_baseline(repo, tmp_path):
    folder = repo / "record"
    snapshot = load_baseline(str(folder), ProjectConfig(root=tmp_path), AS_OF)
    assert snapshot.label == f"the project at {folder}"
    assert snapshot.releases == snapshot_from_project(folder, AS_OF).releases
    assert snapshot.releases["2020-06"]["title"] == "Release 2020-06"


def test_a_project_whose_mkdocs_yml_cannot_be_read_is_refused_with_the_reason(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("plugins: [\n", encoding="utf-8")
    message = failure(snapshot_from_project, tmp_path, AS_OF)
    assert message.startswith(f"{tmp_path / 'mkdocs.yml'}: cannot be read: ")
    assert message.splitlines()[0] == f"{tmp_path / 'mkdocs.yml'}: cannot be read: while parsing a flow node"
