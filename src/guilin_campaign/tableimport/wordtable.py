"""Reading the tables of a .docx document, merged cells filled.

python-docx gives a cell for every grid position: a cell spanning columns is the same cell
repeated, and a cell continuing a vertical merge is the cell it continues. The underlying ``<w:tc>``
element tells which positions are one cell, so a header spanning two columns counts once.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.grid import Grid, Value


def read_tables(path: Path, which: str | None) -> list[Grid]:
    """Every table of the document (or only ``which``: ``表2`` or ``2``) as a grid."""
    document = _open(path)
    tables = document.tables
    names = [words.DOCX_TABLE.format(n=i + 1) for i in range(len(tables))]
    captions = _captions(document)
    wanted = names if which is None else [words.DOCX_TABLE.format(n=which) if which.isdigit() else which]
    if which is not None and wanted[0] not in names:
        raise CampaignError(msg("import.no_such_table", file=path.name, table=which, count=len(tables)), kind=ErrorKind.USAGE, option="sheet")
    try:
        return [_grid(path.name, name, tables[names.index(name)], captions[names.index(name)]) for name in wanted]
    except (ValueError, IndexError, AttributeError) as err:  # a merge python-docx cannot follow
        raise CampaignError(msg("import.bad_docx", file=path, why=f"{type(err).__name__}: {err}")) from None


def _open(path: Path) -> Any:
    try:
        return docx.Document(str(path))
    except FileNotFoundError:
        raise CampaignError(msg("import.no_file", file=path), kind=ErrorKind.USAGE) from None
    except (PackageNotFoundError, zipfile.BadZipFile, OSError) as err:
        raise CampaignError(msg("import.bad_docx", file=path, why=err)) from None
    except Exception as err:  # noqa: BLE001 - a damaged file makes python-docx fail in many ways
        raise CampaignError(msg("import.bad_docx", file=path, why=f"{type(err).__name__}: {err}")) from None


def _captions(document: Any) -> list[str]:
    """For each top-level table, the last short paragraph before it: its title, if it has one."""
    captions: list[str] = []
    last = ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
            last = text if text and len(text) <= 60 else last
        elif tag == "tbl":
            captions.append(last)
    return captions


def _grid(file: str, name: str, table: Any, caption: str) -> Grid:
    rows: list[list[Value]] = []
    origin: list[list[bool]] = []
    merged: set[tuple[int, int]] = set()
    above: list[object] = []
    for r, row in enumerate(table.rows):
        tcs: list[object] = [None] * row.grid_cols_before
        texts: list[Value] = [None] * row.grid_cols_before
        for cell in row.cells:
            tcs.append(cell._tc)  # the element itself: one cell however many positions it covers
            texts.append(cell.text.strip() or None)
        flags = []
        for c, tc in enumerate(tcs):
            first = tc is not None and (c == 0 or tcs[c - 1] is not tc) and (c >= len(above) or above[c] is not tc)
            flags.append(first)
            if tc is not None and not first:
                merged.add((r, c))
        rows.append(texts)
        origin.append(flags)
        above = tcs
    return Grid(file, name, "docx", rows, origin, merged, caption)
