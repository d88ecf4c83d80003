"""What a query returns for display: named columns and plain rows (no rendering here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.words import label

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A column of rows' ``key``, headed by the key's label, another label (``label_key``), or a
    heading given outright (``text``: an action's name on the wall chart, a document's table)."""

    key: str
    numeric: bool = False
    label_key: str = ""
    text: str = ""

    def heading(self, lang: Lang) -> str:
        return self.text or label(self.label_key or self.key, lang)


@dataclass
class Listing:
    """Rows under a title. ``rows`` keep their keys in JSON and CSV; tables show the columns'
    headings in the language they are rendered in; the title is already in that language.

    A row's ``light`` (red/yellow/green), when present, colours its line in a table.
    """

    title: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)

    @classmethod
    def of(cls, title: str, keys: str, rows: list[Row], numeric: str = "") -> Listing:
        """``Listing.of("任务", "id title due", rows, numeric="days")``."""
        nums = set(numeric.split())
        return cls(title, [Column(k, k in nums) for k in keys.split()], rows)
