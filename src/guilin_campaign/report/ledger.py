"""The report's 查访 section: visits per team, problems by category and by unit, key enterprises, policies.

Computed from the ledger at the report's as-of date; absent (None) when the data folder has no ledger,
so a report without one is byte for byte what it was before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.ledger.model import Visit
from guilin_campaign.listing import Row
from guilin_campaign.queries.ledger import policy_progress, policy_rows, policy_sentence, problem_rows
from guilin_campaign.report.periods import Period
from guilin_campaign.words import word


@dataclass
class LedgerSection:
    summary: dict[str, int]
    teams: list[Row]
    categories: list[Row]
    units: list[Row]
    key_enterprises: list[Row]
    policies: list[Row]
    policy_progress: list[Row]

    def sentence(self, lang: Lang) -> str:
        return word("rep.ledger_sentence", lang, **self.summary)

    def policy_sentence(self, lang: Lang) -> str:
        return policy_sentence(self.policy_progress, lang)


def in_period(day: date | None, period: Period, as_of: date) -> bool:
    return day is not None and period.first_day <= day <= min(period.last_day, as_of)


def ledger_section(c: Campaign, ledger: Ledger, period: Period, as_of: date) -> LedgerSection:
    visits = [ref.visit for ref in ledger.visits if ref.visit.date <= as_of]
    problems = problem_rows(c, ledger, as_of)
    teams = _teams(c, visits, period, as_of)
    key_rows = _key_enterprises(visits, problems)
    summary = {
        "visits": sum(in_period(v.date, period, as_of) for v in visits), "visits_total": len(visits),
        "raised": sum(in_period(r["raised_on"], period, as_of) for r in problems), "raised_total": len(problems),
        "solved": sum(in_period(r["solved_on"], period, as_of) for r in problems),
        "solved_total": sum(r["status"] == "solved" for r in problems),
        "open": sum(r["status"] == "open" for r in problems), "overdue": sum(r["days_overdue"] is not None for r in problems),
        "key_enterprises": len(key_rows), "key_solved": sum(r["solved_total"] for r in key_rows),
    }
    policies = policy_rows(c, ledger, as_of)
    return LedgerSection(summary, teams, _categories(ledger, problems, period, as_of), _units(c, problems),
                         key_rows, policies, policy_progress(policies))


def _teams(c: Campaign, visits: list[Visit], period: Period, as_of: date) -> list[Row]:
    counts: dict[str, list[int]] = {}
    for v in visits:
        entry = counts.setdefault(v.team, [0, 0, 0])
        entry[0] += in_period(v.date, period, as_of)
        entry[1] += 1
        entry[2] += v.key
    order = {u: i for i, u in enumerate(c.units)}
    return [{"team": t, "team_name": c.unit_label(t), "visits": n[0], "visits_total": n[1], "key_visits": n[2]}
            for t, n in sorted(counts.items(), key=lambda item: order.get(item[0], len(order)))]


def _categories(ledger: Ledger, problems: list[Row], period: Period, as_of: date) -> list[Row]:
    rows = []
    for name in ledger.categories:
        mine = [r for r in problems if r["category"] == name]
        rows.append({"category": name, "raised": sum(in_period(r["raised_on"], period, as_of) for r in mine),
                     "solved": sum(in_period(r["solved_on"], period, as_of) for r in mine), "raised_total": len(mine),
                     "solved_total": sum(r["status"] == "solved" for r in mine), "open": sum(r["status"] == "open" for r in mine)})
    return rows


def _units(c: Campaign, problems: list[Row]) -> list[Row]:
    """Units with open problems, most overdue first, then by units.yaml order."""
    by_unit: dict[str, list[Row]] = {}
    for r in problems:
        if r["status"] == "open":
            by_unit.setdefault(r["unit"], []).append(r)
    order = {u: i for i, u in enumerate(c.units)}
    rows = [{"unit": u, "unit_name": c.unit_label(u), "open": len(rs), "overdue": sum(r["days_overdue"] is not None for r in rs),
             "overdue_ids": [r["id"] for r in rs if r["days_overdue"] is not None],
             "light": "red" if any(r["days_overdue"] is not None for r in rs) else "green"} for u, rs in by_unit.items()]
    return sorted(rows, key=lambda r: (-r["overdue"], order.get(r["unit"], len(order))))


def _key_enterprises(visits: list[Visit], problems: list[Row]) -> list[Row]:
    """One row per key enterprise visited, by name, with the problems raised on its visits."""
    out: dict[str, Row] = {}
    for v in visits:
        if v.key:
            row = out.setdefault(v.entity, {"entity": v.entity, "credit_code": v.credit_code, "visits_total": 0, "problems": 0, "solved_total": 0})
            row["visits_total"] += 1
    for r in problems:
        if r["key"] and r["entity"] in out:
            out[r["entity"]]["problems"] += 1
            out[r["entity"]]["solved_total"] += r["status"] == "solved"
    return [out[name] for name in sorted(out)]
