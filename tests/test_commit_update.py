"""`--commit` commits exactly the update: a pending hand edit refuses it, other staged files stay out."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run

IDENTITY = ["-c", "user.name=市场监管局", "-c", "user.email=scjgj@example.org", "-c", "commit.gpgsign=false"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *IDENTITY, "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, make_data: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository (the data in data/) with everything committed and a committer known."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for key, value in (("NAME", "市场监管局"), ("EMAIL", "scjgj@example.org")):
        monkeypatch.setenv(f"GIT_AUTHOR_{key}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{key}", value)
    make_data()
    (tmp_path / "README.txt").write_text("说明\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "任务分解表")
    return tmp_path


def test_a_pending_hand_edit_refuses_the_update(repo: Path) -> None:
    tasks = repo / "data" / "tasks.yaml"
    edited = tasks.read_text(encoding="utf-8").replace("due: 2022-03-31", "due: 2022-04-30")
    tasks.write_text(edited, encoding="utf-8")
    head = git(repo, "rev-parse", "HEAD")
    for staged in (False, True):
        if staged:
            git(repo, "add", "data/tasks.yaml")
        result = run("note", "T002", "已督促", "--on", "2022-07-01", "--commit", "--data", str(repo / "data"))
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: refused: {tasks} has changes that are not committed (a hand edit, staged or not), and the commit "
            f"must hold this update alone: commit them first (git commit {tasks}) or put them aside (git stash), "
            "then run the update again; nothing was written\n"
        )
        assert tasks.read_text(encoding="utf-8") == edited
        assert git(repo, "rev-parse", "HEAD") == head
    # Committed first, the same update goes through and its commit holds only the note.
    git(repo, "commit", "-q", "-m", "T001 延期", "--", "data/tasks.yaml")
    result = run("note", "T002", "已督促", "--on", "2022-07-01", "--commit", "--data", str(repo / "data"))
    assert result.exit_code == 0, result.stderr
    diff = git(repo, "show", "--format=%s", "HEAD")
    assert diff.splitlines()[0] == "T002 note (2022-07-01)"
    assert [line for line in diff.splitlines() if line.startswith(("+", "-")) and line[:3] not in ("+++", "---")] == [
        "+            log:", "+              - {date: 2022-07-01, note: 已督促}"]


def test_a_hand_edit_of_the_units_file_refuses_it_too(repo: Path) -> None:
    units = repo / "data" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("short: 秀峰区", "short: 秀峰"), encoding="utf-8")
    result = run("done", "T002", "--unit", "diecai", "--on", "2022-07-01", "--commit", "--data", str(repo / "data"))
    assert result.exit_code == 1 and f"refused: {units} has changes that are not committed" in result.stderr


def test_another_staged_file_is_not_swept_in(repo: Path) -> None:
    (repo / "README.txt").write_text("另一个改动\n", encoding="utf-8")
    git(repo, "add", "README.txt")
    result = run("done", "T002", "--unit", "diecai", "--on", "2022-07-01", "--commit", "--data", str(repo / "data"))
    assert result.exit_code == 0, result.stderr
    assert git(repo, "show", "--name-only", "--format=%s", "HEAD").split() == ["T002", "[diecai]", "done", "(2022-07-01)", "data/tasks.yaml"]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["README.txt"]
    assert git(repo, "status", "--porcelain", "--", "data/tasks.yaml", "data/units.yaml").strip() == ""


def test_a_data_file_not_yet_in_git(repo: Path) -> None:
    git(repo, "rm", "-q", "--cached", "data/tasks.yaml")
    git(repo, "commit", "-q", "-m", "移出")
    result = run("note", "T002", "已督促", "--on", "2022-07-01", "--commit", "--data", str(repo / "data"))
    assert result.exit_code == 1 and "is not in git yet" in result.stderr and "nothing was written" in result.stderr


def test_a_dry_run_with_commit_only_shows_the_diff(repo: Path) -> None:
    tasks = repo / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + "# 手工备注\n", encoding="utf-8")
    result = run("note", "T002", "已督促", "--on", "2022-07-01", "--commit", "--dry-run", "--data", str(repo / "data"))
    assert result.exit_code == 0 and "+              - {date: 2022-07-01, note: 已督促}" in result.stdout


def test_updates_in_a_row_commit_each_through_the_fast_path(repo: Path, fast_taken: list[bool]) -> None:
    """Updates take the fast path with --commit too (issue 19; the first loads the files through the
    cache first, which indexes their records), and commit exactly what the full path would: each
    update, alone."""
    data = repo / "data"
    for args in (["note", "T002", "已督促", "--on", "2022-07-01"], ["block", "T001", "--on", "2022-07-02", "-n", "资金未到位"],
                 ["note", "T001", "再督促", "--on", "2022-07-03"]):
        result = run(*args, "--commit", "--data", str(data))
        assert result.exit_code == 0, (args, result.stderr)
        assert git(repo, "status", "--porcelain") == ""  # the update is committed, nothing else changed
    assert fast_taken == [True, True, True]
    assert git(repo, "log", "--format=%s").splitlines()[:3] == ["T001 note (2022-07-03)", "T001 blocked (2022-07-02)", "T002 note (2022-07-01)"]
    # an unclean file: the fast path leaves it to the full path, which refuses in its words
    tasks = data / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8") + "# 手工备注\n", encoding="utf-8")
    result = run("note", "T002", "又督促", "--on", "2022-07-04", "--commit", "--data", str(data))
    assert result.exit_code == 1 and "has changes that are not committed" in result.stderr
    assert fast_taken[-1] is False
