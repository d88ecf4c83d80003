"""A returned workbook's structure: its signed identity, and each answer sheet's rows matched to the
rows the form was made with (ids and locked cells unchanged, no row inserted, no merged cell)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from guilin_campaign.catalogue import Msg
from guilin_campaign.forms import layout as L
from guilin_campaign.forms.identity import verified
from guilin_campaign.forms.values import blank

Report = list[tuple[str, str, Msg | str]]  # (sheet, cell, message)
SLACK = 200  # rows or columns past the table that are still read (and each refused if not blank)


@dataclass(frozen=True)
class Row:
    number: int  # the sheet's row
    expected: dict[str, Any]  # the identity's entry for it
    cells: list[Any]  # every cell of the row, answer columns included (raw values)
    formats: list[str]


def identity(wb: Any, key: bytes, report: Report) -> dict[str, Any] | None:
    if L.HIDDEN_SHEET not in wb.sheetnames:
        report.append(("", "", f"the hidden sheet {L.HIDDEN_SHEET} is missing: this is not a form made by "
                       "`form export`, or the sheet was deleted; send the unit a new form"))
        return None
    ws = wb[L.HIDDEN_SHEET]
    chunks, r = [], 1
    while isinstance(value := ws.cell(row=r, column=L.CHUNK_COLUMN).value, str) and value:
        chunks.append(value)
        r += 1
    signature = ws[L.SIGNATURE_CELL].value
    found = verified("".join(chunks), signature, key) if isinstance(signature, str) else None
    if found is None:
        report.append((L.HIDDEN_SHEET, L.SIGNATURE_CELL, "the form's signature does not match: its hidden sheet was "
                       "changed, or it was made with another office key; send the unit a new form"))
    return found


def matched_rows(wb: Any, sheet: str, heads: tuple[str, ...], expected: list[dict[str, Any]], report: Report) -> list[Row]:
    """The sheet's rows paired with the form's rows, in order; each difference reported with its cell."""
    if sheet not in wb.sheetnames:
        report.append((sheet, "", f"the sheet {sheet} is missing; send the unit a new form"))
        return []
    ws = wb[sheet]
    _check_heads(ws, sheet, heads, report)
    _check_merged(ws, sheet, report)
    if ws.max_row > L.HEAD_ROW + len(expected) + SLACK or ws.max_column > len(heads) + SLACK:
        # read no further: a cell at row 1,048,576 would make a million empty rows to check
        report.append((sheet, f"{_col(ws.max_column - 1)}{ws.max_row}", "something was written far outside the table: "
                       "delete it (answer only in the prepared rows)"))
        return []
    rows, k = [], 0
    for r in range(L.HEAD_ROW + 1, max(ws.max_row, L.HEAD_ROW) + 1):
        cells = [ws.cell(row=r, column=c) for c in range(1, max(ws.max_column, len(heads)) + 1)]
        values = [c.value for c in cells]
        if all(blank(v) for v in values):
            continue
        if blank(values[0]):
            report.append((sheet, f"A{r}", "a row without 编号 was inserted: delete it (answer only in the prepared rows)"))
            continue
        if k >= len(expected):
            report.append((sheet, f"A{r}", f"编号 {_text(values[0])!r} is not a row of this form: delete the row"))
            continue
        if _locked_differ(sheet, r, values, expected[k]["locked"], report):
            k += 1
            continue
        extra = [i for i, v in enumerate(values[len(heads):], start=len(heads)) if not blank(v)]
        for i in extra:
            report.append((sheet, f"{_col(i)}{r}", "write only in the answer columns: delete this cell's content"))
        rows.append(Row(r, expected[k], values[:len(heads)], [c.number_format or "" for c in cells[:len(heads)]]))
        k += 1
    for missing in expected[k:]:
        report.append((sheet, f"A{L.HEAD_ROW + 1 + k}", f"the row of {missing['id']} is missing: send the unit a new form"))
        k += 1
    return rows


def _check_heads(ws: Any, sheet: str, heads: tuple[str, ...], report: Report) -> None:
    for i, head in enumerate(heads):
        value = ws.cell(row=L.HEAD_ROW, column=i + 1).value
        if _text(value) != head:
            report.append((sheet, f"{_col(i)}{L.HEAD_ROW}", f"the header was changed to {_text(value)!r}; it must read {head!r}"))


def _check_merged(ws: Any, sheet: str, report: Report) -> None:
    for merged in sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col)):
        if merged.max_row > L.HEAD_ROW:
            report.append((sheet, merged.coord.split(":")[0], f"merged cells {merged.coord}: unmerge them and write each row's answer in its own cell"))


def _locked_differ(sheet: str, r: int, values: list[Any], locked: list[str], report: Report) -> bool:
    differ = False
    for i, want in enumerate(locked):
        got = _text(values[i] if i < len(values) else None)
        if got != want:
            what = "编号" if i == 0 else "a locked cell"
            report.append((sheet, f"{_col(i)}{r}", f"{what} was changed: the form had {want!r}, it now reads {got!r}; "
                           "put it back or send the unit a new form"))
            differ = True
    return differ


def _text(value: Any) -> str:
    """A locked cell as the form wrote it (numbers as :func:`rows._text`, dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def _col(index: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    return str(get_column_letter(index + 1))
