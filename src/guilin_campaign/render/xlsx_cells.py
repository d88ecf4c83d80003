"""Cell styles and sheet page setup for :mod:`render.xlsx_book` (openpyxl, imported only when used)."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT = "宋体"
FOOTER = "第 &P 页 共 &N 页"


def set_text(cell: Any, value: Any) -> None:
    """Write a value; text stays text even when it starts with ``=`` (never a live formula)."""
    from guilin_campaign.render.blocks import xml_safe

    cell.value = xml_safe(value) if isinstance(value, str) else value
    if isinstance(value, str):
        cell.data_type = "s"


def banner(ws: Any, row: int, span: int, text: str, size: int, height: float,
           bold: bool = False, left: bool = False, border: bool = False) -> None:
    """A line of text merged across the table's width, ``height`` points tall."""
    cell = ws.cell(row=row, column=1)
    set_text(cell, text)
    cell.font = Font(name=FONT, size=size, bold=bold)
    cell.alignment = Alignment(horizontal="left" if left else "center", vertical="center", wrap_text=True)
    if span > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    if border:
        for col in range(1, span + 1):
            ws.cell(row=row, column=col).border = BORDER
    ws.row_dimensions[row].height = height


def header(cell: Any, text: str) -> None:
    set_text(cell, text)
    cell.font = Font(name=FONT, size=11, bold=True)
    cell.fill = PatternFill("solid", fgColor="E8E8E8")
    cell.border = BORDER
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def data(cell: Any, value: Any, fmt: str | None, fill: str | None, numeric: bool) -> None:
    set_text(cell, value)
    cell.font = Font(name=FONT, size=10)
    cell.border = BORDER
    if fmt:
        cell.number_format = fmt
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    cell.alignment = Alignment(horizontal="right" if numeric else None, vertical="center", wrap_text=True)


def layout(ws: Any, widths: list[int], head_row: int, footer: str = FOOTER) -> None:
    """Column widths, the frozen header repeated on each page, A4 landscape one page wide."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1).coordinate
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
    ws.oddFooter.center.text = footer  # 第 N 页 共 M 页, or the interface's language's
    ws.oddFooter.center.size = 9
