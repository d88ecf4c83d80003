"""``summary``: the campaign's counts, as the seed gives them (actions, measures, indicators, tasks)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from guilin_campaign.cachecolumns import columns_of
from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.vocab import STATUSES
from guilin_campaign.words import SUMMARY_KEYS, title, value_name, word


def summary(c: Campaign) -> dict[str, Any]:
    columns = columns_of(c)
    if columns is not None:  # a cache hit: the same counts from its columns
        measures, indicators, key = columns.counts
        statuses = [s for i, s in enumerate(columns.statuses) if i not in columns.adhoc]
        return _summary(c, len(columns.action_ids), measures, indicators, key, statuses, len(columns.adhoc))
    measures = len([m for a in c.actions for m in a.measures])
    planned = [ref.task for ref in c.tasks if ref.adhoc is None]
    adhoc = [ref.task for ref in c.tasks if ref.adhoc is not None]
    key = sum(ref.indicator.key for ref in c.indicators)
    return _summary(c, len(c.actions), measures, len(c.indicators), key, [t.status for t in planned], len(adhoc))


def _summary(c: Campaign, actions: int, measures: int, indicators: int, key: int, planned: list[str], adhoc: int) -> dict[str, Any]:
    counts = Counter(planned)
    return {
        "campaign": c.info.name,
        "start": c.info.start,
        "end": c.info.end,
        "actions": actions,
        "measures": measures,
        "indicators": indicators,
        "key_indicators": key,
        "tasks": len(planned),
        "adhoc": adhoc,
        "units": len(c.units),
        "by_status": {s: counts.get(s, 0) for s in STATUSES},
    }


def summary_listing(data: dict[str, Any], lang: Lang) -> Listing:
    rows = [{"item": word(f"summary.{k}", lang), "count": data[k]} for k in SUMMARY_KEYS]
    rows += [{"item": title("summary_status", lang, status=value_name("status", s, lang)), "count": n} for s, n in data["by_status"].items()]
    heading = title("summary", lang, campaign=data["campaign"], start=data["start"], end=data["end"])
    return Listing.of(heading, "item count", rows, numeric="count")
