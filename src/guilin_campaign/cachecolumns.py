"""Query-ready columns of a campaign, kept in the cache entry beside its records (issue 19).

``overdue``, ``summary`` and ``tasks`` read a few attributes of every task. A cache hit for them
decodes only these columns, one list per attribute with a value per task in the campaign's order
(``Campaign.tasks``: planned tasks by action and measure, then the ad-hoc ones), and not the
records of the tasks file (at 100,000 tasks those are 2.5 million values the views never read).
The columns are computed on a miss from the checked models (or from the records of an earlier hit,
for an update that rewrites the entry), so they say exactly what the models say: the queries'
tests hold the two ways to the same rows.

Dates are ordinal days. Equal values (unit ids, statuses, the units a task expands to) are one
object each, which :mod:`marshal` then writes once: the columns of 100,000 tasks hold 100,000
titles and ids and little else.

A hit that needs more than the columns (``check``, an update) reads the records too, when it first
asks for them: :class:`ColumnCampaign`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

Progress = dict[str, tuple[str, int | None]]  # a task's parts by unit: (status, done_on)
Extension = tuple[int, int, str | None]  # (on, to, unit)
Adhoc = tuple[int, str | None, int | None]  # (batch, source, assigned_on)

FIELDS = (
    "ids", "titles", "actions", "measures", "dues", "statuses", "dones", "owners", "supports",
    "responsible", "supporting", "progress", "extensions", "adhoc", "action_ids", "counts",
)


class Columns:
    """The columns, by name (see the module's text). ``progress``, ``extensions`` and ``adhoc`` hold
    only the tasks that have them, by index; ``counts`` is (measures, indicators, key indicators)."""

    __slots__ = FIELDS
    ids: list[str]
    titles: list[str]
    actions: list[str | None]
    measures: list[str | None]
    dues: list[int | None]
    statuses: list[str]
    dones: list[int | None]
    owners: list[list[str]]  # as written: unit ids and group names
    supports: list[list[str]]
    responsible: list[tuple[str, ...]]  # groups expanded (Campaign.responsible)
    supporting: list[tuple[str, ...]]  # groups expanded, owners left out (Campaign.supporting)
    progress: dict[int, Progress]
    extensions: dict[int, list[Extension]]
    adhoc: dict[int, Adhoc]
    action_ids: list[str]
    counts: tuple[int, int, int]

    @classmethod
    def of(cls, data: tuple[Any, ...]) -> Columns:
        if len(data) != len(FIELDS):
            raise ValueError(f"{len(data)} columns in the cache, not {len(FIELDS)}")
        columns = object.__new__(cls)
        for name, value in zip(FIELDS, data, strict=True):
            setattr(columns, name, value)
        return columns

    def data(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in FIELDS)

    def replace(self, task: Any, groups: dict[str, list[str]]) -> bool:
        """Put in the columns what ``task`` (a model or a record, with the id of a task already
        there, its action, measure and batch unchanged) says; False if no task has its id."""
        try:
            i = self.ids.index(task.id)
        except ValueError:
            return False
        row = _Row(groups, {}, {})
        for name, value in zip(FIELDS, row.values(task, self.actions[i], self.measures[i]), strict=False):
            getattr(self, name)[i] = value
        for name, value in ((("progress", row.progress(task)), ("extensions", row.extensions(task)))):
            if value is None:
                getattr(self, name).pop(i, None)
            else:
                getattr(self, name)[i] = value
        return True


def encode(model: Any, units_model: Any) -> tuple[Any, ...]:
    """The columns of a tasks file and a units file (models, or records of the cache)."""
    row = _Row({name: list(members) for name, members in units_model.groups.items()}, {}, {})
    out: dict[str, Any] = {name: [] for name in FIELDS[:11]}
    progress: dict[int, Progress] = {}
    extensions: dict[int, list[Extension]] = {}
    adhoc: dict[int, Adhoc] = {}

    def add(task: Any, action: str | None, measure: str | None) -> None:
        i = len(out["ids"])
        for name, value in zip(FIELDS, row.values(task, row.one(action), row.one(measure)), strict=False):
            out[name].append(value)
        if (parts := row.progress(task)) is not None:
            progress[i] = parts
        if (moved := row.extensions(task)) is not None:
            extensions[i] = moved

    measures = indicators = key = 0
    for action in model.actions:
        for measure in action.measures:
            measures += 1
            indicators += len(measure.indicators)
            key += sum(bool(ind.key) for ind in measure.indicators)
            for task in measure.tasks:
                add(task, action.id, measure.id)
    for task in model.adhoc:
        adhoc[len(out["ids"])] = (task.batch, task.source, _day(task.assigned_on))
        add(task, None, None)
    return (*out.values(), progress, extensions, adhoc, [a.id for a in model.actions], (measures, indicators, key))


class _Row:
    """One task's values in the columns; equal values shared (``share``, ``lists``) across tasks."""

    def __init__(self, groups: dict[str, list[str]], share: dict[Any, Any], lists: dict[tuple[str, ...], list[str]]) -> None:
        self.groups, self.share, self.lists = groups, share, lists

    def one(self, value: Any) -> Any:
        return self.share.setdefault(value, value)

    def values(self, task: Any, action: str | None, measure: str | None) -> tuple[Any, ...]:
        """The first eleven columns' values, in FIELDS' order."""
        responsible = self.one(tuple(_expand(self.groups, task.owners)))
        owners = set(responsible)
        return (task.id, task.title, action, measure, _day(task.due), self.one(task.status), _day(task.done_on),
                _shared_list(self.lists, task.owners), _shared_list(self.lists, task.support), responsible,
                self.one(tuple(u for u in _expand(self.groups, task.support) if u not in owners)))

    def progress(self, task: Any) -> Progress | None:
        one = self.one
        return {one(u): (one(p.status), _day(p.done_on)) for u, p in task.progress.items()} if task.progress else None

    def extensions(self, task: Any) -> list[Extension] | None:
        return [(_ordinal(e.on), _ordinal(e.to), self.one(e.unit)) for e in task.extensions] if task.extensions else None


def _expand(groups: dict[str, list[str]], ids: Iterable[str]) -> list[str]:
    """As :meth:`Campaign.expand`."""
    out: dict[str, None] = {}
    for ref in ids:
        for unit in groups.get(ref, [ref]):
            out[unit] = None
    return list(out)


def _shared_list(lists: dict[tuple[str, ...], list[str]], values: list[str]) -> list[str]:
    return lists.setdefault(tuple(values), list(values))


def _day(value: Any) -> int | None:
    return None if value is None else _ordinal(value)


def _ordinal(value: Any) -> int:
    return int(value.toordinal())


class Days(dict[int, date]):
    """Ordinal days as dates, each made once (rows of the same day share one)."""

    def __missing__(self, day: int) -> date:
        value = self[day] = date.fromordinal(day)
        return value

    def of(self, day: int | None) -> date | None:
        return None if day is None else self[day]


class ColumnCampaign(Campaign):
    """A campaign from a cache hit that holds the columns, the units and the campaign's header at
    once, and reads the tasks file's records only when something asks for them (``model``,
    ``tasks``, ``indicators``, a task by id): then it is the campaign of those records."""

    columns: Columns

    def __init__(self, folder: Path, tasks_file: Path, units_file: Path, units_model: Any, info: Any,
                 columns: Columns, tasks_model: Callable[[], Any]) -> None:  # no super().__init__: nothing to build yet
        self.folder, self.tasks_file, self.units_file = folder, tasks_file, units_file
        self.units_model = units_model
        self.tasks_source = self.units_source = SourceMap(None)
        self.units = {u.id: u for u in units_model.units}
        self.groups = dict(units_model.groups)
        self.columns = columns
        self._info = info
        self._tasks_model = tasks_model

    @property
    def info(self) -> Any:
        return self._info

    def put_tasks(self, tasks: dict[str, Any]) -> bool:
        """Put ``tasks`` (by id; records or models) in place of the tasks of those ids: in the
        columns now, in the records when they are read. False (nothing changed) if an id is unknown."""
        groups = {name: list(members) for name, members in self.groups.items()}
        if any(task_id not in self.columns.ids for task_id in tasks):
            return False
        for task in tasks.values():
            self.columns.replace(task, groups)
        if "_tasks_model" in self.__dict__:
            load = self._tasks_model
            self._tasks_model = lambda: _put_tasks(load(), tasks)
        else:
            _put_tasks(self.model, tasks)
            self.tasks, self.indicators = [], []
            Campaign.__post_init__(self)
        return True

    def __getattr__(self, name: str) -> Any:  # only for what is not in the instance's dict yet
        load = self.__dict__.get("_tasks_model")
        if load is None or name not in _LAZY:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.model = load()  # may raise (the tail gone and the files changed): asked again, it tries again
        del self.__dict__["_tasks_model"]
        self.tasks, self.indicators = [], []
        Campaign.__post_init__(self)
        return getattr(self, name)


def _put_tasks(model: Any, tasks: dict[str, Any]) -> Any:
    """``model`` (the tasks file's records) with ``tasks`` put in place of the tasks of their ids."""
    for items in [m.tasks for a in model.actions for m in a.measures] + [model.adhoc]:
        for i, task in enumerate(items):
            if task.id in tasks:
                items[i] = tasks[task.id]
    return model


_LAZY = frozenset({"model", "tasks", "indicators", "_tasks_by_id", "_indicators_by_id"})


def columns_of(c: Campaign) -> Columns | None:
    """The columns of a campaign read from the cache, else None (the queries then read the models)."""
    return c.columns if isinstance(c, ColumnCampaign) else None
