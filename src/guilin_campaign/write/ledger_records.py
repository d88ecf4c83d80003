"""New visits and problems, solutions and reopenings, as edits of a ledger month file's text.

Each request is a frozen dataclass (like :mod:`guilin_campaign.write.requests`): ``month`` says which
month file it edits (refusing a bad request before anything is read), ``__call__`` returns the new
text of that file, and ``landed`` reads the checked result back. Nothing is written here: see
:mod:`guilin_campaign.write.ledger_apply`. Every refusal is a catalogue message (keys ``ledger.*``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.ledger.book import Ledger, ProblemRef
from guilin_campaign.ledger.creditcode import code_problem
from guilin_campaign.ledger.names import closest, require_unit
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.changes import Update
from guilin_campaign.write.ledger_text import add_record, edit_problem, reopen_edits, solve_edits

_PROBLEM_NUMBER = re.compile(r"P\d{4}-(\d+)")


def _usage(key: str, option: str | None = None, **values: object) -> CampaignError:
    return CampaignError(msg(key, **values), kind=ErrorKind.USAGE, option=option)


def require_in_campaign(c: Campaign, day: date, option: str = "on") -> None:
    """A record dated outside the campaign counts in no period: refuse it (exit 2)."""
    start, end = c.info.start, c.info.end
    if not start <= day <= end:
        raise _usage("ledger.outside_campaign", option, day=day, start=start, end=end)


@dataclass(frozen=True)
class AddVisit:
    """A field visit, with the next free id ``V<date>-<team>-<n>``, in the month file of its date."""

    on: date
    team: str
    entity: str
    credit_code: str | None = None
    key: bool = False
    found: str | None = None

    def month(self, c: Campaign, ledger: Ledger) -> str:
        require_in_campaign(c, self.on)
        require_unit(c, self.team, "team")
        if self.credit_code is not None and (why := code_problem(self.credit_code)) is not None:
            raise _usage("ledger.bad_credit_code", "credit-code", why=why)
        return self.on.isoformat()[:7]

    def record_id(self, ledger: Ledger) -> str:
        prefix = f"V{self.on:%Y%m%d}-{self.team}-"
        taken = {ref.visit.id[len(prefix):] for ref in ledger.visits if ref.visit.id.startswith(prefix)}
        return prefix + str(1 + max((int(n) for n in taken if n.isdigit()), default=0))

    def __call__(self, c: Campaign, ledger: Ledger, text: str) -> Update:
        ident = self.record_id(ledger)
        item: dict[str, Any] = {"id": ident, "date": self.on, "team": self.team, "entity": self.entity}
        item |= {"credit_code": self.credit_code} if self.credit_code else {}
        item |= {"key": True} if self.key else {}
        item |= {"found": self.found} if self.found else {}
        return Update(add_record(text, "visits", item, _after_day(ledger, self.on)), f"{ident} visit added ({self.on})")

    def landed(self, after: Ledger, update: Update) -> bool:
        ident = update.message.split(" ", 1)[0]
        visit = after.visit(ident)
        return visit is not None and (visit.date, visit.team, visit.entity) == (self.on, self.team, self.entity)


@dataclass(frozen=True)
class AddProblem:
    """A problem raised on ``on`` (on a visit or directly), with the next free id ``P<yymm>-<nnnn>``."""

    on: date
    category: str
    unit: str
    due: date
    text: str
    visit: str | None = None

    def month(self, c: Campaign, ledger: Ledger) -> str:
        require_in_campaign(c, self.on)
        if self.category not in ledger.categories:
            raise _usage("ledger.unknown_category", "category", value=self.category,
                         hint=closest(self.category, ledger.categories), categories="、".join(ledger.categories))
        require_unit(c, self.unit, "unit")
        if self.due < self.on:
            raise _usage("ledger.due_before_raised", "due", due=self.due, on=self.on)
        if self.visit is not None:
            visit = ledger.visit(self.visit)
            if visit is None:
                raise _usage("ledger.unknown_visit", "visit", value=self.visit, hint=closest(self.visit, ledger._visits_by_id()))
            if visit.date > self.on:
                raise _usage("ledger.raised_before_visit", "on", on=self.on, visit=visit.id, date=visit.date)
        return self.on.isoformat()[:7]

    def record_id(self, ledger: Ledger) -> str:
        numbers = [int(m[1]) for ref in ledger.problems if (m := _PROBLEM_NUMBER.fullmatch(ref.problem.id))]
        return f"P{self.on:%y%m}-{1 + max(numbers, default=0):04d}"

    def __call__(self, c: Campaign, ledger: Ledger, text: str) -> Update:
        ident = self.record_id(ledger)
        item: dict[str, Any] = {"id": ident, "raised_on": self.on}
        item |= {"visit": self.visit} if self.visit else {}
        item |= {"category": self.category, "text": self.text, "unit": self.unit, "due": self.due, "status": "open"}
        return Update(add_record(text, "problems", item), f"{ident} problem added ({self.on})")

    def landed(self, after: Ledger, update: Update) -> bool:
        ref = find_problem(after, update.message.split(" ", 1)[0])
        return ref is not None and (ref.problem.raised_on, ref.problem.unit, ref.problem.status) == (self.on, self.unit, "open")


def _after_day(ledger: Ledger, day: date) -> int | None:
    """The index, in its month file, of the last visit made on or before ``day``: the new one follows it."""
    month = day.isoformat()[:7]
    same = [ref for ref in ledger.visits if ref.visit.date.isoformat()[:7] == month]
    before = [i for i, ref in enumerate(same) if ref.visit.date <= day]
    return before[-1] if before else None


def find_problem(ledger: Ledger, ident: str) -> ProblemRef | None:
    return next((ref for ref in ledger.problems if ref.problem.id == ident), None)


def require_problem(ledger: Ledger, ident: str) -> ProblemRef:
    ref = find_problem(ledger, ident)
    if ref is None:
        raise _usage("ledger.unknown_problem", None, value=ident, hint=closest(ident, [r.problem.id for r in ledger.problems]))
    return ref


@dataclass(frozen=True)
class SolveProblem:
    """A problem solved on ``on`` and how: ``status: solved``, ``solved_on``, ``how``, where it was raised."""

    ident: str
    on: date
    how: str

    def month(self, c: Campaign, ledger: Ledger) -> str:
        p = require_problem(ledger, self.ident).problem
        require_in_campaign(c, self.on)
        if p.status == "solved":
            raise _usage("ledger.already_solved", None, id=p.id, solved_on=p.solved_on)
        last = max([p.raised_on] + [r.date for r in p.reopened])
        if self.on < last:
            raise _usage("ledger.solved_before", "on", id=p.id, on=self.on, last=last)
        return p.raised_on.isoformat()[:7]

    def __call__(self, c: Campaign, ledger: Ledger, text: str) -> Update:
        ref = require_problem(ledger, self.ident)
        new = edit_problem(text, ref.where.path, solve_edits(self.on, self.how))
        return Update(new, f"{self.ident} solved ({self.on})")

    def landed(self, after: Ledger, update: Update) -> bool:
        ref = find_problem(after, self.ident)
        return ref is not None and (ref.problem.status, ref.problem.solved_on, ref.problem.how) == ("solved", self.on, self.how)


@dataclass(frozen=True)
class ReopenProblem:
    """A solved problem reopened: back to open, the solution it had kept under ``reopened``."""

    ident: str
    on: date
    reason: str

    def month(self, c: Campaign, ledger: Ledger) -> str:
        p = require_problem(ledger, self.ident).problem
        require_in_campaign(c, self.on)
        if p.status != "solved" or p.solved_on is None:
            raise _usage("ledger.not_solved", None, id=p.id)
        if self.on < p.solved_on:
            raise _usage("ledger.reopened_before", "on", id=p.id, on=self.on, solved_on=p.solved_on)
        return p.raised_on.isoformat()[:7]

    def __call__(self, c: Campaign, ledger: Ledger, text: str) -> Update:
        ref = require_problem(ledger, self.ident)
        p = ref.problem
        assert p.solved_on is not None  # month() refused an open problem
        entry: dict[str, Any] = {"date": self.on, "reason": self.reason, "was_solved_on": p.solved_on}
        entry |= {"was_how": p.how} if p.how else {}
        new = edit_problem(text, ref.where.path, reopen_edits(entry))
        return Update(new, f"{self.ident} reopened ({self.on})")

    def landed(self, after: Ledger, update: Update) -> bool:
        ref = find_problem(after, self.ident)
        return ref is not None and ref.problem.status == "open" and bool(ref.problem.reopened) and ref.problem.reopened[-1].date == self.on
