"""Commands: problems, visits, policies: the field-visit ledger (查访台账, issue 16), read side.

Each parses its options, calls one query in :mod:`guilin_campaign.queries.ledger` and prints the
result. The write commands (visit add, problem add/solve/reopen) come through the safe write path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from guilin_campaign.campaign import Campaign
from guilin_campaign.cli.common import AsOfOpt, DataOpt, Format, OutputOpt, current_lang, data_folder, emit, load_data, parse_date
from guilin_campaign.cli.listing_file import About
from guilin_campaign.cli.options import FormatOpt
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.loading import require_campaign
from guilin_campaign.problems import CampaignError

UnitOpt = Annotated[Optional[str], typer.Option("--unit", "-u", help="Responsible unit: id, group or Chinese name.", show_default=False)]


def open_ledger_data(data: Path | None) -> tuple[Campaign, Ledger]:
    """The campaign and its ledger; a folder without ``ledger/`` is told how to start one."""
    from guilin_campaign.ledger.load import open_ledger

    folder = data_folder(data)
    campaign = require_campaign(load_data(folder))
    ledger = open_ledger(folder, campaign)
    if ledger is None:
        raise CampaignError(f"{folder} has no ledger: create the folder {folder / 'ledger'} with a month file "
                            "such as 2022-07.yaml (see docs/data-format.md, \"The ledger\")")
    return campaign, ledger


def problems(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    open_: Annotated[bool, typer.Option("--open", help="Only problems not solved at the as-of date.")] = False,
    unit: UnitOpt = None,
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="One category, e.g. 资金缺口.", show_default=False)] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open problems past their deadline (red).")] = False,
    soon: Annotated[Optional[int], typer.Option("--soon", min=0, metavar="N", show_default=False, help="An open problem due within N days is yellow [default: rules.yaml's lights.due_soon_days, else 7].")] = None,
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
    month: Annotated[Optional[str], typer.Option("--month", "-m", metavar="YYYY-MM", help="One month's visits.", show_default=False)] = None,
    team: Annotated[Optional[str], typer.Option("--team", "-t", help="One team (unit id, group or name).", show_default=False)] = None,
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
