"""The everyday reads (check, overdue, summary, tasks) without Typer: each takes its options as values and
the run's language, prints its result and returns the exit code.

Typer's commands (:mod:`.views`, :mod:`.browse`) and the fast path (:mod:`.fast`) both run these, so
a command prints the same whichever way it was started.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from guilin_campaign.catalogue import Lang, text
from guilin_campaign.cli.base import Format, cache_folder, data_folder, emit, load_data, open_data, parse_date
from guilin_campaign.cli.listing_file import About


def overdue(data: Path | None, fmt: Format, as_of: str | None, unit: str | None, soon: int | None, support: bool,
            fail_if_any: bool, output: Path | None, lang: Lang) -> int:
    """Overdue tasks per unit; 1 with ``fail_if_any`` when one is red."""
    from guilin_campaign.queries.overdue import overdue as build
    from guilin_campaign.queries.overdue import overdue_listing

    day, c = parse_date(as_of), open_data(data, plain=True)
    rows = build(c, day, soon, unit, support)
    emit(fmt, rows, [overdue_listing(rows, day, lang, soon)], output, About(c, "title.book_overdue", day), lang)
    return 1 if fail_if_any and any(row["light"] == "red" for row in rows) else 0


def summary(data: Path | None, fmt: Format, output: Path | None, lang: Lang) -> int:
    """Counts of actions, measures, indicators, tasks and units, and tasks by status."""
    from guilin_campaign.queries.summary import summary as build
    from guilin_campaign.queries.summary import summary_listing

    c = open_data(data, plain=True)
    result = build(c)
    emit(fmt, result, [summary_listing(result, lang)], output, About(c, "title.book_summary"), lang)
    return 0


def tasks(data: Path | None, fmt: Format, unit: str | None, status: str | None, action: str | None,
          output: Path | None, adhoc: bool, batch: int | None, lang: Lang) -> int:
    """Tasks filtered by unit, status id (already resolved: doing, not 推进中), action, batch."""
    from guilin_campaign.queries.tasks import select_tasks, tasks_listing

    c = open_data(data, plain=True)
    only_adhoc = adhoc or batch is not None or action == "adhoc"
    listing = tasks_listing(c, select_tasks(c, unit, status, action, adhoc, batch), lang, only_adhoc)
    emit(fmt, listing.rows, [listing], output, About(c, "title.book_tasks"), lang)
    return 0


def check(data: Path | None, fmt: str, lang: Lang) -> int:
    """Check the data folder (``fmt``: text or json); 1 when there are problems."""
    from guilin_campaign.checking import check_folder
    from guilin_campaign.render.text import to_json

    folder = data_folder(data)
    result = check_folder(folder, cache_folder(os.environ), lambda f: load_data(f, plain=True))
    if fmt == "json":
        sys.stdout.write(to_json([p.as_dict(lang) for p in result.problems]))
    elif result.problems or (c := result.campaign) is None:
        for problem in result.problems:
            print(problem.text(lang))
        print(text("cli.check.found", lang, count=len(result.problems)), file=sys.stderr)
    else:
        print(text("cli.check.ok", lang, tasks_file=c.tasks_file, units_file=c.units_file, tasks=c.tasks, adhoc=c.adhoc,
                   indicators=c.indicators, units=c.units))
        if (ledger := result.ledger) is not None:
            print(text("cli.check.ledger_ok", lang, folder=folder / "ledger", visits=ledger.visits, problems=ledger.problems,
                       policies=ledger.policies))
    return 1 if result.problems else 0
