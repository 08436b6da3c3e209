"""core.git: git's output, and the reason given for people when git is missing, slow or says no."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from sec_release.core import git as git_module
from sec_release.core.git import GIT_TIMEOUT, GitError, git, git_text
from tests.publishing_support import commit_all, init_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("git-runner")
    init_repo(root, "trunk")
    (root / "a.txt").write_text("hello\n", encoding="utf-8")
    commit_all(root, "First")
    return root


def reason(*args, **kwargs) -> str:
    with pytest.raises(GitError) as caught:
        git(*args, **kwargs)
    return str(caught.value)


def test_git_gives_its_standard_output_as_bytes_run_in_the_folder(repo):
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == b"trunk\n"
    assert git(repo, "show", "HEAD:a.txt") == b"hello\n"


def test_git_is_given_the_input(repo):
    assert git(repo, "hash-object", "--stdin", input=b"hello\n") == b"ce013625030ba8dba906f756967f9e9ca394464a\n"


def test_a_failure_gives_the_command_and_git_last_line(tmp_path):
    assert reason(tmp_path, "rev-parse", "--show-toplevel") == (
        "git rev-parse --show-toplevel failed: fatal: not a git repository (or any of the parent directories): .git"
    )


def test_a_failure_without_a_message_gives_the_exit_status(repo):
    assert reason(repo, "rev-parse", "--verify", "--quiet", "no-such-ref") == "git rev-parse --verify failed: exit 1"


def test_a_failure_of_a_one_word_command_names_that_word(repo):
    assert reason(repo, "no-such-command") == "git no-such-command failed: git: 'no-such-command' is not a git command. See 'git --help'."


def test_a_machine_without_git_is_told_so(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert reason(repo, "status") == "git is not installed, so a git ref cannot be read"


def test_git_that_takes_too_long_is_stopped_with_the_time_it_was_given(repo, monkeypatch):
    given = {}

    def slow(command, **kwargs):
        given.update(kwargs, command=command)
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(git_module.subprocess, "run", slow)
    assert reason(repo, "ls-tree", "-r", "HEAD") == f"git ls-tree took longer than {GIT_TIMEOUT} s"
    assert given["command"] == ["git", "ls-tree", "-r", "HEAD"] and given["timeout"] == 60 and given["cwd"] == repo
    assert reason(repo, "cat-file", timeout=5) == "git cat-file took longer than 5 s"


def test_a_one_line_answer_is_stripped_text(repo):
    assert git_text(repo, "rev-parse", "--abbrev-ref", "HEAD") == "trunk"


def test_a_one_line_answer_is_nothing_when_git_says_no(tmp_path):
    assert git_text(tmp_path, "rev-parse", "HEAD") == ""


def test_a_one_line_answer_is_nothing_without_git(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert git_text(tmp_path, "rev-parse", "HEAD") == ""


def test_a_one_line_answer_is_given_ten_seconds_then_is_nothing(repo, monkeypatch):
    given = {}

    def slow(command, **kwargs):
        given.update(kwargs)
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(git_module.subprocess, "run", slow)
    assert git_text(repo, "log", "-1", "--format=%cI") == ""
    assert given["timeout"] == 10


def test_a_one_line_answer_that_is_not_utf8_is_shown_with_replacement_characters(repo):
    sha = git(repo, "hash-object", "-w", "--stdin", input=b"caf\xe9\n").decode().strip()
    assert git_text(repo, "cat-file", "blob", sha) == "caf\N{REPLACEMENT CHARACTER}"


def test_a_message_of_git_that_is_not_utf8_is_shown_with_replacement_characters(repo):
    name = os.fsdecode(b"caf\xe9.txt")  # a file name of bytes that are not UTF-8, passed to git as they are
    assert reason(repo, "show", f"HEAD:{name}") == (
        f"git show HEAD:{name} failed: fatal: path 'caf\N{REPLACEMENT CHARACTER}.txt' does not exist in 'HEAD'"
    )
