"""``overdue``: overdue tasks per unit (groups expanded), optionally with those due soon."""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.dates import days_overdue, due_soon, part_of
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_unit

COLUMNS = "unit unit_name task title measure role due days_overdue status light"


def _roles(c: Campaign, ref: TaskRef, support: bool) -> list[tuple[str, str]]:
    roles = [(u, "responsible") for u in c.responsible(ref.task)]
    return roles + ([(u, "supporting") for u in c.supporting(ref.task)] if support else [])


def overdue(
    c: Campaign, as_of: date, soon: int | None = None, unit: str | None = None, support: bool = False
) -> list[Row]:
    """One row per unit and task that is overdue (red) or, with ``soon``, due soon (yellow).

    A supporting unit's part is the task itself (only responsible units have ``progress``).
    Rows are sorted by unit (file order), then red before yellow, then most days overdue.
    """
    wanted = set(require_unit(c, unit)) if unit is not None else None
    order = {u: i for i, u in enumerate(c.units)}
    rows = []
    for ref in c.tasks:
        for u, role in _roles(c, ref, support):
            if wanted is not None and u not in wanted:
                continue
            part = part_of(ref.task, u) if role == "responsible" else ref.task
            late = days_overdue(ref.task, part, as_of)
            if late is None and not (soon and due_soon(ref.task, part, as_of, soon)):
                continue
            rows.append({
                "unit": u, "unit_name": c.unit_label(u), "task": ref.id, "title": ref.task.title,
                "action": ref.action.id if ref.action else None, "measure": ref.measure.id if ref.measure else None,
                "role": role, "due": ref.task.due, "days_overdue": late, "status": part.status,
                "light": "red" if late is not None else "yellow",
            })
    rows.sort(key=lambda r: (order.get(r["unit"], len(order)), r["light"] != "red", -(r["days_overdue"] or 0), r["due"], r["task"]))
    return rows


def overdue_listing(rows: list[Row], as_of: date) -> Listing:
    return Listing.of(f"逾期任务（截至 {as_of}）", COLUMNS, rows, numeric="days_overdue")
