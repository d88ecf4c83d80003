"""Commands that read the campaign: check, summary, tasks, show, init."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from guilin_campaign.cli.common import DataOpt, Format, OutputOpt, current_lang, data_folder, emit, load_data, open_data
from guilin_campaign.cli.listing_file import About
from guilin_campaign.cli.options import FormatOpt, choice
from guilin_campaign.model import Status
from guilin_campaign.render.text import to_json
from guilin_campaign.rules import load_rules


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def check(data: DataOpt = None, fmt: Annotated[CheckFormat, typer.Option("--format", "-f", parser=choice(CheckFormat))] = CheckFormat.text) -> None:
    """Validate both files and the references between them; exit 1 if anything is wrong."""
    folder = data_folder(data)
    result = load_data(folder)
    problems = result.problems + load_rules(folder, result.campaign).problems  # rules.yaml, when there is one
    ledger = None
    if result.campaign is not None:  # the ledger (optional) is checked against the units
        from guilin_campaign.ledger.load import load_ledger

        ledger, ledger_problems = load_ledger(folder, result.campaign)
        problems = problems + ledger_problems
    if fmt is CheckFormat.json:
        sys.stdout.write(to_json([p.as_dict() for p in problems]))
    else:
        for problem in problems:
            print(problem)
        c = result.campaign
        if not problems and c is not None:
            adhoc = sum(ref.adhoc is not None for ref in c.tasks)
            counts = f"{len(c.tasks) - adhoc} tasks, {adhoc} ad-hoc tasks, {len(c.indicators)} indicators, {len(c.units)} units"
            print(f"ok: {c.tasks_file} and {c.units_file}: {counts}, no problems")
            if ledger is not None:
                print(f"ok: {folder / 'ledger'}: {len(ledger.visits)} visits, {len(ledger.problems)} problems, "
                      f"{len(ledger.policies)} policies, no problems")
        else:
            print(f"{len(problems)} problem(s) found", file=sys.stderr)
    if problems:
        raise typer.Exit(1)


def summary(data: DataOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """Counts of actions, measures, indicators, tasks and units, and tasks by status."""
    from guilin_campaign.queries.summary import summary as build
    from guilin_campaign.queries.summary import summary_listing

    c = open_data(data)
    result = build(c)
    emit(fmt, result, [summary_listing(result, current_lang())], output, About(c, "title.book_summary"))


def tasks(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Unit id or group (tasks it is responsible for or supports).")] = None,
    status: Annotated[Optional[str], typer.Option("--status", "-s", help="todo, doing, done or blocked.")] = None,
    action: Annotated[Optional[str], typer.Option("--action", "-a", help="Action id, e.g. A1.")] = None,
    output: OutputOpt = None,
) -> None:
    """List tasks of the decomposition table, filtered by unit, status or action."""
    from guilin_campaign.queries.tasks import select_tasks, tasks_listing

    if status is not None and status not in Status.__args__:  # type: ignore[attr-defined]
        raise typer.BadParameter(f"{status!r} is not one of todo, doing, done, blocked", param_hint="--status")
    c = open_data(data)
    listing = tasks_listing(c, select_tasks(c, unit, status, action), current_lang())
    emit(fmt, listing.rows, [listing], output, About(c, "title.book_tasks"))


def show(ident: Annotated[str, typer.Argument(metavar="ID", help="Task, measure, action, indicator, unit or group id.")], data: DataOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None) -> None:
    """Show one task, measure, action, indicator, unit or group with everything about it."""
    from guilin_campaign.queries.show import show as build
    from guilin_campaign.render.detail import field_listing

    c = open_data(data)
    detail = build(c, ident, current_lang())
    emit(fmt, detail.as_dict(), [field_listing(detail, current_lang()), *detail.sections.values()], output, About(c, ident))


def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create the data in (new, or without the files).")],
    source: Annotated[Optional[Path], typer.Option("--from", help="Copy the office's own tasks.yaml and units.yaml from this folder (after they pass check).", show_default=False)] = None,
    empty: Annotated[bool, typer.Option("--empty", help="A minimal valid skeleton with comments saying what to fill in, instead of the sample.")] = False,
    no_git: Annotated[bool, typer.Option("--no-git", help="Do not run git init, set the merge driver or commit.")] = False,
) -> None:
    """Make a data folder: the built-in sample (or --from, --empty), .gitignore, .gitattributes, git (never overwrites)."""
    from guilin_campaign.initdata import init_folder

    if source is not None and empty:
        raise typer.BadParameter("give --from FOLDER or --empty, not both", param_hint="--from")
    result = init_folder(folder, source, empty, use_git=not no_git)
    for path in result.created:
        print(f"created {path}")
    if result.git == "committed":
        print(f"git: made a repository in {folder}, set the merge driver, committed the files")
    elif result.git.startswith("in-repository"):
        print(f"git: {folder} is inside the repository {result.git.split(' ', 1)[1]}: merge driver set; commit the new files yourself")
    elif result.git == "no git":
        print("git: not installed; the folder works without it (install git, then run `guilin-campaign git-setup` there)")
    print(f"next: cd {folder}, edit tasks.yaml, then run `guilin-campaign check`")


COMMANDS = (check, summary, tasks, show, init)
