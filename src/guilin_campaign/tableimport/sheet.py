"""Reading an .xlsx workbook: cached values only, merged cells filled, formulas never evaluated.

openpyxl with ``data_only=True`` gives the value Excel (or WPS) saved with each formula. A formula
saved without one (written by a program, never opened in Excel) would read as an empty cell: a
second look at the formulas themselves finds those, and each is refused with its cell, not taken
for a blank.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

# openpyxl ships no type hints (and types-openpyxl is not a dependency).
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.tableimport.grid import Grid, Value


def read_sheets(path: Path, sheet: str | None) -> tuple[list[Grid], list[str]]:
    """Every sheet (or only ``sheet``) as a grid, and the formula cells that have no saved value."""
    values = _open(path, data_only=True)
    formulas = _open(path, data_only=False)
    names = values.sheetnames
    if sheet is not None and sheet not in names:
        raise CampaignError(msg("import.no_such_sheet", file=path.name, sheet=sheet, names="、".join(names)), kind=ErrorKind.USAGE, option="sheet")
    grids: list[Grid] = []
    unsaved: list[str] = []
    for name in [sheet] if sheet is not None else names:
        ws, fs = values[name], formulas[name]
        if not isinstance(ws, Worksheet) or not isinstance(fs, Worksheet):
            continue  # a chart sheet holds no cells
        grid = _grid(path.name, ws)
        unsaved += [grid.address(r, c) for r, c in _formulas_without_value(fs, grid)]
        grids.append(grid)
    return grids, unsaved


def _open(path: Path, data_only: bool) -> Any:
    try:
        return load_workbook(path, data_only=data_only)
    except FileNotFoundError:
        raise CampaignError(msg("import.no_file", file=path), kind=ErrorKind.USAGE) from None
    except (InvalidFileException, zipfile.BadZipFile, OSError) as err:
        raise CampaignError(msg("import.bad_xlsx", file=path, why=err)) from None
    except Exception as err:  # noqa: BLE001 - a damaged file makes openpyxl fail in many ways
        raise CampaignError(msg("import.bad_xlsx", file=path, why=f"{type(err).__name__}: {err}")) from None


def _grid(file: str, ws: Worksheet) -> Grid:
    height, width = ws.max_row, ws.max_column
    rows: list[list[Value]] = [[_value(v) for v in row] for row in ws.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)]
    origin = [[v is not None for v in row] for row in rows]
    merged: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= height and rng.min_col <= width else None
        # A range reaching past the last used cell (a whole column merged) is clipped to the data.
        for r in range(rng.min_row - 1, min(rng.max_row, height)):
            for c in range(rng.min_col - 1, min(rng.max_col, width)):
                if (r, c) != (rng.min_row - 1, rng.min_col - 1):
                    rows[r][c] = top
                    merged.add((r, c))
    return Grid(file, ws.title, "xlsx", rows, origin, merged)


def _formulas_without_value(fs: Worksheet, grid: Grid) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for row in fs.iter_rows():
        for cell in row:
            r, c = cell.row - 1, cell.column - 1
            if cell.data_type == "f" and grid.cell(r, c) is None and (r, c) not in grid.merged:
                out.append((r, c))
    return out


def _value(v: object) -> Value:
    if v is None or isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return v
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return str(v)
