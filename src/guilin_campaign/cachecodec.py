"""A loaded campaign as plain data (tuples, lists, dicts, str, int, float, None) and back to models.

The cache keeps a load as this plain data, in :mod:`marshal`'s format: nothing in it names a class
or a function, so reading it can build nothing but the models listed here. A date becomes its
ordinal day. Which field holds a date or another model is read from the models' own annotations
(:func:`_plan`), so a field added to :mod:`guilin_campaign.model` is carried without a change here,
or refused at once (``TypeError``) if it holds something this module cannot write. A model becomes
its fields set (a bit mask in field order) and its own dict of values.

A record of a plain cache hit (:class:`guilin_campaign.cacheplain.Record`) is written as the model of
its name, with the fields set it was read with: an update that starts from a hit and replaces one
task writes the entry again from those records and its own new model.

The entry's layout is :mod:`guilin_campaign.cacheplain`'s, which also reads it without the models
(from the plans written here); its columns are :mod:`guilin_campaign.cachecolumns`'. Decoding trusts
its input: the cache calls it only on bytes it has authenticated as its own.
"""

from __future__ import annotations

import marshal
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

from guilin_campaign import cachecolumns
from guilin_campaign.cacheplain import _PENDING, MASK, VERSION, Plans, Record, decode_problems, encode_problems
from guilin_campaign.campaign import Campaign
from guilin_campaign.loadresult import LoadResult
from guilin_campaign.model import SHARED_DICTS, CampaignInfo, Model, TasksFile, UnitsFile
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

Convert = Callable[[Any], Any]


def encode(result: LoadResult) -> tuple[bytes, bytes]:
    """The entry (see :mod:`guilin_campaign.cacheplain`): its head and its tail (empty without a campaign)."""
    c = result.campaign
    campaign, tail = None, b""
    if c is not None:
        units = _encoder(UnitsFile)(c.units_model)
        info = _encoder(CampaignInfo)(c.info)
        columns = cachecolumns.encode(c.model, c.units_model)
        campaign = (str(c.folder), str(c.tasks_file), str(c.units_file), units, info, columns)
        tail = marshal.dumps(_tail_encoder()(c.model))
    head = (VERSION, plans(), campaign, encode_problems(result.problems), sorted(result.read.items()))
    return marshal.dumps(head), tail


@cache
def plans() -> Plans:
    """Each model's plan by name (see :mod:`guilin_campaign.cacheplain`), from both files' roots."""
    out: Plans = {}
    seen: dict[str, type[Model]] = {}
    todo: list[type[Model]] = [TasksFile, UnitsFile]
    while todo:
        cls = todo.pop()
        if seen.setdefault(cls.__name__, cls) is not cls:  # plans are keyed by name
            raise TypeError(f"two models named {cls.__name__}: the cache cannot tell them apart")
        if cls.__name__ in out:
            continue
        names, special = _plan(cls)
        out[cls.__name__] = (names, tuple((i, shape, None if inner is None else inner.__name__) for i, shape, inner in special))
        todo += [inner for _, _, inner in special if inner is not None]
    return out


def decode(entry: tuple[bytes, bytes]) -> LoadResult:
    """The load ``encode`` was given (its line maps empty, as the cache has always kept them)."""
    version, _, campaign, problems, read = marshal.loads(entry[0])
    if version != VERSION:
        raise ValueError(f"cache layout {version}, not {VERSION}")
    c = None
    if campaign is not None:
        folder, tasks_file, units_file, units, _, _ = campaign
        tasks = marshal.loads(entry[1])
        c = Campaign(
            Path(folder), Path(tasks_file), Path(units_file),
            _tail_decoder()(tasks), _decoder(UnitsFile)(units), SourceMap(None), SourceMap(None),
        )
    return LoadResult(c, decode_problems(problems), dict(read))


@cache
def _plan(cls: type[Model]) -> tuple[tuple[str, ...], tuple[tuple[int, str, type[Model] | None], ...]]:
    """The model's field names, and for each field that is not plain data: its position, its
    shape (``date``, ``model``, ``list`` or ``dict`` of models) and the model class."""
    names = tuple(cls.model_fields)
    special = []
    for i, name in enumerate(names):
        shape = _shape(cls.model_fields[name].annotation)
        if shape is not None:
            special.append((i, *shape))
    return names, tuple(special)


def _shape(annotation: Any) -> tuple[str, type[Model] | None] | None:
    annotation = _bare(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _shape(inner[0])
    if annotation is date:
        return "date", None
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return "model", annotation
    if origin is list and _is_model(_bare(args[0])):
        return "list", _bare(args[0])
    if origin is dict and _is_model(_bare(args[1])):
        return "dict", _bare(args[1])
    _require_plain(annotation)
    return None


def _bare(annotation: Any) -> Any:
    """``Annotated[float, ...]`` is a float here: the constraints were checked when it was loaded."""
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Model)


_PLAIN = (str, int, float, bool, type(None))


def _require_plain(annotation: Any) -> None:
    """Plain data: str, numbers, bools, Literals of them, lists and dicts of those."""
    annotation = _bare(annotation)
    if annotation in _PLAIN or typing.get_origin(annotation) is typing.Literal:
        return None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (list, dict, typing.Union, types.UnionType) and args:
        for arg in args:
            _require_plain(arg)
        return None
    raise TypeError(f"the cache cannot keep a field of type {annotation!r}")


@cache
def _encoder(cls: type[Model]) -> Convert:
    return _make_encoder(cls)


@cache
def _tail_encoder() -> Convert:
    """The tasks file's encoder for the tail: each action is marshalled on its own as soon as it is
    encoded (:func:`guilin_campaign.cacheplain.load_tail` reads them back), so that the encoded copy
    of one action is alive at a time, not of the whole file (150 MiB at 100,000 tasks)."""
    return _make_encoder(TasksFile, chunked="actions")


def _make_encoder(cls: type[Model], chunked: str | None = None) -> Convert:
    names, special = _plan(cls)
    bits = {name: 1 << i for i, name in enumerate(names)}
    converts = [(names[i], _encode_shape(shape, inner)) for i, shape, inner in special]
    if chunked is not None:
        one = _encoder(next(inner for i, shape, inner in special if names[i] == chunked and shape == "list"))
        converts = [(name, (lambda items: [marshal.dumps(one(item)) for item in items]) if name == chunked else convert)
                    for name, convert in converts]

    def encode_model(model: Model | Record) -> tuple[int, dict[str, Any]]:
        if isinstance(model, Record) and type(model).__name__ == cls.__name__:
            return encode_record(model)
        if type(model) is not cls:  # a subclass would lose its own fields, and decode as ``cls``
            raise TypeError(f"a {type(model).__name__} where the cache keeps a {cls.__name__}")
        own = model.__dict__  # extra fields are forbidden: the same names, in the fields' order
        values = own.copy() if len(own) == len(names) else {name: getattr(model, name) for name in names}
        for name, convert in converts:
            if values[name] is not None:
                values[name] = convert(values[name])
        return sum(bits[name] for name in model.model_fields_set), values

    def encode_record(record: Record) -> tuple[int, dict[str, Any]]:
        """A record as it was read: what it has not decoded yet (a task's log) goes back as it came."""
        own = record.__dict__
        pending = own.get(_PENDING) or {}
        values = {name: pending[name][1] if name in pending else own[name] for name in names}
        for name, convert in converts:
            if name not in pending and values[name] is not None:
                values[name] = convert(values[name])
        return own[MASK], values

    return encode_model


def _encode_shape(shape: str, inner: type[Model] | None) -> Convert:
    if shape == "date":
        return date.toordinal
    assert inner is not None
    one = _encoder(inner)
    if shape == "model":
        return one
    if shape == "list":
        return lambda items: [one(item) for item in items]
    return lambda items: {key: one(item) for key, item in items.items()}


@cache
def _decoder(cls: type[Model]) -> Convert:
    """A model holding the decoded values as they are, not validated again: what pydantic's
    ``model_construct`` makes, without its per-field work. Decoding is most of a cache hit (51,000
    models at 10,000 tasks), so the model's own dict comes out of marshal (or, for the models kept
    by the hundred thousand, its values go into a dict sharing its keys: see modelslim)."""
    return _make_decoder(cls)


@cache
def _tail_decoder() -> Convert:
    """The tasks file from the tail (see :func:`_tail_encoder`): each action is read from its own
    bytes and made models at once, its bytes dropped, so the encoded copy of one action is alive at a time."""
    return _make_decoder(TasksFile, chunked="actions")


def _make_decoder(cls: type[Model], chunked: str | None = None) -> Convert:
    names, special = _plan(cls)
    converts = [(names[i], _decode_shape(shape, inner)) for i, shape, inner in special]
    if chunked is not None:
        one = _decoder(next(inner for i, shape, inner in special if names[i] == chunked and shape == "list"))
        converts = [(name, partial(_decode_in_place, one) if name == chunked else convert) for name, convert in converts]
    field_sets: dict[int, set[str]] = {}  # shared: frozen models never change theirs
    new, put = cls.__new__, object.__setattr__
    shared = SHARED_DICTS.get(cls)  # type: ignore[arg-type]  # see guilin_campaign.modelslim

    def decode_model(data: tuple[int, dict[str, Any]]) -> Model:
        mask, values = data
        fields_set = field_sets.get(mask)
        if fields_set is None:
            fields_set = field_sets[mask] = {n for i, n in enumerate(names) if mask >> i & 1}
        for name, convert in converts:
            if (value := values[name]) is not None:
                values[name] = convert(value)
        instance = new(cls)
        if shared is not None:  # one of the models kept by the hundred thousand: a dict sharing its keys
            values = shared.copy()
            values.update(data[1])
        put(instance, "__dict__", values)
        put(instance, "__pydantic_fields_set__", fields_set)
        put(instance, "__pydantic_extra__", None)
        put(instance, "__pydantic_private__", None)
        return instance

    return decode_model


def _decode_in_place(one: Convert, items: list[Any]) -> list[Any]:
    """Each item (its own marshalled bytes, or its encoded values) decoded, replacing it as it goes."""
    for i, item in enumerate(items):
        items[i] = one(marshal.loads(item) if isinstance(item, bytes) else item)
    return items


def _decode_shape(shape: str, inner: type[Model] | None) -> Convert:
    if shape == "date":
        return date.fromordinal
    assert inner is not None
    one = _decoder(inner)
    if shape == "model":
        return one
    if shape == "list":
        return lambda items: [one(item) for item in items]
    return lambda items: {key: one(item) for key, item in items.items()}
