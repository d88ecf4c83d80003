"""Indicators (指标) named in a table's 指标 column, with their targets from the 目标值 column."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.grid import Value, text_of

_TARGET = re.compile(
    r"(?P<op>≥|>=|>|不低于|不少于|达到|达|力争|超过|≤|<=|<|不超过|不高于|控制在|低于)?"
    r"(?P<number>-?\d+(?:\.\d+)?)(?P<unit>.*?)(?P<tail>及以上|以上|及以下|以下|以内|左右)?"
)
_LOWER = {"≤", "<=", "<", "不超过", "不高于", "控制在", "低于", "以下", "及以下", "以内"}


@dataclass
class IndicatorRec:
    id: str
    name: str
    target: int | float
    unit: str | None
    kind: str | None  # None: the default (total)
    better: str | None  # None: the default (higher)
    owners: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Target:
    value: int | float | None
    unit: str | None = None
    lower: bool = False
    problem: str | None = None


def read_target(value: Value) -> Target:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Target(int(value) if float(value).is_integer() else float(value))
    raw = text_of(value)
    if not raw:
        return Target(None, problem=words.TARGET_EMPTY)
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", unicodedata.normalize("NFKC", re.sub(r"\s+", "", raw)))
    m = _TARGET.fullmatch(text)
    if m is None:
        return Target(None, problem=words.TARGET_UNREADABLE.format(text=raw))
    number = m.group("number")
    lower = m.group("op") in _LOWER or m.group("tail") in _LOWER
    return Target(float(number) if "." in number else int(number), m.group("unit") or None, lower)


def new_indicator(indicator_id: str, name: str, target: Target, at: str, guesses: list[str]) -> IndicatorRec:
    """The indicator; ``kind: rate`` for a percentage or a 率, ``better: lower`` for ≤/以内, both
    listed as guesses (the clerk checks them against the plan)."""
    assert target.value is not None
    rate = target.unit == "%" or name.endswith("率")
    if rate:
        guesses.append(words.INDICATOR_RATE.format(at=at, id=indicator_id, name=name))
    if target.lower:
        guesses.append(words.INDICATOR_LOWER.format(at=at, id=indicator_id, name=name))
    return IndicatorRec(indicator_id, name, target.value, target.unit, "rate" if rate else None, "lower" if target.lower else None)
