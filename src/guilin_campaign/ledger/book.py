"""The loaded ledger: every visit, problem and policy with the file and line it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guilin_campaign.ledger.model import DEFAULT_CATEGORIES, LedgerProblem, Policy, Visit


@dataclass(frozen=True)
class Where:
    file: str
    line: int | None
    path: tuple[str | int, ...]  # the record's path in its file, e.g. ("visits", 3)


@dataclass(frozen=True)
class VisitRef:
    visit: Visit
    where: Where


@dataclass(frozen=True)
class ProblemRef:
    problem: LedgerProblem
    where: Where


@dataclass
class Ledger:
    folder: Path
    categories: list[str] = field(default_factory=lambda: list(DEFAULT_CATEGORIES))
    policies: list[Policy] = field(default_factory=list)
    visits: list[VisitRef] = field(default_factory=list)
    problems: list[ProblemRef] = field(default_factory=list)
    lists_file: str | None = None  # where the categories and policies were read from

    def visit(self, visit_id: str) -> Visit | None:
        return self._visits_by_id().get(visit_id)

    def _visits_by_id(self) -> dict[str, Visit]:
        cached: dict[str, Visit] | None = getattr(self, "_by_id", None)
        if cached is None:
            cached = {ref.visit.id: ref.visit for ref in self.visits}
            self._by_id = cached
        return cached


def solved_at(problem: LedgerProblem, as_of: date) -> bool:
    """Solved at D: solved on or before D and not reopened since (each reopening ends a solved span).

    The spans are [was_solved_on, reopen date) for each reopening, and [solved_on, ...) for the
    current solution, so a past date reads the problem as it stood that day.
    """
    if problem.status == "solved" and problem.solved_on is not None and problem.solved_on <= as_of:
        return True
    return any(r.was_solved_on <= as_of < r.date for r in problem.reopened)


def raised_by(problem: LedgerProblem, as_of: date) -> bool:
    return problem.raised_on <= as_of
