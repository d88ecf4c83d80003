"""JSON, CSV and Markdown: the stable outputs for scripts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import csv_cell, display
from guilin_campaign.words import none


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "as_dict"):
        return value.as_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: Any) -> str:
    """UTF-8 JSON, Chinese unescaped, keys in the order the query made them, a final newline."""
    if isinstance(data, Listing):
        data = data.rows
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n"


def to_csv(listing: Listing) -> str:
    """Rows ending in ``\n``. The writer is told ``\r\n`` so that it quotes a field holding either
    character (with ``\n`` alone a lone CR in a note went out unquoted and split the row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    lines = []
    for cells in [[c.key for c in listing.columns], *([csv_cell(row.get(c.key)) for c in listing.columns] for row in listing.rows)]:
        writer.writerow(cells)
        lines.append(buffer.getvalue()[:-2] + "\n")
        buffer.seek(0)
        buffer.truncate()
    return "".join(lines)


def md_text(text: str) -> str:
    """Data as Markdown shows it: HTML in a title or note (``<script>``, ``<img onerror>``) is text,
    never markup; text without ``&``, ``<`` or ``>`` is left exactly as it is."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_cell(text: str) -> str:
    return md_text(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(listing: Listing, lang: Lang, level: int = 2) -> str:
    head = f"{'#' * level} {_md_cell(listing.title)}\n\n" if listing.title else ""
    if not listing.rows:
        return head + none(lang) + "\n"
    lines = ["| " + " | ".join(_md_cell(c.heading(lang)) for c in listing.columns) + " |"]
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in listing.columns) + "|")
    for row in listing.rows:
        lines.append("| " + " | ".join(_md_cell(display(c.key, row.get(c.key), lang)) for c in listing.columns) + " |")
    return head + "\n".join(lines) + "\n"
