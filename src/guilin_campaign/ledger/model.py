"""The ledger's files as Pydantic models: a month file (visits, problems) and the lists file.

Each value is checked on its own here; whether units, visits and ids agree across files is
:mod:`guilin_campaign.ledger.checks`' job.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool

from guilin_campaign.model import Day, IdList, Model, Text

ProblemStatus = Literal["open", "solved"]
PolicyStatus = Literal["todo", "doing", "done"]
DEFAULT_CATEGORIES: tuple[str, ...] = ("资金缺口", "土地确权", "采矿许可", "供电", "招工", "租金减免", "其他")


def _code_text(value: Any) -> Any:
    """A code of digits only reads as a number in YAML; it is text (a code never starts with 0)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


CreditCode = Annotated[str, BeforeValidator(_code_text)]
Id = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]


class Visit(Model):
    id: Id
    date: Day
    team: Text  # a unit id
    entity: Text
    credit_code: CreditCode | None = None
    key: StrictBool = False  # a key enterprise (重点企业) helped one-to-one
    found: str | None = None


class Reopen(Model):
    """One reopening: when, why, and the solution it set aside (kept so a past date replays)."""

    date: Day
    reason: Text
    was_solved_on: Day
    was_how: str | None = None


class LedgerProblem(Model):
    id: Id
    raised_on: Day
    visit: str | None = None  # the visit it was found on; none when raised directly
    category: Text
    text: Text
    unit: Text  # the responsible unit
    due: Day
    status: ProblemStatus = "open"
    solved_on: Day | None = None
    how: str | None = None
    reopened: list[Reopen] = []


class MonthFile(Model):
    visits: list[Visit] = []
    problems: list[LedgerProblem] = []


class Policy(Model):
    id: Id
    name: Text
    source: Text  # the document it comes from, e.g. 自治区20条措施
    level: Literal["region", "city"]
    city_can: StrictBool = True  # whether a city can implement it (市级可落实)
    units: IdList = []
    status: PolicyStatus = "todo"
    done_on: Day | None = None


class ListsFile(Model):
    categories: Annotated[list[Text], Field(min_length=1)] = list(DEFAULT_CATEGORIES)
    policies: list[Policy] = []
