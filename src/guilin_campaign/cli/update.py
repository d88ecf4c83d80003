"""Commands that change the tasks file: start, done, block, reopen, note, reading."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from typer._click.core import Context  # Typer 0.29 vendors Click; its errors are not re-exported
from typer._click.exceptions import NoSuchOption, UsageError
from typer.core import TyperCommand

from guilin_campaign.catalogue import msg
from guilin_campaign.catalogue import text as say
from guilin_campaign.cli import updates
from guilin_campaign.cli.common import DataOpt, current_lang, exit_with
from guilin_campaign.cli.updates import UnitNamed, checked_text
from guilin_campaign.problems import CampaignError, ErrorKind, MessageError

TaskArg = Annotated[str, typer.Argument(metavar="ID", help="opt.update.task")]
UnitOpt = Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.update.unit")]
NoteOpt = Annotated[Optional[str], typer.Option("--note", "-n", help="opt.update.note")]
ByOpt = Annotated[Optional[str], typer.Option("--by", help="opt.update.by")]
OnOpt = Annotated[Optional[str], typer.Option("--on", help="opt.update.on", show_default=False)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="opt.update.dry_run")]
CommitOpt = Annotated[bool, typer.Option("--commit", help="opt.update.commit")]


class TextCommand(TyperCommand):
    """A command with free text: a note starting with '-' is taken for an option by Click, whose
    "No such option: -t" does not say what to do; say how to pass such a text."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes the list it is given
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as err:
            text_ = next((a for a in given if a.startswith(err.option_name) and not a.startswith("--")), err.option_name)
            raise UsageError(say("cli.update.dash_text", current_lang(), message=err.format_message(), command=ctx.info_name,
                                  text=text_), ctx) from None


def start(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
          data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) as in progress (doing)."""
    exit_with(updates.status("doing", task, unit, note, by, on, data, dry_run, commit, current_lang()))


def done(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
         data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) done on --on (default today); sets done_on."""
    exit_with(updates.status("done", task, unit, note, by, on, data, dry_run, commit, current_lang()))


def block(task: TaskArg, note: Annotated[str, typer.Option("--note", "-n", help="opt.block.note")],
          unit: UnitOpt = None, by: ByOpt = None, on: OnOpt = None,
          data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) blocked, with the reason."""
    exit_with(updates.status("blocked", task, unit, note, by, on, data, dry_run, commit, current_lang()))


def reopen(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
           data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Reopen a task (or one unit's part): back to doing, done_on removed."""
    exit_with(updates.status("doing", task, unit, note, by, on, data, dry_run, commit, current_lang()))


def note(task: TaskArg, text: Annotated[str, typer.Argument(metavar="TEXT", help="opt.note.text")],
         by: ByOpt = None, on: OnOpt = None, data: DataOpt = None,
         dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Append a progress note to a task's log without changing its status."""
    exit_with(updates.note(task, text, by, on, data, dry_run, commit, current_lang()))


def reading(indicator: Annotated[str, typer.Argument(metavar="INDICATOR", help="opt.reading.indicator")],
            value: Annotated[str, typer.Argument(metavar="VALUE", help="opt.reading.value")],
            month: Annotated[str, typer.Option("--month", "-m", help="opt.reading.month")],
            unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.reading.unit")] = None,
            data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Record an indicator's reading for a month (the city value, or one unit's)."""
    from guilin_campaign import numbers
    from guilin_campaign.write.requests import RecordReading

    try:
        number = numbers.parse(value)
    except MessageError as err:
        raise CampaignError(msg("cli.update.value", error=err.message), kind=ErrorKind.USAGE) from None
    exit_with(updates.run(data, UnitNamed(RecordReading(indicator, number, month, checked_text(unit, "--unit"))), dry_run,
                          commit, current_lang()))


note.command_class = TextCommand  # type: ignore[attr-defined]
# A reading may be negative (a county's net growth rate in June): `-1.5` is a value, not an option.
reading.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]

COMMANDS = (start, done, block, reopen, note, reading)
