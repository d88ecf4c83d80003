"""Status updates, notes and readings as edits of the tasks file's text.

Each function takes the loaded campaign and the file's current text and returns an :class:`Update`
with the new text; nothing is written here (see :mod:`guilin_campaign.write.apply`). With a ``session``
(:class:`guilin_campaign.yamlsyntax.records.Session`, made by the caller) each edit works on the edited
record's own lines. Only the keys that
must change are touched, through :mod:`guilin_campaign.yamlsyntax.editor`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import msg
from guilin_campaign.lookup import require_id, require_indicator, require_task
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.vocab import MONTH, Status
from guilin_campaign.yamlsyntax import editor
from guilin_campaign.yamlsyntax.records import Session
from guilin_campaign.yamlsyntax.sourcemap import Path

if TYPE_CHECKING:  # an update imports no pydantic: the fast path (write/fastpath.py) edits plain records
    from guilin_campaign.model import Task, UnitProgress


@dataclass(frozen=True)
class _Part:
    """A unit's part as it will be: what :func:`~guilin_campaign.dates.done_at` reads."""

    status: Status
    done_on: date | None


@dataclass(frozen=True)
class Update:
    new_text: str
    message: str  # one line, for the commit and the clerk: "T042 done (2022-07-15)"


def set_status(
    c: Campaign, text: str, task_id: str, status: Status, on: date,
    note: str | None = None, by: str | None = None, unit: str | None = None, session: Session | None = None,
    returned: bool = False, source: str | None = None,
) -> Update:
    """Set a task's status (or one unit's part of it) and append the change to its log; ``returned``
    marks the entry as a return (退回) of a claimed completion."""
    ref = require_task(c, task_id)
    if unit is not None:
        text = _set_unit_status(c, text, ref, unit, status, on, session)
    else:
        _refuse_done_over_open_parts(c, ref, status)
        _refuse_done_twice(ref.id, ref.task, status)
        text = _set_state(text, ref.path, status, on, session)
    entry = {"date": on, "status": status, "unit": unit, "returned": True if returned else None, "note": note,
             "by": by or (None if returned else unit), "source": source}
    text = _append_log(text, ref, entry | replaced(ref.task, unit), session)
    who = f" [{unit}]" if unit else ""
    return Update(text, f"{task_id}{who} {status} ({on})")


def add_note(
    c: Campaign, text: str, task_id: str, note: str, on: date, by: str | None = None, session: Session | None = None,
    source: str | None = None,
) -> Update:
    """Append a progress note to a task's log without changing its status."""
    ref = require_task(c, task_id)
    entry = {"date": on, "note": note, "by": by, "source": source}
    return Update(_append_log(text, ref, entry, session), f"{task_id} note ({on})")


def record_reading(
    c: Campaign, text: str, indicator_id: str, value: float, month: str, unit: str | None = None,
    session: Session | None = None,
) -> Update:
    """Record an indicator's value at a month's end: the city's, or one unit's under ``by_unit``."""
    ref = require_indicator(c, indicator_id)
    if not math.isfinite(value):
        raise CampaignError(msg("update.not_a_reading", value=repr(value)), kind=ErrorKind.USAGE)
    if not MONTH.fullmatch(month):
        raise CampaignError(msg("update.not_a_month", month=repr(month)), kind=ErrorKind.USAGE, option="month")
    number: int | float = int(value) if float(value).is_integer() else value
    if unit is None:
        text = _ensure(text, ref.path + ("readings", month), number, session)
    else:
        if unit not in c.units:
            require_id(c, unit, "unit_id", list(c.units))
        _refuse_other_unit(c, ref.indicator.owners, indicator_id, unit)
        text = _ensure(text, ref.path + ("by_unit", unit, "readings", month), number, session)
    who = f" [{unit}]" if unit else ""
    return Update(text, f"{indicator_id}{who} {month} = {number}")


def replaced(task: Task, unit: str | None = None) -> dict[str, Any]:
    """What a status entry replaces, kept in the entry so a past date replays exactly (see
    ``report.replay``): the task's status and done_on, and with ``unit`` that unit's part (none
    written when it had no ``progress`` entry of its own)."""
    out: dict[str, Any] = {"was": task.status, "was_done_on": task.done_on}
    if unit is not None and (part := task.progress.get(unit)) is not None:
        out |= {"unit_was": part.status, "unit_was_done_on": part.done_on}
    return out


def _refuse_other_unit(c: Campaign, owners: list[str], indicator_id: str, unit: str) -> None:
    """A unit reports only the indicators it owns (``owners``, groups counted by their members):
    a reading under another unit would count towards nobody's target. A bad argument: exit 2."""
    units = c.expand(owners)
    if unit not in units:
        listed = ", ".join(units[:12]) + (f" ... ({len(units)})" if len(units) > 12 else "")
        raise CampaignError(msg("update.not_owner", unit=repr(unit), indicator=indicator_id, listed=listed), kind=ErrorKind.USAGE, option="unit")


def _refuse_done_twice(label: str, item: Task | UnitProgress, status: Status) -> None:
    """Marking a done task done again would move its done_on (and can make it late): say so."""
    if status == "done" and item.status == "done":
        raise CampaignError(msg("update.already_done", label=label, done_on=item.done_on), kind=ErrorKind.USAGE)


def _refuse_done_over_open_parts(c: Campaign, ref: TaskRef, status: Status) -> None:
    """A shared task tracked unit by unit is done when every unit's part is, not before."""
    if status != "done" or not ref.task.progress:
        return
    if open_units := c.open_parts(ref.task):
        names = ", ".join(open_units[:5]) + (" ..." if len(open_units) > 5 else "")
        raise CampaignError(msg("update.parts_open", task=ref.id, names=names), kind=ErrorKind.USAGE)


def _set_state(text: str, path: Path, status: Status, on: date, session: Session | None) -> str:
    """``status`` and, exactly when done, ``done_on``."""
    text = editor.set_value(text, path + ("status",), status, session=session)
    if status == "done":
        return editor.set_value(text, path + ("done_on",), on, after="status", session=session)
    return editor.delete_key(text, path + ("done_on",), session=session)


def _set_unit_status(
    c: Campaign, text: str, ref: TaskRef, unit: str, status: Status, on: date, session: Session | None
) -> str:
    """One unit's part; the task follows: done when every responsible unit is done (on the latest
    of their dates), doing while some are, and no longer done when a unit reopens its part."""
    owners = c.responsible(ref.task)
    if unit not in owners:
        raise CampaignError(msg("check.not_responsible_responsible", unit=repr(unit), task=ref.id, owners=", ".join(owners)), kind=ErrorKind.USAGE)
    entry_path = ref.path + ("progress", unit)
    if unit in ref.task.progress:
        _refuse_done_twice(f"{ref.id} [{unit}]", ref.task.progress[unit], status)
        text = _set_state(text, entry_path, status, on, session)
    else:
        text = _ensure(text, entry_path, {"status": status, **({"done_on": on} if status == "done" else {})}, session)
    parts: dict[str, UnitProgress | _Part | None] = {u: ref.task.progress.get(u) for u in owners}
    parts[unit] = _Part(status, on if status == "done" else None)
    if all(p is not None and p.status == "done" and p.done_on is not None for p in parts.values()):
        latest = max(p.done_on for p in parts.values() if p is not None and p.done_on is not None)
        return _set_state(text, ref.path, "done", latest, session)
    if ref.task.status == "done" or (ref.task.status == "todo" and status != "todo"):
        return _set_state(text, ref.path, "doing", on, session)
    return text


def _append_log(text: str, ref: TaskRef, entry: dict[str, Any], session: Session | None) -> str:
    item = {k: v for k, v in entry.items() if v is not None}
    return editor.append_item(text, ref.path + ("log",), item, session=session)


def _ensure(text: str, path: Path, value: Any, session: Session | None) -> str:
    """Set ``path`` to ``value``, creating the missing mappings on the way as small flow mappings."""
    for depth in range(len(path) - 1, 0, -1):
        try:
            editor.lookup(text, path[:depth], session=session)
        except KeyError:
            continue
        nested: Any = value
        for key in reversed(path[depth + 1 :]):
            nested = {key: nested}
        return editor.set_value(text, path[: depth + 1], nested, session=session)
    raise KeyError(path)
