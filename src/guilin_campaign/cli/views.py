"""Commands: overdue, indicators, unit: the supervision views (issue 4).

Each parses its options, calls one query and prints the result; the definitions they follow are
in :mod:`guilin_campaign.dates` and docs/definitions.md.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from guilin_campaign.cli import reads
from guilin_campaign.cli.common import (
    AsOfOpt,
    DataOpt,
    Format,
    OutputOpt,
    SoonOpt,
    current_lang,
    emit,
    exit_with,
    open_data,
    parse_date,
)
from guilin_campaign.cli.listing_file import About
from guilin_campaign.cli.options import FormatOpt

SupportOpt = Annotated[bool, typer.Option("--support", help="opt.support")]


def overdue(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="opt.overdue.unit")] = None,
    soon: Annotated[Optional[int], typer.Option("--soon", min=0, metavar="N", help="opt.overdue.soon", show_default=False)] = None,
    support: SupportOpt = False,
    fail_if_any: Annotated[bool, typer.Option("--fail-if-any", help="opt.overdue.fail_if_any")] = False,
    output: OutputOpt = None,
) -> None:
    """Overdue tasks per unit (groups expanded), with days overdue, measure and the unit's role."""
    exit_with(reads.overdue(data, fmt, as_of, unit, soon, support, fail_if_any, output, current_lang()))


def indicators(
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    key: Annotated[bool, typer.Option("--key", help="opt.indicators.key")] = False,
    by_unit: Annotated[Optional[str], typer.Option("--by-unit", metavar="ID", help="opt.indicators.by_unit", show_default=False)] = None,
    output: OutputOpt = None,
) -> None:
    """Indicators by action: target, actual, completion against time progress (序时进度), status."""
    from guilin_campaign.queries import indicators as query
    from guilin_campaign.rules import require_rules

    day, c = parse_date(as_of), open_data(data)
    lights = require_rules(c.folder, c).lights
    if by_unit is not None:
        rows = query.by_unit_rows(c, by_unit, day, lights)
        emit(fmt, rows, [query.by_unit_listing(c, by_unit, rows, day, current_lang())], output, About(c, "title.book_indicator_by_unit", day))
        return
    rows = query.indicator_rows(c, day, key_only=key, lights=lights)
    # One table per action; CSV prints one listing, so it gets them all in one.
    emit(fmt, rows, [query.indicators_listing(rows, current_lang())] if fmt is Format.csv else query.action_listings(c, rows, day, current_lang()),
         output, About(c, "title.book_indicators", day))


def unit(
    ident: Annotated[str, typer.Argument(metavar="ID", help="opt.unit.id")],
    data: DataOpt = None,
    fmt: FormatOpt = Format.table,
    as_of: AsOfOpt = None,
    soon: SoonOpt = None,
    upcoming: Annotated[int, typer.Option("--next", min=0, metavar="N", help="opt.unit.next")] = 5,
    support: SupportOpt = False,
    output: OutputOpt = None,
) -> None:
    """One unit's scorecard: its tasks by light, its indicators, and what it owes next."""
    from guilin_campaign.queries.scorecard import scorecard
    from guilin_campaign.rules import require_rules

    day, c = parse_date(as_of), open_data(data)
    lights = require_rules(c.folder, c).lights
    card = scorecard(c, ident, day, lights.due_soon_days if soon is None else soon, upcoming, support, lights)
    emit(fmt, card.as_dict(), card.listings(current_lang()), output, About(c, "title.book_unit", day, (("short", card.short),)))


COMMANDS = (overdue, indicators, unit)
