"""What a unit's form asks for a month: its task rows and its indicator rows, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.dates import part_of
from guilin_campaign.forms.layout import ROLE_LEAD, ROLE_OWNER, ROLE_SUPPORT, VISIT_ROWS, WORD_OF
from guilin_campaign.report.periods import Period


@dataclass(frozen=True)
class TaskRow:
    id: str
    action: str
    measure: str
    title: str
    due: date | None
    role: str  # 牵头 / 责任 / 配合
    part: str | None  # the unit whose part (progress) the row answers; None: the task itself
    status: str  # the part's status now (todo, doing, ...)
    done_on: date | None

    @property
    def locked(self) -> list[str]:
        """The locked cells' texts, in column order (signed, and compared on import)."""
        return [self.id, self.action, self.measure, self.title, self.due.isoformat() if self.due else "长期",
                self.role, WORD_OF[self.status]]


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    name: str
    unit_of_measure: str
    target: float | None
    previous: float | None  # last month's value
    by_unit: str | None  # the county whose own value the row answers; None: the city value
    value: float | None  # this month's value now

    @property
    def locked(self) -> list[str]:
        return [self.id, self.name, self.unit_of_measure, _text(self.target), _text(self.previous)]


@dataclass(frozen=True)
class FormRows:
    unit: str
    month: Period
    tasks: list[TaskRow]
    indicators: list[IndicatorRow]
    visits: int = 0  # blank 查访记录 rows (a county's form)
    categories: tuple[str, ...] = ()  # the ledger's problem categories, for those rows

    @property
    def empty(self) -> bool:
        return not self.tasks and not self.indicators


def form_rows(campaign: Campaign, unit: str, month: Period, categories: tuple[str, ...] = ()) -> FormRows:
    """``categories``, when given, adds a 查访记录 sheet to a county's form."""
    own = [row for ref in campaign.tasks if (row := _own_row(campaign, ref, unit, month))]
    support = [row for ref in campaign.tasks if (row := _support_row(campaign, ref, unit, month))]
    indicators = [ind for ref in campaign.indicators if (ind := _indicator_row(campaign, ref, unit, month))]
    county = unit in campaign.units and campaign.units[unit].kind == "county"
    visits = VISIT_ROWS if county and categories else 0
    return FormRows(unit, month, own + support, indicators, visits, categories if visits else ())


def units_owing(campaign: Campaign, month: Period) -> list[str]:
    """Every unit with at least one row in its form this month, in the order of units.yaml."""
    return [unit for unit in campaign.units if not form_rows(campaign, unit, month).empty]


def _in_month(ref: TaskRef, status: str, done_on: date | None, month: Period) -> bool:
    """Open at the month's end, or finished during the month; never a task assigned after it."""
    adhoc = ref.adhoc
    if adhoc is not None and adhoc.assigned_on is not None and adhoc.assigned_on > month.last_day:
        return False
    done_before = status == "done" and done_on is not None and done_on < month.first_day
    return not done_before


def _own_row(campaign: Campaign, ref: TaskRef, unit: str, month: Period) -> TaskRow | None:
    responsible = campaign.responsible(ref.task)
    if unit not in responsible:
        return None
    shared = len(responsible) > 1
    part = part_of(ref.task, unit) if shared else ref.task  # a unit without its own entry: the task's
    if not _in_month(ref, part.status, part.done_on, month):
        return None
    role = ROLE_LEAD if responsible[0] == unit and ref.task.owners[0] == unit else ROLE_OWNER
    return _row(ref, role, unit if shared else None, part.status, part.done_on)


def _support_row(campaign: Campaign, ref: TaskRef, unit: str, month: Period) -> TaskRow | None:
    if unit not in campaign.supporting(ref.task) or not _in_month(ref, ref.task.status, ref.task.done_on, month):
        return None
    return _row(ref, ROLE_SUPPORT, None, ref.task.status, ref.task.done_on)


def _row(ref: TaskRef, role: str, part: str | None, status: str, done_on: date | None) -> TaskRow:
    action = ref.action.name if ref.action else "上级临时交办"
    measure = ref.measure.name if ref.measure else (ref.adhoc.source or "" if ref.adhoc else "")
    return TaskRow(ref.id, action, measure, ref.task.title, ref.task.due, role, part, status, done_on)


def _indicator_row(campaign: Campaign, ref: IndicatorRef, unit: str, month: Period) -> IndicatorRow | None:
    ind = ref.indicator
    owners = campaign.expand(ind.owners)
    if unit not in owners:
        return None
    county = campaign.units[unit].kind == "county" if unit in campaign.units else False
    previous = month.previous().code
    if len(owners) > 1 and county:
        own = ind.by_unit.get(unit)
        readings = own.readings if own else {}
        target = own.target if own else None
        return IndicatorRow(ind.id, ind.name, ind.unit or "", target, readings.get(previous), unit, readings.get(month.code))
    return IndicatorRow(ind.id, ind.name, ind.unit or "", ind.target, ind.readings.get(previous), None,
                        ind.readings.get(month.code))


def _text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
