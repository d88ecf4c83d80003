"""The report's indicator sections: the indicators view, key first, and the negative readings."""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.dates import month_of
from guilin_campaign.listing import Row
from guilin_campaign.queries.indicators import indicator_rows
from guilin_campaign.report.periods import Period
from guilin_campaign.rules import DEFAULT_RULES, Lights


def key_first(c: Campaign, as_of: date, lights: Lights = DEFAULT_RULES.lights) -> list[Row]:
    """The rows of the ``indicators`` view, key indicators first, each group in file order."""
    rows = indicator_rows(c, as_of, lights=lights)
    return [r for r in rows if r["key"]] + [r for r in rows if not r["key"]]


def negative_rows(c: Campaign, period: Period, as_of: date) -> list[Row]:
    """Every negative reading in the period's months (up to the as-of month): the city's value
    (``unit`` None, ``unit_name`` the data's city, or None: the report names it in its language)
    and each unit's, per indicator in file order, units in units.yaml order."""
    months = [m for m in period.months if m <= month_of(as_of)]
    order = {u: i for i, u in enumerate(c.units)}
    rows = []
    for ref in c.indicators:
        ind = ref.indicator
        series: list[tuple[str | None, str | None, dict[str, float]]] = [(None, c.info.city, ind.readings)]
        units = sorted(ind.by_unit, key=lambda u: order.get(u, len(order)))
        series += [(u, c.unit_label(u), ind.by_unit[u].readings) for u in units]
        for unit, name, readings in series:
            for month in months:
                value = readings.get(month)
                if value is not None and value < 0:
                    rows.append({"indicator": ind.id, "indicator_name": ind.name, "unit": unit, "unit_name": name,
                                 "month": month, "reading": value, "light": "red"})
    return rows
