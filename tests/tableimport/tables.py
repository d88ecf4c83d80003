"""Building decomposition tables inside the tests, as an office would have them: an .xlsx with a
merged title row and merged action/measure cells, or the same table in a .docx; and the built-in
sample exported to such a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Union

import docx
from openpyxl import Workbook

from guilin_campaign.campaign import Campaign

Cell = Union[str, int, float, None]
# (first row, first col, last row, last col), 0-based within the table's rows, inclusive
Merge = tuple[int, int, int, int]


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell]], merges: Sequence[Merge] = (), title: str | None = None,
               sheet: str = "Sheet1", text_cells: Sequence[tuple[int, int]] = ()) -> Path:
    """``rows`` below an optional merged title row; a merged range holds its value in its first cell
    only, as Excel saves it. ``text_cells`` are written as text even when they start with ``=``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    width = max(len(r) for r in rows)
    top = 1
    if title is not None:
        ws.cell(1, 1, title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        top = 2
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                cell = ws.cell(top + r, c + 1, value)
                if (r, c) in text_cells:
                    cell.data_type = "s"
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=top + r1, start_column=c1 + 1, end_row=top + r2, end_column=c2 + 1)
    wb.save(path)
    return path


def write_docx(path: Path, rows: Sequence[Sequence[Cell]], merges: Sequence[Merge] = (), title: str | None = None,
               before: int = 0) -> Path:
    """The same table in a Word document, after ``before`` small unrelated tables; merged with
    Word's own merge (the text stays in the first cell)."""
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    for _ in range(before):
        document.add_table(rows=1, cols=2).cell(0, 0).text = "附件"
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = str(value)
    for r1, c1, r2, c2 in merges:
        first = table.cell(r1, c1)
        text = first.text
        merged = first.merge(table.cell(r2, c2))
        merged.text = text  # merge joins the texts of the cells it covers; keep the first's, as Word shows
    document.save(str(path))
    return path


HEADER = ["序号", "专项行动", "主要举措", "具体任务", "责任单位", "配合单位", "完成时限"]


def export_sample(campaign: Campaign, path: Path) -> Path:
    """The built-in sample as the office's workbook: one row per task, the action and measure cells
    merged over their tasks, units by full name, groups as 各县（市、区）人民政府 or their members."""
    rows: list[list[Cell]] = [list(HEADER)]
    merges: list[Merge] = []
    n = 0
    for action in campaign.actions:
        action_start = len(rows)
        for measure in action.measures:
            measure_start = len(rows)
            for task in measure.tasks:
                n += 1
                due = f"{task.due.year}年{task.due.month}月{task.due.day}日前" if task.due else "长期坚持"
                rows.append([n, action.name if len(rows) == action_start else None,
                             measure.name if len(rows) == measure_start else None, task.title,
                             _names(campaign, task.owners), _names(campaign, task.support) or None, due])
            if len(rows) - 1 > measure_start:
                merges.append((measure_start, 2, len(rows) - 1, 2))
        if len(rows) - 1 > action_start:
            merges.append((action_start, 1, len(rows) - 1, 1))
    return write_xlsx(path, rows, merges, title=f"{campaign.info.city}“{campaign.info.name}”任务分解表")


def _names(campaign: Campaign, refs: Sequence[str]) -> str:
    names: list[str] = []
    for ref in refs:
        if ref == "counties":
            names.append("各县（市、区）人民政府")
        else:
            names += [campaign.units[u].name for u in campaign.groups.get(ref, [ref])]
    return "、".join(names)
