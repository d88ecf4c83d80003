"""The definitions every view follows (docs/definitions.md says them in words).

No function here reads the clock: the as-of date is always a parameter.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from guilin_campaign.model import CampaignInfo, Task, UnitProgress

Light = Literal["red", "yellow", "green"]


def done_at(item: Task | UnitProgress, as_of: date) -> bool:
    """Done at D: status done and done_on on or before D (a task finished later was open then)."""
    return item.status == "done" and item.done_on is not None and item.done_on <= as_of


def part_of(task: Task, unit: str) -> Task | UnitProgress:
    """A unit's part of a task: its ``progress`` entry if any, else the task itself."""
    return task.progress.get(unit, task)


def days_overdue(task: Task, part: Task | UnitProgress, as_of: date) -> int | None:
    """Days past due when overdue at ``as_of`` (due before it and not done at it), else None."""
    if task.due is None or task.due >= as_of or done_at(part, as_of):
        return None
    return (as_of - task.due).days


def due_soon(task: Task, part: Task | UnitProgress, as_of: date, days: int) -> bool:
    """Not done and due in the ``days`` days that start on the as-of date."""
    if task.due is None or done_at(part, as_of):
        return False
    return 0 <= (task.due - as_of).days < days  # no date arithmetic: --soon may be huge


def task_light(task: Task, part: Task | UnitProgress, as_of: date, soon: int) -> Light:
    if days_overdue(task, part, as_of) is not None:
        return "red"
    return "yellow" if due_soon(task, part, as_of, soon) else "green"


def time_progress(info: CampaignInfo, as_of: date) -> float:
    """序时进度: ((D - start) + 1) / ((end - start) + 1) in days, clamped to 0..1."""
    share = ((as_of - info.start).days + 1) / ((info.end - info.start).days + 1)
    return min(1.0, max(0.0, share))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def deadline_light(due: date, closed: bool, as_of: date, soon: int) -> Light:
    """The light of anything else with a deadline (a ledger problem), by the tasks' rules: red when
    open past its deadline, yellow when open and due in the ``soon`` days from the as-of date."""
    if closed:
        return "green"
    if due < as_of:
        return "red"
    return "yellow" if 0 <= (due - as_of).days < soon else "green"
