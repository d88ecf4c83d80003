"""Tables for output that is not a terminal: the characters Rich draws without colour, without Rich.

Rich spends about half a millisecond a row and its console takes a while to import; piped output
(a file, a script, ``| less``) gets the same text from here in microseconds a row. Where the layout
needs Rich (a column that must fold, an empty table's caption, a tab or line break in a cell), the
functions return None and the caller uses :mod:`guilin_campaign.render.table`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import TextIO

from rich.cells import cell_len

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import display, for_terminal

WIDTH = 240  # the width :func:`render.table.make_console` gives a console that is not a terminal
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_terminal(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Rich would treat ``stream`` as a terminal (its rules: TTY_COMPATIBLE, FORCE_COLOR, isatty)."""
    if environ.get("TTY_COMPATIBLE", "") in ("0", "1"):
        return environ["TTY_COMPATIBLE"] == "1"
    if environ.get("FORCE_COLOR") is not None:
        return environ["FORCE_COLOR"] != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def plain_listings(listings: Iterable[Listing], lang: Lang, width: int = WIDTH) -> str | None:
    """Titles and tables as :func:`render.table.print_listings` prints them on a console without colour."""
    parts = []
    for i, listing in enumerate(listings):
        if i:
            parts.append("\n")
        if listing.title:
            title = for_terminal(listing.title)
            if _CONTROL.search(title) or cell_len(title) > width:
                return None
            parts.append(title + "\n")
        table = plain_table(listing, width, lang)
        if table is None:
            return None
        parts.append(table)
    return "".join(parts)


def plain_table(listing: Listing, width: int, lang: Lang) -> str | None:
    """The table exactly as Rich draws :func:`render.table.to_table` without colour, when every column
    fits at its natural width; else None."""
    if not listing.rows:
        return None
    heads = [col.heading(lang) for col in listing.columns]
    rows = [[for_terminal(display(col.key, row.get(col.key), lang)) for col in listing.columns] for row in listing.rows]
    widths = [cell_len(head) for head in heads]
    for cells in rows:
        if _CONTROL.search("".join(cells)):
            return None
        widths = [max(w, cell_len(text)) for w, text in zip(widths, cells, strict=False)]
    if sum(widths) + 3 * len(widths) - 1 > width:
        return None
    right = [col.numeric for col in listing.columns]
    lines = [_line(heads, widths, right), "─" * (sum(widths) + 3 * len(widths) - 1)]
    lines += [_line(cells, widths, right) for cells in rows]
    return "\n".join(lines) + "\n"


def _line(cells: list[str], widths: list[int], right: list[bool]) -> str:
    """One row: each cell padded by a space on both sides, cells parted by a space (SIMPLE_HEAD)."""
    out = []
    for text, w, numeric in zip(cells, widths, right, strict=False):
        gap = " " * (w - cell_len(text))
        out.append(f" {gap}{text} " if numeric else f" {text}{gap} ")
    return " ".join(out)
