"""The date definitions (docs/definitions.md), each pinned at its edges."""

from __future__ import annotations

from datetime import date

import pytest

from guilin_campaign.dates import days_overdue, done_at, due_soon, month_of, part_of, task_light, time_progress
from guilin_campaign.model import CampaignInfo, Task, UnitProgress

D = date.fromisoformat
CAMPAIGN = CampaignInfo(name="攻坚战", lead="scjgj", start=D("2022-01-01"), end=D("2022-12-31"))


def task(due: str | None = "2022-03-31", status: str = "doing", done_on: str | None = None, **kw: object) -> Task:
    return Task.model_validate({"id": "T1", "title": "任务", "owners": ["scjgj"], "due": due, "status": status, "done_on": done_on, **kw})


def test_done_at_needs_status_done_and_done_on_on_or_before_the_day() -> None:
    finished = task(status="done", done_on="2022-04-12")
    assert not done_at(finished, D("2022-04-01"))  # finished later: still open then
    assert not done_at(finished, D("2022-04-11"))
    assert done_at(finished, D("2022-04-12"))  # the day itself counts
    assert done_at(finished, D("2022-12-31"))
    assert not done_at(task(status="doing"), D("2022-12-31"))
    assert not done_at(task(status="done", done_on=None), D("2022-12-31"))  # no date: not provably done


def test_days_overdue_at_the_edges() -> None:
    t = task(due="2022-03-31")
    assert days_overdue(t, t, D("2022-03-30")) is None
    assert days_overdue(t, t, D("2022-03-31")) is None  # due on the as-of day: not overdue
    assert days_overdue(t, t, D("2022-04-01")) == 1  # due the day before: 1 day
    assert days_overdue(t, t, D("2022-07-31")) == 122
    assert days_overdue(task(due=None), task(due=None), D("2022-12-31")) is None  # standing work is never overdue


def test_a_task_done_later_was_overdue_before_it_was_done() -> None:
    t = task(due="2022-03-31", status="done", done_on="2022-04-12")
    assert days_overdue(t, t, D("2022-04-01")) == 1
    assert days_overdue(t, t, D("2022-04-11")) == 11
    assert days_overdue(t, t, D("2022-04-12")) is None
    on_time = task(due="2022-03-31", status="done", done_on="2022-03-31")
    assert days_overdue(on_time, on_time, D("2022-04-01")) is None


def test_a_units_part_is_its_progress_entry_else_the_task() -> None:
    t = task(
        due="2022-06-30", status="doing", owners=["xiufeng", "diecai"],
        progress={"xiufeng": {"status": "done", "done_on": "2022-06-20"}},
    )
    assert part_of(t, "xiufeng") == UnitProgress(status="done", done_on=D("2022-06-20"))
    assert part_of(t, "diecai") is t
    assert days_overdue(t, part_of(t, "xiufeng"), D("2022-07-01")) is None
    assert days_overdue(t, part_of(t, "diecai"), D("2022-07-01")) == 1


@pytest.mark.parametrize(
    ("due", "soon", "expected"),
    [
        ("2022-06-01", 7, True),  # due on the as-of day: due soon
        ("2022-06-07", 7, True),  # the 7th day of the window (as-of day included)
        ("2022-06-08", 7, False),  # the 8th day
        ("2022-05-31", 7, False),  # overdue is not due soon
        ("2022-06-01", 1, True),
        ("2022-06-01", 0, False),  # an empty window
        (None, 7, False),
    ],
)
def test_due_soon_window(due: str | None, soon: int, expected: bool) -> None:
    t = task(due=due)
    assert due_soon(t, t, D("2022-06-01"), soon) is expected


def test_due_soon_is_never_a_done_part() -> None:
    t = task(due="2022-06-03", status="done", done_on="2022-06-01")
    assert not due_soon(t, t, D("2022-06-01"), 7)
    assert due_soon(t, t, D("2022-05-31"), 7)  # done the day after: due soon then


def test_task_light() -> None:
    t = task(due="2022-06-30")
    assert task_light(t, t, D("2022-07-01"), 7) == "red"
    assert task_light(t, t, D("2022-06-30"), 7) == "yellow"
    assert task_light(t, t, D("2022-06-24"), 7) == "yellow"
    assert task_light(t, t, D("2022-06-23"), 7) == "green"
    assert task_light(t, t, D("2022-06-30"), 0) == "green"
    done = task(due="2022-06-30", status="done", done_on="2022-06-30")
    assert task_light(done, done, D("2022-07-01"), 7) == "green"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2021-06-01", 0.0),  # before the campaign
        ("2021-12-31", 0.0),  # the day before it starts
        ("2022-01-01", 1 / 365),  # the start day counts as one day elapsed
        ("2022-07-31", 212 / 365),
        ("2022-12-31", 1.0),  # the end day
        ("2023-03-01", 1.0),  # after it
    ],
)
def test_time_progress(day: str, expected: float) -> None:
    assert time_progress(CAMPAIGN, D(day)) == pytest.approx(expected)


def test_time_progress_of_a_one_day_campaign() -> None:
    one_day = CampaignInfo(name="x", lead="scjgj", start=D("2022-05-01"), end=D("2022-05-01"))
    assert [time_progress(one_day, D(d)) for d in ("2022-04-30", "2022-05-01", "2022-05-02")] == [0.0, 1.0, 1.0]


def test_month_of() -> None:
    assert month_of(D("2022-07-31")) == "2022-07"
    assert month_of(D("2022-12-01")) == "2022-12"
