"""Read and check a returned form: identified by its signed hidden sheet, never by its file name;
every cell checked; all or nothing (with any problem, no change is returned). Nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.forms import layout as L
from guilin_campaign.forms.answers import indicator_answer, task_answers
from guilin_campaign.forms.changes import FormProblem, FormReading
from guilin_campaign.forms.sheets import Report, identity, matched_rows
from guilin_campaign.forms.visits import visit_answer
from guilin_campaign.problems import CampaignError
from guilin_campaign.report.periods import Period, parse_period

MAX_BYTES = 20 * 1024 * 1024  # a form is a few dozen kilobytes; anything this large is not one


def read_form(path: Path, campaign: Campaign, key: bytes, month: Period | None = None,
              unit: str | None = None) -> FormReading:
    """The form's identity and changes, or its problems. ``month`` and ``unit``, when given, are the
    month and unit expected (a form of another is refused)."""
    out, report = FormReading(path), Report()
    wb = _open(path, report)
    found = identity(wb, key, report) if wb is not None else None
    if wb is None or found is None:
        return _finish(out, report)
    period = _check_identity(found, campaign, month, unit, report)
    out.unit, out.month = found.get("unit"), found.get("month")
    if period is None:
        return _finish(out, report)
    for row in matched_rows(wb, L.TASK_SHEET, L.TASK_LOCKED + L.TASK_ANSWERS, found["tasks"], report):
        task_answers(row, campaign, found["unit"], period, out, report)
    for row in matched_rows(wb, L.INDICATOR_SHEET, L.INDICATOR_LOCKED + L.INDICATOR_ANSWERS, found["indicators"], report):
        indicator_answer(row, campaign, period, out, report)
    if isinstance(visits := found.get("visits"), dict):
        expected = [{"id": str(i), "locked": [str(i)]} for i in range(1, int(visits["rows"]) + 1)]
        for row in matched_rows(wb, L.VISIT_SHEET, L.VISIT_LOCKED + L.VISIT_ANSWERS, expected, report):
            visit_answer(row, campaign, found["unit"], period, list(visits["categories"]), out, report)
    return _finish(out, report)


def _open(path: Path, report: Report) -> Any:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        if not path.is_file():
            report.append(("", "", msg("forms.file.not_a_file")))
            return None
        if path.stat().st_size > MAX_BYTES:
            report.append(("", "", msg("forms.file.too_large", size=path.stat().st_size)))
            return None
        return load_workbook(path, data_only=False, keep_links=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as err:
        report.append(("", "", msg("forms.file.not_xlsx", error=type(err).__name__)))
        return None


def _check_identity(found: dict[str, Any], campaign: Campaign, month: Period | None, unit: str | None,
                    report: Report) -> Period | None:
    where = (L.HIDDEN_SHEET, "C1")
    if found.get("version") != L.FORM_VERSION:
        report.append((*where, msg("forms.identity.version", version=repr(found.get("version")), expected=L.FORM_VERSION)))
        return None
    if (found.get("campaign"), found.get("start")) != (campaign.info.name, campaign.info.start.isoformat()):
        report.append((*where, msg("forms.identity.campaign", campaign=repr(found.get("campaign")), start=found.get("start"),
                                   expected=repr(campaign.info.name), expected_start=campaign.info.start.isoformat())))
        return None
    if found.get("unit") not in campaign.units:
        report.append((*where, msg("forms.identity.unknown_unit", unit=repr(found.get("unit")))))
        return None
    if unit is not None and found["unit"] != unit:
        report.append((*where, msg("forms.identity.other_unit", label=campaign.unit_label(found["unit"]), unit=found["unit"],
                                   expected_label=campaign.unit_label(unit), expected=unit)))
        return None
    try:
        period = parse_period(str(found.get("month")), "monthly")
    except CampaignError:
        report.append((*where, msg("forms.identity.bad_month", month=repr(found.get("month")))))
        return None
    if month is not None and period != month:
        report.append((*where, msg("forms.identity.other_month", month=period.code, expected=month.code)))
        return None
    return period


def _finish(out: FormReading, report: Report) -> FormReading:
    out.problems = [FormProblem(str(out.path), sheet, cell, message) for sheet, cell, message in report]
    if out.problems:  # all or nothing
        out.statuses, out.notes, out.readings, out.visits = [], [], [], []
    return out
