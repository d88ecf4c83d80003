"""Command: rank MONTH, the month's scores and ranks per category (rules from rules.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from guilin_campaign.cli.common import AsOfOpt, DataOpt, Format, OutputOpt, current_lang, emit, open_data, parse_date
from guilin_campaign.cli.options import FormatOpt


def rank(
    month: Annotated[str, typer.Argument(metavar="MONTH", help="opt.rank.month")],
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
) -> None:
    """Each unit's score for MONTH, its components and its rank per category (考核排名)."""
    from guilin_campaign.cli.listing_file import About
    from guilin_campaign.queries.rank import rank as build
    from guilin_campaign.report.periods import parse_period
    from guilin_campaign.rules import require_rules

    period = parse_period(month, "monthly")
    c = open_data(data)
    result = build(c, period, require_rules(c.folder, c), parse_date(as_of) if as_of is not None else None, lang=current_lang())
    listings = [result.csv_listing(current_lang())] if fmt is Format.csv else result.listings(current_lang())
    emit(fmt, {"month": result.month, "as_of": result.as_of, "rows": result.rows}, listings, output,
         About(c, "title.rank_all", result.as_of, (("month", result.month),)))


COMMANDS: tuple[Callable[..., Any], ...] = (rank,)
