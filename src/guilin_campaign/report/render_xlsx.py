"""The report as an Excel workbook: one sheet per section, Chinese headers, widths set, lights filled.

openpyxl is imported only here and only when a workbook is made. The bytes are stable: the
workbook's created/modified times and every zip entry's time are the as-of date (never the clock).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from guilin_campaign.listing import Listing, Row
from guilin_campaign.render.cells import PERCENT_KEYS, display
from guilin_campaign.report.build import Report
from guilin_campaign.report.words import SECTIONS

FILL = {"red": "F4C7C3", "yellow": "FCE8B2", "green": "B7E1CD"}
MAX_WIDTH = 50
LightOf = Callable[[Row, str], "str | None"]


def render_xlsx(report: Report) -> bytes:
    # openpyxl ships no type hints (and types-openpyxl is not a dependency).
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    wb = Workbook()
    wb.remove(wb.active)
    for key, listing in report.listings().items():
        light_of = _wall_light(report) if key == "wall_chart" else _row_light
        _fill(wb.create_sheet(SECTIONS[key][1]), listing, light_of)
    stamp = datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = wb.properties.lastModifiedBy = "guilin-campaign"
    wb.properties.title = report.title
    buffer = BytesIO()
    # ExcelWriter, not wb.save(): save() stamps the modified time with the clock.
    ExcelWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED)).save()
    return _fixed_times(buffer.getvalue(), report.as_of)


def _row_light(row: Row, key: str) -> str | None:
    return row.get("light") if key == "light" else None


def _wall_light(report: Report) -> LightOf:
    def light(row: Row, key: str) -> str | None:
        cell = report.wall.cells.get((row["unit"], key))
        return cell.light if cell else None

    return light


def _fill(ws: Any, listing: Listing, light_of: LightOf) -> None:
    """Row 1 the section title, row 2 the headers, then the rows; panes frozen under the headers."""
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    ws.append([listing.title])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([c.label for c in listing.columns])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
    widths = [_width(c.label) for c in listing.columns]
    for r, row in enumerate(listing.rows, start=3):
        for i, col in enumerate(listing.columns):
            value, fmt = _value(col.key, row.get(col.key), col.numeric)
            cell = ws.cell(row=r, column=i + 1, value=value)
            if fmt:
                cell.number_format = fmt
            if (light := light_of(row, col.key)) in FILL:
                cell.fill = PatternFill("solid", fgColor=FILL[str(light)])
            widths[i] = max(widths[i], _width(display(col.key, row.get(col.key))))
    for i, width in enumerate(widths):
        letter = get_column_letter(i + 1)
        ws.column_dimensions[letter].width = min(width + 2, MAX_WIDTH)
        if width + 2 > MAX_WIDTH:
            for cell in ws[letter][2:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"


def _value(key: str, value: Any, numeric: bool) -> tuple[Any, str | None]:
    """Numbers stay numbers (percentages formatted as such); everything else as the office reads it."""
    if numeric and isinstance(value, str) and value.lstrip("+-").isdigit():
        return int(value), "+0;-0;0"
    if numeric and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, ("0.0%" if key in PERCENT_KEYS else None)
    return display(key, value), None


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fixed_times(data: bytes, day: date) -> bytes:
    """The same archive with every entry dated ``day`` (zip entries otherwise carry the clock)."""
    out = BytesIO()
    with ZipFile(BytesIO(data)) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for info in src.infolist():
            # a zip entry's date must lie in 1980..2107; a report as of another year keeps its bytes stable
            year = min(max(day.year, 1980), 2107)
            fixed = ZipInfo(info.filename, date_time=(year, day.month, day.day, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = ZIP_DEFLATED, 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
