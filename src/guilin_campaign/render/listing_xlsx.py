"""Any command's listings as a workbook that prints: one sheet per listing, named from its title.

Generic on purpose: every listing (``overdue``, ``tasks``, ``indicators``, ``unit``, and later
``form status``) goes through here and :mod:`render.xlsx_book`, so they all look alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.render.xlsx_book import Heading, Sheet, sheet_name, workbook_bytes


def listings_xlsx(listings: Sequence[Listing], heading: Heading, lang: Lang) -> bytes:
    taken: set[str] = set()
    sheets = [Sheet(sheet_name(listing.title or heading.title, taken, lang), listing) for listing in listings]
    return workbook_bytes(sheets, heading, lang)
