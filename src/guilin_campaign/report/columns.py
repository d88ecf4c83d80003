"""The report's columns: headings given outright, or the shared labels with the report's own as a
fallback (both in :mod:`guilin_campaign.words`)."""

from __future__ import annotations

from dataclasses import dataclass

from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.words import LABELS, REPORT_LABELS, label


@dataclass(frozen=True)
class TitledColumn(Column):
    """A column whose heading is given (report-only words, action names on the wall chart)."""

    text: str = ""

    @property
    def label(self) -> str:
        return self.text or super().label


def report_listing(title: str, keys: str, rows: list[Row], numeric: str = "") -> Listing:
    """Like :meth:`Listing.of`, with the report's own labels for keys the shared words lack."""
    nums = set(numeric.split())
    columns: list[Column] = [TitledColumn(k, k in nums, label(k) if k in LABELS else REPORT_LABELS.get(k, k)) for k in keys.split()]
    return Listing(title, columns, rows)
