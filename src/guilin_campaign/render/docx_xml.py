"""The few WordprocessingML details python-docx has no API for: East Asian font names, the line
grid, the PAGE field, a paragraph rule, a header row repeated on each page, and the font table."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")
_THUMBNAIL = re.compile(rb'<Relationship [^>]*Type="[^"]*/thumbnail"[^>]*/>')


def set_fonts(element: Any, name: str) -> None:
    """Every script of a run (or a style) in ``name``; Chinese text reads ``w:eastAsia``."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def line_grid(section: Any, twips: int) -> None:
    """A document grid of lines ``twips`` apart (Word's 指定行网格)."""
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(twips))


def footer_page_number(p: Paragraph, font: str, size: float) -> None:
    """``— 1 —``, centred: a PAGE field between two em dashes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts: list[tuple[str, str]] = [("text", "— "), ("begin", ""), ("instr", " PAGE "), ("separate", ""),
                                    ("text", "1"), ("end", ""), ("text", " —")]
    for kind, text in parts:
        run = p.add_run(text if kind == "text" else None)
        run.font.size = Pt(size)
        set_fonts(run._r, font)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind != "text":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def right_tab(p: Paragraph, mm: float) -> None:
    p.paragraph_format.tab_stops.add_tab_stop(Mm(mm), WD_TAB_ALIGNMENT.RIGHT)


def bottom_rule(p: Paragraph, color: str) -> None:
    """A rule under the paragraph (the red line under a masthead, 版头中的分隔线)."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", color)):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)


def no_grid(p: Paragraph) -> None:
    """Table text keeps its own line height instead of snapping to the page's line grid."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    p._p.get_or_add_pPr().insert_element_before(snap, *_AFTER_PBDR[_AFTER_PBDR.index("w:snapToGrid") + 1:])


def repeat_header(row: Any) -> None:
    """The table's first row repeats at the top of each page it runs onto."""
    flag = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(flag)


def patch_package(data: bytes, fallback: dict[str, str]) -> bytes:
    """The font table with a fallback (``w:altName``) for each font, and no template thumbnail."""
    out = BytesIO()
    with ZipFile(BytesIO(data)) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            if info.filename == "_rels/.rels":
                body = _THUMBNAIL.sub(b"", body)
            if info.filename == "word/fontTable.xml":
                body = _font_table(body, fallback)
            dst.writestr(info, body)
    return out.getvalue()


def _font_table(xml: bytes, fallback: dict[str, str]) -> bytes:
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in fallback.items()
    )
    return xml.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")
