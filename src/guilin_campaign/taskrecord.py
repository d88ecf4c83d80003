"""One task's record read and checked on its own, without pydantic: for an update's fast path.

:func:`task` turns a task's parsed data into a record of the model's values, as
:class:`guilin_campaign.model.Task` (or ``AdhocTask``) would validate it, but only when the data is
of the plain shape the program itself writes: every value of its exact type (text as ``str``, dates
as ``date``, ids as lists of text), no key the model does not know. Anything else is None: the fast
path then gives way to the full load and its pydantic models, so accepting less than pydantic does
never changes an answer (``tests/write/test_fastpath_property.py`` holds every record this accepts
to pydantic's result).

:func:`sound` runs the checks of :mod:`guilin_campaign.checks` that look at a task's status, its
units' parts and its log (``check_progress``, ``check_log``, ``check_returns``) on that one task:
True when none of them would find a problem. An update of a status or a note changes nothing else
that a check reads (ids, owners, support, indicators, extensions, due stay as they were, and the
fast path makes sure of it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

from guilin_campaign.vocab import STATUSES

Record = SimpleNamespace
_DEFAULT_EMPTY = ("support", "indicators", "progress", "extensions", "log")  # ``key:`` with nothing: the default
_TASK: dict[str, Any] = {"support": [], "due": None, "status": "todo", "done_on": None, "indicators": [],
                         "progress": {}, "extensions": [], "log": []}  # the optional fields' defaults
_ADHOC: dict[str, Any] = {**_TASK, "source": None, "assigned_on": None}
_REQUIRED = ("id", "title", "owners")
_LOG: dict[str, Any] = {"status": None, "note": None, "by": None, "unit": None, "was": None, "was_done_on": None,
                        "unit_was": None, "unit_was_done_on": None, "source": None, "returned": False}
_REPLACED = ("unit", "was", "was_done_on", "unit_was", "unit_was_done_on")


class _Doubt(Exception):
    """Not of the plain shape this module reads: let the full load decide."""


def task(data: Any, adhoc: bool) -> Record | None:
    """The task's values as the model has them, or None (see the module's docstring)."""
    try:
        return _task(data, adhoc)
    except _Doubt:
        return None


def _task(data: Any, adhoc: bool) -> Record:
    optional = _ADHOC if adhoc else _TASK
    data = _mapping(data, set(optional) | set(_REQUIRED) | ({"batch"} if adhoc else set()))
    data = {k: v for k, v in data.items() if not (v is None and k in _DEFAULT_EMPTY)}
    for key in (*_REQUIRED, "batch") if adhoc else _REQUIRED:
        if key not in data:
            raise _Doubt(key)
    values: dict[str, Any] = {"id": _text(data["id"]), "title": _text(data["title"]), "owners": _ids(data["owners"], 1)}
    readers: dict[str, Callable[[Any], Any]] = {
        "support": _ids, "due": _day_or_none, "status": _status, "done_on": _day_or_none, "indicators": _ids,
        "progress": _progress, "extensions": _extensions, "log": _log,
        "source": _str_or_none, "assigned_on": _day_or_none,
    }
    for key, default in optional.items():
        values[key] = readers[key](data[key]) if key in data else _copy(default)
    if adhoc:
        batch = data["batch"]
        if type(batch) is not int or batch < 1:
            raise _Doubt("batch")
        values["batch"] = batch
    return Record(**values)


def _copy(default: Any) -> Any:
    return type(default)() if isinstance(default, (list, dict)) else default


def _mapping(data: Any, known: set[str]) -> dict[str, Any]:
    if type(data) is not dict or not all(type(k) is str and k in known for k in data):
        raise _Doubt("mapping")
    return data


def _text(value: Any) -> str:
    if type(value) is not str or not value:
        raise _Doubt("text")
    return value


def _str_or_none(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _Doubt("str")
    return value


def _ids(value: Any, least: int = 0) -> list[str]:
    items = [value] if type(value) is str else value
    if type(items) is not list or len(items) < least or not all(type(i) is str for i in items):
        raise _Doubt("ids")
    return list(items)


def _day_or_none(value: Any) -> date | None:
    if value is not None and type(value) is not date:
        raise _Doubt("date")
    return value


def _day(value: Any) -> date:
    if type(value) is not date:
        raise _Doubt("date")
    return value


def _status(value: Any) -> str:
    if type(value) is not str or value not in STATUSES:
        raise _Doubt("status")
    return value


def _status_or_none(value: Any) -> str | None:
    return None if value is None else _status(value)


def _progress(value: Any) -> dict[str, Record]:
    if type(value) is not dict or not all(type(k) is str for k in value):
        raise _Doubt("progress")
    out = {}
    for unit, part in value.items():
        part = _mapping(part, {"status", "done_on"})
        if "status" not in part:
            raise _Doubt("status")
        out[unit] = Record(status=_status(part["status"]), done_on=_day_or_none(part.get("done_on")))
    return out


def _extensions(value: Any) -> list[Record]:
    if type(value) is not list:
        raise _Doubt("extensions")
    out = []
    for item in value:
        item = _mapping(item, {"to", "reason", "on", "approved_by", "unit"})
        if not {"to", "reason", "on"} <= set(item):
            raise _Doubt("extension")
        out.append(Record(to=_day(item["to"]), reason=_text(item["reason"]), on=_day(item["on"]),
                          approved_by=_str_or_none(item.get("approved_by")), unit=_str_or_none(item.get("unit"))))
    return out


def _log(value: Any) -> list[Record]:
    if type(value) is not list:
        raise _Doubt("log")
    return [_entry(item) for item in value]


def _entry(item: Any) -> Record:
    item = _mapping(item, {"date", *_LOG})
    if "date" not in item:
        raise _Doubt("date")
    values: dict[str, Any] = {"date": _day(item["date"])}
    for key, default in _LOG.items():
        value = item.get(key, default)
        if key in ("status", "was", "unit_was"):
            value = _status_or_none(value)
        elif key in ("was_done_on", "unit_was_done_on"):
            value = _day_or_none(value)
        elif key == "returned":
            if type(value) is not bool:
                raise _Doubt("returned")
        else:
            value = _str_or_none(value)
        values[key] = value
    return Record(**values)


# --- the checks of one task -------------------------------------------------------------------


def sound(t: Record, start: date, groups: dict[str, list[str]]) -> bool:
    """No problem from ``check_progress``, ``check_log`` or ``check_returns`` on this task."""
    owners = responsible(t.owners, groups)
    if not _state(t, start):
        return False
    if any(unit not in owners or not _state(part, start) for unit, part in t.progress.items()):
        return False
    if not _shared(t, owners):
        return False
    return all(_replaced(entry, owners) and _returned(entry) for entry in t.log)


def responsible(owners: list[str], groups: dict[str, list[str]]) -> list[str]:
    """As :meth:`guilin_campaign.campaign.Campaign.expand`: groups replaced by their members, each once."""
    out: dict[str, None] = {}
    for ref in owners:
        for unit in groups.get(ref, [ref]):
            out[unit] = None
    return list(out)


def _state(item: Record, start: date) -> bool:
    if (item.status == "done") != (item.done_on is not None):
        return False
    return item.done_on is None or item.done_on >= start


def _shared(t: Record, owners: list[str]) -> bool:
    if not t.progress:
        return True
    open_units = [u for u in owners if (part := t.progress.get(u)) is None or part.status != "done"]
    if not open_units and t.status != "done":
        latest = max((t.progress[u].done_on for u in owners if t.progress[u].done_on is not None), default=None)
        return latest is None
    return not (t.status == "done" and open_units)


def _replaced(entry: Record, owners: list[str]) -> bool:
    if entry.status is None:
        return all(getattr(entry, k) is None for k in _REPLACED)
    if not _pair(entry.was, entry.was_done_on):
        return False
    if entry.unit is None:
        return entry.unit_was is None and entry.unit_was_done_on is None
    return entry.unit in owners and _pair(entry.unit_was, entry.unit_was_done_on)


def _pair(status: str | None, done_on: date | None) -> bool:
    return (status == "done") == (done_on is not None)


def _returned(entry: Record) -> bool:
    return not entry.returned or (entry.status not in (None, "done") and bool(entry.note))
