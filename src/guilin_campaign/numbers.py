"""Which numbers the files and the command line accept: those a reading can hold exactly.

A number is kept as a binary float (8 bytes). Written with at most 15 significant digits and
smaller than 10^15 in size (so below 2^53, where whole numbers stop being exact), it comes back
exactly as written; beyond that digits are silently lost (``123456789012345678901234567890`` came back as ``...77877719597056``). YAML 1.1
also reads ``1_000`` as 1000, which a clerk may have meant as something else. All of these are
refused with what to write instead. The rules look at the text only, so a number of thousands of
digits is refused without being converted (Python refuses to convert one of over 4,300 digits).
"""

from __future__ import annotations

import re

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import MessageError

MAX_DIGITS = 15
LIMIT = 10**15
_NUMBER = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_EXPONENT = re.compile(r"[eE]")


def problem(text: str) -> Msg | None:
    """Why the decimal number ``text`` cannot be taken as written, or None when it can."""
    if "_" in text:
        return msg("number.underscore", text=repr(text), plain=text.replace("_", ""))
    mantissa = _EXPONENT.split(text)[0]
    digits = mantissa.lstrip("+-").replace(".", "").lstrip("0")
    if "." in mantissa or _EXPONENT.search(text):
        digits = digits.rstrip("0")
    if len(digits) > MAX_DIGITS:
        return msg("number.too_many_digits", text=_short(text), digits=MAX_DIGITS)
    size = abs(float(text))
    if size >= LIMIT:
        return msg("number.too_large", text=_short(text))
    if digits and size < 1e-300:  # would be read as 0, or lose digits below the smallest normal float
        return msg("number.too_small", text=_short(text))
    return None


def looks_like_one(text: str) -> bool:
    """Whether ``text`` is written as a decimal number (underscores allowed, to be refused)."""
    return _NUMBER.fullmatch(text.strip().replace("_", "")) is not None


def parse(text: str) -> int | float:
    """A number written on the command line; a ``ValueError`` (a :class:`MessageError`, its
    ``message`` a catalogue message) with what to write when it is not one."""
    text = text.strip()
    if not looks_like_one(text):
        raise MessageError(msg("number.not_a_number", text=_short(text)))
    if (message := problem(text)) is not None:
        raise MessageError(message)
    value = float(text)
    return int(value) if value.is_integer() else value


def _short(text: str) -> Msg | str:
    """A long number in a message: its start, its end and how many characters it has."""
    return repr(text) if len(text) <= 40 else msg("number.long", start=text[:12], end=text[-6:], count=len(text))
