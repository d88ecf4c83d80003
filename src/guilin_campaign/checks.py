"""Checks that the two files agree with each other. Each is ``check_x(campaign) -> list[Problem]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.lookup import name_hint, not_responsible
from guilin_campaign.model import MONTH, LogEntry, Task, UnitProgress
from guilin_campaign.problems import Problem
from guilin_campaign.validation import suggestion
from guilin_campaign.workflowchecks import check_extensions, check_returns
from guilin_campaign.yamlsyntax.sourcemap import Path, friendly_path


def _at(c: Campaign, path: Path, message: Msg) -> Problem:
    src = c.tasks_source
    return Problem(str(c.tasks_file), src.line(path), friendly_path(src.data, path), message)


def _at_units(c: Campaign, path: Path, message: Msg) -> Problem:
    src = c.units_source
    return Problem(str(c.units_file), src.line(path), friendly_path(src.data, path), message)


def _unknown_unit(c: Campaign, ref: str, write: Callable[[str], str] | None = None) -> Msg:
    """Why ``ref`` is no unit here; a unit's Chinese name is answered with its id, written as
    ``write(id)`` says (``owners: [scjgj, rsj]``), and a name several units have with them all."""
    if ref in c.groups:
        return msg("check.group_not_unit", ref=repr(ref), examples=", ".join(c.groups[ref][:3]))
    if named := name_hint(c, ref, write):
        return named
    return msg("check.unknown_unit_or_group", ref=repr(ref), hint=suggestion(ref, list(c.units) + list(c.groups)))


def _in_list(key: str, items: list[str], i: int) -> Callable[[str], str]:
    """``owners: [scjgj, rsj]``: the list as it should read with item ``i`` replaced by the id."""
    return lambda ident: f"{key}: [{', '.join(ident if j == i else item for j, item in enumerate(items))}]"


def _as_value(key: str) -> Callable[[str], str]:
    return lambda ident: f"{key}: {ident}"


def _as_key(ident: str) -> str:
    return f"{ident}: ..."


def check_units(c: Campaign) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, int] = {}
    for i, unit in enumerate(c.units_model.units):
        if unit.id in seen:
            first = c.units_source.line(("units", seen[unit.id]))
            out.append(_at_units(c, ("units", i, "id"), msg("check.duplicate_unit", id=repr(unit.id), line=first)))
        seen.setdefault(unit.id, i)
    for name, members in c.groups.items():
        if name in c.units:
            out.append(_at_units(c, ("groups", name), msg("check.group_is_unit", name=repr(name))))
        for j, member in enumerate(members):
            if member not in c.units:
                said = name_hint(c, member, _in_list(name, members, j)) or msg("check.unknown_unit", ref=repr(member), hint=suggestion(member, c.units))
                out.append(_at_units(c, ("groups", name, j), said))
    return out


def check_campaign(c: Campaign) -> list[Problem]:
    out = []
    if c.info.lead not in c.units and c.info.lead not in c.groups:
        out.append(_at(c, ("campaign", "lead"), _unknown_unit(c, c.info.lead, _as_value("lead"))))
    if c.info.start > c.info.end:
        out.append(_at(c, ("campaign", "end"), msg("check.ends_before_start", end=c.info.end, start=c.info.start)))
    return out


def check_unique_ids(c: Campaign) -> list[Problem]:
    places: list[tuple[str, Path]] = []
    for a, action in enumerate(c.actions):
        places.append((action.id, ("actions", a)))
        places += [(m.id, ("actions", a, "measures", j)) for j, m in enumerate(action.measures)]
    places += [(ref.id, ref.path) for ref in c.indicators] + [(ref.id, ref.path) for ref in c.tasks]
    first: dict[str, Path] = {}
    out = []
    for ident, path in places:
        if ident in first:
            line = c.tasks_source.line(first[ident] + ("id",))
            out.append(_at(c, path + ("id",), msg("check.duplicate_id", id=repr(ident), line=line)))
        first.setdefault(ident, path)
    return out


def check_references(c: Campaign) -> list[Problem]:
    known = set(c.units) | set(c.groups)
    indicator_ids = {ref.id for ref in c.indicators}
    out = []
    for ref in c.tasks:
        for key in ("owners", "support"):
            items: list[str] = getattr(ref.task, key)
            out += [_at(c, ref.path + (key, i), _unknown_unit(c, u, _in_list(key, items, i))) for i, u in enumerate(items) if u not in known]
        for i, ind in enumerate(ref.task.indicators):
            if ind not in indicator_ids:
                out.append(_at(c, ref.path + ("indicators", i), msg("check.unknown_indicator", id=repr(ind), hint=suggestion(ind, indicator_ids))))
    for iref in c.indicators:
        owners, by_unit = iref.indicator.owners, iref.indicator.by_unit
        out += [_at(c, iref.path + ("owners", i), _unknown_unit(c, u, _in_list("owners", owners, i))) for i, u in enumerate(owners) if u not in known]
        out += [_at(c, iref.path + ("by_unit", u), _unknown_unit(c, u, _as_key)) for u in by_unit if u not in c.units]
    if c.info.lead in c.groups:
        out.append(_at(c, ("campaign", "lead"), _unknown_unit(c, c.info.lead)))
    return out


def check_progress(c: Campaign) -> list[Problem]:
    out = []
    for ref in c.tasks:
        out += _check_state(c, ref.path, ref.task)
        owners = c.responsible(ref.task)
        for unit, entry in ref.task.progress.items():
            path = ref.path + ("progress", unit)
            if unit not in owners:
                out.append(_at(c, path, not_responsible(c, unit, ref, owners, _as_key, "owners")))
            out += _check_state(c, path, entry)
        out += _check_shared(c, ref)
    return out


def _check_shared(c: Campaign, ref: TaskRef) -> list[Problem]:
    """A shared task and its units' parts must agree: done exactly when every part is done."""
    task, owners = ref.task, c.responsible(ref.task)
    if not task.progress or any(u not in owners for u in task.progress):
        return []
    open_units = c.open_parts(task)
    if not open_units and task.status != "done":
        latest = max((p.done_on for u in owners if (p := task.progress[u]).done_on is not None), default=None)
        if latest is None:  # the parts themselves lack done_on: _check_state already says so
            return []
        return [_at(c, ref.path + ("status",), msg("check.all_parts_done", latest=latest, status=task.status))]
    if task.status == "done" and open_units:
        names = ", ".join(open_units[:5]) + (", ..." if len(open_units) > 5 else "")
        return [_at(c, ref.path + ("status",), msg("check.done_parts_open", names=names))]
    return []


def _check_state(c: Campaign, path: Path, item: Task | UnitProgress) -> list[Problem]:
    if item.status == "done" and item.done_on is None:
        return [_at(c, path + ("status",), msg("check.done_without_date"))]
    if item.status != "done" and item.done_on is not None:
        return [_at(c, path + ("done_on",), msg("check.date_without_done", status=item.status))]
    if item.done_on is not None and item.done_on < c.info.start:
        return [_at(c, path + ("done_on",), msg("check.done_before_start", done_on=item.done_on, start=c.info.start))]
    return []


def check_log(c: Campaign) -> list[Problem]:
    """What a status entry replaced (``was`` ...) must be whole, or replaying a past date goes wrong."""
    out = []
    for ref in c.tasks:
        for i, entry in enumerate(ref.task.log):
            out += _check_replaced(c, ref, ref.path + ("log", i), entry)
    return out


def _check_replaced(c: Campaign, ref: TaskRef, path: Path, entry: LogEntry) -> list[Problem]:
    given = [k for k in _REPLACED if getattr(entry, k) is not None]
    if entry.status is None:
        return [_at(c, path + (k,), msg("check.replaced_without_status", key=k)) for k in given]
    out = _check_pair(c, path, "was", entry.was, entry.was_done_on)
    if entry.unit is None:
        return out + [_at(c, path + (k,), msg("check.unit_was_without_unit", key=k))
                      for k in ("unit_was", "unit_was_done_on") if getattr(entry, k) is not None]
    if entry.unit not in (owners := c.responsible(ref.task)):
        out.append(_at(c, path + ("unit",), not_responsible(c, entry.unit, ref, owners, _as_value("unit"))))
    return out + _check_pair(c, path, "unit_was", entry.unit_was, entry.unit_was_done_on)


def _check_pair(c: Campaign, path: Path, key: str, status: str | None, done_on: object) -> list[Problem]:
    """``was: done`` comes with ``was_done_on`` (the date it removed), and only ``was: done`` does."""
    if status == "done" and done_on is None:
        return [_at(c, path + (key,), msg("check.was_done_without_date", key=key))]
    if status != "done" and done_on is not None:
        said: Msg | str = status if status else msg("check.missing")
        return [_at(c, path + (f"{key}_done_on",), msg("check.was_date_without_done", key=key, status=said))]
    return []


_REPLACED = ("unit", "was", "was_done_on", "unit_was", "unit_was_done_on")


def check_readings(c: Campaign) -> list[Problem]:
    out = []
    for iref in c.indicators:
        out += _check_months(c, iref.path + ("readings",), iref.indicator.readings)
        for unit, per_unit in iref.indicator.by_unit.items():
            out += _check_months(c, iref.path + ("by_unit", unit, "readings"), per_unit.readings)
    return out


_ZERO_TARGET = msg("check.zero_target")


def check_targets(c: Campaign) -> list[Problem]:
    """A zero target has a defined meaning (docs/definitions.md) except for a growing total, where
    it is always met: there it is a blank left unfilled, not a target."""
    out = []
    for iref in c.indicators:
        ind = iref.indicator
        if ind.kind != "total" or ind.better != "higher":
            continue
        if ind.target == 0:
            out.append(_at(c, iref.path + ("target",), _ZERO_TARGET))
        out += [_at(c, iref.path + ("by_unit", unit, "target"), _ZERO_TARGET)
                for unit, per_unit in ind.by_unit.items() if per_unit.target == 0]
    return out


def _check_months(c: Campaign, path: Path, readings: dict[str, Any]) -> list[Problem]:
    return [
        _at(c, path + (month,), msg("check.not_a_month", month=repr(month)))
        for month in readings
        if not MONTH.fullmatch(month)
    ]


CHECKS: tuple[Callable[[Campaign], list[Problem]], ...] = (
    check_units, check_campaign, check_unique_ids, check_references, check_progress, check_log, check_readings,
    check_targets, check_extensions, check_returns,
)


def check_all(c: Campaign) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(c)]
