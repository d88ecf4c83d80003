"""The rows of a decomposition table below its header, as raw records with their cells' addresses.

Skipped without a word of doubt: blank rows, a row of column numbers (``1 2 3 …``) under the header,
and note rows (``注：…``, ``备注：``, ``说明：``). A blank action or measure cell that is not part of
a merge takes the one above it, and that is listed as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.grid import Value, text_of
from guilin_campaign.tableimport.header import Columns
from guilin_campaign.tableimport.unitnames import split_names

_NOTE = re.compile(r"^(?:注|备注|说明|附注)\s*\d*\s*[：:]")
_ORDINAL = re.compile(
    r"^(?:专项行动|行动|举措|措施)?\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、．.：:]|\d+[、．.：:](?!\d))\s*"
)
_LIST_SPLIT = re.compile(r"[；;\n]+")


@dataclass(frozen=True)
class Named:
    """A unit name and the cell it was written in."""

    name: str
    at: str


@dataclass
class RawRow:
    row: int
    label: str  # 分解表第12行
    action: str
    measure: str
    task: str
    task_at: str
    owners: list[Named]
    support: list[Named]
    owners_at: str
    due: Value
    due_at: str
    indicators: list[str] = field(default_factory=list)
    targets: list[Value] = field(default_factory=list)
    indicator_at: str = ""
    target_at: str = ""


@dataclass
class Rows:
    rows: list[RawRow]
    guesses: list[str]
    refusals: list[str]
    skipped: list[str]  # notes, for the summary
    title: str  # the text above the header, if any: the table's title


def read_rows(tables: Sequence[Columns]) -> Rows:
    """The rows of the first table and of its continuations (a Word table split by hand, 续表,
    repeating the header): a blank action cell at the top of a continuation is the one above."""
    out = Rows([], [], [], [], _title(tables[0]))
    last = {"action": "", "measure": ""}
    for cols in tables:
        _read_table(cols, out, last)
    return out


def _read_table(cols: Columns, out: Rows, last: dict[str, str]) -> None:
    grid, f = cols.grid, cols.fields
    for r in range(cols.header_row + 1, len(grid.rows)):
        texts = [text_of(v) for v in grid.rows[r]]
        own = [t for c, t in enumerate(texts) if t and grid.origin[r][c]]  # merges from above are not this row's
        if not own or (len(own) >= 3 and all(t.isdigit() for t in own)):
            continue
        first = next(c for c, t in enumerate(texts) if t)
        if any(_NOTE.match(t) for t in texts):
            out.skipped.append(words.SKIPPED_NOTE.format(at=grid.address(r, first)))
            continue
        if _is_heading(texts, own):
            _heading(cols, r, first, own[0], out, last)
            continue
        task = _cell(cols, r, "task")
        if not task:
            out.refusals.append(words.ROW_WITHOUT_TASK.format(at=grid.address(r, f["task"]), text=_clip(" ".join(t for t in texts if t))))
            continue
        groups = {k: _group_name(cols, r, k, last, out.guesses) for k in ("action", "measure")}
        groups["action"] = groups["action"] or last.get("heading", "")
        out.rows.append(_raw(cols, r, task, groups))


def _is_heading(texts: list[str], own: list[str]) -> bool:
    """A section row, ``一、稳主体扩增量`` merged across the whole table."""
    filled = [t for t in texts if t]
    return len(own) == 1 and len(filled) >= 3 and len(filled) == len(texts) and len(set(filled)) == 1


def _heading(cols: Columns, r: int, c: int, text: str, out: Rows, last: dict[str, str]) -> None:
    """Without an action column a section row names the action of the rows below it; with one,
    it is only a heading and is skipped (listed either way)."""
    at = cols.grid.address(r, c)
    if "action" in cols.fields:
        out.skipped.append(words.SKIPPED_HEADING.format(at=at, text=_clip(text)))
        return
    last["heading"] = strip_ordinal(text)
    out.guesses.append(words.HEADING_AS_ACTION.format(at=at, name=last["heading"]))


def _raw(cols: Columns, r: int, task: str, groups: dict[str, str]) -> RawRow:
    grid, f = cols.grid, cols.fields
    at = {k: grid.address(r, c) for k, c in f.items()}
    owners = _names(cols, r, "lead") + _names(cols, r, "owners")
    raw = RawRow(r, grid.row_label(r), groups["action"], groups["measure"], strip_ordinal(task), at["task"],
                 owners, _names(cols, r, "support"), at.get("owners", at.get("lead", "")),
                 grid.cell(r, f["due"]) if "due" in f else None, at.get("due", ""))
    if "indicator" in f and _cell(cols, r, "indicator"):
        raw.indicators = [n.strip() for n in _LIST_SPLIT.split(_cell(cols, r, "indicator")) if n.strip()]
        target = grid.cell(r, f["target"]) if "target" in f else None
        raw.targets = [t.strip() for t in _LIST_SPLIT.split(target) if t.strip()] if isinstance(target, str) else [target]
        raw.indicator_at, raw.target_at = at["indicator"], at.get("target", at["indicator"])
    return raw


def _cell(cols: Columns, r: int, key: str) -> str:
    return text_of(cols.grid.cell(r, cols.fields[key])) if key in cols.fields else ""


def _names(cols: Columns, r: int, key: str) -> list[Named]:
    if key not in cols.fields:
        return []
    at = cols.grid.address(r, cols.fields[key])
    return [Named(n, at) for n in split_names(_cell(cols, r, key))]


def _group_name(cols: Columns, r: int, key: str, last: dict[str, str], guesses: list[str]) -> str:
    """The action or measure of row ``r``; blank and not merged: the one above (a guess)."""
    if key not in cols.fields:
        return ""
    text = strip_ordinal(_cell(cols, r, key))
    if not text and last[key]:
        text = last[key]
        guesses.append(words.CARRIED_DOWN.format(at=cols.grid.address(r, cols.fields[key]), what=words.FIELD_WORDS[key], name=text))
    last[key] = text
    return text


def strip_ordinal(text: str) -> str:
    """``专项行动一：稳主体扩增量`` -> ``稳主体扩增量``; ``（三）`` and ``1.`` likewise; the rest untouched."""
    stripped = _ORDINAL.sub("", text, count=1).strip()
    return stripped or text


def _title(cols: Columns) -> str:
    for row in cols.grid.rows[: cols.header_row]:
        texts = [text_of(v) for v in row if text_of(v)]
        if texts and len(set(texts)) == 1:
            return texts[0]
    return cols.grid.title


def _clip(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"
