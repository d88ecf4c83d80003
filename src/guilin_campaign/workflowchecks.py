"""Checks of the 督办 workflow records: extensions (延期) and returns (退回) on a task.

Kept apart from :mod:`guilin_campaign.checks` (which registers them in its ``CHECKS``) so the
two grow without touching each other.
"""

from __future__ import annotations

from datetime import date

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.lookup import not_responsible
from guilin_campaign.problems import Problem
from guilin_campaign.yamlsyntax.sourcemap import Path, friendly_path


def _at(c: Campaign, path: Path, message: Msg) -> Problem:
    src = c.tasks_source
    return Problem(str(c.tasks_file), src.line(path), friendly_path(src.data, path), message)


def check_extensions(c: Campaign) -> list[Problem]:
    out: list[Problem] = []
    for ref in c.tasks:
        if ref.task.extensions and ref.task.due is None:
            out.append(_at(c, ref.path + ("extensions",), msg("check.extension_without_due", task=ref.id)))
        elif ref.task.extensions:
            out += _check_chain(c, ref)
    return out


def _check_chain(c: Campaign, ref: TaskRef) -> list[Problem]:
    """Each extension moves its unit's deadline in force later, and they are listed as recorded."""
    out, owners = [], c.responsible(ref.task)
    in_force: dict[str | None, date] = {}
    last_on: date | None = None
    for i, ext in enumerate(ref.task.extensions):
        path = ref.path + ("extensions", i)
        if ext.unit is not None and ext.unit not in owners:
            out.append(_at(c, path + ("unit",), not_responsible(c, ext.unit, ref, owners, lambda ident: f"unit: {ident}")))
        before = in_force.get(ext.unit, in_force.get(None, ref.task.due))
        if before is not None and ext.to <= before:
            out.append(_at(c, path + ("to",), msg("check.extension_not_later", to=ext.to, before=before)))
        if last_on is not None and ext.on < last_on:
            out.append(_at(c, path + ("on",), msg("check.extension_order", on=ext.on, last=last_on)))
        in_force[ext.unit] = ext.to
        if ext.unit is None:
            in_force = {None: ext.to}  # an extension for every unit replaces the units' own
        last_on = ext.on
    return out


def check_returns(c: Campaign) -> list[Problem]:
    """A return (``returned: true``) is a status entry that opens the part again, with its reason."""
    out = []
    for ref in c.tasks:
        for i, entry in enumerate(ref.task.log):
            path = ref.path + ("log", i)
            if not entry.returned:
                continue
            if entry.status is None or entry.status == "done":
                out.append(_at(c, path + ("returned",), msg("check.return_status")))
            if not entry.note:
                out.append(_at(c, path + ("returned",), msg("check.return_reason")))
    return out
