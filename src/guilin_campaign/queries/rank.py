"""``rank MONTH``: each unit's score for a month, its components, and its rank per category.

The scoring and ranking rules come from ``rules.yaml`` (:mod:`guilin_campaign.rules`); the
definitions are in docs/definitions.md ("Scoring", "Ranking"). The campaign is read as it stood
at the as-of date (:func:`~guilin_campaign.report.replay.campaign_at`), so a later return or
extension leaves a past month's ranking as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import done_at, part_of, scoring_deadline
from guilin_campaign.listing import Listing, Row
from guilin_campaign.model import Task
from guilin_campaign.report.periods import Period
from guilin_campaign.report.replay import campaign_at
from guilin_campaign.rules import RulesFile, Scoring
from guilin_campaign.words import title, value_name

COLUMNS = "rank unit_name due_items done rate base on_time late returned extended adjustments score"
CSV_COLUMNS = "category " + COLUMNS.replace("unit_name", "unit unit_name")
_NUMERIC = "rank due_items done rate base on_time late returned extended adjustments score"
CATEGORIES = ("department", "county")  # by unit kind, unless rules.yaml names groups
_COUNTS = ("due_items", "done", "on_time", "late", "returned", "extended")


@dataclass
class Ranking:
    month: str
    as_of: date
    rows: list[Row]

    def listings(self, lang: Lang) -> list[Listing]:
        """One table per category, in the order the categories come."""
        names = dict.fromkeys((r["category"], r["category_name"]) for r in self.rows)
        return [Listing.of(title("rank", lang, category=name, month=self.month, as_of=self.as_of), COLUMNS,
                           [r for r in self.rows if r["category"] == key], numeric=_NUMERIC) for key, name in names]

    def csv_listing(self, lang: Lang) -> Listing:
        return Listing.of(title("rank_all", lang, month=self.month), CSV_COLUMNS, self.rows, numeric=_NUMERIC)


def rank(c: Campaign, period: Period, rules: RulesFile, as_of: date | None = None, *, lang: Lang) -> Ranking:
    """Every unit's score for the month ``period`` at ``as_of`` (default its last day), ranked;
    the categories named in ``lang`` (``category_name``, in JSON too: a text value)."""
    as_of = as_of or period.last_day
    c = campaign_at(c, as_of)
    tallies = _tally(c, period, as_of, rules.scoring)
    for adj in rules.adjustments:
        if adj.month == period.code:
            tallies.setdefault(adj.unit, Counter())
    bonus = {u: float(sum(a.points for a in rules.adjustments if a.unit == u and a.month == period.code)) for u in tallies}
    scored = {u: _score(u, tallies[u], bonus[u], rules.scoring) for u in c.units if u in tallies}
    rows = [row | _category(cat, lang) | {"unit_name": c.unit_label(u)}
            for cat, members in _categories(c, rules) for u in members if (row := scored.get(u))]
    excluded = set(rules.ranking.exclude)
    for cat, _ in _categories(c, rules):
        _assign_ranks([r for r in rows if r["category"] == cat], excluded)
    return Ranking(period.code, as_of, [_ordered(r) for r in _sorted(rows)])


def counted_units(c: Campaign, task: Task, completion: str) -> list[str]:
    """The units a task counts for: every responsible unit, or (``lead``) those of ``owners[0]``
    only (a group there means each of its members)."""
    return c.expand(task.owners[:1]) if completion == "lead" else c.responsible(task)


def _tally(c: Campaign, period: Period, as_of: date, scoring: Scoring) -> dict[str, Counter[str]]:
    first, last = period.first_day, min(period.last_day, as_of)
    out: dict[str, Counter[str]] = {}
    for ref in c.tasks:
        task = ref.task
        for unit in counted_units(c, task, scoring.completion):
            n = out.setdefault(unit, Counter())
            part, due = part_of(task, unit), scoring_deadline(task, as_of, unit)
            if due is not None and period.first_day <= due <= period.last_day:
                n["due_items"] += 1
                n["done"] += done_at(part, as_of)
            if done_at(part, as_of) and part.done_on is not None and first <= part.done_on <= last:
                n["on_time" if due is None or part.done_on <= due else "late"] += 1
            n["extended"] += sum(first <= e.on <= last and e.unit in (None, unit) for e in task.extensions)
            n["returned"] += sum(e.returned and first <= e.date <= last and e.unit in (None, unit) for e in task.log)
    return out


def _score(unit: str, n: Counter[str], bonus: float, scoring: Scoring) -> Row:
    """base = done/due x 100 (``rate``) or done/due x (1 + 0.001 x due) x 100 (``county``); none
    without an item due. score = the weighted sum of the components; rounded to 4 places."""
    due, w = n["due_items"], scoring.weights
    base = None
    if due:
        base = n["done"] / due * (1 + 0.001 * due if scoring.base == "county" else 1) * 100
    parts = w.on_time * n["on_time"] + w.late * n["late"] + w.returned * n["returned"] + w.extended * n["extended"]
    score = None if base is None else round(w.base * base + parts + w.adjustments * bonus, 4)
    return {"unit": unit, **{k: n[k] for k in _COUNTS}, "rate": n["done"] / due if due else None,
            "base": None if base is None else round(base, 4), "adjustments": bonus, "score": score}


def _categories(c: Campaign, rules: RulesFile) -> list[tuple[str, list[str]]]:
    if rules.ranking.groups:
        return [(g, [u for u in c.units if u in c.groups.get(g, [])]) for g in rules.ranking.groups]
    return [(kind, [u for u, unit in c.units.items() if unit.kind == kind]) for kind in CATEGORIES]


def _category(cat: str, lang: Lang) -> Row:
    return {"category": cat, "category_name": value_name("category", cat, lang)}


def _assign_ranks(rows: list[Row], excluded: set[str]) -> None:
    """Highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).
    Excluded units and units with nothing due keep ``rank`` None."""
    ranked = sorted((r for r in rows if r["score"] is not None and r["unit"] not in excluded), key=lambda r: -r["score"])
    for i, row in enumerate(ranked):
        row["rank"] = ranked[i - 1]["rank"] if i and ranked[i - 1]["score"] == row["score"] else i + 1
    for row in rows:
        row.setdefault("rank", None)
        row["excluded"] = row["unit"] in excluded


def _sorted(rows: list[Row]) -> list[Row]:
    """Within each category (kept in order): ranked units by rank, then the others; the sort is stable."""
    cats = {cat: i for i, cat in enumerate(dict.fromkeys(r["category"] for r in rows))}
    return sorted(rows, key=lambda r: (cats[r["category"]], r["rank"] is None, r["rank"] or 0))


def _ordered(row: Row) -> Row:
    keys = ("category", "category_name", "rank", "unit", "unit_name", *_COUNTS, "rate", "base", "adjustments", "score", "excluded")
    return {k: row[k] for k in keys if k in row}
