"""Commands that change the tasks file: start, done, block, reopen, note, reading."""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Optional, Union

import typer
from typer._click.core import Context  # Typer 0.29 vendors Click; its errors are not re-exported
from typer._click.exceptions import NoSuchOption, UsageError
from typer.core import TyperCommand

from guilin_campaign.catalogue import msg, render
from guilin_campaign.catalogue import text as say
from guilin_campaign.cli.common import DataOpt, cache_folder, current_lang, data_folder, parse_date
from guilin_campaign.loadresult import TASKS_FILE
from guilin_campaign.problems import CampaignError, ErrorKind, MessageError
from guilin_campaign.vocab import Status
from guilin_campaign.write.lock import Holder

if TYPE_CHECKING:
    from guilin_campaign.campaign import Campaign
    from guilin_campaign.write.apply import Change
    from guilin_campaign.write.changes import Update
    from guilin_campaign.write.requests import RecordReading, SetStatus
    from guilin_campaign.yamlsyntax.records import Session

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


_EXAMPLES = {"TEXT": "guilin-campaign note T042 已召开推进会", "--note": "--note 已召开推进会", "--by": "--by scjgj", "--unit": "--unit lipu"}


def _text(value: str | None, option: str) -> str | None:
    """Text the log keeps (a note, a reason, a name): absent is fine, empty or blank is refused
    (an empty log entry, an empty reason, a name silently dropped)."""
    if value is not None and not value.strip():
        raise CampaignError(msg("cli.update.empty", option=option, example=_EXAMPLES[option]), kind=ErrorKind.USAGE)
    return value


def _run(data: DataOpt, change: Change, dry_run: bool, commit: bool) -> None:
    from guilin_campaign.write.apply import apply  # the update machinery: only when a command updates
    from guilin_campaign.write.fileio import require_writable

    folder = data_folder(data, updating=True)
    if not dry_run:
        require_writable(folder / TASKS_FILE)  # before the lock and the checks: say it at once
    outcome = apply(folder, change, dry_run=dry_run, commit=commit, cache_folder=cache_folder(os.environ),
                    holder=_holder(), on_wait=lambda message: print(render(message, current_lang()), file=sys.stderr))
    lang = current_lang()
    if dry_run:
        sys.stdout.write(outcome.diff)
        print(say("cli.update.dry_run", lang, message=outcome.message), file=sys.stderr)
        return
    print(say("cli.update.updated", lang, message=outcome.message, path=folder / "tasks.yaml"))
    if outcome.commit:
        print(say("cli.update.committed", lang, commit=outcome.commit))


@dataclass(frozen=True)
class UnitNamed:
    """An update whose ``--unit`` may be a unit's full or short name (融安县): it is turned into the
    unit's id against the campaign the update is applied to (an unknown or ambiguous name: exit 2)."""

    change: Union[SetStatus, RecordReading]

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        from guilin_campaign.lookup import unit_id

        unit = self.change.unit
        resolved = self.change if unit is None else replace(self.change, unit=unit_id(c, unit))
        return resolved(c, text, session=session)


def _holder() -> Holder:
    """This command, as the lock file names it to a clerk who must wait for it."""
    from datetime import datetime

    return Holder(shlex.join(["guilin-campaign", *sys.argv[1:]]), datetime.now().astimezone().isoformat(timespec="seconds"))


def _status(status: Status, task: str, unit: str | None, note: str | None, by: str | None, on: str | None,
            data: DataOpt, dry_run: bool, commit: bool) -> None:
    from guilin_campaign.write.requests import SetStatus

    note, by, unit = _text(note, "--note"), _text(by, "--by"), _text(unit, "--unit")
    _run(data, UnitNamed(SetStatus(task, status, parse_date(on, "--on"), note, by, unit)), dry_run, commit)


def start(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
          data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) as in progress (doing)."""
    _status("doing", task, unit, note, by, on, data, dry_run, commit)


def done(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
         data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) done on --on (default today); sets done_on."""
    _status("done", task, unit, note, by, on, data, dry_run, commit)


def block(task: TaskArg, note: Annotated[str, typer.Option("--note", "-n", help="opt.block.note")],
          unit: UnitOpt = None, by: ByOpt = None, on: OnOpt = None,
          data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Mark a task (or one unit's part) blocked, with the reason."""
    _status("blocked", task, unit, note, by, on, data, dry_run, commit)


def reopen(task: TaskArg, unit: UnitOpt = None, note: NoteOpt = None, by: ByOpt = None, on: OnOpt = None,
           data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Reopen a task (or one unit's part): back to doing, done_on removed."""
    _status("doing", task, unit, note, by, on, data, dry_run, commit)


def note(task: TaskArg, text: Annotated[str, typer.Argument(metavar="TEXT", help="opt.note.text")],
         by: ByOpt = None, on: OnOpt = None, data: DataOpt = None,
         dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Append a progress note to a task's log without changing its status."""
    from guilin_campaign.write.requests import AddNote

    text, by = _text(text, "TEXT") or "", _text(by, "--by")
    _run(data, AddNote(task, text, parse_date(on, "--on"), by), dry_run, commit)


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
    _run(data, UnitNamed(RecordReading(indicator, number, month, _text(unit, "--unit"))), dry_run, commit)


note.command_class = TextCommand  # type: ignore[attr-defined]
# A reading may be negative (a county's net growth rate in June): `-1.5` is a value, not an option.
reading.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]

COMMANDS = (start, done, block, reopen, note, reading)
