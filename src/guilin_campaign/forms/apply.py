"""A checked form as one update of the data: its requests, the guard against changes made meanwhile,
and the record of the import (applied by :func:`guilin_campaign.write.apply.apply`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import cast

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.forms.changes import FormReading, LogText, StatusChange
from guilin_campaign.forms.imports import ImportRecord
from guilin_campaign.forms.layout import WORD_OF
from guilin_campaign.model import Status
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.periods import parse_period
from guilin_campaign.write.apply import Change
from guilin_campaign.write.batch import Batch
from guilin_campaign.write.requests import AddNote, RecordReading, SetStatus

PROBLEM_LABEL = "存在问题："  # how the 存在问题 text stands in a log note after the 进展情况


@dataclass(frozen=True)
class FormPlan:
    change: Batch
    record: ImportRecord
    tasks: int  # task rows it changes
    indicators: int  # readings it records

    @property
    def changes_data(self) -> bool:
        return bool(self.change.requests)


def form_source(month: str, unit: str) -> str:
    """What a log entry from a form keeps as ``source``: the form's identity (never its file name)."""
    return f"form {month} {unit}"


def plan_import(reading: FormReading, campaign: Campaign, today: date) -> FormPlan:
    """The update a checked form (no problems) makes. Entries without a day of their own (a status
    other than 已完成, a note) are dated the month's last day, or ``today`` when that is earlier."""
    assert reading.unit is not None and reading.month is not None and not reading.problems
    unit, month = reading.unit, reading.month
    source, day = form_source(month, unit), min(parse_period(month, "monthly").last_day, today)
    statuses = {(s.task, s.part): s for s in reading.statuses}
    texts: dict[tuple[str, str | None], list[LogText]] = {}
    for n in reading.notes:
        texts.setdefault((n.task, n.part), []).append(n)
    requests: list[Change] = []
    for key in dict.fromkeys([*statuses, *texts]):
        note = _note(texts.get(key, []))
        if note is not None and _logged(campaign, key[0], source, note):
            note = None  # this form's text is in the log already: imported before
        if (s := statuses.get(key)) is not None:
            requests.append(SetStatus(s.task, cast(Status, s.status), s.done_on or day, note, unit, s.part, source))
        elif note is not None:
            requests.append(AddNote(key[0], note, day, unit, source))
    tasks = len(requests)
    requests += [RecordReading(r.indicator, r.value, r.month, r.by_unit) for r in reading.readings]
    label = campaign.unit_label(unit)
    message = f"填报 {month} {label}: {tasks} 项任务, {len(reading.readings)} 项指标"
    record = ImportRecord(month, unit, today, reading.rows, tasks, len(reading.readings), reading.path.name)
    return FormPlan(Batch(tuple(requests), message, partial(_guard, reading)), record, tasks, len(reading.readings))


def _note(texts: list[LogText]) -> str | None:
    progress = [t.text for t in texts if t.kind == "progress"]
    problem = [PROBLEM_LABEL + t.text for t in texts if t.kind == "problem"]
    return "；".join(progress + problem) or None


def _logged(campaign: Campaign, task: str, source: str, note: str) -> bool:
    ref = campaign.task(task)
    return ref is not None and any(e.source == source and e.note == note for e in ref.task.log)


def _guard(reading: FormReading, c: Campaign) -> None:
    """Refuse the whole form when a field it changes moved since it was read (under the lock now)."""
    moved = [_status_moved(c, s) for s in reading.statuses]
    for r in reading.readings:
        ref = c.indicator(r.indicator)
        own = ref.indicator.by_unit.get(r.by_unit) if ref and r.by_unit else None
        now = (own.readings if own else {}).get(r.month) if r.by_unit else (ref.indicator.readings.get(r.month) if ref else None)
        if now != r.was:
            moved.append(f"{r.indicator} {r.month}: {_number(r.was)} -> {_number(now)}")
    if found := [m for m in moved if m]:
        raise CampaignError(msg("forms.changed_meanwhile", file=str(reading.path), items="; ".join(found)), kind=ErrorKind.REFUSED)


def _status_moved(c: Campaign, s: StatusChange) -> str:
    ref = c.task(s.task)
    if ref is None:
        return f"{s.task}: ?"
    item = (ref.task.progress.get(s.part) if s.part else None) or ref.task
    now = (item.status, item.done_on)
    if now == (s.was, s.was_done_on):
        return ""
    shown = f"{WORD_OF.get(now[0], now[0])} {now[1] or ''}".strip()
    return f"{s.task}: {WORD_OF[s.was]} -> {shown}"


def _number(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"
