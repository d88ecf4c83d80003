"""Reading a .docx back for the tests: its text in order, its paragraphs by their words."""

from __future__ import annotations

from io import BytesIO

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> Document:
    return docx.Document(BytesIO(data))


def text_dump(doc: Document) -> str:
    """Paragraphs and table cells in document order: one line per paragraph, one per table row."""
    lines = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            lines.append(item.text)
        elif isinstance(item, Table):
            lines += ["| " + " | ".join(cell.text for cell in row.cells) + " |" for row in item.rows]
    return "\n".join(lines) + "\n"


def paragraph(doc: Document, text: str) -> Paragraph:
    """The first paragraph whose text starts with ``text``."""
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def east_asian_font(p: Paragraph) -> str | None:
    fonts = p.runs[0]._r.rPr.rFonts
    return fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
