"""The report's task sections: status at a date, the headline counts, completed, late and ad-hoc."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.dates import days_overdue, deadline, done_at, part_of, scoring_deadline, task_light
from guilin_campaign.listing import Row
from guilin_campaign.model import STATUSES, Status, Task, UnitProgress
from guilin_campaign.queries.overdue import unit_part
from guilin_campaign.report.periods import Period


def status_at(task: Task, as_of: date, start: date | None = None) -> Status:
    """The task's status at ``as_of``, read from its record (undone to that day by ``replay``).

    Done when done at D (by ``done_on`` alone). When the record's last status entry is dated by D
    and was written by the commands (it has ``was``), the record itself is the state at D: its
    status, a task finished after D counting as doing. Otherwise, as for files without ``was``: the
    latest status other than done that its log gives on or before D (a logged "done" never counts on
    its own); with nothing logged by D, ``todo`` before the campaign's ``start`` or if the log records
    a status later (work started after D), else its current status, a task finished after D counting
    as doing.
    """
    if done_at(task, as_of):
        return "done"
    logged = sorted((e for e in task.log if e.status is not None), key=lambda e: e.date)
    if logged and logged[-1].was is not None and logged[-1].date <= as_of:
        return "doing" if task.status == "done" else task.status
    before = [e.status for e in logged if e.date <= as_of and e.status != "done"]
    if before and before[-1] is not None:
        return before[-1]
    if logged or (start is not None and as_of < start):
        return "todo"
    return "doing" if task.status == "done" else task.status


def part_status_at(task: Task, part: Task | UnitProgress, as_of: date, start: date | None = None) -> Status:
    """A unit's part at ``as_of``: the task's replayed status, or its progress entry's (no log of its own)."""
    if part is task:
        return status_at(task, as_of, start)
    if done_at(part, as_of):
        return "done"
    return "doing" if part.status == "done" else part.status


def overdue_at(c: Campaign, rows: list[Row], as_of: date) -> list[Row]:
    """The overdue view's rows for planned tasks, with each part's status replayed to ``as_of``.

    (The view shows status and ``done_on`` as recorded; a report for a past month must not show a
    part finished after its as-of date as done.)
    """
    out = []
    for row in rows:
        ref = c.task(row["task"])
        if ref is not None and ref.adhoc is None:
            part = unit_part(ref, row["unit"], row["role"])
            out.append(row | {"status": part_status_at(ref.task, part, as_of, c.info.start), "done_on": None})
    return out


def planned(c: Campaign) -> list[TaskRef]:
    """The decomposition table's tasks: what the headline, the lists and the ranking count."""
    return [ref for ref in c.tasks if ref.adhoc is None]


def done_in(task: Task, period: Period, as_of: date) -> bool:
    return done_at(task, as_of) and task.done_on in period


def counts(c: Campaign, period: Period, as_of: date, overdue_ids: set[str]) -> dict[str, int]:
    """Planned tasks by status at ``as_of``, those overdue, and those done in ``period``."""
    refs = planned(c)
    by_status = Counter(status_at(ref.task, as_of, c.info.start) for ref in refs)
    out = {"total": len(refs)} | {s: by_status.get(s, 0) for s in STATUSES}
    out["overdue"] = sum(ref.id in overdue_ids for ref in refs)
    out["done_in_period"] = sum(done_in(ref.task, period, as_of) for ref in refs)
    return out


def days_late(task: Task, as_of: date) -> int | None:
    """Days done after the deadline as extended in time (an extension asked late leaves it late)."""
    due = scoring_deadline(task, as_of)
    if due is None or task.done_on is None or task.done_on <= due:
        return None
    return (task.done_on - due).days


def _late_units(c: Campaign, task: Task, as_of: date) -> list[str]:
    """Units whose own part was finished after its deadline (every owner without per-unit progress)."""
    late = []
    for unit in c.responsible(task):
        finished, due = part_of(task, unit).done_on, scoring_deadline(task, as_of, unit)
        if finished is not None and due is not None and finished > due:
            late.append(c.unit_label(unit))
    return late


def completed_rows(c: Campaign, period: Period, as_of: date) -> list[Row]:
    """Planned tasks done in the period (by ``done_on``, on or before the as-of date), earliest first."""
    rows: list[Row] = []
    for ref in planned(c):
        t = ref.task
        if done_in(t, period, as_of):
            rows.append({
                "id": t.id, "action": ref.action.id if ref.action else None, "measure": ref.measure.id if ref.measure else None,
                "title": t.title, "owners": [c.unit_label(u) for u in c.responsible(t)], "due": t.due,
                "done_on": t.done_on, "days_late": days_late(t, as_of),
                "late_units": _late_units(c, t, as_of) if days_late(t, as_of) else [],
            })
    rows.sort(key=lambda r: r["done_on"])
    return rows


def adhoc_rows(c: Campaign, period: Period, as_of: date, soon: int) -> list[Row]:
    """Ad-hoc tasks assigned by the as-of date and still open at some time in the period, by batch."""
    before = period.first_day - timedelta(days=1)
    rows: list[Row] = []
    for ref in c.tasks:
        t = ref.adhoc
        if t is None or (t.assigned_on is not None and t.assigned_on > as_of) or done_at(t, before):
            continue
        rows.append({
            "batch": t.batch, "id": t.id, "title": t.title, "source": t.source, "assigned_on": t.assigned_on,
            "owners": [c.unit_label(u) for u in c.responsible(t)], "due": deadline(t, as_of), "status": status_at(t, as_of, c.info.start),
            "done_on": t.done_on if done_at(t, as_of) else None, "days_overdue": days_overdue(t, t, as_of),
            "light": task_light(t, t, as_of, soon),
        })
    rows.sort(key=lambda r: r["batch"])
    return rows
