"""``form export``: each unit's workbook for a month, written fresh next to the others."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.forms.identity import encode, identity_of, sign
from guilin_campaign.forms.rows import form_rows, units_owing
from guilin_campaign.forms.workbook import FormHeading, form_bytes
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.periods import Period
from guilin_campaign.write.fileio import write_atomic

DEFAULT_DUE_DAY = 25


@dataclass(frozen=True)
class Exported:
    unit: str
    path: Path
    tasks: int
    indicators: int


def return_deadline(month: Period, due_day: int = DEFAULT_DUE_DAY) -> date:
    """The day a form must be back: ``due_day`` of the following month (its last day when shorter)."""
    nxt = date(month.year + month.index // 12, month.index % 12 + 1, 1)
    return date(nxt.year, nxt.month, min(due_day, calendar.monthrange(nxt.year, nxt.month)[1]))


def form_name(campaign: Campaign, unit: str, month: Period) -> str:
    """``2022-08-市人社局.xlsx``: the month and the unit's short name (its id when that is not a safe file name)."""
    label = campaign.unit_label(unit)
    safe = label if not any(ch in label for ch in '/\\:*?"<>|\x00') and label.strip(". ") else unit
    return f"{month.code}-{safe}.xlsx"


def export_forms(campaign: Campaign, month: Period, units: list[str], folder: Path, key: bytes,
                 office: str, due_day: int = DEFAULT_DUE_DAY, categories: tuple[str, ...] = ()) -> list[Exported]:
    """Write one form per unit (every unit owing something this month when ``units`` is empty); with the
    ledger's ``categories``, a county's form has a 查访记录 sheet."""
    unknown = [u for u in units if u not in campaign.units]
    if unknown:
        raise CampaignError(msg("forms.export.unknown_unit", unit=repr(unknown[0]), example=next(iter(campaign.units))),
                            kind=ErrorKind.USAGE, option="unit")
    chosen = units or units_owing(campaign, month)
    if not folder.is_dir():
        raise CampaignError(msg("forms.export.not_a_folder", folder=str(folder)), kind=ErrorKind.USAGE, option="output")
    out = []
    for unit in chosen:
        rows = form_rows(campaign, unit, month, categories)
        text = encode(identity_of(campaign, rows))
        heading = FormHeading(f"{campaign.info.city or ''}{campaign.info.name}", office,
                              campaign.units[unit].name, month.label, return_deadline(month, due_day), bool(rows.visits))
        path = folder / form_name(campaign, unit, month)
        write_atomic(path, form_bytes(rows, heading, text, sign(text, key)))
        out.append(Exported(unit, path, len(rows.tasks), len(rows.indicators)))
    return out
