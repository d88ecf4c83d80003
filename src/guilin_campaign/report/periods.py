"""Report periods: a month ``YYYY-MM`` or a quarter ``YYYY-QN``, with their days and the one before."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from guilin_campaign.catalogue import Lang, msg, text
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.vocab import MONTH

Kind = Literal["monthly", "quarterly"]
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    "monthly": MONTH,
    "quarterly": re.compile(r"(\d{4})-[Qq]([1-4])"),
}


@dataclass(frozen=True)
class Period:
    """A month (``index`` 1..12) or a quarter (``index`` 1..4) of ``year``."""

    kind: Kind
    year: int
    index: int

    @property
    def code(self) -> str:
        return f"{self.year:04d}-{self.index:02d}" if self.kind == "monthly" else f"{self.year:04d}-Q{self.index}"

    @property
    def label(self) -> str:
        """How the office writes it: 2022年6月, 2022年第二季度 (the forms and documents, Chinese only)."""
        return self.name("zh")

    def name(self, lang: Lang) -> str:
        """The period in ``lang``: 2022年6月 / June 2022, 2022年第二季度 / Q2 2022."""
        if self.kind == "monthly":
            return text("rep.period.monthly", lang, year=self.year, month=text(f"rep.month.{self.index}", lang))
        return text("rep.period.quarterly", lang, year=self.year, quarter=text(f"rep.quarter.{self.index}", lang))

    @property
    def first_month(self) -> int:
        return self.index if self.kind == "monthly" else 3 * self.index - 2

    @property
    def last_month(self) -> int:
        return self.index if self.kind == "monthly" else 3 * self.index

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def months(self) -> list[str]:
        """The period's months as readings key them, ``YYYY-MM``."""
        return [f"{self.year:04d}-{m:02d}" for m in range(self.first_month, self.last_month + 1)]

    def previous(self) -> Period:
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, 12 if self.kind == "monthly" else 4)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day


def parse_period(text: str, kind: Kind) -> Period:
    """``2022-06`` for a month, ``2022-Q2`` for a quarter; anything else is a usage error (exit 2)."""
    match = _PATTERNS[kind].fullmatch(text.strip())
    if match is None or not 1900 <= int(match.group(1)) <= 2999:  # year 1 has no previous period
        raise CampaignError(msg(f"report.not_a_{kind}", text=repr(text)), kind=ErrorKind.USAGE)
    return Period(kind, int(match.group(1)), int(match.group(2)))
