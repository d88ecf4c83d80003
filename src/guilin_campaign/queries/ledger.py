"""``problems``, ``visits``, ``policies``: the field-visit ledger as plain rows.

The definitions (docs/definitions.md, "The ledger"): a problem exists from its ``raised_on``; it is
solved at D when a solution dated on or before D was not reopened by D
(:func:`~guilin_campaign.ledger.book.solved_at`); an open problem is overdue at D when its deadline
is before D, with lights as tasks have them (:func:`~guilin_campaign.dates.deadline_light`).
"""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang, msg
from guilin_campaign.dates import deadline_light
from guilin_campaign.ledger.book import Ledger, solved_at
from guilin_campaign.ledger.model import LedgerProblem
from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.lookup import require_unit
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.validation import suggestion
from guilin_campaign.words import title, word

PROBLEM_COLUMNS = "id raised_on unit_name category text entity due status solved_on days_overdue reopened light"
VISIT_COLUMNS = "id date team_name entity credit_code key found problems"
POLICY_COLUMNS = "id name source level city_can unit_names status done_on"


def solution_at(p: LedgerProblem, as_of: date) -> tuple[date | None, str | None]:
    """The date and way of the solution standing at ``as_of`` (none when open then)."""
    if p.status == "solved" and p.solved_on is not None and p.solved_on <= as_of:
        return p.solved_on, p.how
    span = next((r for r in p.reopened if r.was_solved_on <= as_of < r.date), None)
    return (span.was_solved_on, span.was_how) if span else (None, None)


def problem_row(c: Campaign, ledger: Ledger, p: LedgerProblem, as_of: date, soon: int = 7) -> Row:
    solved = solved_at(p, as_of)
    solved_on, how = solution_at(p, as_of)
    visit = ledger.visit(p.visit) if p.visit else None
    return {
        "id": p.id, "raised_on": p.raised_on, "visit": p.visit, "entity": visit.entity if visit else None,
        "key": bool(visit and visit.key), "team": visit.team if visit else None,
        "unit": p.unit, "unit_name": c.unit_label(p.unit), "category": p.category, "text": p.text, "due": p.due,
        "status": "solved" if solved else "open", "solved_on": solved_on, "how": how,
        "days_overdue": None if solved or p.due >= as_of else (as_of - p.due).days,
        "reopened": sum(r.date <= as_of for r in p.reopened), "light": deadline_light(p.due, solved, as_of, soon),
    }


def problem_rows(
    c: Campaign, ledger: Ledger, as_of: date, soon: int = 7, *, open_only: bool = False, unit: str | None = None,
    category: str | None = None, overdue_only: bool = False,
) -> list[Row]:
    """Problems raised by ``as_of``, in the ledger's order (by month, then as written), filtered."""
    units = set(require_unit(c, unit)) if unit is not None else None
    if category is not None and category not in ledger.categories:
        hint = suggestion(category, ledger.categories)
        raise CampaignError(msg("query.unknown_category", category=repr(category), hint=hint, known="、".join(ledger.categories)), kind=ErrorKind.USAGE)
    rows = []
    for ref in ledger.problems:
        p = ref.problem
        if p.raised_on > as_of or (units is not None and p.unit not in units) or (category and p.category != category):
            continue
        row = problem_row(c, ledger, p, as_of, soon)
        if (open_only and row["status"] != "open") or (overdue_only and row["days_overdue"] is None):
            continue
        rows.append(row)
    return rows


def problems_listing(rows: list[Row], as_of: date, lang: Lang) -> Listing:
    late = sum(r["days_overdue"] is not None for r in rows)
    heading = title("problems", lang, count=len(rows), late=late, as_of=as_of)
    return Listing.of(heading, PROBLEM_COLUMNS, rows, numeric="days_overdue reopened")


def visit_rows(c: Campaign, ledger: Ledger, month: str | None = None, team: str | None = None) -> list[Row]:
    teams = set(require_unit(c, team)) if team is not None else None
    raised: dict[str, int] = {}
    for pref in ledger.problems:
        if pref.problem.visit:
            raised[pref.problem.visit] = raised.get(pref.problem.visit, 0) + 1
    rows = []
    for ref in ledger.visits:
        v = ref.visit
        if (month and v.date.isoformat()[:7] != month) or (teams is not None and v.team not in teams):
            continue
        rows.append({"id": v.id, "date": v.date, "team": v.team, "team_name": c.unit_label(v.team), "entity": v.entity,
                     "credit_code": v.credit_code, "key": v.key, "found": v.found, "problems": raised.get(v.id, 0)})
    return rows


def visits_listing(rows: list[Row], month: str | None, lang: Lang) -> Listing:
    keys = sum(r["key"] for r in rows)
    heading = title("visits_month", lang, count=len(rows), key=keys, month=month) if month else title("visits", lang, count=len(rows), key=keys)
    return Listing.of(heading, VISIT_COLUMNS, rows, numeric="problems")


def policy_rows(c: Campaign, ledger: Ledger, as_of: date) -> list[Row]:
    """The checklist at ``as_of``: a policy implemented later is still being implemented then."""
    rows = []
    for p in ledger.policies:
        done = p.status == "done" and p.done_on is not None and p.done_on <= as_of
        status = "done" if done else ("doing" if p.status != "todo" else "todo")
        rows.append({"id": p.id, "name": p.name, "source": p.source, "level": p.level, "city_can": p.city_can,
                     "units": list(p.units), "unit_names": "、".join(c.unit_label(u) for u in p.units),
                     "status": status, "done_on": p.done_on if done else None})
    return rows


def policy_progress(rows: list[Row]) -> list[Row]:
    """Per source, in first-mention order: how many to implement (city-implementable) and done."""
    out: dict[str, Row] = {}
    for r in rows:
        entry = out.setdefault(r["source"], {"source": r["source"], "level": r["level"], "listed": 0, "to_implement": 0, "done": 0})
        entry["listed"] += 1
        if r["city_can"]:
            entry["to_implement"] += 1
            entry["done"] += r["status"] == "done"
    return list(out.values())


def policy_sentence(progress: list[Row], lang: Lang) -> str:
    """自治区20条措施中市级可落实12项，已落实N项；市6条措施已落实N项。"""
    parts = []
    for s in progress:
        if s["level"] == "region":
            parts.append(word("rep.policy_region", lang, source=s["source"], to_implement=s["to_implement"], done=s["done"]))
        else:
            parts.append(word("rep.policy_city", lang, source=s["source"], done=s["done"]))
    if not parts:
        return word("rep.policy_empty", lang)
    return word("rep.policy_end", lang, parts=word("rep.policy_sep", lang).join(parts))


def policies_listing(rows: list[Row], as_of: date, lang: Lang) -> Listing:
    sentence = policy_sentence(policy_progress(rows), lang)
    return with_source_heading(Listing.of(title("policies", lang, as_of=as_of, sentence=sentence), POLICY_COLUMNS, rows))


def with_source_heading(listing: Listing) -> Listing:
    """A policy's ``source`` is the document it comes from (出处), not the tasks' 交办来源."""
    listing.columns = [Column(col.key, col.numeric, label_key="policy_source") if col.key == "source" else col
                       for col in listing.columns]
    return listing
