"""Checks across the ledger's files and against the units: each ``check_x(...) -> list[Problem]``."""

from __future__ import annotations

from collections.abc import Iterable

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.ledger.book import Ledger, ProblemRef, VisitRef, Where
from guilin_campaign.ledger.creditcode import code_problem
from guilin_campaign.ledger.names import closest, unit_message
from guilin_campaign.problems import Problem
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

Sources = dict[str, SourceMap]


def check_ledger(ledger: Ledger, c: Campaign, sources: Sources) -> list[Problem]:
    at = _Placer(sources)
    out = _duplicates(at, [(r.visit.id, r.where) for r in ledger.visits], "visit")
    out += _duplicates(at, [(r.problem.id, r.where) for r in ledger.problems], "problem")
    out += [p for ref in ledger.visits for p in _visit(at, ref, c)]
    out += [p for ref in ledger.problems for p in _problem(at, ref, c, ledger)]
    return out + _lists(at, ledger, c)


class _Placer:
    """Makes a problem at a record's key: its own line, or the record's when the key is not written."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources

    def line(self, where: Where, key: str = "") -> int | None:
        source = self.sources.get(where.file)
        line = source.line(where.path + ((key,) if key else ())) if source is not None else None
        return line or where.line

    def __call__(self, where: Where, ident: str, key: str, message: Msg | str) -> Problem:
        return Problem(where.file, self.line(where, key), f"{ident}.{key}" if key else ident, message)


def _duplicates(at: _Placer, items: Iterable[tuple[str, Where]], what: str) -> list[Problem]:
    seen: dict[str, Where] = {}
    out = []
    for ident, where in items:
        first = seen.setdefault(ident, where)
        if first is not where:
            out.append(at(where, ident, "id", msg(f"ledger.check.duplicate_{what}", id=repr(ident), first=f"{first.file}:{at.line(first)}")))
    return out


def _visit(at: _Placer, ref: VisitRef, c: Campaign) -> list[Problem]:
    v, out = ref.visit, []
    if (said := unit_message(c, v.team)) is not None:
        out.append(at(ref.where, v.id, "team", said))
    if v.credit_code is not None and (said := code_problem(v.credit_code)) is not None:
        out.append(at(ref.where, v.id, "credit_code", said))
    return out


def _problem(at: _Placer, ref: ProblemRef, c: Campaign, ledger: Ledger) -> list[Problem]:
    p, w, out = ref.problem, ref.where, []
    if (said := unit_message(c, p.unit)) is not None:
        out.append(at(w, p.id, "unit", said))
    if p.category not in ledger.categories:
        hint = closest(p.category, ledger.categories)
        out.append(at(w, p.id, "category", msg("ledger.check.category", value=repr(p.category), hint=hint, categories="、".join(ledger.categories))))
    if p.visit is not None:
        visit = ledger.visit(p.visit)
        if visit is None:
            out.append(at(w, p.id, "visit", msg("ledger.check.visit", value=repr(p.visit), hint=closest(p.visit, ledger._visits_by_id()))))
        elif visit.date > p.raised_on:
            out.append(at(w, p.id, "raised_on", msg("ledger.raised_before_visit", on=p.raised_on, visit=visit.id, date=visit.date)))
    if p.due < p.raised_on:
        out.append(at(w, p.id, "due", msg("ledger.check.due", due=p.due, on=p.raised_on)))
    return out + _solution(at, ref)


def _solution(at: _Placer, ref: ProblemRef) -> list[Problem]:
    p, w = ref.problem, ref.where
    if p.status == "open":
        return [at(w, p.id, "solved_on", msg("ledger.check.open_solved_on"))] if p.solved_on else []
    if p.solved_on is None:
        return [at(w, p.id, "status", msg("ledger.check.solved_needs_date"))]
    out = []
    last = p.raised_on
    for i, r in enumerate(p.reopened):
        if not last <= r.was_solved_on <= r.date:
            out.append(at(w, p.id, "reopened", msg("ledger.check.reopening", n=i + 1, was=r.was_solved_on, last=last, date=r.date)))
        last = r.date
    if p.solved_on < last:
        out.append(at(w, p.id, "solved_on", msg("ledger.check.solved_before", on=p.solved_on, last=last)))
    return out


def _lists(at: _Placer, ledger: Ledger, c: Campaign) -> list[Problem]:
    if ledger.lists_file is None:
        return []
    out = []
    for i, policy in enumerate(ledger.policies):
        where = Where(ledger.lists_file, None, ("policies", i))
        for unit in policy.units:
            if (said := unit_message(c, unit)) is not None:
                out.append(at(where, policy.id, "units", said))
        if policy.status == "done" and policy.done_on is None:
            out.append(at(where, policy.id, "status", msg("ledger.check.policy_done_on")))
        if policy.status != "done" and policy.done_on is not None:
            out.append(at(where, policy.id, "done_on", msg("ledger.check.policy_not_done")))
    out += _duplicates(at, [(p.id, Where(ledger.lists_file, None, ("policies", i))) for i, p in enumerate(ledger.policies)], "policy")
    seen: set[str] = set()
    for i, name in enumerate(ledger.categories):
        if name in seen:
            out.append(at(Where(ledger.lists_file, None, ("categories", i)), "categories", "", msg("ledger.check.category_twice", name=repr(name))))
        seen.add(name)
    return out
