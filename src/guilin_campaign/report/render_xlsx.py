"""The report as an Excel workbook: one sheet per section, laid out by :mod:`render.xlsx_book`.

openpyxl is imported only there and only when a workbook is made. The bytes are stable: the
workbook's created/modified times and every zip entry's time are the as-of date (never the clock).
"""

from __future__ import annotations

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Row
from guilin_campaign.render.xlsx_book import Heading, LightOf, Sheet, row_light, workbook_bytes
from guilin_campaign.report.build import Report
from guilin_campaign.words import sheet, word


def render_xlsx(report: Report, office: str, lang: Lang) -> bytes:
    sheets = [
        Sheet(sheet(key, lang), listing, _wall_light(report) if key == "wall_chart" else row_light)
        for key, listing in report.listings(lang).items()
    ]
    p = report.period
    span = word("rep.span", lang, start=p.first_day, end=p.last_day)
    return workbook_bytes(sheets, Heading(report.campaign, report.title(lang), office, span, report.as_of), lang)


def _wall_light(report: Report) -> LightOf:
    def light(row: Row, key: str) -> str | None:
        cell = report.wall.cells.get((row["unit"], key))
        return cell.light if cell else None

    return light
