"""``init``: the sample, --from, --empty; .gitignore, .gitattributes, git; never through a symlink."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import load_campaign
from tests.conftest import SAMPLE, run
from tests.gitenv import git, git_env

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_init_makes_a_repository_with_the_driver_and_a_first_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    result = run("init", str(tmp_path / "office"))
    assert result.exit_code == 0, result.stderr
    office = tmp_path / "office"
    assert git(office, "log", "--format=%s").stdout == "任务分解表（guilin-campaign init）\n"
    ledger = [f"ledger/{name}" for name in ("2022-03.yaml", "2022-04.yaml", "2022-05.yaml", "2022-06.yaml", "2022-07.yaml", "lists.yaml")]
    assert sorted(git(office, "ls-files").stdout.split()) == [".gitattributes", ".gitignore", *ledger, "tasks.yaml", "units.yaml"]
    assert (office / ".gitattributes").read_text() == "tasks.yaml merge=guilin-campaign\nunits.yaml merge=guilin-campaign\nledger/*.yaml merge=guilin-campaign\n"
    assert "merge-driver %O %A %B %P" in git(office, "config", "merge.guilin-campaign.driver").stdout
    assert git(office, "status", "--porcelain").stdout == ""


@needs_git
def test_init_inside_an_existing_repository_does_not_nest_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    git(tmp_path, "init", "-q")
    result = run("init", str(tmp_path / "data"))
    assert result.exit_code == 0 and "commit the new files yourself" in result.stdout
    assert not (tmp_path / "data" / ".git").exists()
    assert "merge-driver" in git(tmp_path, "config", "merge.guilin-campaign.driver").stdout


def test_no_git_skips_git(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "office"), "--no-git").exit_code == 0
    assert not (tmp_path / "office" / ".git").exists()


def test_from_copies_the_offices_files_after_check(make_data: Callable[..., Path], tmp_path: Path) -> None:
    own = make_data(folder="own")
    assert run("init", str(tmp_path / "office"), "--from", str(own), "--no-git").exit_code == 0
    for name in ("tasks.yaml", "units.yaml"):
        assert (tmp_path / "office" / name).read_bytes() == (own / name).read_bytes()


def test_from_a_folder_that_fails_check_copies_nothing(make_data: Callable[..., Path], tmp_path: Path) -> None:
    own = make_data(folder="own")
    (own / "tasks.yaml").write_text((own / "tasks.yaml").read_text(encoding="utf-8").replace("status: doing", "status: no"), encoding="utf-8")
    result = run("init", str(tmp_path / "office"), "--from", str(own), "--no-git")
    assert result.exit_code == 1
    assert "status: 'no' is not allowed" in result.stderr and "does not pass check" in result.stderr
    assert not (tmp_path / "office").exists()


def test_empty_is_a_valid_skeleton_with_chinese_comments(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "office"), "--empty", "--no-git").exit_code == 0
    loaded = load_campaign(tmp_path / "office")
    assert loaded.problems == [] and loaded.campaign is not None
    text = (tmp_path / "office" / "tasks.yaml").read_text(encoding="utf-8")
    assert "# 攻坚战概况" in text and "请修改" in text
    assert "kind 写 department" in (tmp_path / "office" / "units.yaml").read_text(encoding="utf-8")


def test_sample_by_default(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "office"), "--no-git").exit_code == 0
    assert (tmp_path / "office" / "units.yaml").read_bytes() == (SAMPLE / "units.yaml").read_bytes()


def test_from_and_empty_together_is_a_bad_invocation(make_data: Callable[..., Path], tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "office"), "--from", str(make_data()), "--empty")
    assert result.exit_code == 2 and not (tmp_path / "office").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
@pytest.mark.parametrize("name", ["tasks.yaml", "units.yaml", ".gitignore", ".gitattributes"])
def test_a_dangling_symlink_among_the_files_is_refused(tmp_path: Path, name: str) -> None:
    office = tmp_path / "office"
    office.mkdir()
    (office / name).symlink_to(tmp_path / "outside")
    result = run("init", str(office), "--no-git")
    assert result.exit_code == 1 and f"{office / name} already exists; nothing was written" in result.stderr
    assert sorted(p.name for p in office.iterdir()) == [name]
    assert not (tmp_path / "outside").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
@pytest.mark.parametrize("dangling", [True, False])
def test_a_symlink_as_the_folder_is_refused(tmp_path: Path, dangling: bool) -> None:
    elsewhere = tmp_path / "elsewhere"
    if not dangling:
        elsewhere.mkdir()
    (tmp_path / "office").symlink_to(elsewhere)
    result = run("init", str(tmp_path / "office"), "--no-git")
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr
    assert elsewhere.exists() is not dangling and (dangling or list(elsewhere.iterdir()) == [])


def test_without_git_installed_the_folder_is_made_and_it_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    result = run("init", str(tmp_path / "office"))
    assert result.exit_code == 0 and "git: not installed" in result.stdout
    assert (tmp_path / "office" / "tasks.yaml").is_file() and not (tmp_path / "office" / ".git").exists()


@needs_git
def test_a_first_commit_git_refuses_leaves_the_files_and_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key)
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tuseConfigOnly = true\n", encoding="utf-8")  # git may not guess a name
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    result = run("init", str(tmp_path / "office"))
    assert result.exit_code == 1
    assert "its git repository are ready, but the first commit failed" in result.stderr and "git config user.name" in result.stderr
    assert (tmp_path / "office" / "tasks.yaml").read_bytes() == (SAMPLE / "tasks.yaml").read_bytes()
    assert (tmp_path / "office" / ".git").is_dir()
