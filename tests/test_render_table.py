"""The plain table renderer draws exactly what Rich draws, where it is used."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from guilin_campaign.loading import open_campaign
from guilin_campaign.queries.indicators import action_listings, indicator_rows
from guilin_campaign.queries.overdue import overdue, overdue_listing
from guilin_campaign.render.plain import plain_listings, plain_table
from guilin_campaign.render.table import print_listings, to_table
from guilin_campaign.report.build import build_report
from guilin_campaign.report.periods import parse_period
from tests.conftest import SAMPLE

DAY = date(2022, 7, 31)


def _listings() -> list:  # type: ignore[type-arg]
    c = open_campaign(SAMPLE)
    out = [overdue_listing(overdue(c, DAY, 7), DAY, "zh", 7), *action_listings(c, indicator_rows(c, DAY), DAY, "zh")]
    return out + list(build_report(c, parse_period("2022-07", "monthly"), DAY).listings("zh").values())


@pytest.mark.parametrize("width", [240, 150, 80])
def test_plain_tables_are_rich_s(width: int) -> None:
    used = 0
    for listing in _listings():
        plain = plain_table(listing, width, "zh")
        if plain is None:
            continue
        buffer = io.StringIO()
        Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False).print(to_table(listing, "zh"))
        assert plain == buffer.getvalue(), listing.title
        used += 1
    assert used or width < 100


def test_plain_listings_are_print_listings_s() -> None:
    listings = [listing for listing in _listings() if listing.rows][:4]
    buffer = io.StringIO()
    print_listings(listings, Console(file=buffer, width=240, color_system=None, force_terminal=False, highlight=False), "zh")
    assert plain_listings(listings, "zh") == buffer.getvalue()


def test_each_distinct_value_is_shown_as_rich_shows_it() -> None:
    """Values equal in Python but shown apart (True and 1, 0 and -0.0), lists, missing keys, and text
    Rich measures itself (an emoji, a joiner, half-width kana) draw as Rich draws them."""
    from guilin_campaign.listing import Listing

    cells = [True, 1, 1.0, 0, -0.0, 0.0, False, None, ["秀峰区", "rsj"], "😀", "👩\u200d💻", "ｱｲｳ", "é—“好”★", "推进中", DAY]
    rows = [{"key": value, "n": i, "status": "doing" if i % 2 else "done"} for i, value in enumerate(cells * 3)]
    rows.append({"n": 99})
    floats = [{"key": v, "n": v} for v in (-0.0, 0.0, 1.5, 0.0, 12345.678)]
    for keys, table in (("key n status", rows), ("key", rows), ("key n", floats)):
        listing = Listing.of("混合", keys, table, numeric="n")
        buffer = io.StringIO()
        Console(file=buffer, width=240, color_system=None, force_terminal=False, highlight=False).print(to_table(listing, "zh"))
        assert plain_table(listing, 240, "zh") == buffer.getvalue()
