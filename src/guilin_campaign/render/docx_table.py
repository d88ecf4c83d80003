"""A block table in a Word document: bordered, header row in 黑体 repeated on each page, 五号 text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.table import _Cell

from guilin_campaign.render.blocks import Table, xml_safe
from guilin_campaign.render.docx_xml import no_grid, repeat_header, set_fonts

if TYPE_CHECKING:
    from docx.document import Document

TEXT_WIDTH_MM = 156
SIZE = 10.5  # 五号
BODY_FONT, HEAD_FONT = "仿宋_GB2312", "黑体"


def add_table(doc: Document, block: Table) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(block)
    numeric = block.numeric or [False] * len(block.headers)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Mm(width)  # the grid LibreOffice reads; Word reads each cell's width
    # Each row's cells straight from its XML: Table.cell() lays out the whole grid on every call,
    # which made a 35-row table take seconds.
    rows = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for i, text in enumerate(block.headers):
        _cell(rows[0][i], text, HEAD_FONT, WD_ALIGN_PARAGRAPH.CENTER, widths[i])
    repeat_header(table.rows[0])
    for cells, row in zip(rows[1:], block.rows, strict=False):
        for i, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.RIGHT if numeric[i] else WD_ALIGN_PARAGRAPH.LEFT
            _cell(cells[i], text, BODY_FONT, align, widths[i])


def _widths(block: Table) -> list[float]:
    weights = block.widths or [1] * len(block.headers)
    total = sum(weights)
    return [TEXT_WIDTH_MM * w / total for w in weights]


def _cell(cell: Any, text: str, font: str, align: Any, width_mm: float) -> None:
    cell.width = Mm(width_mm)
    p = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(15)
    fmt.space_before = fmt.space_after = Pt(1)
    no_grid(p)
    run = p.add_run(xml_safe(text))
    run.font.size = Pt(SIZE)
    set_fonts(run._r, font)
