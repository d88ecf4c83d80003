"""``form status MONTH``: for every unit that owes a form this month, whether it came back (已报) and
when, how many rows it answered, or that it did not (未报). Plain rows; the CLI renders them."""

from __future__ import annotations

from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.forms.imports import ImportRecord
from guilin_campaign.forms.rows import units_owing
from guilin_campaign.listing import Listing
from guilin_campaign.report.periods import Period

REPORTED, MISSING = "已报", "未报"


def status_rows(campaign: Campaign, month: Period, records: list[ImportRecord]) -> list[dict[str, Any]]:
    """One row per unit owing a form, in the order of units.yaml; a unit's latest import of the month counts
    (with how many times it was imported)."""
    of_month: dict[str, list[ImportRecord]] = {}
    for record in records:
        if record.month == month.code:
            of_month.setdefault(record.unit, []).append(record)
    rows = []
    for unit in units_owing(campaign, month):
        found = of_month.get(unit, [])
        last = found[-1] if found else None
        rows.append({
            "unit": unit, "unit_name": campaign.unit_label(unit), "reported": last is not None,
            "form_status": REPORTED if last else MISSING,
            "imported": last.imported.isoformat() if last else None, "rows": last.rows if last else None,
            "task_updates": last.tasks if last else None, "readings": last.indicators if last else None,
            "imports": len(found), "file": last.file if last else None,
        })
    return rows


def status_json(month: Period, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"month": month.code, "units": rows, "reported": sum(r["reported"] for r in rows),
            "missing": [r["unit"] for r in rows if not r["reported"]]}


def status_listing(month: Period, rows: list[dict[str, Any]]) -> Listing:
    missing = sum(not r["reported"] for r in rows)
    title = f"{month.label}填报情况：应报 {len(rows)}，已报 {len(rows) - missing}，未报 {missing}"
    shown = [{k: "" if v is None else v for k, v in r.items()} for r in rows]
    return Listing.of(title, "unit unit_name form_status imported rows task_updates readings file", shown,
                      numeric="rows task_updates readings")
