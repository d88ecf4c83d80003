"""Rich tables for the terminal. With :mod:`render.plain` (its cell widths), the only modules besides the
CLI that know Rich."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import display, for_terminal
from guilin_campaign.render.plain import WIDTH, plain_table

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


def to_table(listing: Listing) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for col in listing.columns:
        table.add_column(col.label, justify="right" if col.numeric else "left", overflow="fold")
    for row in listing.rows:
        style = LIGHT_STYLE.get(str(row.get("light")), "")
        cells = [_cell(display(c.key, row.get(c.key)), style if c.key == "light" else "") for c in listing.columns]
        table.add_row(*cells, style=style if style == "bold red" else None)
    if not listing.rows:
        table.caption = "（无）"
    return table


def _cell(text: str, style: str) -> RenderableType:
    """A cell's text as Rich draws it, without what a terminal would obey, in linear time."""
    text = for_terminal(text)
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


def print_listings(listings: Iterable[Listing], console: Console) -> None:
    for i, listing in enumerate(listings):
        if i:
            console.print()
        if listing.title:
            console.print(Text(for_terminal(listing.title), style="bold"))
        plain = plain_table(listing, console.width) if console.color_system is None else None  # same text, faster
        if plain is None:
            console.print(to_table(listing))
        else:
            console.file.write(plain)
