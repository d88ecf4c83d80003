"""Blocks laid out as a Word document by GB/T 9704-2012, the layout of Chinese official documents.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 x 225 mm text block); body
3号 (16 pt) 仿宋 on a fixed line pitch of 22 lines a page; title 2号 (22 pt) 小标宋; 一、 headings 黑体,
（一） headings 楷体; page numbers ``— 1 —`` in 4号 below the text. Each font has a fallback
(``w:altName`` in the font table) for a machine without the GB2312 fonts. python-docx is imported
only when a document is made; the bytes do not depend on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO
from typing import TYPE_CHECKING

from guilin_campaign.render.blocks import Block, Kind, Para, Table, xml_safe
from guilin_campaign.render.stable_zip import fixed_zip

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

FANGSONG, HEITI, KAITI, XBS, SONGTI = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
FALLBACK = {FANGSONG: "仿宋", KAITI: "楷体", XBS: SONGTI, HEITI: "SimHei", SONGTI: "SimSun"}
LINE_TWIPS = 579  # 28.95 pt: 22 lines fill the 225 mm text block
RED = "C00000"
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


@dataclass(frozen=True)
class Look:
    font: str
    size: float
    align: str = "justify"  # left, center, right, justify
    indent: bool = False  # first line indented two characters
    before: int = 0  # lines of space before
    bold: bool = False
    color: str | None = None
    page_break: bool = False
    right_indent: int = 0  # characters from the right margin


LOOKS: dict[Kind, Look] = {
    "masthead": Look(XBS, 30, "center", color=RED),
    "issue": Look(FANGSONG, 16, "center"),
    "office_line": Look(FANGSONG, 16, "left"),
    "title": Look(XBS, 22, "center", before=1),
    "addressee": Look(FANGSONG, 16, "left", before=1),
    "h1": Look(HEITI, 16, indent=True),
    "h2": Look(KAITI, 16, indent=True),
    "body": Look(FANGSONG, 16, indent=True),
    "attachments": Look(FANGSONG, 16, "left", indent=True),
    "signature": Look(FANGSONG, 16, "right", before=2, right_indent=4),
    "date": Look(FANGSONG, 16, "right", right_indent=4),
    "attachment": Look(HEITI, 16, "left", page_break=True),
    "table_title": Look(XBS, 18, "center", before=1),
    "spacer": Look(FANGSONG, 8, "left"),
}


def docx_bytes(blocks: list[Block], title: str, day: date) -> bytes:
    """The blocks as a .docx, its document times and archive entry times all ``day``."""
    from docx import Document as new_document

    doc = new_document()
    _page(doc)
    for block in blocks:
        if isinstance(block, Table):
            from guilin_campaign.render.docx_table import add_table

            add_table(doc, block)
            _paragraph(doc, Para("spacer", ""))  # half a line between a table and what follows
        else:
            _paragraph(doc, block)
    _properties(doc, title, day)
    buffer = BytesIO()
    doc.save(buffer)
    return fixed_zip(_fallback_fonts(buffer.getvalue()), day)


def _page(doc: Document) -> None:
    from docx.shared import Mm, Pt

    from guilin_campaign.render.docx_xml import footer_page_number, line_grid, set_fonts

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(20)
    line_grid(section, LINE_TWIPS)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    set_fonts(normal.element, FANGSONG)
    footer_page_number(section.footer.paragraphs[0], SONGTI, 14)


def _paragraph(doc: Document, para: Para) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor, Twips

    from guilin_campaign.render.docx_xml import bottom_rule, right_tab, set_fonts

    look = LOOKS[para.kind]
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Twips(LINE_TWIPS * {"masthead": 2, "spacer": 0.5}.get(para.kind, 1))
    fmt.space_before, fmt.space_after = Twips(LINE_TWIPS * look.before), Pt(0)
    fmt.alignment = getattr(WD_ALIGN_PARAGRAPH, look.align.upper())
    fmt.first_line_indent = Pt(2 * look.size) if look.indent else None
    fmt.right_indent = Pt(look.right_indent * look.size) if look.right_indent else None
    fmt.page_break_before = look.page_break or None
    fmt.widow_control = False  # a fixed grid: never move a lone line
    if para.kind == "office_line":
        right_tab(p, 156)
        bottom_rule(p, RED)
    run = p.add_run(xml_safe(para.text))
    run.font.size, run.font.bold = Pt(look.size), look.bold or None
    if look.color:
        run.font.color.rgb = RGBColor.from_string(look.color)
    set_fonts(run._r, look.font)
    return p


def _properties(doc: Document, title: str, day: date) -> None:
    stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)
    props = doc.core_properties
    props.created = props.modified = props.last_printed = stamp
    props.author = props.last_modified_by = "guilin-campaign"
    props.title, props.revision = title, 1
    props.subject = props.keywords = props.comments = props.category = ""


def _fallback_fonts(data: bytes) -> bytes:
    """Give each font its fallback (``w:altName``) in word/fontTable.xml, and drop the template's
    thumbnail (a picture of python-docx's sample page, not of this document)."""
    from guilin_campaign.render.docx_xml import patch_package

    return patch_package(data, FALLBACK)
