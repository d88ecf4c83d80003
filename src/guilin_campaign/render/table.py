"""Rich tables for the terminal. With :mod:`render.plain` (its cell widths) and :mod:`render.fit`
(the widths of a table too wide for its terminal), the only modules besides the CLI that know Rich."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Column, Listing
from guilin_campaign.render.cells import display, for_terminal
from guilin_campaign.render.fit import fitted_widths, wrap, wrap_heading
from guilin_campaign.render.plain import WIDTH, plain_table
from guilin_campaign.words import none

# Internal ids a person does not read, left out of a table too wide for its terminal when the row
# also names the unit (the same rule as the workbooks', :data:`render.xlsx_book.ID_COLUMNS`).
ID_COLUMNS = {"unit": ("unit_name", "name")}

LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}
# Rich folds a cell into one string of lines and then splits it line by line, copying the rest of
# the string each time: quadratic in the cell's length (a 10 MB note took 22 s to show, 50 MB ten
# minutes). A longer cell goes to Rich in pieces of at most this many characters, each folded alone.
PIECE = 4096


def make_console(file: object | None = None) -> Console:
    """Colour only on a terminal (Rich honours NO_COLOR); no wrapping when piped."""
    console = Console(file=file, highlight=False)  # type: ignore[arg-type]
    if not console.is_terminal:
        console = Console(file=file, highlight=False, width=WIDTH, no_color=True)  # type: ignore[arg-type]
    return console


def to_table(listing: Listing, lang: Lang, width: int | None = None) -> Table:
    """The listing as a Rich table; given the terminal's ``width``, a table wider than that is laid
    out by :func:`render.fit.fitted_widths` (ids, dates and numbers whole, text wrapped in its column)."""
    columns = listing.columns
    texts = [[for_terminal(display(c.key, row.get(c.key), lang)) for c in columns] for row in listing.rows]
    heads = [for_terminal(c.heading(lang)) for c in columns]
    fitted = fitted_widths(heads, texts, width) if width is not None else None
    if width is not None and fitted is not None and not fitted[1] and (named := _named_ids(columns)):  # cramped: the unit's name says enough
        keep = [i for i, c in enumerate(columns) if c.key not in named]
        columns, heads = [columns[i] for i in keep], [heads[i] for i in keep]
        texts = [[line[i] for i in keep] for line in texts]
        fitted = fitted_widths(heads, texts, width)
    widths: list[int | None] = [None] * len(heads)
    if fitted is not None:
        widths[:] = fitted[0]
        heads = [wrap_heading(h, w) for h, w in zip(heads, fitted[0], strict=True)]
        texts = [[wrap(t, w) for t, w in zip(line, fitted[0], strict=True)] for line in texts]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1 if fitted is None else fitted[1]))
    for col, head, w in zip(columns, heads, widths, strict=True):
        table.add_column(Text(head), justify="right" if col.numeric else "left", overflow="fold", width=w)
    for row, line in zip(listing.rows, texts, strict=True):
        style = LIGHT_STYLE.get(str(row.get("light")), "")
        cells = [_cell(text, style if c.key == "light" else "") for c, text in zip(columns, line, strict=True)]
        table.add_row(*cells, style=style if style == "bold red" else None)
    if not listing.rows:
        table.caption = none(lang)
    return table


def _named_ids(columns: list[Column]) -> set[str]:
    """Id columns a narrow table leaves out because the row also names the unit (as workbooks do)."""
    keys = {c.key for c in columns}
    return {key for key, names in ID_COLUMNS.items() if key in keys and keys & set(names)}


def _cell(text: str, style: str) -> RenderableType:
    """A cell's text as Rich draws it, in linear time (``text`` is already safe for a terminal)."""
    if len(text) <= PIECE:
        return Text(text, style=style)
    return Group(*(Text(piece, style=style) for piece in pieces(text)))


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at its line breaks where it has them
    (a piece drawn alone then looks as it would in the whole), which are left out as Group adds them."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and len(out[-1]) + 1 + len(line) <= size:
            out[-1] += "\n" + line
        else:
            out += [line[i : i + size] for i in range(0, len(line), size)] or [""]
    return out


def print_listings(listings: Iterable[Listing], console: Console, lang: Lang) -> None:
    for i, listing in enumerate(listings):
        if i:
            console.print()
        if listing.title:
            console.print(Text(for_terminal(listing.title), style="bold"))
        plain = plain_table(listing, console.width, lang) if console.color_system is None else None  # same text, faster
        if plain is None:
            console.print(to_table(listing, lang, console.width))
        else:
            console.file.write(plain)
