"""A table as read from a file: plain values, merged cells already filled, each cell addressable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Union

from guilin_campaign.tableimport import words

Value = Union[str, float, int, date, None]


@dataclass(frozen=True)
class Grid:
    """One sheet or one Word table. ``rows[r][c]`` is the value shown at row ``r``, column ``c``
    (0-based); a merged cell's value is in every position it covers. ``origin[r][c]`` is True where
    the value was written (the top-left of a merge), so a header spanning columns counts once."""

    file: str  # the file's name, as the clerk knows it
    name: str  # the sheet's name, or 表N for a Word table
    kind: str  # "xlsx" or "docx"
    rows: list[list[Value]]
    origin: list[list[bool]]
    merged: set[tuple[int, int]] = field(default_factory=set)  # positions filled from a merge
    title: str = ""  # a Word table's caption: the paragraph just before it

    def cell(self, r: int, c: int) -> Value:
        row = self.rows[r] if r < len(self.rows) else []
        return row[c] if c < len(row) else None

    def address(self, r: int, c: int) -> str:
        """``分解表.xlsx:Sheet1!H12`` or ``方案.docx:表1!第12行第8列``."""
        if self.kind == "xlsx":
            return f"{self.file}:{self.name}!{column_letter(c)}{r + 1}"
        return f"{self.file}:{self.name}!" + words.DOCX_CELL.format(row=r + 1, col=c + 1)

    def row_label(self, r: int) -> str:
        """The comment kept beside a task: ``分解表第12行`` (``表1第12行`` for a Word table)."""
        if self.kind == "xlsx":
            return words.ROW_COMMENT_XLSX.format(row=r + 1)
        return words.ROW_COMMENT_DOCX.format(table=self.name, row=r + 1)


def column_letter(c: int) -> str:
    letters = ""
    n = c + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def text_of(value: Value) -> str:
    """A cell's text, trimmed; a whole number read as a float (``3.0``) without its ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()
