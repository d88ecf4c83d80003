"""How one value reads in a cell: shared by the table, Markdown, CSV and spreadsheet renderers."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.words import joined, named_value

PERCENT_KEYS = frozenset({"completion", "time_progress", "rate"})


# What a terminal would act on instead of showing: ESC sequences (CSI, OSC and the two-character
# ones, and the one-byte CSI) as a whole, then C0 controls but tab and newline, DEL, C1 controls, and the BIDI embeddings,
# overrides and isolates that reorder what follows them (a note that makes a line read backwards).
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)|\x9b[0-?]*[ -/]*[@-~]?")
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A spreadsheet program reads a CSV cell starting with one of these as a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")  # -1.5, -66,000, -12.5%: never a formula


def for_terminal(text: str) -> str:
    """``text`` with nothing a terminal would obey: escape sequences and control characters removed."""
    if text.isprintable():  # the usual case, and a fast one: no control character at all
        return text
    return _TERMINAL_CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def csv_cell(value: Any) -> str:
    """:func:`plain`, with text that a spreadsheet would run as a formula given a leading ``'``.
    A number (a reading of ``-1.5``, or a cell that is just one) stays a number."""
    text = plain(value)
    if text.startswith(_FORMULA_START) and not isinstance(value, (int, float)) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


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


def display(key: str, value: Any, lang: Lang) -> str:
    """The value as a person reads it (tables, Markdown) in ``lang``: percentages, statuses by
    name, marks; lists joined as the language joins them."""
    if value is None:
        return "—" if key in PERCENT_KEYS or key in ("actual", "days_overdue", "days_left") else ""
    if key in PERCENT_KEYS and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if isinstance(value, bool):
        return "★" if value else ""
    if isinstance(value, str) and (name := named_value(key, value, lang)) is not None:
        return name
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, (list, tuple)):
        return joined([display(key, v, lang) for v in value], lang)
    return plain(value)
