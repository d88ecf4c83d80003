"""Commands: problems, visits, policies: the field-visit ledger (查访台账, issue 16), read side.

Each parses its options, calls one query in :mod:`guilin_campaign.queries.ledger` and prints the
result. The write commands (visit add, problem add/solve/reopen) come through the safe write path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from guilin_campaign.campaign import Campaign
from guilin_campaign.cli.common import (
    AsOfOpt,
    DataOpt,
    Format,
    OutputOpt,
    current_lang,
    data_folder,
    emit,
    handled,
    load_data,
    parse_date,
)
from guilin_campaign.cli.listing_file import About
from guilin_campaign.cli.options import FormatOpt
from guilin_campaign.loadresult import require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind

if TYPE_CHECKING:  # imported when a command reads the ledger: it imports pydantic
    from guilin_campaign.ledger.book import Ledger
    from guilin_campaign.write.ledger_apply import LedgerChange

UnitOpt = Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.problems.unit", show_default=False)]


def open_ledger_data(data: Path | None) -> tuple[Campaign, Ledger]:
    """The campaign and its ledger; a folder without ``ledger/`` is told how to start one."""
    import os

    from guilin_campaign.cli.common import cache_folder
    from guilin_campaign.ledger.cached import open_ledger_cached

    folder = data_folder(data)
    campaign = require_campaign(load_data(folder))
    ledger = open_ledger_cached(folder, campaign, cache_folder(os.environ))
    if ledger is None:
        raise CampaignError(f"{folder} has no ledger: create the folder {folder / 'ledger'} with a month file "
                            "such as 2022-07.yaml (see docs/data-format.md, \"The ledger\")")
    return campaign, ledger


def problems(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    open_: Annotated[bool, typer.Option("--open", help="opt.problems.open")] = False,
    unit: UnitOpt = None,
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="opt.problems.category", show_default=False)] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="opt.problems.overdue")] = False,
    soon: Annotated[Optional[int], typer.Option("--soon", min=0, metavar="N", show_default=False, help="opt.problems.soon")] = None,
    output: OutputOpt = None,
) -> None:
    """Problems found on field visits (查访问题): unit, category, deadline, status and light."""
    from guilin_campaign.queries.ledger import problem_rows, problems_listing

    day = parse_date(as_of)
    c, ledger = open_ledger_data(data)
    if soon is None:
        from guilin_campaign.rules import require_rules

        soon = require_rules(c.folder, c).lights.due_soon_days  # the office's window, as for tasks
    rows = problem_rows(c, ledger, day, soon, open_only=open_, unit=unit, category=category, overdue_only=overdue)
    emit(fmt, rows, [problems_listing(rows, day, current_lang())], output, About(c, "title.book_problems", day))


def visits(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="YYYY-MM", help="opt.visits.month", show_default=False)] = None,
    team: Annotated[Optional[str], typer.Option("--team", "-t", help="opt.visits.team", show_default=False)] = None,
    output: OutputOpt = None,
) -> None:
    """Field visits (查访记录): date, team, entity visited, key enterprise, what was found."""
    from guilin_campaign.model import MONTH
    from guilin_campaign.queries.ledger import visit_rows, visits_listing

    if month is not None and not MONTH.fullmatch(month):
        raise typer.BadParameter(f"{month!r} is not a month: write YYYY-MM, e.g. 2022-07", param_hint="--month")
    c, ledger = open_ledger_data(data)
    rows = visit_rows(c, ledger, month, team)
    emit(fmt, rows, [visits_listing(rows, month, current_lang())], output, About(c, "title.book_visits"))


def policies(data: DataOpt = None, fmt: FormatOpt = Format.table, as_of: AsOfOpt = None, output: OutputOpt = None) -> None:
    """The policy checklist (政策落实清单): each policy, its units and whether it is implemented."""
    from guilin_campaign.queries.ledger import policies_listing, policy_rows

    day = parse_date(as_of)
    c, ledger = open_ledger_data(data)
    rows = policy_rows(c, ledger, day)
    emit(fmt, rows, [policies_listing(rows, day, current_lang())], output, About(c, "title.book_policies", day))


COMMANDS: tuple[Callable[..., Any], ...] = (problems, visits, policies)


# --- the write commands: visit add, problem add / solve / reopen, through write/ledger_apply.py ------

visit_app = typer.Typer(help="cmd.visit", no_args_is_help=True, rich_markup_mode=None)
problem_app = typer.Typer(help="cmd.problem", no_args_is_help=True, rich_markup_mode=None)
TYPER_APPS = (("visit", visit_app), ("problem", problem_app))

LedgerDryRun = Annotated[bool, typer.Option("--dry-run", help="opt.ledger.dry_run")]
LedgerCommit = Annotated[bool, typer.Option("--commit", help="opt.ledger.commit")]
ProblemArg = Annotated[str, typer.Argument(metavar="ID", help="opt.problem.id")]


def _given(value: str, option: str) -> str:
    """Text the ledger keeps (an entity, a problem, how, why): empty or blank is refused."""
    from guilin_campaign.catalogue import msg

    if not value.strip():
        raise CampaignError(msg("ledger.empty_text", option=option), kind=ErrorKind.USAGE)
    return value


def _run_ledger(data: Path | None, change: LedgerChange, dry_run: bool, commit: bool) -> None:
    import sys

    from guilin_campaign.catalogue import render, text
    from guilin_campaign.cli.common import current_lang
    from guilin_campaign.cli.updates import holder as _holder
    from guilin_campaign.write.fileio import require_writable
    from guilin_campaign.write.ledger_apply import apply_ledger

    folder = data_folder(data, updating=True)
    if not dry_run:
        require_writable(folder)  # before the lock and the checks: say it at once
    outcome = apply_ledger(folder, change, dry_run=dry_run, commit=commit, holder=_holder(),
                           on_wait=lambda message: print(render(message, current_lang()), file=sys.stderr))
    lang = current_lang()
    if dry_run:
        sys.stdout.write(outcome.diff)
        print(text("ledger.dry_run", lang, change=outcome.message), file=sys.stderr)
        return
    print(text("ledger.updated", lang, change=outcome.message, file=outcome.file))
    if outcome.commit:
        print(text("ledger.committed", lang, commit=outcome.commit))


@visit_app.command("add", help="cmd.visit.add")
@handled
def visit_add(
    team: Annotated[str, typer.Option("--team", "-t", help="opt.visit.add.team")],
    entity: Annotated[str, typer.Option("--entity", help="opt.visit.add.entity")],
    on: Annotated[Optional[str], typer.Option("--on", help="opt.visit.add.on", show_default=False)] = None,
    credit_code: Annotated[Optional[str], typer.Option("--credit-code", help="opt.visit.add.credit_code", show_default=False)] = None,
    key: Annotated[bool, typer.Option("--key", help="opt.visit.add.key")] = False,
    found: Annotated[Optional[str], typer.Option("--found", help="opt.visit.add.found", show_default=False)] = None,
    data: DataOpt = None, dry_run: LedgerDryRun = False, commit: LedgerCommit = False,
) -> None:
    """Record a field visit in the month file of its date, with the next free id."""
    from guilin_campaign.write.ledger_records import AddVisit

    found = _given(found, "--found") if found is not None else None
    change = AddVisit(parse_date(on, "--on"), team, _given(entity, "--entity"), credit_code, key, found)
    _run_ledger(data, change, dry_run, commit)


@problem_app.command("add", help="cmd.problem.add")
@handled
def problem_add(
    category: Annotated[str, typer.Option("--category", "-c", help="opt.problem.add.category")],
    unit: Annotated[str, typer.Option("--unit", "-u", help="opt.problem.add.unit")],
    due: Annotated[str, typer.Option("--due", help="opt.problem.add.due")],
    text_: Annotated[str, typer.Option("--text", help="opt.problem.add.text")],
    on: Annotated[Optional[str], typer.Option("--on", help="opt.problem.add.on", show_default=False)] = None,
    visit: Annotated[Optional[str], typer.Option("--visit", help="opt.problem.add.visit", show_default=False)] = None,
    data: DataOpt = None, dry_run: LedgerDryRun = False, commit: LedgerCommit = False,
) -> None:
    """Record a problem in the month file of the day it was raised, with the next free id."""
    from guilin_campaign.write.ledger_records import AddProblem

    change = AddProblem(parse_date(on, "--on"), category, unit, parse_date(due, "--due"), _given(text_, "--text"), visit)
    _run_ledger(data, change, dry_run, commit)


@problem_app.command("solve", help="cmd.problem.solve")
@handled
def problem_solve(
    ident: ProblemArg,
    how: Annotated[str, typer.Option("--how", help="opt.problem.solve.how")],
    on: Annotated[Optional[str], typer.Option("--on", help="opt.problem.solve.on", show_default=False)] = None,
    data: DataOpt = None, dry_run: LedgerDryRun = False, commit: LedgerCommit = False,
) -> None:
    """Mark a problem solved on --on, and how, in the file where it was raised."""
    from guilin_campaign.write.ledger_records import SolveProblem

    _run_ledger(data, SolveProblem(ident, parse_date(on, "--on"), _given(how, "--how")), dry_run, commit)


@problem_app.command("reopen", help="cmd.problem.reopen")
@handled
def problem_reopen(
    ident: ProblemArg,
    reason: Annotated[str, typer.Option("--reason", help="opt.problem.reopen.reason")],
    on: Annotated[Optional[str], typer.Option("--on", help="opt.problem.reopen.on", show_default=False)] = None,
    data: DataOpt = None, dry_run: LedgerDryRun = False, commit: LedgerCommit = False,
) -> None:
    """Reopen a solved problem; the solution it replaces is kept under ``reopened``."""
    from guilin_campaign.write.ledger_records import ReopenProblem

    _run_ledger(data, ReopenProblem(ident, parse_date(on, "--on"), _given(reason, "--reason")), dry_run, commit)
