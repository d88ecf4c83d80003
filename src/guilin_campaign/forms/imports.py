"""The record of imported forms, ``forms/imports.yaml`` in the data folder: one line per import.

``form status`` reads it to say which unit's form came back, when, and how many rows it answered. It is
a file of its own, not part of ``tasks.yaml``: a form that changes nothing in the data (every answer
blank, or already entered) is still a report received, and the record must say so. It is written after
the tasks file, under the same lock, by appending one item (the rest of the file untouched).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from guilin_campaign.catalogue import msg
from guilin_campaign.model import MONTH
from guilin_campaign.problems import CampaignError, Problem
from guilin_campaign.readfile import NotAPlainFile, read_plain
from guilin_campaign.yamlsyntax.decode import decode
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.scalar_write import flow_item

IMPORTS_FILE = Path("forms") / "imports.yaml"
HEADER = "# 填报表导入记录：每导入一份填报表，form import 在末尾加一行；form status 据此统计已报、未报。\n"


@dataclass(frozen=True)
class ImportRecord:
    month: str
    unit: str
    imported: date  # the day it was imported
    rows: int  # rows the unit answered
    tasks: int  # tasks it changed
    indicators: int  # readings it recorded
    file: str  # the workbook's file name as it came back

    def as_item(self) -> dict[str, Any]:
        return {"month": self.month, "unit": self.unit, "imported": self.imported, "rows": self.rows,
                "tasks": self.tasks, "indicators": self.indicators, "file": self.file}


def read_imports(folder: Path) -> list[ImportRecord]:
    """Every record, in the file's order (none when the file does not exist yet)."""
    path = folder / IMPORTS_FILE
    text = _text(path)
    if text is None:
        return []
    parsed = parse(text, str(path))
    if parsed.problems:
        raise CampaignError(msg("forms.imports.unreadable", path=str(path)), parsed.problems)
    items = parsed.data.get("imports") if isinstance(parsed.data, dict) else None
    if not isinstance(items, list):
        raise CampaignError(msg("forms.imports.unreadable", path=str(path)),
                            [Problem(str(path), 1, "imports", msg("forms.imports.not_a_list"))])
    out, problems = [], []
    for i, item in enumerate(items):
        record = _record(item)
        if record is None:
            problems.append(Problem(str(path), parsed.source.line(("imports", i)), f"imports[{i}]", msg("forms.imports.bad_item")))
        else:
            out.append(record)
    if problems:
        raise CampaignError(msg("forms.imports.unreadable", path=str(path)), problems)
    return out


def with_record(text: str | None, record: ImportRecord) -> str:
    """The file's text with ``record`` appended (a new file when ``text`` is None)."""
    line = f"  - {flow_item(record.as_item())}\n"
    if text is None or not text.strip():
        return HEADER + "imports:\n" + line
    return text + ("" if text.endswith("\n") else "\n") + line


def record_import(folder: Path, record: ImportRecord, tmp_dir: Path | None = None) -> Path:
    """Append ``record`` to the file (made, with its folder, on the first import), atomically."""
    from guilin_campaign.write.fileio import write_atomic

    path = folder / IMPORTS_FILE
    read_imports(folder)  # a damaged record is refused, never appended to
    old = _text(path)
    try:
        path.parent.mkdir(exist_ok=True)
    except OSError as err:
        raise CampaignError(msg("forms.imports.cannot_write", path=str(path), why=err.strerror or str(err))) from None
    new = with_record(old, record)
    _require_appended(path, new, record)
    write_atomic(path, new.encode("utf-8"), tmp_dir=tmp_dir)
    return path


def _require_appended(path: Path, new: str, record: ImportRecord) -> None:
    """The new text reads as the old records and this one last (a hand-edited file whose list is not
    at its end would not): else nothing is written."""
    parsed = parse(new, str(path))
    items = parsed.data.get("imports") if isinstance(parsed.data, dict) else None
    if parsed.problems or not isinstance(items, list) or _record(items[-1]) != record:
        raise CampaignError(msg("forms.imports.cannot_append", path=str(path)))


def _text(path: Path) -> str | None:
    if not os.path.lexists(path):
        return None
    try:
        raw = read_plain(path)
    except (OSError, NotAPlainFile) as err:
        raise CampaignError(msg("forms.imports.cannot_read", path=str(path), why=str(err))) from None
    text, problems = decode(raw, str(path))
    if text is None:
        raise CampaignError(msg("forms.imports.unreadable", path=str(path)), problems)
    return text


def _record(item: Any) -> ImportRecord | None:
    if not isinstance(item, dict) or set(item) != {"month", "unit", "imported", "rows", "tasks", "indicators", "file"}:
        return None
    counts = [item["rows"], item["tasks"], item["indicators"]]
    if not (isinstance(item["month"], str) and MONTH.fullmatch(item["month"]) and isinstance(item["unit"], str)
            and isinstance(item["imported"], date) and isinstance(item["file"], str)
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts)):
        return None
    return ImportRecord(item["month"], item["unit"], item["imported"], item["rows"], item["tasks"], item["indicators"], item["file"])
