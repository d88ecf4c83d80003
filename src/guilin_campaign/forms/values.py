"""Answer cells as people fill them: date cells or typed dates, numbers or typed numbers.

Each parser returns ``(value, None)`` or ``(None, what to write)``; a blank cell is never passed in.
Full-width digits and punctuation (１２，０００) read as their ASCII forms.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from guilin_campaign import numbers
from guilin_campaign.catalogue import Msg, msg

_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SHORT_DATE = re.compile(r"(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?")
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def written(value: Any) -> str:
    """Free text as the unit wrote it, without the spaces around it: never NFKC, which would turn the
    full-width punctuation of Chinese text (，：（）) into ASCII."""
    return str(value).strip()


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not plain(value))


def parse_day(value: Any, year: int) -> tuple[date | None, Msg | None]:
    """A date cell, or text ``2022/8/5``, ``2022年8月5日``, ``2022.8.5``, ``2022-08-05``; ``8/5``, ``8月5日`` and
    ``8.5`` as text take the form's year."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None, msg("forms.value.not_date", value=repr(value))
    text = plain(value)
    if full := _FULL_DATE.fullmatch(text):
        parts = int(full[1]), int(full[2]), int(full[3])
    elif short := _SHORT_DATE.fullmatch(text):
        parts = year, int(short[1]), int(short[2])
    else:
        return None, msg("forms.value.not_date", value=repr(text))
    try:
        return date(*parts), None
    except ValueError:
        return None, msg("forms.value.no_such_day", value=repr(text))


def parse_number(value: Any, percent_format: bool, percent: bool) -> tuple[float | None, Msg | str | None]:
    """A number cell, or text ``12000``, ``12,000``, ``-3.5``; ``3.5%`` only for a ``%`` indicator (read as 3.5).
    A number cell Excel formatted as a percentage (it stores 3.5% as 0.035) reads as 3.5."""
    if isinstance(value, (bool, date, datetime)):
        return None, msg("forms.value.not_number", value=str(value))
    if isinstance(value, (int, float)):
        if percent and percent_format:
            return round(float(value) * 100, 10), None
        return float(value), None
    if not isinstance(value, str):
        return None, msg("forms.value.not_number", value=repr(value))
    text = plain(value).replace(" ", "")
    if text.endswith("%"):
        if not percent:
            return None, msg("forms.value.not_percent", value=repr(text), number=text[:-1])
        text = text[:-1]
    if "," in text:
        if not _GROUPED.fullmatch(text):
            return None, msg("forms.value.bad_commas", value=repr(plain(value)))
        text = text.replace(",", "")
    if not numbers.looks_like_one(text) or "_" in text:
        return None, msg("forms.value.not_number", value=repr(plain(value)))
    try:
        return float(numbers.parse(text)), None
    except ValueError as err:  # too many digits, too large: what numbers.parse says to write
        return None, str(err)
