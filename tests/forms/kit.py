"""A small campaign of the tests' own, and helpers to export, fill and read forms as a unit would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from guilin_campaign.forms.changes import FormReading
from guilin_campaign.forms.export import export_forms
from guilin_campaign.forms.reading import read_form
from guilin_campaign.loading import open_campaign
from guilin_campaign.report.periods import Period, parse_period
from tests.conftest import UNITS  # the same four units as every inline campaign

KEY = bytes(range(32))
AUG = parse_period("2022-08", "monthly")


TASKS = """\
campaign: {name: 测试攻坚战, city: 某市, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
actions:
  - id: A1
    name: 行动一
    measures:
      - id: M01
        name: 举措一
        indicators:
          - {id: I01, name: 新增户数, target: 1000, unit: 户, owners: [scjgj], readings: {2022-07: 500}}
          - {id: I02, name: 增长率, target: 10, unit: '%', owners: [scjgj], readings: {2022-07: 4.5}}
          - {id: I03, name: 县区新增, target: 600, unit: 户, owners: [scjgj, counties], readings: {2022-07: 300}, by_unit: {xiufeng: {target: 300, readings: {2022-07: 150}}}}
        tasks:
          - {id: T001, title: 任务一, owners: [scjgj], support: [rsj], due: 2022-09-30, status: doing}
          - {id: T002, title: 任务二, owners: [scjgj], due: 2022-08-31, status: todo}
          - {id: T003, title: 县区任务, owners: [counties], due: 2022-10-31, status: doing, progress: {xiufeng: {status: doing}}}
          - {id: T004, title: 早已完成, owners: [scjgj], due: 2022-03-31, status: done, done_on: 2022-03-01}
"""


def write_data(folder: Path, tasks: str = TASKS, units: str = UNITS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tasks.yaml").write_text(tasks, encoding="utf-8")
    (folder / "units.yaml").write_text(units, encoding="utf-8")
    return folder


def export(data: Path, out: Path, units: list[str], month: Period = AUG) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [e.path for e in export_forms(open_campaign(data), month, units, out, KEY, "某市测试攻坚战指挥部办公室")]


def fill(path: Path, cells: dict[str, dict[str, Any]], target: Path) -> Path:
    """Open the form as a unit's spreadsheet program would, write ``{sheet: {cell: value}}``, save anew."""
    wb = openpyxl.load_workbook(path)
    for sheet, values in cells.items():
        for cell, value in values.items():
            wb[sheet][cell] = value
    wb.save(target)
    return target


def read(path: Path, data: Path, **kwargs: Any) -> FormReading:
    return read_form(path, open_campaign(data), KEY, **kwargs)


def addresses(reading: FormReading) -> list[str]:
    return [f"{p.sheet}!{p.cell}" for p in reading.problems]
