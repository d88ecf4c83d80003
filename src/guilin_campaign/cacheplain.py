"""A cache entry's layout, and its reading as plain records: what a read command needs, and no more.

An entry is two :mod:`marshal` values, each in a file of its own, each authenticated by
:mod:`guilin_campaign.cachefolder` before a byte of it is decoded: a head, and the tail (the tasks
file's records, as one model), which a hit reads and decodes only when it needs them. The head is
``(VERSION, plans, campaign, problems, read)``:

- ``plans``: for each model class by name, its field names and, for each field that is not plain
  data, its position, its shape (``date``, ``model``, ``list`` or ``dict`` of models) and the
  model's name. :mod:`guilin_campaign.cachecodec` writes them from the models' annotations after a
  full load; reading them back here needs neither pydantic nor :mod:`guilin_campaign.model`;
- ``campaign``: the folder and file names, the units file's models, the campaign's header (the
  ``campaign:`` of the tasks file) and the columns of :mod:`guilin_campaign.cachecolumns`; None when
  the data could not be read. A model is ``(fields set, values)``, a date its ordinal day;
- ``problems``: ``(file, line, path, message)``, a message as text or a catalogue message
  ``(key, ((name, value), ...))`` whose values are text or messages again;
- ``read``: the SHA-256 of each file's bytes, by file name.

:func:`decode` turns an entry into a :class:`~guilin_campaign.cachecolumns.ColumnCampaign`: the
columns, and :class:`Record` objects for the rest. A record holds the model's values as
attributes, under the model's name, so the queries that read attributes (``check``, and
``overdue``, ``summary``, ``tasks`` when they do not read the columns) work on them as on the
models; nothing is validated again (it was, before the entry was written). Commands that need the
models themselves ask the cache for them (:func:`guilin_campaign.cachecodec.decode`).
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, cast

from guilin_campaign.cachecolumns import ColumnCampaign, Columns
from guilin_campaign.catalogue import Msg
from guilin_campaign.loadresult import LoadResult
from guilin_campaign.problems import Problem

VERSION = 4  # of the layout above; the cache's key changes with the program anyway
Convert = Callable[[Any], Any]
Plans = dict[str, tuple[tuple[str, ...], tuple[tuple[int, str, str | None], ...]]]


_PENDING = "__pending__"  # in a record's dict: its lists and dicts of models not decoded yet
MASK = "__fields_set__"  # in a record's dict: the model's fields set (a bit mask), kept to write it again


class Record:
    """A model's values read from the cache, as attributes. Not validated again, never changed.

    A non-empty list or dict of models (a task's log, its units' progress) is decoded when it is
    first read: at 10,000 tasks the log entries alone are 35,000 of the 51,000 models, and
    ``overdue`` or ``summary`` never read them."""

    def __getattr__(self, name: str) -> Any:  # only for an attribute not in the record's dict
        pending = self.__dict__.get(_PENDING)
        if pending is None or name not in pending:
            raise AttributeError(f"{type(self).__name__!r} record has no attribute {name!r}")
        convert, raw = pending.pop(name)
        value = self.__dict__[name] = convert(raw)
        return value

    def fields(self) -> dict[str, Any]:
        """Every field by name, all decoded (for tests and debugging)."""
        for name in list(self.__dict__.get(_PENDING, ())):
            getattr(self, name)
        return {k: v for k, v in vars(self).items() if k not in (_PENDING, MASK)}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.fields().items())})"


class Unit(Record):
    @property
    def label(self) -> str:  # as the model's (guilin_campaign.model.Unit.label)
        return cast(str, self.short or self.name)


RECORDS: dict[str, type[Record]] = {"Unit": Unit}  # the models with behaviour of their own


def decode(head: bytes, read_tail: Callable[[dict[str, str]], bytes]) -> LoadResult:
    """The load an entry holds: its columns, and its models as plain records (line maps empty, as
    always); the tasks file's records are read (``read_tail``, given the files' hashes) and decoded
    when first asked for."""
    version, plans, campaign, problems, read = marshal.loads(head)
    if version != VERSION:
        raise ValueError(f"cache layout {version}, not {VERSION}")
    c = None
    if campaign is not None:
        folder, tasks_file, units_file, units, info, columns = campaign
        made: dict[str, Convert] = {}
        hashes = dict(read)
        c = ColumnCampaign(
            Path(folder), Path(tasks_file), Path(units_file), _decoder("UnitsFile", plans, made)(units),
            _decoder("CampaignInfo", plans, made)(info), Columns.of(columns),
            lambda: _decoder("TasksFile", plans, made)(load_tail(read_tail(hashes))),
        )
    return LoadResult(c, decode_problems(problems), dict(read))


def load_tail(data: bytes) -> Any:
    """The tail's records as encoded, from its authenticated bytes: each action was marshalled on its
    own (:func:`guilin_campaign.cachecodec.encode`; an action a plain record kept undecoded went back
    as it came). Each is replaced as it is read, so the bytes and the values are not both kept whole."""
    tail = marshal.loads(data)
    actions = tail[1].get("actions") or []
    for i, action in enumerate(actions):
        if isinstance(action, bytes):
            actions[i] = marshal.loads(action)
    return tail


def encode_message(message: Msg | str) -> Any:
    if isinstance(message, str):
        return message
    return (message.key, tuple((name, encode_message(value)) for name, value in message.args))


def decode_message(data: Any) -> Msg | str:
    if isinstance(data, str):
        return data
    key, args = data
    return Msg(key, tuple((name, decode_message(value)) for name, value in args))


def encode_problems(problems: list[Problem]) -> list[tuple[Any, ...]]:
    return [(p.file, p.line, p.path, encode_message(p.message)) for p in problems]


def decode_problems(data: list[Any]) -> list[Problem]:
    return [Problem(file, line, path, decode_message(message)) for file, line, path, message in data]


def _decoder(name: str, plans: Plans, made: dict[str, Convert]) -> Convert:
    """Records of the model ``name``: the values dict comes whole out of marshal and becomes the
    record's own ``__dict__`` (at 10,000 tasks a hit makes about 51,000 of them)."""
    if name in made:
        return made[name]
    names, special = plans[name]
    cls = RECORDS.get(name) or type(name, (Record,), {"__module__": __name__})  # named as its model
    new: Callable[[type[Record]], Record] = object.__new__
    converts: list[tuple[str, Convert]] = []  # dates and single models: now
    deferred: list[tuple[str, Convert]] = []  # lists and dicts of models: when first read

    def decode_record(data: tuple[int, dict[str, Any]]) -> Record:
        values = data[1]
        values[MASK] = data[0]
        for field, convert in converts:
            if (value := values[field]) is not None:
                values[field] = convert(value)
        pending = None
        for field, convert in deferred:
            if values[field]:  # empty ones stay as they are: an empty list or dict is decoded
                pending = pending or {}
                pending[field] = (convert, values.pop(field))
        if pending is not None:
            values[_PENDING] = pending
        record = new(cls)
        record.__dict__ = values
        return record

    made[name] = decode_record  # before its fields: a model may (one day) hold its own kind
    for i, shape, inner in special:
        (deferred if shape in ("list", "dict") else converts).append((names[i], _convert(shape, inner, plans, made)))
    return decode_record


def _convert(shape: str, inner: str | None, plans: Plans, made: dict[str, Convert]) -> Convert:
    if shape == "date":
        return date.fromordinal
    if inner is None:
        raise ValueError(f"a {shape} of no model in the cache's plan")
    one = _decoder(inner, plans, made)
    if shape == "model":
        return one
    if shape == "list":
        return lambda items: [one(item) for item in items]
    if shape == "dict":
        return lambda items: {key: one(item) for key, item in items.items()}
    raise ValueError(f"unknown shape {shape!r} in the cache's plan")
