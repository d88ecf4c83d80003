"""JSON, CSV and Markdown: the stable outputs for scripts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import display, plain


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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in listing.columns])
    writer.writerows([plain(row.get(c.key)) for c in listing.columns] for row in listing.rows)
    return out.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(listing: Listing, level: int = 2) -> str:
    head = f"{'#' * level} {listing.title}\n\n" if listing.title else ""
    if not listing.rows:
        return head + "（无）\n"
    lines = ["| " + " | ".join(c.label for c in listing.columns) + " |"]
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in listing.columns) + "|")
    for row in listing.rows:
        lines.append("| " + " | ".join(_md_cell(display(c.key, row.get(c.key))) for c in listing.columns) + " |")
    return head + "\n".join(lines) + "\n"
