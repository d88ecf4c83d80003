"""What a checked form would change, as plain values (applied later through the write path)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guilin_campaign.catalogue import DEFAULT_LANG, Lang, Msg, render


@dataclass(frozen=True)
class StatusChange:
    task: str
    part: str | None  # the responsible unit whose part changes (a shared task); None: the task itself
    status: str  # todo, doing, done, blocked
    done_on: date | None
    was: str
    was_done_on: date | None


@dataclass(frozen=True)
class LogText:
    task: str
    part: str | None
    kind: str  # progress (进展情况) or problem (存在问题)
    text: str


@dataclass(frozen=True)
class ReadingChange:
    indicator: str
    by_unit: str | None  # the county's own value; None: the city value
    month: str
    value: float
    was: float | None


@dataclass(frozen=True)
class ProblemEntry:
    category: str
    text: str
    unit: str  # the responsible unit's id
    due: date


@dataclass(frozen=True)
class VisitEntry:
    row: int  # the sheet's row, for the clerk
    day: date
    entity: str
    credit_code: str | None
    key: bool
    found: str | None
    problem: ProblemEntry | None


@dataclass(frozen=True)
class FormProblem:
    file: str
    sheet: str
    cell: str
    message: Msg | str  # a catalogue message, or (the older cell checks) English text

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        said = render(self.message, lang)
        return f"{self.file}:{where}: {said}" if where else f"{self.file}: {said}"

    def __str__(self) -> str:
        return self.text()


@dataclass
class FormReading:
    """One returned workbook: who and which month it says it is, and either its changes or its problems
    (all or nothing: with any problem, the change lists are empty)."""

    path: Path
    unit: str | None = None
    month: str | None = None
    statuses: list[StatusChange] = field(default_factory=list)
    notes: list[LogText] = field(default_factory=list)
    readings: list[ReadingChange] = field(default_factory=list)
    visits: list[VisitEntry] = field(default_factory=list)  # read and checked; not applied (see forms.visits)
    problems: list[FormProblem] = field(default_factory=list)
    rows: int = 0  # answered rows

    @property
    def unchanged(self) -> bool:
        return not (self.statuses or self.notes or self.readings)
