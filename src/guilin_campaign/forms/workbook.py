"""The form as a workbook: the guide, the two answer sheets and the very hidden identity sheet.

The look (fonts, borders, A4 landscape one page wide, header repeated on each page, page footer) is
that of every workbook the program writes (:mod:`guilin_campaign.render.xlsx_cells`). Every text is
written as text, never a formula; locked cells are protected against accidents (no password: the
importer re-checks every cell anyway), answer cells are open and tinted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from guilin_campaign.forms import layout as L
from guilin_campaign.forms.guide import guide_lines
from guilin_campaign.forms.rows import FormRows, IndicatorRow
from guilin_campaign.render.stable_zip import fixed_zip
from guilin_campaign.render.xlsx_book import text_width

ANSWER_FILL = "FFF8DC"  # answer cells: pale yellow, so the unit sees where to write
TASK_WIDTHS = (7, 10, 14, 30, 11, 6, 9, 9, 11, 24, 18)  # about one landscape A4 page at 100%
INDICATOR_WIDTHS = (8, 36, 10, 12, 12, 14)
VISIT_WIDTHS = (5, 11, 18, 20, 7, 22, 10, 22, 10, 11)
GUIDE_WIDTH = 72  # one portrait A4 page wide (LibreOffice does not shrink a one-column sheet to fit)


@dataclass(frozen=True)
class FormHeading:
    campaign: str  # 桂林市稳主体激活力攻坚战
    office: str
    unit_name: str
    month_label: str  # 2022年8月
    due: date  # the return deadline
    visits: bool = False  # the form has a 查访记录 sheet


def form_bytes(rows: FormRows, heading: FormHeading, identity_text: str, signature: str) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    wb = Workbook()
    wb.remove(wb.active)
    _guide(wb.create_sheet(L.GUIDE_SHEET), heading)
    _tasks(wb.create_sheet(L.TASK_SHEET), rows, heading)
    _indicators(wb.create_sheet(L.INDICATOR_SHEET), rows, heading)
    if rows.visits:
        _visits(wb.create_sheet(L.VISIT_SHEET), rows, heading)
    _hidden(wb.create_sheet(L.HIDDEN_SHEET), identity_text, signature, rows.categories)
    wb.active = 1
    day = rows.month.last_day
    wb.properties.created = wb.properties.modified = datetime(day.year, day.month, day.day)
    wb.properties.creator = wb.properties.lastModifiedBy = "guilin-campaign"
    wb.properties.title = f"{heading.campaign} {heading.month_label} {heading.unit_name} 填报表"
    buffer = BytesIO()
    ExcelWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED)).save()  # not wb.save(): it stamps the clock
    return fixed_zip(buffer.getvalue(), day)


def _guide(ws: Any, heading: FormHeading) -> None:
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    from guilin_campaign.render import xlsx_cells as cells

    cells.banner(ws, 1, 1, f"{heading.campaign} {heading.month_label} 填报说明", 16, 30, bold=True)
    for r, line in enumerate(guide_lines(heading.unit_name, heading.month_label, heading.due, heading.office, heading.visits), start=2):
        cell = ws.cell(row=r, column=1)
        cells.set_text(cell, line)
        cell.font = Font(name=cells.FONT, size=11, bold=not line.startswith(("　", "（")))
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = 18 * max(1, -(-text_width(line) // (GUIDE_WIDTH - 4)))
    cells.layout(ws, [GUIDE_WIDTH], 1)
    ws.freeze_panes = None
    ws.print_options.horizontalCentered = False
    ws.page_setup.orientation = "portrait"
    ws.protection.sheet = True


def _tasks(ws: Any, rows: FormRows, heading: FormHeading) -> None:
    lines = [[*t.locked, "", "", "", ""] for t in rows.tasks]
    _table(ws, heading, "任务进展", L.TASK_LOCKED + L.TASK_ANSWERS, TASK_WIDTHS, lines, len(L.TASK_LOCKED))
    last = L.HEAD_ROW + len(rows.tasks)
    if rows.tasks:
        _validations(ws, last, rows.month.last_day)
    for r, task in enumerate(rows.tasks, start=L.HEAD_ROW + 1):
        ws.cell(row=r, column=9).number_format = "yyyy-mm-dd"
        if task.role == L.ROLE_SUPPORT:  # a supporting unit reports progress, not the task's status
            for col in (8, 9):
                _lock(ws.cell(row=r, column=col))


def _indicators(ws: Any, rows: FormRows, heading: FormHeading) -> None:
    lines: list[list[Any]] = [[i.id, _name(i), i.unit_of_measure, i.target, i.previous, ""] for i in rows.indicators]
    _table(ws, heading, "指标数据", L.INDICATOR_LOCKED + L.INDICATOR_ANSWERS, INDICATOR_WIDTHS, lines,
           len(L.INDICATOR_LOCKED))
    for r in range(L.HEAD_ROW + 1, L.HEAD_ROW + 1 + len(rows.indicators)):
        ws.cell(row=r, column=6).number_format = "#,##0.##"


def _visits(ws: Any, rows: FormRows, heading: FormHeading) -> None:
    """Numbered blank rows: one visit each, with the problem found on it (if any) to its right."""
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    lines: list[list[Any]] = [[str(i), *[""] * len(L.VISIT_ANSWERS)] for i in range(1, rows.visits + 1)]
    _table(ws, heading, "查访记录", L.VISIT_LOCKED + L.VISIT_ANSWERS, VISIT_WIDTHS, lines, len(L.VISIT_LOCKED))
    first, last = L.HEAD_ROW + 1, L.HEAD_ROW + rows.visits
    for col in ("B", "J"):
        for r in range(first, last + 1):
            ws[f"{col}{r}"].number_format = "yyyy-mm-dd"
    key = DataValidation(type="list", formula1=L.YES_NO_RANGE, allow_blank=True, showErrorMessage=True,
                         errorTitle="重点企业", error="请选择：是、否（不是重点企业可不填）")
    key.add(f"E{first}:E{last}")
    end = len(rows.categories)
    category = DataValidation(type="list", formula1=f"'{L.HIDDEN_SHEET}'!$E$1:$E${end}", allow_blank=True,
                              showErrorMessage=True, errorTitle="问题类别", error="请从下拉列表选择问题类别")
    category.add(f"G{first}:G{last}")
    ws.add_data_validation(key)
    ws.add_data_validation(category)


def _name(row: IndicatorRow) -> str:
    return row.name


def _table(ws: Any, heading: FormHeading, title: str, heads: tuple[str, ...], widths: tuple[int, ...],
           lines: list[list[Any]], locked: int) -> None:
    from openpyxl.styles import Protection

    from guilin_campaign.render import xlsx_cells as cells

    span = len(heads)
    cells.banner(ws, 1, span, f"{heading.campaign} {heading.month_label} {title}", 14, 26, bold=True)
    note = "" if lines else "　　（本月本表无需填报）"
    cells.banner(ws, 2, span, f"填报单位：{heading.unit_name}　　填报月份：{heading.month_label}　　"
                 f"报送截止：{heading.due.isoformat()}{note}", 10, 20, left=True)
    for i, head in enumerate(heads, start=1):
        cells.header(ws.cell(row=L.HEAD_ROW, column=i), head)
    for r, line in enumerate(lines, start=L.HEAD_ROW + 1):
        for c, value in enumerate(line, start=1):
            answer = c > locked
            fmt = "#,##0.##" if isinstance(value, (int, float)) else None
            cells.data(ws.cell(row=r, column=c), None if value == "" and answer else value, fmt,
                       ANSWER_FILL if answer else None, isinstance(value, (int, float)))
            if answer:
                ws.cell(row=r, column=c).protection = Protection(locked=False)
        texts = [str(v) if v is not None else "" for v in line]
        ws.row_dimensions[r].height = max(40, 14 * max(-(-text_width(t) // max(w - 1, 1)) for t, w in zip(texts, widths, strict=True)))
    cells.layout(ws, list(widths), L.HEAD_ROW)
    ws.protection.sheet = True
    ws.protection.formatRows = ws.protection.formatColumns = False  # may resize rows and columns


def _validations(ws: Any, last: int, month_end: date) -> None:
    from openpyxl.utils.datetime import to_excel  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation

    first = L.HEAD_ROW + 1
    status = DataValidation(type="list", formula1=L.LIST_RANGE, allow_blank=True, showErrorMessage=True,
                            errorTitle="本月状态", error="请从下拉列表选择：未开始、推进中、已完成、受阻")
    status.add(f"H{first}:H{last}")
    day = DataValidation(type="date", operator="lessThanOrEqual", formula1=str(int(to_excel(month_end))),
                         allow_blank=True, showErrorMessage=True, errorTitle="完成日期",
                         error=f"请填写日期，如 {month_end.year}/{month_end.month}/5，且不晚于本月末")
    day.add(f"I{first}:I{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(day)


def _lock(cell: Any) -> None:
    from openpyxl.styles import PatternFill, Protection

    cell.protection = Protection(locked=True)
    cell.fill = PatternFill("solid", fgColor="E8E8E8")


def _hidden(ws: Any, identity_text: str, signature: str, categories: tuple[str, ...]) -> None:
    from guilin_campaign.render.xlsx_cells import set_text

    for r, word in enumerate(L.STATUS_WORDS, start=1):
        set_text(ws.cell(row=r, column=1), word)
    if categories:
        for r, word in enumerate(L.YES_NO, start=1):
            set_text(ws.cell(row=r, column=4), word)
        for r, word in enumerate(categories, start=1):
            set_text(ws.cell(row=r, column=L.CATEGORY_COLUMN), word)
    set_text(ws[L.SIGNATURE_CELL], signature)
    for i in range(0, max(len(identity_text), 1), L.CHUNK_SIZE):
        set_text(ws.cell(row=1 + i // L.CHUNK_SIZE, column=L.CHUNK_COLUMN), identity_text[i:i + L.CHUNK_SIZE])
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True



