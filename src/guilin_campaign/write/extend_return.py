"""延期 and 退回 as requests: an approved extension appended to a task's ``extensions``, and a
claimed completion sent back (a status entry ``returned: true`` with the reason).

Both are refused, before anything is written, when they would say something untrue: an extension
to a date that is not after the deadline it extends, a return of a part that is not done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import msg
from guilin_campaign.dates import done_at
from guilin_campaign.lookup import require_task, unit_id
from guilin_campaign.model import Task, UnitProgress
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.changes import Update, set_status
from guilin_campaign.yamlsyntax import editor
from guilin_campaign.yamlsyntax.records import Session


@dataclass(frozen=True)
class ExtendTask:
    """An approved extension (延期) of a task, or of one responsible unit's part, to ``to``."""

    task_id: str
    to: date
    reason: str
    on: date
    unit: str | None = None
    approved_by: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        if self.unit is not None and self.unit not in c.units:  # 融安县 or 融安: the id is what is written
            return replace(self, unit=unit_id(c, self.unit))(c, text, session=session)
        ref = require_task(c, self.task_id)
        _require_responsible(c, ref, self.unit)
        in_force = deadline_to_extend(ref.task, self.unit)
        who = f" [{self.unit}]" if self.unit else ""
        if in_force is None:
            raise CampaignError(msg("workflow.extend_no_due", id=ref.id), kind=ErrorKind.REFUSED)
        if self.to <= in_force:
            raise CampaignError(msg("workflow.extend_not_later", id=ref.id + who, to=self.to, deadline=in_force), kind=ErrorKind.REFUSED)
        if done_at(_part(ref.task, self.unit), self.on):
            raise CampaignError(msg("workflow.extend_done", id=ref.id + who), kind=ErrorKind.REFUSED)
        entry: dict[str, Any] = {"to": self.to, "reason": self.reason, "on": self.on}
        entry |= {k: v for k, v in (("approved_by", self.approved_by), ("unit", self.unit)) if v is not None}
        text = editor.append_item(text, ref.path + ("extensions",), entry, session=session)
        return Update(text, f"{ref.id}{who} extended to {self.to} ({self.on})")


@dataclass(frozen=True)
class ReturnTask:
    """A claimed completion sent back (退回): the part is open again (doing), the reason logged."""

    task_id: str
    reason: str
    on: date
    unit: str | None = None
    by: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        if self.unit is not None and self.unit not in c.units:  # 融安县 or 融安: the id is what is written
            return replace(self, unit=unit_id(c, self.unit))(c, text, session=session)
        ref = require_task(c, self.task_id)
        _require_responsible(c, ref, self.unit)
        if self.unit is None and ref.task.progress:
            raise CampaignError(msg("workflow.return_needs_unit", id=ref.id), kind=ErrorKind.USAGE, option="unit")
        who = f" [{self.unit}]" if self.unit else ""
        _refuse_shared_part(c, ref, self.unit)
        part = _part(ref.task, self.unit)
        if part.status != "done" or part.done_on is None:
            raise CampaignError(msg("workflow.return_not_done", id=ref.id + who, status=part.status), kind=ErrorKind.REFUSED)
        if self.on < part.done_on:
            raise CampaignError(msg("workflow.return_before_done", id=ref.id + who, on=self.on, done_on=part.done_on),
                                kind=ErrorKind.USAGE, option="on")
        update = set_status(c, text, ref.id, "doing", self.on, self.reason, self.by, self.unit, session=session, returned=True)
        return Update(update.new_text, f"{ref.id}{who} returned ({self.on})")


def deadline_to_extend(task: Task, unit: str | None) -> date | None:
    """The deadline a new extension for ``unit`` (None: every unit) extends: the last one recorded
    for it, else the last for every unit, else ``due`` (the order ``check`` reads them in)."""
    in_force: dict[str | None, date] = {}
    for ext in task.extensions:
        in_force[ext.unit] = ext.to
        if ext.unit is None:
            in_force = {None: ext.to}
    return in_force.get(unit, in_force.get(None, task.due))


def _part(task: Task, unit: str | None) -> Task | UnitProgress:
    return task if unit is None else task.progress.get(unit, task)


def _refuse_shared_part(c: Campaign, ref: TaskRef, unit: str | None) -> None:
    """A unit without a ``progress`` entry shares the task's status with every other such unit:
    reopening its part would reopen theirs too, and lose completions the office accepted."""
    if unit is None or unit in ref.task.progress:
        return
    others = [u for u in c.responsible(ref.task) if u != unit and u not in ref.task.progress]
    if others:
        raise CampaignError(msg("workflow.return_shared", id=ref.id, unit=unit, others=", ".join(others[:5])), kind=ErrorKind.REFUSED)


def _require_responsible(c: Campaign, ref: TaskRef, unit: str | None) -> None:
    owners = c.responsible(ref.task)
    if unit is not None and unit not in owners:
        raise CampaignError(msg("workflow.not_responsible", unit=unit, id=ref.id, owners=", ".join(owners)),
                            kind=ErrorKind.USAGE, option="unit")
