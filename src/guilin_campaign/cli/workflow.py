"""Commands of the 督办 workflow: ``add task``, ``add adhoc``, ``extend``, ``return``, ``adjust``.

Each builds one request (:mod:`guilin_campaign.write.records_add`, :mod:`~guilin_campaign.write.extend_return`,
:mod:`~guilin_campaign.write.rules_write`) and hands it to the safe write path; words from the catalogue.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from guilin_campaign.catalogue import msg, render, text
from guilin_campaign.cli.common import DataOpt, cache_folder, current_lang, data_folder, handled, parse_date
from guilin_campaign.loadresult import TASKS_FILE
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.lock import Holder

if TYPE_CHECKING:
    from guilin_campaign.write.apply import Change, Outcome

DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="opt.workflow.dry_run")]
CommitOpt = Annotated[bool, typer.Option("--commit", help="opt.workflow.commit")]
TaskArg = Annotated[str, typer.Argument(metavar="ID", help="opt.workflow.task")]
TitleOpt = Annotated[str, typer.Option("--title", help="opt.add.task.title")]
OwnersOpt = Annotated[list[str], typer.Option("--owners", metavar="UNIT[,UNIT...]", help="opt.add.task.owners")]
SupportOpt = Annotated[Optional[list[str]], typer.Option("--support", metavar="UNIT[,UNIT...]", help="opt.add.task.support")]
DueOpt = Annotated[str, typer.Option("--due", metavar="YYYY-MM-DD", help="opt.add.task.due")]
IdOpt = Annotated[Optional[str], typer.Option("--id", help="opt.add.task.id")]

add_app = typer.Typer(help="cmd.add", no_args_is_help=True, rich_markup_mode=None)
TYPER_APPS = (("add", add_app),)


@add_app.command("task", help="cmd.add.task")
@handled
def add_task(measure: Annotated[str, typer.Option("--measure", "-m", help="opt.add.task.measure")], title: TitleOpt,
             owners: OwnersOpt, due: DueOpt, support: SupportOpt = None, task_id: IdOpt = None,
             data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Add a task to a measure, after its last task, with the next free id."""
    from guilin_campaign.write.records_add import AddTask

    change = AddTask(measure, _text(title, "--title") or "", _units(owners), parse_date(due, "--due"), _units(support or []),
                     _text(task_id, "--id"))
    _run(data, change, dry_run, commit)


@add_app.command("adhoc", help="cmd.add.adhoc")
@handled
def add_adhoc(batch: Annotated[str, typer.Option("--batch", "-b", metavar="N", help="opt.add.adhoc.batch")], title: TitleOpt,
              owners: OwnersOpt, due: DueOpt, support: SupportOpt = None,
              source: Annotated[Optional[str], typer.Option("--source", help="opt.add.adhoc.source")] = None,
              received: Annotated[Optional[str], typer.Option("--received", metavar="YYYY-MM-DD", help="opt.add.adhoc.received")] = None,
              task_id: IdOpt = None, data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Add an ad-hoc task (上级临时交办) to a batch: an existing one, or the next."""
    from guilin_campaign.write.records_add import AddAdhoc

    if not re.fullmatch(r"[1-9][0-9]{0,5}", batch.strip()):
        raise CampaignError(msg("workflow.bad_batch", value=batch), kind=ErrorKind.USAGE, option="batch")
    got = parse_date(received, "--received") if received is not None else None
    change = AddAdhoc(int(batch), _text(title, "--title") or "", _units(owners), parse_date(due, "--due"),
                      _text(source, "--source"), got, _units(support or []), _text(task_id, "--id"))
    _run(data, change, dry_run, commit)


def extend(task: TaskArg, to: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="opt.extend.to")],
           reason: Annotated[str, typer.Option("--reason", help="opt.extend.reason")],
           unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.extend.unit")] = None,
           approved_by: Annotated[Optional[str], typer.Option("--approved-by", help="opt.extend.approved_by")] = None,
           on: Annotated[Optional[str], typer.Option("--on", help="opt.extend.on", show_default=False)] = None,
           data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Record an approved extension (延期); the original deadline stays on record."""
    from guilin_campaign.write.extend_return import ExtendTask

    change = ExtendTask(task, parse_date(to, "--to"), _text(reason, "--reason") or "", parse_date(on, "--on"),
                        _text(unit, "--unit"), _text(approved_by, "--approved-by"))
    _run(data, change, dry_run, commit)


def return_(task: TaskArg, reason: Annotated[str, typer.Option("--reason", help="opt.return.reason")],
            unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.return.unit")] = None,
            on: Annotated[Optional[str], typer.Option("--on", help="opt.return.on", show_default=False)] = None,
            by: Annotated[Optional[str], typer.Option("--by", help="opt.return.by")] = None,
            data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Send a claimed completion back (退回): the task or part is open again, the reason logged."""
    from guilin_campaign.write.extend_return import ReturnTask

    change = ReturnTask(task, _text(reason, "--reason") or "", parse_date(on, "--on"), _text(unit, "--unit"), _text(by, "--by"))
    _run(data, change, dry_run, commit)


def adjust(unit: Annotated[str, typer.Argument(metavar="UNIT", help="opt.adjust.unit")],
           points: Annotated[str, typer.Option("--points", metavar="N", help="opt.adjust.points")],
           reason: Annotated[str, typer.Option("--reason", help="opt.adjust.reason")],
           on: Annotated[Optional[str], typer.Option("--on", help="opt.adjust.on", show_default=False)] = None,
           month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="YYYY-MM", help="opt.adjust.month")] = None,
           by: Annotated[Optional[str], typer.Option("--by", help="opt.adjust.by")] = None,
           data: DataOpt = None, dry_run: DryRunOpt = False, commit: CommitOpt = False) -> None:
    """Record a bonus or deduction (加分/扣分) for a unit in rules.yaml, counted in its month's score."""
    from guilin_campaign import numbers
    from guilin_campaign.dates import month_of
    from guilin_campaign.model import MONTH
    from guilin_campaign.write.rules_write import AddAdjustment, apply_adjustment

    try:
        value = numbers.parse(points)
    except ValueError:
        raise CampaignError(msg("workflow.bad_points", value=points), kind=ErrorKind.USAGE, option="points") from None
    if month is not None and not MONTH.fullmatch(month):
        raise CampaignError(msg("workflow.bad_month", value=month), kind=ErrorKind.USAGE, option="month")
    day: date = parse_date(on, "--on")
    change = AddAdjustment(_text(unit, "UNIT") or "", month or month_of(day), value, _text(reason, "--reason") or "", _text(by, "--by"))
    folder = data_folder(data, updating=True)
    _say(apply_adjustment(folder, change, dry_run=dry_run, commit=commit, holder=_holder(),
                          on_wait=lambda m: print(render(m, current_lang()), file=sys.stderr)), folder / "rules.yaml", dry_run)


def _run(data: DataOpt, change: Change, dry_run: bool, commit: bool) -> None:
    from guilin_campaign.write.apply import apply
    from guilin_campaign.write.fileio import require_writable

    folder = data_folder(data, updating=True)
    if not dry_run:
        require_writable(folder / TASKS_FILE)
    outcome = apply(folder, change, dry_run=dry_run, commit=commit, cache_folder=cache_folder(os.environ),
                    holder=_holder(), on_wait=lambda m: print(render(m, current_lang()), file=sys.stderr))
    _say(outcome, folder / TASKS_FILE, dry_run)


def _say(outcome: Outcome, path: object, dry_run: bool) -> None:
    lang = current_lang()
    if dry_run:
        sys.stdout.write(outcome.diff)
        print(text("workflow.dry_run", lang, what=outcome.message), file=sys.stderr)
        return
    print(text("workflow.updated", lang, what=outcome.message, path=path))
    if outcome.commit:
        print(text("workflow.committed", lang, commit=outcome.commit))


def _holder() -> Holder:
    from datetime import datetime

    return Holder(shlex.join(["guilin-campaign", *sys.argv[1:]]), datetime.now().astimezone().isoformat(timespec="seconds"))


_EXAMPLES = {"--title": "--title 制定工作方案", "--reason": "--reason 待上级批复", "--unit": "--unit lipu", "--by": "--by scjgj",
             "--id": "--id T099", "--source": "--source 桂攻坚办〔2022〕5号", "--approved-by": "--approved-by 王主任", "UNIT": "xiufeng"}


def _text(value: str | None, option: str) -> str | None:
    """Absent is fine; empty or blank is refused (an empty reason, a name silently dropped)."""
    if value is not None and not value.strip():
        raise CampaignError(msg("workflow.empty_text", option=option, example=_EXAMPLES[option]), kind=ErrorKind.USAGE)
    return value


def _units(values: list[str]) -> tuple[str, ...]:
    """``--owners scjgj,rsj`` or ``--owners scjgj --owners rsj`` (also 、 and ，between them)."""
    return tuple(u for v in values for u in re.split(r"[,，、\s]+", v) if u)


COMMANDS = (extend, return_, adjust)
