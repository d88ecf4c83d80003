"""`show` of a shared task names every responsible unit with its part, marked where it is the task's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import TASKS, run

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

# T002 as in conftest (owners: counties, progress for xiufeng only), plus scjgj as a second owner.
SHARED = TASKS.replace("owners: [counties]", "owners: [scjgj, counties]")


def test_every_responsible_unit_is_listed_with_its_part(make_data: Callable[..., Path]) -> None:
    folder = str(make_data(tasks=SHARED))
    rows = json.loads(run("show", "T002", "--data", folder, "-f", "json", env=ZH).stdout)["sections"]["progress"]
    assert rows == [
        {"unit": "scjgj", "unit_name": "市场监管", "status": "doing", "done_on": None, "part": "task"},
        {"unit": "xiufeng", "unit_name": "秀峰区", "status": "done", "done_on": "2022-06-20", "part": "own"},
        {"unit": "diecai", "unit_name": "叠彩区", "status": "doing", "done_on": None, "part": "task"},
    ]
    table = run("show", "T002", "--data", folder, env=ZH).stdout
    assert "各单位进度\n 单位      单位名称   状态     完成日期     依据" in table
    assert " diecai    叠彩区     推进中                同任务状态（无本单位记录）" in table
    assert " xiufeng   秀峰区     已完成   2022-06-20   本单位记录" in table
    md = run("show", "T002", "--data", folder, "-f", "md", env=ZH).stdout
    assert "| diecai | 叠彩区 | 推进中 |  | 同任务状态（无本单位记录） |" in md


def test_a_task_of_one_unit_shows_that_unit_with_the_tasks_status(make_data: Callable[..., Path]) -> None:
    rows = json.loads(run("show", "T001", "--data", str(make_data()), "-f", "json").stdout)["sections"]["progress"]
    assert rows == [{"unit": "scjgj", "unit_name": "市场监管", "status": "done", "done_on": "2022-03-28", "part": "task"}]
