"""The 查访记录 sheet of a county's form: each filled row a visit, with the problem found on it.

Read and checked cell by cell like the other sheets; the result is plain values. Applying them to the
ledger waits for the ledger's write requests: ``form import`` lists them for the clerk to enter.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.forms import layout as L
from guilin_campaign.forms.changes import FormReading, ProblemEntry, VisitEntry
from guilin_campaign.forms.sheets import Report, Row
from guilin_campaign.forms.values import blank, parse_day, plain, written
from guilin_campaign.ledger.creditcode import code_problem
from guilin_campaign.report.periods import Period


def visit_answer(row: Row, campaign: Campaign, unit: str, month: Period, categories: list[str],
                 out: FormReading, report: Report) -> None:
    cells = row.cells[1:11]
    if all(blank(v) for v in cells):
        return
    r, before = row.number, len(report)

    def at(col: str, message: Any) -> None:
        report.append((L.VISIT_SHEET, f"{col}{r}", message))

    if any(isinstance(v, str) and v.lstrip().startswith("=") for v in cells):
        at("B", msg("forms.cell.formula_value"))
        return
    day, code, key = _day(cells[0], month, at, "B", month.first_day), _code(cells[2], at), _yes_no(cells[3], at)
    if blank(cells[1]):
        at("C", msg("forms.visit.no_entity"))
    problem = _problem(cells[5:9], campaign, unit, month, day or month.first_day, categories, at)
    if len(report) == before and day is not None:
        out.visits.append(VisitEntry(r, day, written(cells[1]), code, bool(key), _text(cells[4]), problem))


def _day(cell: Any, month: Period, at: Any, col: str, earliest: date) -> date | None:
    if blank(cell):
        at(col, msg("forms.visit.no_date" if col == "B" else "forms.visit.no_due"))
        return None
    day, message = parse_day(cell, month.year)
    if day is None:
        at(col, message)
        return None
    if col == "B" and not month.first_day <= day <= month.last_day:
        at(col, msg("forms.visit.outside_month", day=day.isoformat(), month=month.code))
        return None
    if col == "J" and day < earliest:
        at(col, msg("forms.visit.due_before_visit", day=day.isoformat(), visit=earliest.isoformat()))
        return None
    return day


def _code(cell: Any, at: Any) -> str | None:
    if blank(cell):
        return None
    code = plain(str(cell)).replace(" ", "")
    if (problem := code_problem(code)) is not None:
        at("D", problem)
        return None
    return code


def _yes_no(cell: Any, at: Any) -> bool | None:
    if blank(cell):
        return False
    word = plain(str(cell))
    if word not in L.YES_NO:
        at("E", msg("forms.visit.yes_no", word=repr(word)))
        return None
    return L.YES_NO[word]


def _problem(cells: list[Any], campaign: Campaign, unit: str, month: Period, visit_day: date,
             categories: list[str], at: Any) -> ProblemEntry | None:
    category, text, owner, due = cells
    if blank(category):
        for col, value in zip("HIJ", (text, owner, due), strict=True):
            if not blank(value):
                at(col, msg("forms.visit.problem_without_category"))
                return None
        return None
    word = plain(str(category))
    if word not in categories:
        at("G", msg("forms.visit.category", word=repr(word), categories="、".join(categories)))
        return None
    if blank(text):
        at("H", msg("forms.visit.no_problem_text"))
    owner_id = _unit(owner, campaign, unit, at)
    day = _day(due, month, at, "J", visit_day)
    if blank(text) or owner_id is None or day is None:
        return None
    return ProblemEntry(word, written(text), owner_id, day)


def _unit(cell: Any, campaign: Campaign, unit: str, at: Any) -> str | None:
    """Blank: the county itself; else a unit's id, short name or full name, exactly."""
    if blank(cell):
        return unit
    name = plain(str(cell))
    for uid, u in campaign.units.items():
        if name in (uid, u.name, u.short):
            return uid
    at("I", msg("forms.visit.unknown_unit", name=repr(name)))
    return None


def _text(cell: Any) -> str | None:
    return None if blank(cell) else written(cell)
