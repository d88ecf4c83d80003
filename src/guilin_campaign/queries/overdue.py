"""``overdue``: overdue tasks per unit (groups expanded), optionally with those due soon."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Literal

from guilin_campaign.cachecolumns import Columns, Days, columns_of
from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import days_overdue, deadline, part_of, task_light
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_unit
from guilin_campaign.words import title

if TYPE_CHECKING:  # also given the plain records of a cache hit (cacheplain)
    from guilin_campaign.model import Task, UnitProgress

Role = Literal["responsible", "supporting"]
COLUMNS = "unit unit_name task title measure role due days_overdue status done_on light"
_LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}


def roles(c: Campaign, ref: TaskRef, support: bool) -> list[tuple[str, Role]]:
    """The units a task concerns with their role; supporting units only when ``support``."""
    out: list[tuple[str, Role]] = [(u, "responsible") for u in c.responsible(ref.task)]
    return out + ([(u, "supporting") for u in c.supporting(ref.task)] if support else [])


def unit_part(ref: TaskRef, unit: str, role: Role) -> Task | UnitProgress:
    """A supporting unit's part is the task itself (only responsible units have ``progress``)."""
    return part_of(ref.task, unit) if role == "responsible" else ref.task


def unit_task_row(c: Campaign, ref: TaskRef, unit: str, role: Role, as_of: date, soon: int) -> Row:
    """One unit's part of one task at ``as_of``, with its light (yellow when due in ``soon`` days).

    ``status`` and ``done_on`` are as recorded: a part finished after the as-of date is overdue
    at that date (red) yet shows its later ``done_on``.
    """
    part = unit_part(ref, unit, role)
    return {
        "unit": unit, "unit_name": c.unit_label(unit), "task": ref.id, "title": ref.task.title,
        "action": ref.action.id if ref.action else None, "measure": ref.measure.id if ref.measure else None,
        "role": role, "due": deadline(ref.task, as_of, unit), "days_overdue": days_overdue(ref.task, part, as_of, unit),
        "status": part.status, "done_on": part.done_on, "light": task_light(ref.task, part, as_of, soon, unit),
    }


def by_light(row: Row) -> tuple[Any, ...]:
    """Red first (most days overdue first), then yellow, then green, each by due date (none last)."""
    due = row["due"]
    return (_LIGHT_ORDER[row["light"]], -(row["days_overdue"] or 0), due is None, due or date.min, row["task"])


def overdue(
    c: Campaign, as_of: date, soon: int | None = None, unit: str | None = None, support: bool = False
) -> list[Row]:
    """One row per unit and task that is overdue (red) or, with ``soon``, due soon (yellow).

    Rows are sorted by unit (file order), then red before yellow, then most days overdue.
    """
    wanted = set(require_unit(c, unit)) if unit is not None else None
    columns = columns_of(c)  # a cache hit's columns: the same rows, without a record per task
    if columns is not None:
        return _column_rows(c, columns, as_of, soon or 0, wanted, support)
    rows = _model_rows(c, as_of, soon or 0, wanted, support)
    rows.sort(key=_by_unit_then_light(c))
    return rows


def _model_rows(c: Campaign, as_of: date, soon: int, wanted: set[str] | None, support: bool) -> list[Row]:
    rows = []
    for ref in c.tasks:
        for u, role in roles(c, ref, support):
            # the light first: most pairs are green, and a row is built only for those kept
            if (wanted is None or u in wanted) and task_light(ref.task, unit_part(ref, u, role), as_of, soon, u) != "green":
                rows.append(unit_task_row(c, ref, u, role, as_of, soon))
    return rows


def _column_rows(c: Campaign, columns: Columns, as_of: date, soon: int, wanted: set[str] | None, support: bool) -> list[Row]:
    """The rows :func:`overdue` makes, from a cache hit's columns (see :mod:`guilin_campaign.cachecolumns`):
    a task without parts or extensions has one light for all its units, decided once; the others
    unit by unit, as :func:`unit_task_row` decides them. Sorted as :func:`_by_unit_then_light` sorts,
    by the same key in ordinal days."""
    day, labels, days = as_of.toordinal(), {u: c.unit_label(u) for u in c.units}, Days()
    order = {u: k for k, u in enumerate(c.units)}
    found: list[tuple[tuple[Any, ...], Row]] = []

    def add(i: int, u: str, role: Role, status: str, done: int | None, light: tuple[int, int | None, str]) -> None:
        due, late, colour = light
        key = (order.get(u, len(order)), colour != "red", -(late or 0), due, columns.ids[i])
        found.append((key, _row(columns, i, u, labels.get(u, u), role, days, status, done, *light)))

    statuses, dones, progress, extensions = columns.statuses, columns.dones, columns.progress, columns.extensions
    for i, due in enumerate(columns.dues):
        if i in extensions or i in progress:
            pairs: list[tuple[str, Role]] = [(u, "responsible") for u in columns.responsible[i]]
            pairs += [(u, "supporting") for u in (columns.supporting[i] if support else ())]
            for u, role in pairs:
                if wanted is None or u in wanted:
                    part = progress.get(i, {}).get(u) if role == "responsible" else None
                    status, done = part if part is not None else (statuses[i], dones[i])
                    light = _light(_deadline(due, extensions.get(i), day, u), status, done, day, soon)
                    if light is not None:
                        add(i, u, role, status, done, light)
            continue
        if due is None or due - day >= soon and due >= day:  # green, whatever its status
            continue
        status, done = statuses[i], dones[i]
        light = _light(due, status, done, day, soon)
        if light is None:
            continue
        for u in columns.responsible[i]:
            if wanted is None or u in wanted:
                add(i, u, "responsible", status, done, light)
        for u in columns.supporting[i] if support else ():
            if wanted is None or u in wanted:
                add(i, u, "supporting", status, done, light)
    found.sort(key=itemgetter(0))
    return [row for _, row in found]


def _deadline(due: int | None, extensions: list[tuple[int, int, str | None]] | None, day: int, unit: str) -> int | None:
    """As :func:`guilin_campaign.dates.deadline`, in ordinal days."""
    if not extensions or due is None:
        return due
    last = [to for on, to, only in extensions if on <= day and (only is None or only == unit)]
    return last[-1] if last else due


def _light(due: int | None, status: str, done: int | None, day: int, soon: int) -> tuple[int, int | None, str] | None:
    """(deadline, days overdue, light) of a part that is red or yellow at ``day``; None when green."""
    if due is None or (status == "done" and done is not None and done <= day):
        return None
    if due < day:
        return due, day - due, "red"
    return (due, None, "yellow") if due - day < soon else None


def _row(columns: Columns, i: int, unit: str, name: str, role: Role, days: Days, status: str, done: int | None,
         due: int, late: int | None, light: str) -> Row:
    return {
        "unit": unit, "unit_name": name, "task": columns.ids[i], "title": columns.titles[i],
        "action": columns.actions[i], "measure": columns.measures[i], "role": role, "due": days[due],
        "days_overdue": late, "status": status, "done_on": days.of(done), "light": light,
    }


def _by_unit_then_light(c: Campaign) -> Callable[[Row], tuple[Any, ...]]:
    order = {u: i for i, u in enumerate(c.units)}
    return lambda row: (order.get(row["unit"], len(order)), *by_light(row))


def overdue_listing(rows: list[Row], as_of: date, lang: Lang, soon: int | None = None) -> Listing:
    late = sum(r["light"] == "red" for r in rows)
    heading = title("overdue", lang, late=late, as_of=as_of)
    if soon:
        heading = title("overdue_soon", lang, late=late, soon=soon, due_soon=len(rows) - late, as_of=as_of)
    return Listing.of(heading, COLUMNS, rows, numeric="days_overdue")
