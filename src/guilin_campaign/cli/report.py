"""Commands: ``report monthly YYYY-MM`` and ``report quarterly YYYY-QN`` (月度汇总, 季度小结)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from guilin_campaign.catalogue import text as say
from guilin_campaign.cli.common import DataOpt, current_lang, data_folder, handled, load_data, parse_date
from guilin_campaign.cli.options import choice
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, require_campaign
from guilin_campaign.report.periods import Kind, parse_period

COMMANDS: tuple[Callable[..., Any], ...] = ()

report_app = typer.Typer(
    help="cmd.report",
    no_args_is_help=True,
    rich_markup_mode=None,
)
# app.py adds each (name, Typer) here as a group of sub-commands.
TYPER_APPS = (("report", report_app),)


class ReportFormat(StrEnum):
    table = "table"
    md = "md"
    html = "html"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


# Not the views' --as-of: a report's default is its period's last day, not today.
PeriodAsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="opt.report.as_of", show_default=False),
]
ReportFormatOpt = Annotated[
    ReportFormat | None,
    typer.Option("--format", "-f", parser=choice(ReportFormat), show_default=False,
                 help="opt.report.format"),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="opt.report.output", show_default=False),
]
IssueOpt = Annotated[int | None, typer.Option("--issue", min=1, metavar="N", show_default=False,
                                              help="opt.report.issue")]
OfficeOpt = Annotated[str | None, typer.Option("--office", metavar="NAME", show_default=False,
                                               help="opt.report.office")]
# The report's --soon: the wall chart's window (the views' is cli.common.SoonOpt).
ReportSoonOpt = Annotated[Optional[int], typer.Option("--soon", min=0, help="opt.report.soon", show_default=False)]
RevOpt = Annotated[
    str | None,
    typer.Option("--rev", metavar="REV", show_default=False,
                 help="opt.report.rev"),
]


@report_app.command()
@handled
def monthly(
    month: Annotated[str, typer.Argument(metavar="YYYY-MM", help="opt.report.month")],
    data: DataOpt = None, as_of: PeriodAsOfOpt = None, fmt: ReportFormatOpt = None, output: OutputOpt = None, soon: ReportSoonOpt = None,
    rev: RevOpt = None, issue: IssueOpt = None, office: OfficeOpt = None,
) -> None:
    """月度汇总: the month's summary, as of its last day unless --as-of says otherwise; as docx, the 通报."""
    _report("monthly", month, data, as_of, fmt, output, soon, rev, issue, office)


@report_app.command()
@handled
def quarterly(
    quarter: Annotated[str, typer.Argument(metavar="YYYY-QN", help="opt.report.quarter")],
    data: DataOpt = None, as_of: PeriodAsOfOpt = None, fmt: ReportFormatOpt = None, output: OutputOpt = None, soon: ReportSoonOpt = None,
    rev: RevOpt = None, issue: IssueOpt = None, office: OfficeOpt = None,
) -> None:
    """季度小结: the quarter's brief, as of its last day unless --as-of says otherwise."""
    _report("quarterly", quarter, data, as_of, fmt, output, soon, rev, issue, office)


def _report(kind: Kind, text: str, data: Path | None, as_of: str | None, fmt: ReportFormat | None, output: Path | None,
            soon: int | None, rev: str | None = None, issue: int | None = None, office: str | None = None) -> None:
    from guilin_campaign.office import load_words
    from guilin_campaign.report.build import build_report
    from guilin_campaign.report.output import choose_format, render, write_report
    from guilin_campaign.rules import require_rules

    period = parse_period(text, kind)
    chosen = choose_format(fmt.value if fmt else None, output)
    day = parse_date(as_of) if as_of is not None else None
    folder = data_folder(data)
    if rev is None:
        campaign = require_campaign(load_data(folder))
    else:
        from guilin_campaign.revision import campaign_at_revision

        campaign = campaign_at_revision(folder, rev)
    from guilin_campaign.cli.common import cache_folder
    from guilin_campaign.ledger.cached import open_ledger_cached

    lights = require_rules(folder, campaign).lights  # the folder's rules, also for --rev
    # The ledger is read from the work tree; with --rev the report has no 查访 section (docs/commands/report.md).
    ledger = open_ledger_cached(folder, campaign, cache_folder(os.environ)) if rev is None else None
    report = build_report(campaign, period, day, lights.due_soon_days if soon is None else soon, lights, ledger=ledger)
    if chosen == "table":
        from guilin_campaign.render.table import make_console, print_listings

        console = make_console()
        lang = current_lang()
        console.print(report.title(lang), style="bold", markup=False)
        console.print(report.subtitle(lang), markup=False)
        console.print()
        print_listings(report.listings(lang).values(), console, lang)
    elif output is None:
        sys.stdout.write(render(report, chosen, current_lang()).decode("utf-8"))
    else:
        words = load_words(folder, campaign.info).with_options(office, issue)
        write_report(output, render(report, chosen, current_lang(), words), [folder / TASKS_FILE, folder / UNITS_FILE])
        print(say("cli.wrote", current_lang(), path=output), file=sys.stderr)
