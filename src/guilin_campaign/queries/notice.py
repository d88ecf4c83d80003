"""``notice``: what one unit owes at a date, for its 催办单 (督办通知单).

Built from the supervision views: the ``overdue`` view (its red rows, and its yellow rows for the
due-soon window) and the unit's scorecard (its indicators, by its own figures or the city's). A
unit owes an indicator reading when the as-of month has none: its own ``by_unit`` reading, or,
for an indicator kept only city-wide, the city's reading when it is the indicator's first
responsible unit (the one that reports it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import month_of
from guilin_campaign.listing import Listing, Row
from guilin_campaign.queries.overdue import overdue
from guilin_campaign.queries.scorecard import scorecard
from guilin_campaign.words import title

TASK_COLUMNS = "task title due days_overdue status"
SOON_COLUMNS = "task title due days_left status"
READING_COLUMNS = "id name scope last_month"


@dataclass
class Notice:
    unit: str
    name: str  # the unit's full name, as a notice is addressed
    short: str
    as_of: date
    reply_by: date
    soon: int
    overdue: list[Row]
    due_soon: list[Row]
    readings: list[Row]

    @property
    def owes(self) -> bool:
        return bool(self.overdue or self.due_soon or self.readings)

    def as_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "name": self.name, "as_of": self.as_of, "reply_by": self.reply_by,
                "soon": self.soon, "overdue": self.overdue, "due_soon": self.due_soon, "readings": self.readings}

    def listings(self, lang: Lang) -> list[Listing]:
        return [
            Listing.of(title("notice_overdue", lang), TASK_COLUMNS, self.overdue, numeric="days_overdue"),
            Listing.of(title("notice_soon", lang, soon=self.soon), SOON_COLUMNS, self.due_soon, numeric="days_left"),
            Listing.of(title("notice_readings", lang, year=self.as_of.year, month=self.as_of.month), READING_COLUMNS, self.readings),
        ]


def unit_notice(c: Campaign, unit: str, as_of: date, soon: int = 7, reply_days: int = 5) -> Notice:
    """One unit's notice (``unit`` an id or a name; a group is refused by the scorecard)."""
    card = scorecard(c, unit, as_of, soon)
    rows = overdue(c, as_of, soon, card.unit)
    late = [r for r in rows if r["light"] == "red"]
    coming = [r | {"days_left": (r["due"] - as_of).days} for r in rows if r["light"] == "yellow"]
    return Notice(card.unit, card.name, card.short, as_of, as_of + timedelta(days=reply_days), soon,
                  late, coming, _missing_readings(c, card.unit, card.indicators, as_of))


def all_notices(c: Campaign, as_of: date, soon: int = 7, reply_days: int = 5) -> list[Notice]:
    """Every unit's notice, in units.yaml order (those that owe nothing included)."""
    return [unit_notice(c, unit, as_of, soon, reply_days) for unit in c.units]


def _missing_readings(c: Campaign, unit: str, indicators: list[Row], as_of: date) -> list[Row]:
    month = month_of(as_of)
    out = []
    for row in indicators:
        ref = c.indicator(row["id"])
        reports = row["scope"] == "unit" or (ref is not None and c.expand(ref.indicator.owners)[:1] == [unit])
        if reports and row["month"] != month:
            out.append({"id": row["id"], "name": row["name"], "scope": row["scope"], "last_month": row["month"]})
    return out
