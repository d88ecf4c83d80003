"""The everyday reads (overdue, summary, tasks) without Typer: each takes its options as values and
the run's language, prints its result and returns the exit code.

Typer's commands (:mod:`.views`, :mod:`.browse`) and the fast path (:mod:`.fast`) both run these, so
a command prints the same whichever way it was started.
"""

from __future__ import annotations

from pathlib import Path

from guilin_campaign.catalogue import Lang
from guilin_campaign.cli.base import Format, emit, open_data, parse_date
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
