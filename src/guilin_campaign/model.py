"""The two data files as Pydantic models: what a well-formed file is, field by field.

The models check each value on its own (types, formats, required keys, no unknown keys). Whether
the values agree with each other (references, duplicate ids, dates against the campaign) is the job
of :mod:`guilin_campaign.checks`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, model_validator

from guilin_campaign import numbers
from guilin_campaign.catalogue import msg
from guilin_campaign.modelslim import shared_dict
from guilin_campaign.problems import MessageError
from guilin_campaign.vocab import MONTH as MONTH  # re-exported: they were defined here
from guilin_campaign.vocab import STATUSES as STATUSES
from guilin_campaign.vocab import Status as Status


def as_written(value: Any, inner: bool = False) -> str:
    """A value as it would be written in the file, for a message: ``[2022-01-01, 3]``, never
    Python's ``[datetime.date(2022, 1, 1), 3]``. Text alone is quoted, inside a list it is not."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat() if inner else f"'{value.isoformat()}'"
    if value is None:
        return "null" if inner else "nothing"
    if isinstance(value, list):
        return "[" + ", ".join(as_written(v, True) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{as_written(k, True)}: {as_written(v, True)}" for k, v in value.items()) + "}"
    if isinstance(value, (int, float)):
        return repr(value)
    return repr(str(value))[1:-1] if inner else repr(str(value))  # repr: control characters written out


def _day(value: Any) -> Any:
    """A date written as ``YYYY-MM-DD``, plain or quoted; never a number or a time."""
    if isinstance(value, datetime):
        raise MessageError(msg("date.with_time"))
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise MessageError(msg("date.not_a_date", value=as_written(value))) from None
    raise MessageError(msg("date.not_a_date", value=as_written(value)))


def _number(value: Any) -> Any:
    """Never true/false (Pydantic reads ``target: true`` as 1); a number in quotes follows the
    same rules as one without (:mod:`guilin_campaign.numbers`)."""
    if isinstance(value, bool):
        raise MessageError(msg("number.bool", value="true" if value else "false"))
    if isinstance(value, str) and numbers.looks_like_one(value) and (message := numbers.problem(value.strip())):
        raise MessageError(message)
    return value


def _id_list(value: Any) -> Any:
    """``owners: scjgj`` means the same as ``owners: [scjgj]``."""
    return [value] if isinstance(value, str) else value


def _empty_by_default(model: type[BaseModel], name: str) -> bool:
    """Whether the field ``name`` is a list or mapping that is empty when left out. (Defaults are
    written ``Field(default_factory=list)``: Pydantic deep-copies a ``[]`` default for every model.)"""
    field = model.model_fields.get(name)
    return field is not None and (field.default_factory in (list, dict) or isinstance(field.default, (list, dict)))


Day = Annotated[date, BeforeValidator(_day)]
IdList = Annotated[list[str], BeforeValidator(_id_list)]
Number = Annotated[float, Field(allow_inf_nan=False), BeforeValidator(_number)]
Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_collections(cls, data: Any) -> Any:
        """``log:`` with nothing after it means no entries (the default), for every list or mapping."""
        if not isinstance(data, dict) or None not in data.values():
            return data
        empty = {k for k, v in data.items() if v is None and _empty_by_default(cls, k)}
        return {k: v for k, v in data.items() if k not in empty} if empty else data


class Unit(Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    name: Text
    short: str | None = None
    kind: Literal["department", "county"]

    @property
    def label(self) -> str:
        return self.short or self.name


class UnitsFile(Model):
    units: Annotated[list[Unit], Field(min_length=1)]
    groups: dict[str, IdList] = Field(default_factory=dict)


class CampaignInfo(Model):
    name: Text
    city: str | None = None
    lead: Text
    start: Day
    end: Day


class UnitReadings(Model):
    target: Number | None = None
    readings: dict[str, Number] = Field(default_factory=dict)


class Indicator(Model):
    id: Text
    name: Text
    key: StrictBool = False  # only true/false: `key: yes` is refused, not guessed
    target: Number
    unit: str | None = None
    better: Literal["higher", "lower"] = "higher"
    kind: Literal["total", "rate"] = "total"
    owners: Annotated[IdList, Field(min_length=1)]
    readings: dict[str, Number] = Field(default_factory=dict)
    by_unit: dict[str, UnitReadings] = Field(default_factory=dict)


class UnitProgress(Model):
    status: Status
    done_on: Day | None = None


class LogEntry(Model):
    """One dated entry. The update commands also write what a status entry replaced (``was`` ...),
    so that a past date can be replayed exactly (docs/definitions.md, "Status at D")."""

    date: Day
    status: Status | None = None
    note: str | None = None
    by: str | None = None
    unit: str | None = None  # the entry set this responsible unit's part (progress), not the task's
    was: Status | None = None  # the task's status just before the entry
    was_done_on: Day | None = None  # the task's done_on just before, when ``was`` is done
    unit_was: Status | None = None  # the unit's part just before (absent: it had no progress entry)
    unit_was_done_on: Day | None = None
    source: str | None = None  # where the entry came from: ``form 2022-08 rsj`` for a unit's imported 填报表
    # 退回: the office sent a claimed completion back (a status entry, ``note`` the reason);
    # it counts in scoring (docs/definitions.md, "Returns").
    returned: StrictBool = False


class Extension(Model):
    """延期: an approved new deadline; the task's ``due`` stays the original on record."""

    to: Day
    reason: Text
    on: Day  # the day it was asked and approved: after the deadline in force it still counts as late
    approved_by: str | None = None
    unit: str | None = None  # one responsible unit's part only; absent: every unit of the task


class Task(Model):
    id: Text
    title: Text
    owners: Annotated[IdList, Field(min_length=1)]
    support: IdList = Field(default_factory=list)
    due: Day | None = None
    status: Status = "todo"
    done_on: Day | None = None
    indicators: IdList = Field(default_factory=list)
    progress: dict[str, UnitProgress] = Field(default_factory=dict)
    extensions: list[Extension] = Field(default_factory=list)
    log: list[LogEntry] = Field(default_factory=list)


class AdhocTask(Task):
    batch: Annotated[int, Field(ge=1), BeforeValidator(_number)]
    source: str | None = None
    assigned_on: Day | None = None


class Measure(Model):
    id: Text
    name: Text
    indicators: list[Indicator] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class Action(Model):
    id: Text
    name: Text
    measures: list[Measure] = Field(default_factory=list)


class TasksFile(Model):
    campaign: CampaignInfo
    actions: list[Action] = Field(default_factory=list)
    adhoc: list[AdhocTask] = Field(default_factory=list)


# The models a load keeps by the hundred thousand, each with a dict that shares its keys with its
# class (see modelslim): made here, before any instance is.
SHARED_DICTS = {cls: shared_dict(cls, list(cls.model_fields)) for cls in (Task, AdhocTask, LogEntry, UnitProgress, Extension)}
