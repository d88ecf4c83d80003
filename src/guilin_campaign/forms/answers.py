"""Each answered row checked against the rules and the data as it is now, turned into changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.forms import layout as L
from guilin_campaign.forms.changes import FormReading, LogText, ReadingChange, StatusChange
from guilin_campaign.forms.sheets import Report, Row
from guilin_campaign.forms.values import blank, parse_day, parse_number, plain, written
from guilin_campaign.report.periods import Period

_COLUMNS = "ABCDEFGHIJK"


def task_answers(row: Row, campaign: Campaign, unit: str, month: Period, out: FormReading, report: Report) -> None:
    status_cell, day_cell, progress, trouble = row.cells[7:11]
    def where(col: int) -> tuple[str, str]:
        return L.TASK_SHEET, f"{_COLUMNS[col]}{row.number}"

    if any(isinstance(v, str) and v.lstrip().startswith("=") for v in row.cells[7:11]):
        report.append((*where(7), msg("forms.cell.formula_value")))
        return
    if all(blank(v) for v in row.cells[7:11]):
        return
    out.rows += 1
    task_id, part, support = row.expected["id"], row.expected["part"], row.expected["role"] == L.ROLE_SUPPORT
    current = _current_part(campaign, task_id, part, unit, support)
    if current is None:
        report.append((*where(0), msg("forms.cell.not_supported" if support else "forms.cell.not_owned", task=task_id)))
        return
    if support and not (blank(status_cell) and blank(day_cell)):
        report.append((*where(7), msg("forms.cell.support_status")))
        return
    for value, kind in ((progress, "progress"), (trouble, "problem")):
        if not blank(value):
            out.notes.append(LogText(task_id, part, kind, written(value)))
    if blank(status_cell) and blank(day_cell):
        return
    status = _status(status_cell, day_cell, trouble, campaign, month, row, report)
    if status is None:
        return
    recorded = (row.expected["status"], row.expected["done_on"])
    now = (current[0], current[1].isoformat() if current[1] else None)
    if status == current:
        return  # nothing to change: unchanged, or this form was imported already
    if recorded != now:
        report.append((*where(7), msg("forms.cell.conflict_task", task=task_id, was=_shown(recorded), now=_shown(now))))
    elif status[0] == current[0] == "done":
        report.append((*where(8), msg("forms.already_done", task=task_id, day=str(now[1]))))
    else:
        out.statuses.append(StatusChange(task_id, part, status[0], status[1], current[0], current[1]))


def _status(cell: Any, day_cell: Any, trouble: Any, campaign: Campaign, month: Period, row: Row,
            report: Report) -> tuple[str, date | None] | None:
    r = row.number
    word = plain(str(cell)) if not blank(cell) else ""
    if word and word not in L.STATUS_WORDS:
        report.append((L.TASK_SHEET, f"H{r}", msg("forms.cell.not_status", word=repr(word))))
        return None
    if not word:
        report.append((L.TASK_SHEET, f"H{r}", msg("forms.cell.date_without_status")))
        return None
    status = L.STATUS_WORDS[word]
    if status == "blocked" and blank(trouble):
        report.append((L.TASK_SHEET, f"K{r}", msg("forms.cell.blocked_reason")))
        return None
    if status != "done":
        if not blank(day_cell):
            report.append((L.TASK_SHEET, f"I{r}", msg("forms.cell.date_only_done", word=word)))
            return None
        return status, None
    return _done_on(day_cell, campaign, month, r, report)


def _done_on(cell: Any, campaign: Campaign, month: Period, r: int, report: Report) -> tuple[str, date | None] | None:
    if blank(cell):
        report.append((L.TASK_SHEET, f"I{r}", msg("forms.cell.done_needs_day", example=f"{month.year}/{month.index}/5")))
        return None
    day, message = parse_day(cell, month.year)
    if day is None:
        report.append((L.TASK_SHEET, f"I{r}", message or ""))
        return None
    start, end = campaign.info.start, min(campaign.info.end, month.last_day)
    if not start <= day <= end:
        report.append((L.TASK_SHEET, f"I{r}", msg("forms.cell.day_outside", day=day.isoformat(), start=start.isoformat(),
                                                  end=end.isoformat())))
        return None
    return "done", day


def _current_part(campaign: Campaign, task_id: str, part: str | None, unit: str,
                  support: bool) -> tuple[str, date | None] | None:
    ref = campaign.task(task_id)
    if ref is None or unit not in (campaign.supporting(ref.task) if support else campaign.responsible(ref.task)):
        return None
    own = ref.task.progress.get(part) if part else None
    item = own if own is not None else ref.task
    return item.status, item.done_on


def _shown(state: tuple[str, str | None]) -> str:
    return L.WORD_OF.get(state[0], state[0]) + (f" ({state[1]})" if state[1] else "")


def indicator_answer(row: Row, campaign: Campaign, month: Period, out: FormReading, report: Report) -> None:
    cell, fmt = row.cells[5], row.formats[5]
    if blank(cell):
        return
    out.rows += 1
    where = (L.INDICATOR_SHEET, f"F{row.number}")
    ind_id, by_unit = row.expected["id"], row.expected["by_unit"]
    ref = campaign.indicator(ind_id)
    if ref is None:
        report.append((*where, msg("forms.cell.indicator_gone", indicator=ind_id)))
        return
    if isinstance(cell, str) and cell.lstrip().startswith("="):
        report.append((*where, msg("forms.cell.formula_number")))
        return
    value, message = parse_number(cell, "%" in fmt, (ref.indicator.unit or "").strip() == "%")
    if value is None:
        report.append((*where, message or ""))
        return
    own = ref.indicator.by_unit.get(by_unit) if by_unit else None
    now = (own.readings if own else {}).get(month.code) if by_unit else ref.indicator.readings.get(month.code)
    if value == now:
        return  # unchanged, or this form was imported already
    if row.expected["value"] != now:
        report.append((*where, msg("forms.cell.conflict_indicator", indicator=ind_id, month=month.code,
                                   was=row.expected["value"], now=now)))
    elif value != now:
        out.readings.append(ReadingChange(ind_id, by_unit, month.code, value, now))
