"""`report ... --rev REV`: the report of the data files as they were at a git revision."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run
from tests.report.sample import TASKS

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


def _commit_on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    """Commits (and their reflog entries, which @{date} reads) dated ``day``."""
    monkeypatch.setenv("GIT_COMMITTER_DATE", f"{day}T10:00:00+0800")
    monkeypatch.setenv("GIT_AUTHOR_DATE", f"{day}T10:00:00+0800")


@pytest.fixture
def repo(tmp_path: Path, make_data: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three commits: the table on 07-05, T004 done on 08-05, a hand-edited reading on 09-05."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    for key, value in (("NAME", "市场监管局"), ("EMAIL", "scjgj@example.org")):
        monkeypatch.setenv(f"GIT_AUTHOR_{key}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{key}", value)
    data = make_data(tasks=TASKS)
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "commit.gpgsign", "false")
    _commit_on(monkeypatch, "2022-07-05")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "任务分解表")
    git(tmp_path, "tag", "july")
    _commit_on(monkeypatch, "2022-08-05")
    assert run("done", "T004", "--on", "2022-06-28", "--commit", "--data", str(data)).exit_code == 0
    _commit_on(monkeypatch, "2022-09-05")
    tasks = data / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("2022-06: 45}", "2022-06: 52}"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "修正6月读数")
    return tmp_path


def _report(data: Path, *args: str) -> str:
    result = run("report", "monthly", "2022-06", "-f", "json", "--data", str(data), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_each_revision_gives_the_report_of_its_data(repo: Path) -> None:
    data = repo / "data"
    now = _report(data)
    assert _report(data, "--rev", "HEAD") == now
    at_first, at_second = _report(data, "--rev", "HEAD~2"), _report(data, "--rev", "HEAD~1")
    assert len({now, at_first, at_second}) == 3
    assert '"id": "T004"' not in at_first and '"id": "T004"' in at_second  # done 06-28, committed in August
    assert '"actual": 45' in at_second and '"actual": 52' in now
    assert _report(data, "--rev", "july") == at_first
    assert _report(data, "--rev", "@{2022-08-20}") == at_second
    branch = git(repo, "symbolic-ref", "--short", "HEAD").strip()
    assert _report(data, "--rev", f"{branch}@{{2022-07-20}}") == at_first


def test_the_work_tree_is_not_touched(repo: Path) -> None:
    data = repo / "data"
    (data / "tasks.yaml").write_text((data / "tasks.yaml").read_text(encoding="utf-8") + "# 未提交的手工修改\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    status = git(repo, "status", "--porcelain")
    out = repo / "2022-06.md"
    assert run("report", "monthly", "2022-06", "--rev", "HEAD~2", "--data", str(data), "-o", str(out), env=ZH).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 月度汇总 2022年6月")
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    assert sorted(git(repo, "status", "--porcelain").splitlines()) == sorted(status.splitlines() + ["?? 2022-06.md"])


def test_a_report_at_a_revision_equals_the_one_made_then(repo: Path, make_data: Callable[..., Path]) -> None:
    then = make_data(tasks=git(repo, "show", "HEAD~1:data/tasks.yaml"), folder="then")
    for fmt in ("md", "html", "json"):
        made_then = run("report", "quarterly", "2022-Q2", "-f", fmt, "--data", str(then)).stdout
        assert run("report", "quarterly", "2022-Q2", "-f", fmt, "--rev", "HEAD~1", "--data", str(repo / "data")).stdout == made_then


def test_bad_revisions_and_folders(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    data = str(repo / "data")
    unknown = run("report", "monthly", "2022-06", "--rev", "v9", "--data", data)
    assert unknown.exit_code == 2
    assert unknown.stderr == ("error: --rev: 'v9' names no commit of this repository; name a commit, a tag, HEAD~3 or "
                              "@{2022-08-01} (see `git log --oneline`)\n")
    dash = run("report", "monthly", "2022-06", "--rev=--output=/tmp/x", "--data", data)
    assert dash.exit_code == 2 and "is not a revision" in dash.stderr
    outside = tmp_path_factory.mktemp("plain")
    (outside / "tasks.yaml").write_text(TASKS, encoding="utf-8")
    result = run("report", "monthly", "2022-06", "--rev", "HEAD", "--data", str(outside))
    assert result.exit_code == 2 and f"--rev: {outside} is not inside a git work tree" in result.stderr


def test_a_revision_without_the_data_files(repo: Path) -> None:
    west = repo / "west"
    west.mkdir()
    for name in ("tasks.yaml", "units.yaml"):
        (west / name).write_bytes((repo / "data" / name).read_bytes())
    git(repo, "add", "west")
    git(repo, "commit", "-q", "-m", "西片数据")
    result = run("report", "monthly", "2022-06", "--rev", "HEAD~1", "--data", str(west))
    assert result.exit_code == 1
    assert "error: --rev: HEAD~1: west/units.yaml, west/tasks.yaml not in that revision" in result.stderr
    assert _report(west, "--rev", "HEAD") == _report(repo / "data")


def test_problems_in_the_revision_name_it(repo: Path) -> None:
    tasks = repo / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("due: 2022-05-31", "due: 2022-05-32"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "笔误")
    result = run("report", "monthly", "2022-06", "--rev", "HEAD", "--data", str(repo / "data"))
    assert result.exit_code == 1
    assert "HEAD:data/tasks.yaml:18: T001.due: not a date: '2022-05-32'" in result.stderr
