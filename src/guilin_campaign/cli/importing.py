"""Command: ``import table FILE -o DIR``: a new data folder from the office's decomposition table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from guilin_campaign.cli.common import handled

COMMANDS: tuple[Callable[..., Any], ...] = ()

import_app = typer.Typer(
    help="cmd.import",
    no_args_is_help=True,
    rich_markup_mode=None,
)
# app.py adds each (name, Typer) here as a group of sub-commands.
TYPER_APPS = (("import", import_app),)


@import_app.command()
@handled
def table(
    file: Annotated[Path, typer.Argument(help="opt.import.file")],
    output: Annotated[Path, typer.Option("--output", "-o", help="opt.import.output")],
    sheet: Annotated[str | None, typer.Option("--sheet", help="opt.import.sheet", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", help="opt.import.year", show_default=False)] = None,
    units: Annotated[Path | None, typer.Option("--units", help="opt.import.units", show_default=False)] = None,
    maps: Annotated[list[str] | None, typer.Option("--map", help="opt.import.map", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="opt.import.dry_run")] = False,
) -> None:
    """Read a 任务分解表 and write tasks.yaml and units.yaml that pass `check`; print a summary in Chinese."""
    from guilin_campaign.tableimport import words
    from guilin_campaign.tableimport.run import ImportOptions, import_table

    opts = ImportOptions(file, output, sheet, year, units, tuple(maps or ()), dry_run)
    result = import_table(opts)
    print("\n".join(result.summary))
    if result.errors:
        print(words.NOT_WRITTEN.format(n=len(result.errors)), file=sys.stderr)
        raise typer.Exit(1)
    if dry_run:
        print(words.DRY_RUN)
    else:
        print(words.WROTE.format(tasks=result.written[1], units=result.written[0], folder=output))
