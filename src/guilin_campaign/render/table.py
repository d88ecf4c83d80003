"""Rich tables for the terminal. With :mod:`render.plain` (its cell widths), the only modules besides the
CLI that know Rich."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import display
from guilin_campaign.render.plain import WIDTH, plain_table

LIGHT_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}


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
        cells = [Text(display(c.key, row.get(c.key)), style=style if c.key == "light" else "") for c in listing.columns]
        table.add_row(*cells, style=style if style == "bold red" else None)
    if not listing.rows:
        table.caption = "（无）"
    return table


def print_listings(listings: Iterable[Listing], console: Console) -> None:
    for i, listing in enumerate(listings):
        if i:
            console.print()
        if listing.title:
            console.print(Text(listing.title, style="bold"))
        plain = plain_table(listing, console.width) if console.color_system is None else None  # same text, faster
        if plain is None:
            console.print(to_table(listing))
        else:
            console.file.write(plain)
