"""Commands that read the campaign: check, summary, tasks, show, init."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from guilin_campaign.catalogue import text
from guilin_campaign.cli import reads
from guilin_campaign.cli.common import (
    DataOpt,
    Format,
    OutputOpt,
    current_lang,
    emit,
    exit_with,
    open_data,
)
from guilin_campaign.cli.listing_file import About
from guilin_campaign.cli.options import FormatOpt, choice
from guilin_campaign.lookup import status_id


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def check(data: DataOpt = None, fmt: Annotated[CheckFormat, typer.Option("--format", "-f", parser=choice(CheckFormat), help="opt.check.format")] = CheckFormat.text) -> None:
    """Validate both files and the references between them; exit 1 if anything is wrong."""
    exit_with(reads.check(data, fmt.value, current_lang()))


def summary(data: DataOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """Counts of actions, measures, indicators, tasks and units, and tasks by status."""
    exit_with(reads.summary(data, fmt, output, current_lang()))


def tasks(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.tasks.unit")] = None,
    status: Annotated[Optional[str], typer.Option("--status", "-s", help="opt.tasks.status")] = None,
    action: Annotated[Optional[str], typer.Option("--action", "-a", help="opt.tasks.action")] = None,
    output: OutputOpt = None,
    adhoc: Annotated[bool, typer.Option("--adhoc", help="opt.tasks.adhoc")] = False,
    batch: Annotated[Optional[int], typer.Option("--batch", "-b", help="opt.tasks.batch", min=1)] = None,
) -> None:
    """List tasks of the decomposition table, filtered by unit, status or action."""
    wanted = None if status is None else status_id(status)  # 推进中 or doing
    if status is not None and wanted is None:
        raise typer.BadParameter(text("cli.bad_status", current_lang(), value=repr(status)), param_hint="--status")
    exit_with(reads.tasks(data, fmt, unit, wanted, action, output, adhoc, batch, current_lang()))


def show(ident: Annotated[str, typer.Argument(metavar="ID", help="opt.show.id")], data: DataOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """Show one task, measure, action, indicator, unit or group with everything about it."""
    from guilin_campaign.queries.show import show as build
    from guilin_campaign.render.detail import field_listing

    c = open_data(data)
    detail = build(c, ident, current_lang())
    emit(fmt, detail.as_dict(), [field_listing(detail, current_lang()), *detail.sections.values()], output, About(c, ident))


def init(
    folder: Annotated[Path, typer.Argument(help="opt.init.folder")],
    source: Annotated[Optional[Path], typer.Option("--from", help="opt.init.from", show_default=False)] = None,
    empty: Annotated[bool, typer.Option("--empty", help="opt.init.empty")] = False,
    no_git: Annotated[bool, typer.Option("--no-git", help="opt.init.no_git")] = False,
) -> None:
    """Make a data folder: the built-in sample (or --from, --empty), .gitignore, .gitattributes, git (never overwrites)."""
    from guilin_campaign.initdata import init_folder

    lang = current_lang()
    if source is not None and empty:
        raise typer.BadParameter(text("cli.init.both", lang), param_hint="--from")
    result = init_folder(folder, source, empty, use_git=not no_git)
    for path in result.created:
        print(text("cli.init.created", lang, path=path))
    if result.git == "committed":
        print(text("cli.init.git_committed", lang, folder=folder))
    elif result.git.startswith("in-repository"):
        print(text("cli.init.git_inside", lang, folder=folder, repository=result.git.split(" ", 1)[1]))
    elif result.git == "no git":
        print(text("cli.init.no_git", lang))
    print(text("cli.init.next", lang, folder=folder))


COMMANDS = (check, summary, tasks, show, init)
