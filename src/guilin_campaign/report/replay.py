"""A past date replayed: each task's record as it stood then, undone from its log.

The update commands write into every status entry what it replaced (``was``, ``was_done_on`` and,
for one unit's part, ``unit``, ``unit_was``, ``unit_was_done_on``). Undoing the entries dated after
a day, last first, gives back the record as the commands left it on that day, however many updates
came later: a report of a past period reads that record, so it stays the same byte for byte.

Entries without ``was`` (written by hand, or by an older version) cannot be undone: undoing stops
there and the record is read as it is, with today's rules (``report.tasks.status_at``), so older
files read exactly as before. docs/definitions.md ("Status at D") says this in words.
"""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.model import AdhocTask, LogEntry, Status, Task, UnitProgress


def task_at(task: Task, day: date) -> Task:
    """``task`` with the status entries dated after ``day`` undone (the same object if none is)."""
    if not task.log or task.log[-1].date <= day:
        return task  # the common case, checked before anything is copied
    status, done_on, progress = task.status, task.done_on, dict(task.progress)
    keep = len(task.log)
    for entry in reversed(task.log):
        if entry.date <= day or (entry.status is not None and entry.was is None):
            break  # an entry of the day or before stands; one without `was` cannot be undone
        if entry.status is not None:
            status, done_on = _was(entry.was, entry.was_done_on)
            if entry.unit is not None:
                _undo_part(progress, entry)
        keep -= 1
    if not any(e.status is not None for e in task.log[keep:]):
        return task  # only notes after the day: nothing to undo
    return task.model_copy(update={"status": status, "done_on": done_on, "progress": progress, "log": task.log[:keep]})


def campaign_at(c: Campaign, day: date) -> Campaign:
    """The campaign with every task as it stood on ``day`` (``c`` itself when nothing is undone)."""
    changed = {id(ref.task): new for ref in c.tasks if (new := task_at(ref.task, day)) is not ref.task}
    if not changed:
        return c

    def swap(tasks: list[Task]) -> list[Task]:
        return [changed.get(id(t), t) for t in tasks]

    actions = [
        a.model_copy(update={"measures": [m.model_copy(update={"tasks": swap(m.tasks)}) for m in a.measures]})
        for a in c.model.actions
    ]
    adhoc = [t for t in swap(list(c.model.adhoc)) if isinstance(t, AdhocTask)]
    model = c.model.model_copy(update={"actions": actions, "adhoc": adhoc})
    return Campaign(c.folder, c.tasks_file, c.units_file, model, c.units_model, c.tasks_source, c.units_source)


def _was(status: Status | None, done_on: date | None) -> tuple[Status, date | None]:
    assert status is not None  # checked by the caller: only entries with `was` are undone
    return status, (done_on if status == "done" else None)


def _undo_part(progress: dict[str, UnitProgress], entry: LogEntry) -> None:
    """Put back the unit's part as it was, or remove it when the unit had no entry of its own."""
    assert entry.unit is not None
    if entry.unit_was is None:
        progress.pop(entry.unit, None)
    else:
        progress[entry.unit] = UnitProgress(status=entry.unit_was, done_on=entry.unit_was_done_on)
