"""A document as plain blocks (paragraphs of a kind, tables, page breaks), before any layout.

The 通报, the quarterly brief and the 催办单 are written as blocks by their text modules; the Word
renderer lays them out by GB/T 9704 and the Markdown renderer prints them, so the words are decided
once and tested without Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Union

# masthead 刊头, issue 第N期, office_line 发文机关与日期, title 标题, addressee 主送, h1 一、, h2 （一）,
# body 正文, attachments 附件说明, signature 落款, date 成文日期, attachment 附件N (starts a page),
# table_title 附件表名, spacer (an empty half line after a table).
Kind = Literal["masthead", "issue", "office_line", "title", "addressee", "h1", "h2", "body",
               "attachments", "signature", "date", "attachment", "table_title", "spacer"]


@dataclass(frozen=True)
class Para:
    kind: Kind
    text: str


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # relative widths of the columns


Block = Union[Para, Table]


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an Office file can hold: control characters (which XML refuses, and a double-quoted
    YAML string can carry) are left out rather than failing the whole document."""
    return _NOT_XML.sub("", text)


def chinese_date(day: date) -> str:
    """成文日期 in Arabic digits, as GB/T 9704-2012 asks: 2022年6月30日."""
    from guilin_campaign.words import DOC_LANG, word

    return word("doc.date", DOC_LANG, year=day.year, month=day.month, day=day.day)


def share(part: int, whole: int) -> str:
    """A share of a count as the office writes it: 45.9%."""
    return f"{part / whole * 100:.1f}%" if whole else "0.0%"


def markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown: the title as a heading, tables as pipe tables."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(_md_table(block))
        elif block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind in ("h1", "attachment"):
            out.append(f"## {block.text}")
        elif block.kind == "h2":
            out.append(f"### {block.text}")
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"


def _md_table(table: Table) -> str:
    """Through the shared Markdown renderer, so cells are escaped as in every other Markdown table."""
    from guilin_campaign.listing import Column, Listing
    from guilin_campaign.render.text import to_markdown
    from guilin_campaign.words import DOC_LANG

    numeric = table.numeric or [False] * len(table.headers)
    columns = [Column(f"c{i}", numeric[i], text=head) for i, head in enumerate(table.headers)]
    rows = [{f"c{i}": cell for i, cell in enumerate(row)} for row in table.rows]
    return to_markdown(Listing("", columns, rows), DOC_LANG).rstrip("\n")
