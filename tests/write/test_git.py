"""One update is one commit of just the data file, whatever else the clerk has staged."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from guilin_campaign.problems import CampaignError
from guilin_campaign.write.git import commit_change, require_work_tree


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "市场监管局")
    git(tmp_path, "config", "user.email", "scjgj@example.org")
    git(tmp_path, "config", "commit.gpgsign", "false")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tasks.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("草稿\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "初始")
    return tmp_path


def test_commits_only_the_named_file(repo: Path) -> None:
    (repo / "data" / "tasks.yaml").write_text("a: 2\n", encoding="utf-8")
    (repo / "notes.txt").write_text("另一个改动\n", encoding="utf-8")
    git(repo, "add", "notes.txt")

    short = commit_change(repo / "data", [repo / "data" / "tasks.yaml"], "更新 T01 状态：进行中")

    assert short == git(repo, "rev-parse", "--short", "HEAD").strip()
    assert git(repo, "show", "--name-only", "--format=%s", "HEAD").split() == ["更新", "T01", "状态：进行中", "data/tasks.yaml"]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]


def test_no_change_means_no_commit(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD")
    assert commit_change(repo / "data", [repo / "data" / "tasks.yaml"], "无改动") is None
    assert git(repo, "rev-parse", "HEAD") == head


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "tasks.yaml").write_text("a: 1\n")
    with pytest.raises(CampaignError) as caught:
        commit_change(tmp_path, [tmp_path / "tasks.yaml"], "x")
    assert re.search("not inside a git repository", caught.value.text("en")), caught.value.text("en")
    with pytest.raises(CampaignError) as caught:
        require_work_tree(tmp_path)
    assert re.search("not inside a git repository", caught.value.text("en")), caught.value.text("en")


def test_require_work_tree_accepts_a_repository(repo: Path) -> None:
    require_work_tree(repo / "data")


def test_a_failed_commit_reports_gits_words(repo: Path) -> None:
    (repo / "data" / "tasks.yaml").write_text("a: 3\n", encoding="utf-8")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'refused by hook' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(CampaignError) as caught:
        commit_change(repo / "data", [repo / "data" / "tasks.yaml"], "x")
    assert re.search("refused by hook", caught.value.text("en")), caught.value.text("en")


def test_git_not_installed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(CampaignError) as caught:
        commit_change(repo, [repo / "data" / "tasks.yaml"], "x")
    assert re.search("git is not installed", caught.value.text("en")), caught.value.text("en")
