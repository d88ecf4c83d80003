"""A returned workbook's structure: its signed identity, and each answer sheet's rows matched to the
rows the form was made with (ids and locked cells unchanged, no row inserted, no merged cell)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from guilin_campaign.catalogue import Msg, msg
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
        report.append(("", "", msg("forms.sheet.hidden_missing", sheet=L.HIDDEN_SHEET)))
        return None
    ws = wb[L.HIDDEN_SHEET]
    chunks, r = [], 1
    while isinstance(value := ws.cell(row=r, column=L.CHUNK_COLUMN).value, str) and value:
        chunks.append(value)
        r += 1
    signature = ws[L.SIGNATURE_CELL].value
    found = verified("".join(chunks), signature, key) if isinstance(signature, str) else None
    if found is None:
        report.append((L.HIDDEN_SHEET, L.SIGNATURE_CELL, msg("forms.sheet.signature")))
    return found


def matched_rows(wb: Any, sheet: str, heads: tuple[str, ...], expected: list[dict[str, Any]], report: Report) -> list[Row]:
    """The sheet's rows paired with the form's rows, in order; each difference reported with its cell."""
    if sheet not in wb.sheetnames:
        report.append((sheet, "", msg("forms.sheet.missing", sheet=sheet)))
        return []
    ws = wb[sheet]
    _check_heads(ws, sheet, heads, report)
    _check_merged(ws, sheet, report)
    if ws.max_row > L.HEAD_ROW + len(expected) + SLACK or ws.max_column > len(heads) + SLACK:
        # read no further: a cell at row 1,048,576 would make a million empty rows to check
        report.append((sheet, f"{_col(ws.max_column - 1)}{ws.max_row}", msg("forms.sheet.far_outside")))
        return []
    rows, k = [], 0
    for r in range(L.HEAD_ROW + 1, max(ws.max_row, L.HEAD_ROW) + 1):
        cells = [ws.cell(row=r, column=c) for c in range(1, max(ws.max_column, len(heads)) + 1)]
        values = [c.value for c in cells]
        if all(blank(v) for v in values):
            continue
        if blank(values[0]):
            report.append((sheet, f"A{r}", msg("forms.sheet.row_without_id")))
            continue
        if k >= len(expected):
            report.append((sheet, f"A{r}", msg("forms.sheet.unknown_row", id=repr(_text(values[0])))))
            continue
        if _locked_differ(sheet, r, values, expected[k]["locked"], report):
            k += 1
            continue
        extra = [i for i, v in enumerate(values[len(heads):], start=len(heads)) if not blank(v)]
        for i in extra:
            report.append((sheet, f"{_col(i)}{r}", msg("forms.sheet.outside_answers")))
        rows.append(Row(r, expected[k], values[:len(heads)], [c.number_format or "" for c in cells[:len(heads)]]))
        k += 1
    for missing in expected[k:]:
        report.append((sheet, f"A{L.HEAD_ROW + 1 + k}", msg("forms.sheet.row_missing", id=missing["id"])))
        k += 1
    return rows


def _check_heads(ws: Any, sheet: str, heads: tuple[str, ...], report: Report) -> None:
    for i, head in enumerate(heads):
        value = ws.cell(row=L.HEAD_ROW, column=i + 1).value
        if _text(value) != head:
            report.append((sheet, f"{_col(i)}{L.HEAD_ROW}", msg("forms.sheet.header", got=repr(_text(value)), want=repr(head))))


def _check_merged(ws: Any, sheet: str, report: Report) -> None:
    for merged in sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col)):
        if merged.max_row > L.HEAD_ROW:
            report.append((sheet, merged.coord.split(":")[0], msg("forms.sheet.merged", range=merged.coord)))


def _locked_differ(sheet: str, r: int, values: list[Any], locked: list[str], report: Report) -> bool:
    differ = False
    for i, want in enumerate(locked):
        got = _text(values[i] if i < len(values) else None)
        if got != want:
            key = "forms.sheet.id_changed" if i == 0 else "forms.sheet.locked_changed"
            report.append((sheet, f"{_col(i)}{r}", msg(key, want=repr(want), got=repr(got))))
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
