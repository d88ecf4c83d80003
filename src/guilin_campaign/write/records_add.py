"""New work (立项/交办): a task of a measure, or an ad-hoc task of a batch, as requests.

A task goes after the last task of its measure; an ad-hoc task after the last one of its batch, or,
for the next batch, after the last ad-hoc task of the file. Each gets the next free id of its kind
(``T099``, ``AH06``) unless one is given. The record is written like its neighbour
(:mod:`guilin_campaign.write.record_text`) and checked like every update by
:func:`guilin_campaign.write.apply.apply`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.lookup import unit_id
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.changes import Update
from guilin_campaign.write.record_text import Field, insert_record
from guilin_campaign.yamlsyntax.records import Session
from guilin_campaign.yamlsyntax.spans import Path

TASK_KEYS = ("id", "title", "owners", "support", "due", "status")
ADHOC_KEYS = ("id", "batch", "source", "assigned_on", "title", "owners", "support", "due", "status")


@dataclass(frozen=True)
class AddTask:
    """A new task of the decomposition table, under ``measure``."""

    measure: str
    title: str
    owners: tuple[str, ...]
    due: date
    support: tuple[str, ...] = ()
    task_id: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        path, after = _measure_place(c, self.measure)
        mine = [r for r in c.tasks if r.adhoc is None]
        new_id = self.task_id or next_id(c, [r.id for r in mine], "T", 3)
        record = _record(c, new_id, self.title, self.owners, self.support, self.due)
        template = mine[0].path if mine and after is None else None
        new = insert_record(text, path, after, record, TASK_KEYS, template)
        return Update(new, f"{new_id} added ({self.measure})")


@dataclass(frozen=True)
class AddAdhoc:
    """A new ad-hoc task (上级临时交办) of batch ``batch``: an existing one, or the next."""

    batch: int
    title: str
    owners: tuple[str, ...]
    due: date
    source: str | None = None
    received: date | None = None
    support: tuple[str, ...] = ()
    task_id: str | None = None

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        adhoc = [r for r in c.tasks if r.adhoc is not None]
        after = _batch_place(adhoc, self.batch)
        new_id = self.task_id or next_id(c, [r.id for r in adhoc], "AH", 2)
        extra: dict[str, Field] = {"batch": self.batch}
        if self.source is not None:
            extra["source"] = self.source
        if self.received is not None:
            _refuse_outside(c, self.received, "received")
            if self.received > self.due:
                raise CampaignError(msg("workflow.received_after_due", received=self.received, due=self.due), kind=ErrorKind.USAGE, option="received")
            extra["assigned_on"] = self.received
        record = extra | _record(c, new_id, self.title, self.owners, self.support, self.due)
        template = c.tasks[0].path if c.tasks and after is None else None
        new = insert_record(text, ("adhoc",), after, record, ADHOC_KEYS, template)
        return Update(new, f"{new_id} added (batch {self.batch})")


def _record(c: Campaign, new_id: str, title: str, owners: Sequence[str], support: Sequence[str], due: date) -> dict[str, Field]:
    _refuse_taken(c, new_id)
    _refuse_outside(c, due, "due")
    if not owners:
        raise CampaignError(msg("workflow.no_owners"), kind=ErrorKind.USAGE, option="owners")
    record: dict[str, Field] = {"id": new_id, "title": title, "owners": [unit_ref(c, u) for u in owners]}
    if support:
        record["support"] = [unit_ref(c, u) for u in support]
    return record | {"due": due, "status": "todo"}


def unit_ref(c: Campaign, ref: str) -> str:
    """A unit id or group name as written in the file; a unit's Chinese name gives its id."""
    if ref in c.units or ref in c.groups:
        return ref
    return unit_id(c, ref)  # a full or short name; an ambiguous or unknown one is refused with the candidates


def hint(word: str, choices: list[str]) -> Msg | str:
    """"(did you mean 'x'?)" in the user's language, or nothing."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return msg("workflow.did_you_mean", word=close[0]) if close else ""


def next_id(c: Campaign, ids: list[str], default_prefix: str, width: int) -> str:
    """One more than the highest number among ``ids`` of the most common prefix (``T098`` -> ``T099``),
    with its width; an id taken elsewhere in the file is skipped."""
    numbered = [m for i in ids if (m := re.fullmatch(r"(\D*)(\d+)", i))]
    prefix = max({m[1] for m in numbered}, key=lambda p: sum(m[1] == p for m in numbered), default=default_prefix)
    mine = [m for m in numbered if m[1] == prefix]
    number = max((int(m[2]) for m in mine), default=0) + 1
    width = max((len(m[2]) for m in mine), default=width)
    taken = set(c.all_ids())
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


def _measure_place(c: Campaign, measure_id: str) -> tuple[Path, int | None]:
    for a, action in enumerate(c.actions):
        for m, measure in enumerate(action.measures):
            if measure.id == measure_id:
                path: Path = ("actions", a, "measures", m, "tasks")
                return path, (len(measure.tasks) - 1 if measure.tasks else None)
    known = [m.id for a in c.actions for m in a.measures]
    raise CampaignError(msg("workflow.unknown_measure", measure=measure_id, hint=hint(measure_id, known)), kind=ErrorKind.USAGE, option="measure")


def _batch_place(adhoc: list[TaskRef], batch: int) -> int | None:
    """The index of the item to go after: the last of the batch, or for the next batch the last of all."""
    batches = sorted({r.adhoc.batch for r in adhoc if r.adhoc is not None})
    following = (batches[-1] + 1) if batches else 1
    if batch in batches:
        return max(i for i, r in enumerate(adhoc) if r.adhoc is not None and r.adhoc.batch == batch)
    if batch == following:
        return len(adhoc) - 1 if adhoc else None
    known = ", ".join(map(str, batches)) or "-"
    raise CampaignError(msg("workflow.unknown_batch", batch=batch, batches=known, next=following), kind=ErrorKind.USAGE, option="batch")


def _refuse_taken(c: Campaign, new_id: str) -> None:
    if new_id in set(c.all_ids()):
        raise CampaignError(msg("workflow.id_taken", id=new_id), kind=ErrorKind.USAGE, option="id")


def _refuse_outside(c: Campaign, day: date, option: str) -> None:
    if not c.info.start <= day <= c.info.end:
        raise CampaignError(msg("workflow.date_outside", day=day, start=c.info.start, end=c.info.end), kind=ErrorKind.USAGE, option=option)
