"""Workbooks that print: the one place the look of every xlsx the program writes is decided.

Each sheet has a merged title row (the campaign and the report), a line with the issuing office,
the period and the as-of date, the table's own title, bordered cells under a frozen header row that
repeats on every printed page, A4 landscape fitted to the page width and a footer ``第 N 页 共 M 页``.
Dates are date cells, numbers are numbers, and text is always written as text (a value starting
with ``=`` is never a formula). openpyxl is imported only when a workbook is made.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.render.cells import PERCENT_KEYS, display
from guilin_campaign.render.stable_zip import fixed_zip
from guilin_campaign.words import none, word

FILL = {"red": "F4C7C3", "yellow": "FCE8B2", "green": "B7E1CD"}
MAX_WIDTH = 36  # a wider column wraps: 18 Chinese characters a line
MIN_TOTAL = 90  # about two thirds of a landscape A4 page at 100%
HEAD_ROW = 4  # title, office line, table title, then the header
# Internal ids a person does not read: dropped when the row also names the unit.
ID_COLUMNS = {"unit": ("unit_name", "name")}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
EPOCH = date(1980, 1, 1)  # the earliest date a zip entry can carry
LightOf = Callable[[Row, str], "str | None"]


@dataclass(frozen=True)
class Heading:
    """What the first two rows of every sheet say."""

    campaign: str
    title: str  # 月度汇总 2022年6月, 逾期任务
    office: str
    period: str  # 2022-06-01 至 2022-06-30, or "" for a listing at a date
    as_of: date | None  # None for a listing that is not computed at a date (the task table)

    @property
    def stamp(self) -> date:
        """The workbook's times: the as-of date, else a fixed day (never the clock)."""
        return self.as_of or EPOCH


def row_light(row: Row, key: str) -> str | None:
    """A row's own light colours its light cell."""
    return row.get("light") if key == "light" else None


@dataclass
class Sheet:
    name: str
    listing: Listing
    light_of: LightOf = row_light


def sheet_name(text: str, taken: set[str], lang: Lang) -> str:
    """A legal, unique sheet name (31 characters, none of ``[]:*?/\\``, no quote at either end)
    from a table's title."""
    from guilin_campaign.render.blocks import xml_safe

    base = _SHEET_BAD.sub("", xml_safe(re.split(r"[（(：]", text, maxsplit=1)[0])).strip(" '")[:28] or word("rep.book_sheet", lang)
    name, n = base, 2
    while name.casefold() in taken:  # Excel compares sheet names without case
        name, n = f"{base}{n}", n + 1
    taken.add(name.casefold())
    return name


def workbook_bytes(sheets: list[Sheet], heading: Heading, lang: Lang) -> bytes:
    # openpyxl ships no type hints (and types-openpyxl is not a dependency).
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        _fill(wb.create_sheet(sheet.name), sheet, heading, lang)
    day = heading.stamp
    stamp = datetime(day.year, day.month, day.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "guilin-campaign"
    wb.properties.title = f"{heading.campaign} {heading.title}"
    buffer = BytesIO()
    # ExcelWriter, not wb.save(): save() stamps the modified time with the clock.
    ExcelWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue(), day)


def shown_columns(listing: Listing) -> list[Column]:
    keys = {c.key for c in listing.columns}
    return [c for c in listing.columns if not (c.key in ID_COLUMNS and keys & set(ID_COLUMNS[c.key]))]


def text_width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fill(ws: Any, sheet: Sheet, heading: Heading, lang: Lang) -> None:
    from guilin_campaign.render import xlsx_cells as cells

    columns, rows = shown_columns(sheet.listing), sheet.listing.rows
    span = max(len(columns), 1)
    texts = [[display(col.key, row.get(col.key), lang) for col in columns] for row in rows]
    heads = [c.heading(lang) for c in columns]
    widths = column_widths(heads, texts)
    banners = [(f"{heading.campaign} {heading.title}", 16, True), (_office_line(heading, lang), 10, False),
               (sheet.listing.title, 11, True)]
    for r, (text, size, bold) in enumerate(banners, start=1):
        cells.banner(ws, r, span, text, size, _lines(text_width(text) * size // 11, sum(widths)) * size * 1.6,
                     bold=bold, left=r == 3)
    for i, head in enumerate(heads, start=1):
        cells.header(ws.cell(row=HEAD_ROW, column=i), head)
    for r, (row, line) in enumerate(zip(rows, texts, strict=False), start=HEAD_ROW + 1):
        for i, col in enumerate(columns):
            value, fmt = cell_value(col.key, row.get(col.key), col.numeric, lang)
            cells.data(ws.cell(row=r, column=i + 1), value, fmt, FILL.get(str(sheet.light_of(row, col.key))), col.numeric)
        # LibreOffice keeps a row's default height however its text wraps: give each its lines.
        ws.row_dimensions[r].height = 14 * max(_lines(text_width(t), w - 1) for t, w in zip(line, widths, strict=False))
    if not rows:
        cells.banner(ws, HEAD_ROW + 1, span, none(lang), 11, 20, border=True)
    cells.layout(ws, widths, HEAD_ROW, word("rep.book_footer", lang))


def column_widths(heads: list[str], texts: list[list[str]]) -> list[int]:
    """Each column as wide as its widest text (Chinese counted twice), at most :data:`MAX_WIDTH`
    (longer text wraps); a narrow table is widened to :data:`MIN_TOTAL` so its title fits."""
    widths = [min(max([text_width(h)] + [text_width(row[i]) for row in texts]) + 2, MAX_WIDTH) for i, h in enumerate(heads)]
    total = sum(widths)
    if 0 < total < MIN_TOTAL:
        widths = [w * MIN_TOTAL // total for w in widths]
    return widths


def _lines(width: int, room: int) -> int:
    return max(1, -(-width // max(room, 1)))


def _office_line(h: Heading, lang: Lang) -> str:
    period = word("rep.book_period", lang, period=h.period) if h.period else ""
    day = word("rep.book_day", lang, as_of=h.as_of.isoformat()) if h.as_of else ""
    return word("rep.book_office", lang, office=h.office) + period + day


def cell_value(key: str, value: Any, numeric: bool, lang: Lang) -> tuple[Any, str | None]:
    """Numbers stay numbers (percentages formatted as such), dates are dates, the rest as read."""
    if numeric and isinstance(value, str) and value.lstrip("+-").isdigit():
        return int(value), "+0;-0;0"
    if numeric and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, ("0.0%" if key in PERCENT_KEYS else "#,##0.##" if isinstance(value, float) else "0")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value, "yyyy-mm-dd"
    return display(key, value, lang), None
