"""``show ID``: everything about one task, measure, action, indicator, unit or group."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_id, unit_by_name
from guilin_campaign.model import Task
from guilin_campaign.queries.tasks import tasks_listing
from guilin_campaign.words import title


@dataclass
class Detail:
    """One item: its fields and named sections. JSON keys (``sections`` names included) are stable;
    :func:`guilin_campaign.render.detail.field_listing` makes the fields a table."""

    kind: str
    id: str
    fields: dict[str, Any]
    sections: dict[str, Listing] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        sections = {name: listing.rows for name, listing in self.sections.items()}
        return {"type": self.kind, "id": self.id, **self.fields, "sections": sections}


def show(c: Campaign, ident: str, lang: Lang) -> Detail:
    """The item ``ident``; its sections' titles in ``lang``."""
    if (ref := c.task(ident)) is not None:
        return _task(c, ref, lang)
    if (iref := c.indicator(ident)) is not None:
        return _indicator(c, iref, lang)
    for action in c.actions:
        if action.id == ident:
            refs = [r for r in c.tasks if r.action is action]
            fields = {"name": action.name, "measures": [m.id for m in action.measures]}
            return Detail("action", ident, fields, {"tasks": tasks_listing(c, refs, lang)})
        for measure in action.measures:
            if measure.id == ident:
                refs = [r for r in c.tasks if r.measure is measure]
                fields = {"name": measure.name, "action": action.id, "indicators": [i.id for i in measure.indicators]}
                return Detail("measure", ident, fields, {"tasks": tasks_listing(c, refs, lang)})
    if ident in c.units or ident in c.groups:
        return _unit(c, ident, lang)
    if (unit := unit_by_name(c, ident)) is not None:
        return _unit(c, unit, lang)
    require_id(c, ident, "id", c.all_ids() + list(c.units) + list(c.groups))
    raise AssertionError("unreachable")


def _task(c: Campaign, ref: TaskRef, lang: Lang) -> Detail:
    t = ref.task
    fields: dict[str, Any] = {"title": t.title}
    fields |= {"action": ref.action.id, "measure": ref.measure.id} if ref.action and ref.measure else {}
    if ref.adhoc is not None:
        fields |= {"batch": ref.adhoc.batch, "source": ref.adhoc.source, "assigned_on": ref.adhoc.assigned_on}
    fields |= {
        "owners": c.responsible(t), "support": c.supporting(t), "due": t.due,
        "status": t.status, "done_on": t.done_on, "indicators": t.indicators,
    }
    # ``returned`` only where it is true: the log of a task without returns reads as before.
    log = [{k: v for k, v in e.model_dump().items() if k != "returned" or v} for e in t.log]
    listings = {
        "progress": Listing.of(title("show_progress", lang), "unit unit_name status done_on part", parts(c, t)),
        "log": Listing.of(title("show_log", lang), "date status unit note by" + (" returned" if any(e.returned for e in t.log) else ""), log),
    }
    if t.extensions:  # 延期: shown only when there are some, so other tasks read as before
        listings["extensions"] = Listing.of(title("show_extensions", lang), "on to reason approved_by unit", [e.model_dump() for e in t.extensions])
    return Detail("task", t.id, fields, listings)


def parts(c: Campaign, task: Task) -> list[Row]:
    """Every responsible unit (groups expanded) with its part: its own ``progress`` entry
    (``part: own``), or the task's status and date where it has none (``part: task``), so that no
    unit of a shared task is hidden. Entries of units that are not responsible (check names them)
    follow."""
    rows = []
    for unit in c.responsible(task) + [u for u in task.progress if u not in c.responsible(task)]:
        entry = task.progress.get(unit)
        item = entry if entry is not None else task
        rows.append({"unit": unit, "unit_name": c.unit_label(unit), "status": item.status, "done_on": item.done_on,
                     "part": "own" if entry is not None else "task"})
    return rows


def _indicator(c: Campaign, iref: IndicatorRef, lang: Lang) -> Detail:
    ind = iref.indicator
    fields = ind.model_dump(exclude={"readings", "by_unit"}) | {"action": iref.action.id, "measure": iref.measure.id}
    readings = [{"month": m, "reading": v} for m, v in sorted(ind.readings.items())]
    by_unit = []
    for unit, per_unit in ind.by_unit.items():
        last = max(per_unit.readings, default=None)
        reading = per_unit.readings[last] if last else None
        by_unit.append({"unit": unit, "target": per_unit.target, "month": last, "reading": reading})
    serving = [r for r in c.tasks if ind.id in r.task.indicators]
    return Detail("indicator", ind.id, fields, {
        "readings": Listing.of(title("show_readings", lang), "month reading", readings, "reading"),
        "by_unit": Listing.of(title("show_by_unit", lang), "unit target month reading", by_unit, "target reading"),
        "tasks": tasks_listing(c, serving, lang),
    })


def _unit(c: Campaign, ident: str, lang: Lang) -> Detail:
    if ident in c.groups:
        members = [{"id": u, "name": c.units[u].name} for u in c.groups[ident] if u in c.units]
        return Detail("group", ident, {"units": c.groups[ident]}, {"members": Listing.of(title("show_members", lang), "id name", members)})
    unit = c.units[ident]
    groups = [g for g, members in c.groups.items() if ident in members]
    refs = [r for r in c.tasks if ident in c.responsible(r.task) or ident in c.supporting(r.task)]
    return Detail("unit", ident, unit.model_dump() | {"groups": groups}, {"tasks": tasks_listing(c, refs, lang)})
