"""The definitions every view follows (docs/definitions.md says them in words).

No function here reads the clock: the as-of date is always a parameter.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # also given the plain records of a cache hit (cacheplain), of the same shape
    from guilin_campaign.model import CampaignInfo, Extension, Task, UnitProgress

Light = Literal["red", "yellow", "green"]
Pace = Literal["days", "months"]


def done_at(item: Task | UnitProgress, as_of: date) -> bool:
    """Done at D: status done and done_on on or before D (a task finished later was open then)."""
    return item.status == "done" and item.done_on is not None and item.done_on <= as_of


def part_of(task: Task, unit: str) -> Task | UnitProgress:
    """A unit's part of a task: its ``progress`` entry if any, else the task itself."""
    return task.progress.get(unit, task)


def _extensions(task: Task, unit: str | None, as_of: date) -> list[Extension]:
    """The extensions recorded by ``as_of`` that apply to ``unit``'s part, in the file's order."""
    return [e for e in task.extensions if e.on <= as_of and (e.unit is None or e.unit == unit)]


def deadline(task: Task, as_of: date, unit: str | None = None) -> date | None:
    """The deadline in force at ``as_of``: the last extension recorded by then (for every unit, or
    for ``unit``), else ``due``. Overdue, due soon and the lights use it."""
    if not task.extensions:
        return task.due  # the common case, decided before any list is built (10,000s of calls a view)
    last = _extensions(task, unit, as_of)
    return last[-1].to if last and task.due is not None else task.due


def scoring_deadline(task: Task, as_of: date, unit: str | None = None) -> date | None:
    """The deadline that scoring judges lateness by: an extension counts only when it was recorded
    on or before the deadline it extends; one recorded after it had passed leaves the item late."""
    due = task.due
    for ext in _extensions(task, unit, as_of):
        if due is not None and ext.on <= due:
            due = ext.to
    return due


def days_overdue(task: Task, part: Task | UnitProgress, as_of: date, unit: str | None = None) -> int | None:
    """Days past the deadline in force when overdue at ``as_of`` (before it and not done at it), else None."""
    due = deadline(task, as_of, unit)
    if due is None or due >= as_of or done_at(part, as_of):
        return None
    return (as_of - due).days


def due_soon(task: Task, part: Task | UnitProgress, as_of: date, days: int, unit: str | None = None) -> bool:
    """Not done and due in the ``days`` days that start on the as-of date."""
    due = deadline(task, as_of, unit)
    if due is None or done_at(part, as_of):
        return False
    return 0 <= (due - as_of).days < days  # no date arithmetic: --soon may be huge


def task_light(task: Task, part: Task | UnitProgress, as_of: date, soon: int, unit: str | None = None) -> Light:
    if days_overdue(task, part, as_of, unit) is not None:
        return "red"
    return "yellow" if due_soon(task, part, as_of, soon, unit) else "green"


def time_progress(info: CampaignInfo, as_of: date, pace: Pace = "days") -> float:
    """序时进度, clamped to 0..1: by days ((D - start) + 1) / ((end - start) + 1); by months, the
    months from the start's to D's (both counted) over the months from the start's to the end's."""
    if pace == "months":
        if as_of < info.start:
            return 0.0
        share = (_months(info.start, as_of) + 1) / (_months(info.start, info.end) + 1)
    else:
        share = ((as_of - info.start).days + 1) / ((info.end - info.start).days + 1)
    return min(1.0, max(0.0, share))


def _months(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


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
