"""How one value reads in a cell: shared by the table, Markdown, CSV and spreadsheet renderers."""

from __future__ import annotations

from datetime import date
from typing import Any

from guilin_campaign import words

PERCENT_KEYS = frozenset({"completion", "time_progress", "rate"})
# A task status and an indicator status share the key ``status``; their values never overlap.
_NAMED = {
    "status": words.STATUS | words.INDICATOR_STATUS | words.PROBLEM_STATUS, "indicator_status": words.INDICATOR_STATUS,
    "level": words.LEVEL,
    "light": words.LIGHT, "role": words.ROLE, "scope": words.SCOPE, "part": words.PART,
}


def plain(value: Any) -> str:
    """The value as stable text for scripts (CSV): ISO dates, lists joined by spaces, '' for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return " ".join(plain(v) for v in value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)  # never 1.23457e+06
    return str(value)


def display(key: str, value: Any) -> str:
    """The value as a person reads it (tables, Markdown): percentages, Chinese statuses, marks."""
    if value is None:
        return "—" if key in PERCENT_KEYS or key in ("actual", "days_overdue", "days_left") else ""
    if key in PERCENT_KEYS and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if isinstance(value, bool):
        return "★" if value else ""
    if key in _NAMED and isinstance(value, str):
        return _NAMED[key].get(value, value)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, (list, tuple)):
        return "、".join(display(key, v) for v in value)
    return plain(value)
