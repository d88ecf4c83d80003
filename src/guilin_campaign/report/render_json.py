"""The report as JSON: stable English keys for scripts; the same data and period, the same bytes.

The keys and coded values (statuses, lights) are the same in both languages; the text values the
program writes itself (the title, the city's name when the data gives none) follow the language."""

from __future__ import annotations

from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.render.text import to_json
from guilin_campaign.report.build import Report


def report_data(report: Report, lang: Lang) -> dict[str, Any]:
    """``period``, ``as_of``, ``tasks`` (counts, with ``previous`` and ``change``), then each section."""
    p, rows = report.period, report.rows
    data = {
        "title": report.title(lang),
        "campaign": report.campaign,
        "kind": p.kind,
        "period": p.code,
        "start": p.first_day,
        "end": p.last_day,
        "as_of": report.as_of,
        "previous": {"period": p.previous().code, "as_of": report.previous_as_of},
        "time_progress": report.time_progress,
        "tasks": report.headline.as_dict(),
        "completed": rows["completed"],
        "late": rows["late"],
        "overdue": rows["overdue"],
        "units": rows["units"],
        "indicators": rows["indicators"],
        "behind": [r["id"] for r in report.behind],
        "negative": report.section_rows("negative", lang),
        "adhoc": rows["adhoc"],
        "not_reported": [r["unit"] for r in rows["not_reported"]],
        "not_reported_tasks": {r["unit"]: r["task_ids"] for r in rows["not_reported"]},
        "wall_chart": {"actions": [{"id": a, "name": n} for a, n in report.wall.actions], "units": report.wall.rows()},
        "adhoc_batches": rows["adhoc_batches"],
        "extensions": rows["extensions"],
        "returns": rows["returns"],
    }
    if report.ledger is not None:  # absent without a ledger: the report is what it was before
        s = report.ledger
        data["ledger"] = {"summary": s.summary, "teams": s.teams, "categories": s.categories, "units": s.units,
                          "key_enterprises": s.key_enterprises, "policies": s.policies, "policy_progress": s.policy_progress}
    return data


def render_json(report: Report, lang: Lang) -> str:
    return to_json(report_data(report, lang))
