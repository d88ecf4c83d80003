"""``indicators``: each indicator's actual, completion and status against time progress."""

from __future__ import annotations

from datetime import date
from typing import Literal

from guilin_campaign.campaign import Campaign, IndicatorRef
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import Light, month_of, time_progress
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_indicator
from guilin_campaign.model import Indicator
from guilin_campaign.rules import DEFAULT_RULES, Lights
from guilin_campaign.words import title

IndicatorStatus = Literal["achieved", "on_track", "behind", "no_data", "not_reported"]
_DEFAULT = DEFAULT_RULES.lights
COLUMNS = "action id name key target measure_unit actual month completion time_progress status light"
ACTION_COLUMNS = COLUMNS.removeprefix("action ")
BY_UNIT_COLUMNS = "unit name target actual month completion negative status light"
_NUMERIC = "target actual completion time_progress"


def actual_at(readings: dict[str, float], as_of: date) -> tuple[str | None, float | None]:
    """The reading of the latest month not after the as-of date's month."""
    month = max((m for m in readings if m <= month_of(as_of)), default=None)
    return month, (readings[month] if month else None)


def completion(target: float, actual: float, better: str) -> float:
    """actual/target when higher is better, target/actual when lower is better.

    Division by zero: a zero target (higher) is met by any actual >= 0; a zero or negative actual
    (lower) meets any target.
    """
    if better == "lower":
        return 1.0 if actual <= 0 else target / actual
    if target == 0:
        return 1.0 if actual >= 0 else 0.0
    return actual / target


def status_of(ind: Indicator, done: float | None, progress: float) -> IndicatorStatus:
    if done is None:
        return "no_data"
    if done >= 1:
        return "achieved"
    return "on_track" if ind.kind == "total" and done >= progress else "behind"


def light_of(status: IndicatorStatus, ind: Indicator | None = None, done: float | None = None,
             progress: float = 0.0, lights: Lights = _DEFAULT) -> Light | None:
    """Green when achieved or on track, no light without data or when not reported; behind:
    green, yellow or red by how far (the ``behind`` bands of the rules; by default always red)."""
    if status in ("no_data", "not_reported"):
        return None
    if status != "behind":
        return "green"
    if ind is None or done is None:
        return "red"
    required = progress if ind.kind == "total" else 1.0
    gap = (required - done) * 100
    bands = lights.behind
    if bands.measure == "share":
        gap = gap / required if required > 0 else float("inf")
    gap = round(gap, 9)  # 1 - 0.95 is 0.05000000000000004: a band's edge must hold as written
    return "green" if gap <= bands.green else "yellow" if gap <= bands.yellow else "red"


def expected_month(as_of: date, end: date, lights: Lights) -> str | None:
    """The last month that should have a reading at ``as_of``: ``reading_due_after_months``
    before its month, and never after the campaign's last month (None when the rule is off)."""
    lag = lights.reading_due_after_months
    if lag is None:
        return None
    months = as_of.year * 12 + as_of.month - 1 - lag
    return min(f"{months // 12:04d}-{months % 12 + 1:02d}", month_of(end))


def _judged(ind: Indicator, done: float | None, month: str | None, progress: float,
            due: str | None, lights: Lights) -> tuple[IndicatorStatus, Light | None]:
    """The status and light of a reading; one older than ``due`` is not reported (未报)."""
    if done is not None and month is not None and due is not None and month < due:
        return "not_reported", None
    status = status_of(ind, done, progress)
    return status, light_of(status, ind, done, progress, lights)


def indicator_row(c: Campaign, ref: IndicatorRef, as_of: date, lights: Lights = _DEFAULT) -> Row:
    ind, progress = ref.indicator, time_progress(c.info, as_of, lights.time_progress)
    month, actual = actual_at(ind.readings, as_of)
    done = completion(ind.target, actual, ind.better) if actual is not None else None
    status, light = _judged(ind, done, month, progress, expected_month(as_of, c.info.end, lights), lights)
    return {
        "action": ref.action.id, "measure": ref.measure.id, "id": ind.id, "name": ind.name, "key": ind.key,
        "target": ind.target, "measure_unit": ind.unit, "better": ind.better, "kind": ind.kind,
        "actual": actual, "month": month, "completion": done,
        "time_progress": progress, "status": status, "light": light,
    }


def indicator_rows(c: Campaign, as_of: date, key_only: bool = False, lights: Lights = _DEFAULT) -> list[Row]:
    """Rows in file order (grouped by action), key indicators only when asked."""
    return [indicator_row(c, ref, as_of, lights) for ref in c.indicators if ref.indicator.key or not key_only]


def unit_reading(c: Campaign, ind: Indicator, unit: str, as_of: date, lights: Lights = _DEFAULT) -> Row:
    """One unit's own figures for an indicator (its ``by_unit`` entry); a negative reading is red.

    Completion needs the unit's own target: without one a reading has no completion and no status
    (``None``), and its light is green unless the reading is negative.
    """
    per_unit, progress = ind.by_unit[unit], time_progress(c.info, as_of, lights.time_progress)
    month, actual = actual_at(per_unit.readings, as_of)
    done: float | None = None
    status: IndicatorStatus | None = None
    light: Light | None = None
    if actual is None:
        status = "no_data"
    elif per_unit.target is None:
        light = "green"
    else:
        done = completion(per_unit.target, actual, ind.better)
        due = expected_month(as_of, c.info.end, lights)
        status, light = _judged(ind, done, month, progress, due, lights)
    negative = actual is not None and actual < 0
    return {"indicator": ind.id, "unit": unit, "name": c.unit_label(unit), "target": per_unit.target,
            "actual": actual, "month": month, "completion": done, "time_progress": progress,
            "negative": negative, "status": status, "light": "red" if negative else light}


def by_unit_rows(c: Campaign, indicator_id: str, as_of: date, lights: Lights = _DEFAULT) -> list[Row]:
    """One indicator per unit, in the order of its ``by_unit`` entries."""
    ind = require_indicator(c, indicator_id).indicator
    return [unit_reading(c, ind, unit, as_of, lights) for unit in ind.by_unit]


def by_unit_listing(c: Campaign, indicator_id: str, rows: list[Row], as_of: date, lang: Lang) -> Listing:
    ind = require_indicator(c, indicator_id).indicator
    heading = title("indicator_by_unit", lang, id=ind.id, name=ind.name, as_of=as_of)
    return Listing.of(heading, BY_UNIT_COLUMNS, rows, numeric="target actual completion")


def action_listings(c: Campaign, rows: list[Row], as_of: date, lang: Lang) -> list[Listing]:
    """The rows as one listing per action (those with rows), titled with the action's name."""
    out = [
        Listing.of(title("action_indicators", lang, id=a.id, name=a.name, as_of=as_of), ACTION_COLUMNS, mine, numeric=_NUMERIC)
        for a in c.actions
        if (mine := [r for r in rows if r["action"] == a.id])
    ]
    return out or [indicators_listing(rows, lang)]


def indicators_listing(rows: list[Row], lang: Lang, heading: str | None = None) -> Listing:
    return Listing.of(heading or title("indicators", lang), COLUMNS, rows, numeric=_NUMERIC)
