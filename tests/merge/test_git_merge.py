"""Two clones update the data with --commit; ``git pull`` merges through the driver.

Real repositories in tmp_path: a bare origin made from an ``init --from`` folder, two clones that
each run ``git-setup`` (clones do not carry git config), updates on both, then a pull.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import load_campaign
from tests.conftest import run
from tests.gitenv import git, git_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

UNITS = """\
units:
  - {id: scjgj, name: 市市场监管局, short: 市场监管, kind: department}
  - {id: xiufeng, name: 秀峰区人民政府, short: 秀峰区, kind: county}
  - {id: diecai, name: 叠彩区人民政府, short: 叠彩区, kind: county}
  - {id: yongfu, name: 永福县人民政府, short: 永福县, kind: county}
groups:
  counties: [xiufeng, diecai, yongfu]
"""

TASKS = """\
# 测试用任务分解表
campaign: {name: 测试攻坚战, city: 测试市, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
actions:
  - id: A1
    name: 稳主体扩增量
    measures:
      - id: M01
        name: 优化准入
        indicators:
          - id: I01
            name: 新增市场主体户数
            target: 66000
            owners: [scjgj, counties]
            readings: {2022-06: 30000, 2022-07: 39000}  # 月度数据
        tasks:
          - id: T001
            title: 推行企业开办一日办结
            owners: [scjgj]
            due: 2022-09-30
            status: doing
          # 各县区分别推进
          - id: T002
            title: 各县区落实个体工商户扶持
            owners: [counties]
            due: 2022-09-30
            status: doing
            progress:
              xiufeng: {status: done, done_on: 2022-06-20}
"""


@pytest.fixture
def clones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_data: Callable[..., Path]) -> tuple[Path, Path]:
    git_env(tmp_path, monkeypatch)
    own = make_data(tasks=TASKS, units=UNITS, folder="own")
    assert run("init", str(tmp_path / "office"), "--from", str(own)).exit_code == 0
    git(tmp_path, "clone", "-q", "--bare", str(tmp_path / "office"), str(tmp_path / "origin.git"))
    pair = []
    for name in ("a", "b"):
        git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(tmp_path / name))
        setup = run("git-setup", "--data", str(tmp_path / name))
        assert setup.exit_code == 0 and "each clone runs git-setup once" in setup.stdout
        pair.append(tmp_path / name)
    return pair[0], pair[1]


def update(folder: Path, *args: str) -> None:
    result = run(*args, "--data", str(folder), "--commit")
    assert result.exit_code == 0, result.stderr


def pull(a: Path, b: Path) -> tuple[int, str]:
    """a pushes, b pulls (a merge, not a rebase); b's pull exit code and its tasks.yaml."""
    git(a, "push", "-q", "origin", "HEAD")
    done = git(b, "pull", "-q", "--no-rebase", "--no-edit", "origin", git(b, "branch", "--show-current").stdout.strip(), check=False)
    return done.returncode, (b / "tasks.yaml").read_text(encoding="utf-8")


def test_parts_months_and_notes_merge_cleanly(clones: tuple[Path, Path]) -> None:
    a, b = clones
    update(a, "done", "T002", "--unit", "diecai", "--on", "2022-08-03")
    update(a, "reading", "I01", "46000", "--month", "2022-08")
    update(a, "note", "T001", "甲方说明", "--on", "2022-08-05")
    update(b, "start", "T002", "--unit", "yongfu", "--on", "2022-08-04")
    update(b, "reading", "I01", "52000", "--month", "2022-09")
    update(b, "note", "T001", "乙方说明", "--on", "2022-08-02")

    code, text = pull(a, b)

    assert code == 0 and "<<<<<<<" not in text
    loaded = load_campaign(b)
    assert loaded.problems == [] and loaded.campaign is not None
    assert "diecai: {status: done, done_on: 2022-08-03}" in text and "yongfu: {status: doing}" in text
    assert "readings: {2022-06: 30000, 2022-07: 39000, 2022-08: 46000, 2022-09: 52000}  # 月度数据" in text
    notes = [line.strip() for line in text.splitlines() if "说明" in line]
    assert [n.split("note: ")[1].split(",")[0].rstrip("}") for n in notes] == ["乙方说明", "甲方说明"]  # date order
    assert "          # 各县区分别推进\n" in text  # comments kept
    assert run("check", "--data", str(b)).exit_code == 0
    assert git(b, "status", "--porcelain").stdout == ""
    assert len(git(b, "log", "--format=%H", "-1", "--merges").stdout.split()) == 1


def test_the_same_status_changed_differently_is_a_conflict(clones: tuple[Path, Path]) -> None:
    a, b = clones
    update(a, "block", "T001", "--note", "等待审批", "--on", "2022-08-03")
    update(b, "done", "T001", "--on", "2022-08-04")

    code, text = pull(a, b)

    assert code != 0
    # the status with its done_on, each side's; both sides' log entries are merged outside the markers
    assert ("<<<<<<< ours\n            status: done\n            done_on: 2022-08-04\n=======\n"
            "            status: blocked\n>>>>>>> theirs\n            log:\n") in text
    assert ("- {date: 2022-08-03, status: blocked, note: 等待审批, was: doing}\n"
            "              - {date: 2022-08-04, status: done, was: doing}\n") in text
    assert run("check", "--data", str(b)).exit_code == 1


def test_a_merge_that_would_fail_check_stops_the_pull_with_both_sides_whole(clones: tuple[Path, Path]) -> None:
    """Each side adds the id X1 in another place: record by record it merges, but check refuses it,
    so the driver (run by git from the top of the work tree) leaves both whole texts."""
    a, b = clones
    before = (a / "tasks.yaml").read_text(encoding="utf-8")
    ours = before + "adhoc:\n  - {id: X1, batch: 1, title: 迎检, owners: [scjgj], due: 2022-05-15}\n"
    theirs = before.replace("    measures:\n", "    measures:\n      - id: X1\n        name: 新举措\n")
    for folder, text in ((a, theirs), (b, ours)):
        (folder / "tasks.yaml").write_text(text, encoding="utf-8")
        git(folder, "commit", "-q", "-am", "手工添加 X1")

    code, text = pull(a, b)

    assert code != 0
    assert text == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n"


def test_a_new_unit_and_its_first_task_come_in_one_pull(clones: tuple[Path, Path]) -> None:
    """git merges tasks.yaml before units.yaml: the check also tries units.yaml as theirs has it."""
    a, b = clones
    units = (a / "units.yaml").read_text(encoding="utf-8")
    (a / "units.yaml").write_text(units.replace("groups:", "  - {id: lipu, name: 荔浦市人民政府, short: 荔浦市, kind: county}\ngroups:"), encoding="utf-8")
    (a / "tasks.yaml").write_text((a / "tasks.yaml").read_text(encoding="utf-8") + THIRD_WITH_LIPU, encoding="utf-8")
    git(a, "commit", "-q", "-am", "新增荔浦市及其任务")
    update(b, "note", "T001", "乙方说明", "--on", "2022-08-02")

    code, text = pull(a, b)

    assert code == 0, text
    assert "owners: [lipu]" in text and "乙方说明" in text
    assert run("check", "--data", str(b)).exit_code == 0


THIRD_WITH_LIPU = """\
          - id: T003
            title: 荔浦市专项任务
            owners: [lipu]
            status: todo
"""
