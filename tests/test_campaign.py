"""The campaign's look-ups: which units of a shared task still owe their part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from tests.conftest import TASKS

XIUFENG_DONE = "              xiufeng: {status: done, done_on: 2022-06-20}\n"


def _shared_task(make_data: Callable[..., Path], tasks: str) -> list[str]:
    c = open_campaign(make_data(tasks=tasks))
    ref = c.task("T002")
    assert ref is not None
    return c.open_parts(ref.task)


@pytest.mark.parametrize("diecai", ["", "{status: doing}", "{status: blocked}"], ids=["missing", "doing", "blocked"])
def test_a_part_missing_or_not_done_is_open(make_data: Callable[..., Path], diecai: str) -> None:
    part = f"              diecai: {diecai}\n" if diecai else ""
    assert _shared_task(make_data, TASKS.replace(XIUFENG_DONE, XIUFENG_DONE + part)) == ["diecai"]


def test_no_part_is_open_when_every_unit_is_done(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.replace(XIUFENG_DONE, XIUFENG_DONE + "              diecai: {status: done, done_on: 2022-06-25}\n")
    tasks = tasks.replace("status: doing\n            progress:", "status: done\n            done_on: 2022-06-25\n            progress:")
    assert _shared_task(make_data, tasks) == []


def test_without_progress_every_responsible_unit_is_open_in_order(make_data: Callable[..., Path]) -> None:
    c = open_campaign(make_data(tasks=TASKS.replace("owners: [scjgj]\n", "owners: [counties, scjgj]\n", 1)))
    ref = c.task("T001")
    assert ref is not None and c.open_parts(ref.task) == ["xiufeng", "diecai", "scjgj"]
