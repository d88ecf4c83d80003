"""``unit ID``: one unit's scorecard: its tasks by light, its indicators, what it owes next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.catalogue import Lang, msg
from guilin_campaign.dates import done_at, time_progress
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_unit
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.queries.indicators import indicator_row, unit_reading
from guilin_campaign.queries.overdue import Role, by_light, roles, unit_part, unit_task_row
from guilin_campaign.rules import DEFAULT_RULES, Lights
from guilin_campaign.words import title

TASK_COLUMNS = "task title measure role due days_overdue status done_on light"
INDICATOR_COLUMNS = "id name key scope target actual month completion status light"
NEXT_COLUMNS = "task title measure role due days_left status light"
_FIGURES = ("target", "actual", "month", "completion", "time_progress", "status", "light")


@dataclass
class Scorecard:
    unit: str
    name: str
    short: str
    kind: str
    as_of: date
    time_progress: float
    tasks: list[Row]
    indicators: list[Row]
    next: list[Row]

    def counts(self) -> dict[str, int]:
        lights = Counter(r["light"] for r in self.tasks)
        return {light: lights[light] for light in ("red", "yellow", "green")}

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit, "name": self.name, "kind": self.kind, "as_of": self.as_of,
            "time_progress": self.time_progress, "counts": self.counts(),
            "tasks": self.tasks, "indicators": self.indicators, "next": self.next,
        }

    def listings(self, lang: Lang) -> list[Listing]:
        """Tasks first: CSV prints only the first listing."""
        n = self.counts()
        head = title("scorecard_tasks", lang, short=self.short, red=n["red"], yellow=n["yellow"], green=n["green"], as_of=self.as_of)
        return [
            Listing.of(head, TASK_COLUMNS, self.tasks, numeric="days_overdue"),
            Listing.of(title("scorecard_indicators", lang, short=self.short), INDICATOR_COLUMNS, self.indicators, numeric="target actual completion"),
            Listing.of(title("scorecard_next", lang, short=self.short), NEXT_COLUMNS, self.next, numeric="days_left"),
        ]


def scorecard(c: Campaign, ref: str, as_of: date, soon: int = 7, upcoming: int = 5, support: bool = False,
              lights: Lights = DEFAULT_RULES.lights) -> Scorecard:
    """``ref`` is one unit (id or name). Its tasks are those it is responsible for (and supports,
    with ``support``); ``next`` holds the first ``upcoming`` of them open at ``as_of`` and not yet due."""
    unit = _one_unit(c, ref)
    mine = [(task, role) for task in c.tasks for u, role in roles(c, task, support) if u == unit]
    info = c.units[unit]
    return Scorecard(
        unit, info.name, info.label, info.kind, as_of, time_progress(c.info, as_of, lights.time_progress),
        sorted((unit_task_row(c, task, unit, role, as_of, soon) for task, role in mine), key=by_light),
        [_indicator(c, iref, unit, as_of, lights) for iref in c.indicators if unit in c.expand(iref.indicator.owners)],
        _owed(c, mine, unit, as_of, soon)[:upcoming],
    )


def _one_unit(c: Campaign, ref: str) -> str:
    units = require_unit(c, ref)
    if len(units) != 1:
        raise CampaignError(msg("query.group_not_unit", ref=repr(ref), count=len(units), units=", ".join(units)), kind=ErrorKind.USAGE)
    return units[0]


def _indicator(c: Campaign, ref: IndicatorRef, unit: str, as_of: date, lights: Lights) -> Row:
    """The unit's own figures when it has a ``by_unit`` entry (scope ``unit``), else the city's."""
    ind, own = ref.indicator, unit in ref.indicator.by_unit
    figures = unit_reading(c, ind, unit, as_of, lights) if own else indicator_row(c, ref, as_of, lights)
    return {"id": ind.id, "name": ind.name, "key": ind.key, "scope": "unit" if own else "city"} | {
        k: figures[k] for k in _FIGURES
    }


def _owed(c: Campaign, mine: list[tuple[TaskRef, Role]], unit: str, as_of: date, soon: int) -> list[Row]:
    """Tasks open at the as-of date and due on or after it, soonest first (none without a due date)."""
    rows = [unit_task_row(c, task, unit, role, as_of, soon) for task, role in mine
            if not done_at(unit_part(task, unit, role), as_of)]
    owed = [r for r in rows if r["due"] is not None and r["due"] >= as_of]  # the deadline in force
    owed.sort(key=lambda r: (r["due"], r["task"]))
    return [r | {"days_left": (r["due"] - as_of).days} for r in owed]
