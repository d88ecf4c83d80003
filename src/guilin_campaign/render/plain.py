"""Tables for output that is not a terminal: the characters Rich draws without colour, without Rich.

Rich spends about half a millisecond a row and its console takes a while to import; piped output
(a file, a script, ``| less``) gets the same text from here in microseconds a row: each distinct
value of a column is shown and measured once (thousands of rows hold a few dozen units, dates and
statuses), and widths are counted without Rich (:mod:`guilin_campaign.render.width`). Where the layout
needs Rich (a column that must fold, an empty table's caption, a tab or line break in a cell), the
functions return None and the caller uses :mod:`guilin_campaign.render.table`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, TextIO

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import display, for_terminal
from guilin_campaign.render.width import cell_width

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
            if _CONTROL.search(title) or cell_width(title) > width:
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
    columns = []
    for col, values in zip(listing.columns, _values(listing), strict=True):
        cells = _column_cells(col.key, values, lang)
        if cells is None:
            return None
        columns.append(cells)
    widths = [max(cell_width(head), *used.values()) for head, (_, used) in zip(heads, columns, strict=True)]
    total = sum(widths) + 3 * len(widths) - 1
    if total > width:
        return None
    padded = []
    for head, (texts, used), w, col in zip(heads, columns, widths, listing.columns, strict=True):
        pad = {text: _pad(text, n, w, col.numeric) for text, n in used.items()}
        padded.append([_pad(head, cell_width(head), w, col.numeric), *map(pad.__getitem__, texts)])
    lines = [" ".join(cells) for cells in zip(*padded, strict=True)]
    lines.insert(1, "─" * total)
    return "\n".join(lines) + "\n"


def _values(listing: Listing) -> list[Sequence[Any]]:
    """The rows' values column by column, read in one pass over the rows (thousands of dicts)."""
    keys = [col.key for col in listing.columns]
    if len(keys) > 1:
        try:
            return list(zip(*map(itemgetter(*keys), listing.rows), strict=True))
        except KeyError:  # a row without one of the columns: shown empty
            pass
    return [[row.get(key) for row in listing.rows] for key in keys]


def _column_cells(key: str, values: Sequence[Any], lang: Lang) -> tuple[list[str], dict[str, int]] | None:
    """Each row's text in the column, and each distinct text's width; each distinct value is shown
    once. None when a cell holds a control character (Rich lays that out)."""
    try:
        typed: list[tuple[type, Any]] | None = list(zip(map(type, values), values, strict=True))  # True == 1, yet shows as ★
        originals = dict(zip(typed, values, strict=True))  # type: ignore[arg-type]
    except TypeError:  # lists in the column (the names of a task's units): each by its items
        try:
            typed = [(list, tuple(v)) if type(v) is list else (type(v), v) for v in values]
            originals = dict(zip(typed, values, strict=True))
        except TypeError:  # what holds no items of its own: each cell shown by itself
            typed = None
    if typed is not None and any(kind is float for kind, _ in originals):  # 0.0 == -0.0, yet shows as -0
        typed = None
    if typed is None:
        texts = [for_terminal(display(key, value, lang)) for value in values]
    else:
        shown = {kind_value: for_terminal(display(key, value, lang)) for kind_value, value in originals.items()}
        texts = list(map(shown.__getitem__, typed))
    used = {}
    for text in set(texts):
        if _CONTROL.search(text):
            return None
        used[text] = cell_width(text)
    return texts, used


def _pad(text: str, used: int, width: int, numeric: bool) -> str:
    """A cell padded by a space on both sides, to the right for numbers; cells are parted by a space (SIMPLE_HEAD)."""
    gap = " " * (width - used)
    return f" {gap}{text} " if numeric else f" {text}{gap} "
