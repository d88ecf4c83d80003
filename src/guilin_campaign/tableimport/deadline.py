"""Reading a deadline (完成时限) as people write it in a decomposition table.

Understood: ``2023年6月30日(前)``, ``2023年6月(底)(前)``, ``6月30日前`` and ``6月底前`` (with
``--year``), ``2023.6``, ``2023.6.30``, ``2023/6/30``, ``2023-06-30``, ``(2023年)(第)二季度(末)``,
``上半年``/``下半年``, ``年底前``/``年内``/``年末``, a real date cell; ``长期坚持``, ``持续推进`` and the
like are ongoing work (no ``due``). Anything else, or two deadlines in one cell, is not guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.grid import Value, text_of

ONGOING = ("长期坚持", "持续推进", "长期", "常态化", "持续开展", "长期推进", "常年", "持续", "长期执行", "常态化推进")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:(?P<year>\d{4})年?)?"
_FULL = re.compile(r"(?P<year>\d{4})[年./-](?P<month>\d{1,2})[月./-](?P<day>\d{1,2})日?")
_MONTH_DAY = re.compile(_YEAR + r"(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号]")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})[./-](?P<month>\d{1,2})")
_MONTH = re.compile(_YEAR + r"(?P<month>\d{1,2})月(?:底|末|份|中下旬|下旬)?")
_QUARTER = re.compile(_YEAR + r"第?(?P<q>[一二三四1-4])季度(?:末|底)?")
_HALF = re.compile(_YEAR + r"(?P<half>上半年|年中|下半年)(?:末|底)?")
_YEAR_END = re.compile(r"(?:(?P<year>\d{4})年|本年|当年|今年)?(?:年底|年末|年内|全年|年终|底)?")
_BEFORE = re.compile(r"(?:之前|以前|前|止|完成|为止)+$")
_START = re.compile(r"^(?:于|在|截至|截止到?|到)")
_BARE_MONTH_BEFORE = re.compile(r"\d{1,2}月(?:之前|以前|前)")


@dataclass(frozen=True)
class Deadline:
    due: date | None = None
    ongoing: bool = False
    guess: str | None = None  # how an uncertain reading was made, for the summary
    problem: str | None = None  # why the cell could not be read


def read_deadline(value: Value, year: int | None) -> Deadline:
    if isinstance(value, date):
        return Deadline(value)
    if isinstance(value, float) and re.fullmatch(r"\d{4}\.1", repr(value)):
        return Deadline(problem=words.DUE_AMBIGUOUS_NUMBER.format(text=repr(value)))
    raw = text_of(value)
    if not raw:
        return Deadline(problem=words.DUE_EMPTY)
    text = _START.sub("", _BEFORE.sub("", unicodedata.normalize("NFKC", re.sub(r"\s+", "", raw))))
    if text in ONGOING:
        return Deadline(ongoing=True)
    result = _read(text, year)
    if result.problem is None and result.due is not None and _BARE_MONTH_BEFORE.search(raw):
        return Deadline(result.due, guess=words.DUE_GUESS_MONTH_BEFORE.format(text=raw, due=result.due))
    if result.problem == "":
        return Deadline(problem=words.DUE_UNREADABLE.format(text=raw))
    if result.problem == "year":
        return Deadline(problem=words.DUE_NO_YEAR.format(text=raw))
    return result


def _read(text: str, year: int | None) -> Deadline:
    """``problem`` is ``""`` for an unreadable text, ``"year"`` when only the year is missing."""
    for pattern, build in ((_FULL, _day), (_MONTH_DAY, _day), (_YEAR_MONTH, _month), (_MONTH, _month),
                           (_QUARTER, _quarter), (_HALF, _half)):
        m = pattern.fullmatch(text)
        if m:
            return _dated(m, year, build)
    m = _YEAR_END.fullmatch(text)
    if m and text:
        found = _dated(m, year, lambda y, _m: date(y, 12, 31))
        bare_year = m.group("year") is not None and text == m.group("year") + "年"
        return Deadline(found.due, guess=words.DUE_GUESS_YEAR.format(text=text)) if bare_year and found.due else found
    return Deadline(problem="")


def _dated(m: re.Match[str], year: int | None, build: object) -> Deadline:
    y = int(m.group("year")) if m.group("year") else year
    if y is None:
        return Deadline(problem="year")
    try:
        return Deadline(build(y, m))  # type: ignore[operator]
    except ValueError:
        return Deadline(problem="")


def _day(y: int, m: re.Match[str]) -> date:
    return date(y, int(m.group("month")), int(m.group("day")))


def _month(y: int, m: re.Match[str]) -> date:
    month = int(m.group("month"))
    if not 1 <= month <= 12:
        raise ValueError(month)
    return date(y, month, calendar.monthrange(y, month)[1])


def _quarter(y: int, m: re.Match[str]) -> date:
    month = _QUARTERS[m.group("q")] * 3
    return date(y, month, calendar.monthrange(y, month)[1])


def _half(y: int, m: re.Match[str]) -> date:
    return date(y, 12, 31) if m.group("half") == "下半年" else date(y, 6, 30)
