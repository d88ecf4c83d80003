"""What a query returns for display: named columns and plain rows (no rendering here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guilin_campaign.words import label

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    numeric: bool = False

    @property
    def label(self) -> str:
        return label(self.key)


@dataclass
class Listing:
    """Rows under a title. ``rows`` keep their keys in JSON and CSV; tables show ``label``s.

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
