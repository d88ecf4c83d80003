"""The report's unit sections: the ranking, the units that did not report, the wall chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.dates import Light, done_at, part_of, task_light
from guilin_campaign.listing import Row
from guilin_campaign.model import LogEntry
from guilin_campaign.report.periods import Period
from guilin_campaign.report.tasks import planned

_WORST: dict[Light, int] = {"green": 0, "yellow": 1, "red": 2}


def ranking_rows(c: Campaign, as_of: date, overdue_rows: list[Row]) -> list[Row]:
    """Units by completion rate of the planned tasks they are responsible for, then fewest overdue.

    A unit's part of a task is its ``progress`` entry if any. Units with no such task are not
    ranked. Ties share a rank and the next rank skips (1, 1, 3).
    """
    overdue = Counter(r["unit"] for r in overdue_rows if r["role"] == "responsible")
    by_unit, rows = tasks_by_unit(c, planned(c)), []
    for unit in c.units:
        mine = [ref.task for ref in by_unit.get(unit, [])]
        if mine:
            done = sum(done_at(part_of(t, unit), as_of) for t in mine)
            rows.append({"unit": unit, "unit_name": c.unit_label(unit), "tasks": len(mine), "done": done,
                         "overdue": overdue.get(unit, 0), "rate": done / len(mine)})
    rows.sort(key=_rank_key)
    for i, row in enumerate(rows):
        same = i > 0 and _rank_key(rows[i - 1]) == _rank_key(row)
        row["rank"] = rows[i - 1]["rank"] if same else i + 1
    return rows


def tasks_by_unit(c: Campaign, refs: Iterable[TaskRef]) -> dict[str, list[TaskRef]]:
    """Each unit's tasks (those it is responsible for, groups expanded) in file order, in one pass."""
    out: dict[str, list[TaskRef]] = {}
    for ref in refs:
        for unit in c.responsible(ref.task):
            out.setdefault(unit, []).append(ref)
    return out


def _rank_key(row: Row) -> tuple[Fraction, int]:
    return -Fraction(row["done"], row["tasks"]), row["overdue"]


def reported_by(entry: LogEntry, unit: str, owners: list[str]) -> bool:
    """An entry is the unit's report when ``by`` names it, or has no ``by`` and the unit is the
    task's only responsible unit. An entry by another unit (the office's own note, a supporting
    unit) is not the unit's report."""
    return entry.by == unit or (entry.by is None and owners == [unit])


def not_reported_rows(c: Campaign, period: Period, as_of: date) -> list[Row]:
    """Units with a task open in the period and no log entry of theirs dated in the period.

    A task is open for a unit in the period when the unit's part was not done the day before the
    period began (ad-hoc tasks: also assigned by the period's end).
    """
    start, end = period.first_day, min(period.last_day, as_of)
    by_unit, rows = tasks_by_unit(c, c.tasks), []
    for unit in c.units:
        open_refs = [ref for ref in by_unit.get(unit, []) if _open(ref, unit, start, end)]
        if open_refs and not any(_reported(ref, unit, c.responsible(ref.task), start, end) for ref in open_refs):
            rows.append({"unit": unit, "unit_name": c.unit_label(unit), "open_tasks": len(open_refs),
                         "task_ids": [ref.id for ref in open_refs]})
    return rows


def _open(ref: TaskRef, unit: str, start: date, end: date) -> bool:
    assigned = ref.adhoc.assigned_on if ref.adhoc else None
    return not done_at(part_of(ref.task, unit), start - timedelta(days=1)) and (assigned is None or assigned <= end)


def _reported(ref: TaskRef, unit: str, owners: list[str], start: date, end: date) -> bool:
    return any(start <= e.date <= end and reported_by(e, unit, owners) for e in ref.task.log)


@dataclass(frozen=True)
class Cell:
    light: Light
    tasks: int
    done: int

    def as_dict(self) -> dict[str, object]:
        return {"light": self.light, "tasks": self.tasks, "done": self.done}


@dataclass
class WallChart:
    """挂图作战: units (rows) by actions (columns); a cell is the worst light of the unit's tasks there."""

    actions: list[tuple[str, str]]
    units: list[tuple[str, str]]
    cells: dict[tuple[str, str], Cell]

    def rows(self) -> list[Row]:
        return [{"unit": u, "unit_name": name} | {a: self.cell_dict(u, a) for a, _ in self.actions} for u, name in self.units]

    def cell_dict(self, unit: str, action: str) -> dict[str, object] | None:
        cell = self.cells.get((unit, action))
        return cell.as_dict() if cell else None


def wall_chart(c: Campaign, as_of: date, soon: int) -> WallChart:
    cells: dict[tuple[str, str], Cell] = {}
    by_unit = tasks_by_unit(c, planned(c))
    for unit in c.units:
        for action in c.actions:
            parts = [(ref.task, part_of(ref.task, unit)) for ref in by_unit.get(unit, []) if ref.action is action]
            if parts:
                light = max((task_light(t, p, as_of, soon, unit) for t, p in parts), key=_WORST.__getitem__)
                cells[unit, action.id] = Cell(light, len(parts), sum(done_at(p, as_of) for _, p in parts))
    units = [(u, c.unit_label(u)) for u in c.units if any((u, a.id) in cells for a in c.actions)]
    return WallChart([(a.id, a.name) for a in c.actions], units, cells)
