"""read_form: a filled form gives exactly the expected changes; each refusal names its cell."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from guilin_campaign.forms.changes import LogText, ReadingChange, StatusChange
from guilin_campaign.forms.identity import encode, sign
from guilin_campaign.loading import open_campaign
from guilin_campaign.report.periods import parse_period
from tests.forms.kit import KEY, TASKS, addresses, export, fill, read, write_data

FILLED = {
    "任务进展": {"H4": "已完成", "I4": "2022/8/5", "J4": "已推广到全市", "H5": " 受阻 ", "K5": "缺少资金"},
    "指标数据": {"F4": "1,200", "F5": "３.５%"},  # F6 blank: unchanged
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_data(tmp_path / "data")


@pytest.fixture
def form(data: Path, tmp_path: Path) -> Path:
    return export(data, tmp_path / "out", ["scjgj"])[0]


def _filled(form: Path, tmp_path: Path, extra: dict[str, dict[str, Any]] | None = None, name: str = "returned.xlsx") -> Path:
    cells = {sheet: dict(values) for sheet, values in FILLED.items()}
    for sheet, values in (extra or {}).items():
        cells.setdefault(sheet, {}).update(values)
    return fill(form, cells, tmp_path / name)


def test_filled_form_gives_exactly_the_changes(form: Path, data: Path, tmp_path: Path) -> None:
    reading = read(_filled(form, tmp_path), data)
    assert reading.problems == []
    assert (reading.unit, reading.month) == ("scjgj", "2022-08")
    assert reading.statuses == [StatusChange("T001", None, "done", date(2022, 8, 5), "doing", None),
                                StatusChange("T002", None, "blocked", None, "todo", None)]
    assert reading.notes == [LogText("T001", None, "progress", "已推广到全市"), LogText("T002", None, "problem", "缺少资金")]
    assert reading.readings == [ReadingChange("I01", None, "2022-08", 1200.0, None), ReadingChange("I02", None, "2022-08", 3.5, None)]


def test_a_blank_form_changes_nothing(form: Path, data: Path) -> None:
    reading = read(form, data)
    assert reading.problems == [] and reading.unchanged


@pytest.mark.parametrize("typed", ["2022年8月5日", "2022.8.5", "8月5日", "２０２２/８/５", datetime(2022, 8, 5)])
def test_dates_as_people_type_them(form: Path, data: Path, tmp_path: Path, typed: Any) -> None:
    reading = read(_filled(form, tmp_path, {"任务进展": {"I4": typed}}), data)
    assert reading.problems == [] and reading.statuses[0].done_on == date(2022, 8, 5)


def test_a_county_answers_its_own_part_and_value(data: Path, tmp_path: Path) -> None:
    form = export(data, tmp_path / "out", ["xiufeng"])[0]
    reading = read(fill(form, {"任务进展": {"H4": "已完成", "I4": "2022-08-20"}, "指标数据": {"F4": 180}}, tmp_path / "x.xlsx"), data)
    assert reading.problems == []
    assert reading.statuses == [StatusChange("T003", "xiufeng", "done", date(2022, 8, 20), "doing", None)]
    assert reading.readings == [ReadingChange("I03", "xiufeng", "2022-08", 180.0, None)]


@pytest.mark.parametrize(("cells", "cell", "words"), [
    ({"任务进展": {"H4": "完成"}}, "任务进展!H4", "not a status"),
    ({"任务进展": {"I4": "昨天"}}, "任务进展!I4", "not a date"),
    ({"任务进展": {"I4": None}}, "任务进展!I4", "needs the day"),
    ({"任务进展": {"I4": "2022/9/1"}}, "任务进展!I4", "outside 2022-01-01 .. 2022-08-31"),
    ({"任务进展": {"I4": "2021/12/31"}}, "任务进展!I4", "outside"),
    ({"任务进展": {"K5": None}}, "任务进展!K5", "受阻 needs the reason"),
    ({"任务进展": {"H5": "推进中", "I5": "2022/8/1"}}, "任务进展!I5", "完成日期 goes only with 已完成"),
    ({"指标数据": {"F4": "很多"}}, "指标数据!F4", "not a number"),
    ({"指标数据": {"F4": "12%"}}, "指标数据!F4", "not counted in %"),
    ({"指标数据": {"F4": "1,20"}}, "指标数据!F4", "groups of three"),
    ({"指标数据": {"F4": "=1+1"}}, "指标数据!F4", "formula"),
    ({"任务进展": {"D4": "改过的任务"}}, "任务进展!D4", "locked cell was changed"),
    ({"任务进展": {"A4": "T999"}}, "任务进展!A4", "编号 was changed"),
    ({"任务进展": {"C3": "举措名称"}}, "任务进展!C3", "header was changed"),
])
def test_each_refusal_names_its_cell_and_returns_nothing(form: Path, data: Path, tmp_path: Path,
                                                         cells: dict[str, dict[str, Any]], cell: str, words: str) -> None:
    reading = read(_filled(form, tmp_path, cells), data)
    assert cell in addresses(reading), [str(p) for p in reading.problems]
    assert words in next(p.text("en") for p in reading.problems if f"{p.sheet}!{p.cell}" == cell)
    assert reading.problems[0].text("en").startswith(f"{tmp_path / 'returned.xlsx'}:")
    assert reading.unchanged  # all or nothing: the good rows are not returned either


def test_the_message_reads_file_sheet_cell(form: Path, data: Path, tmp_path: Path) -> None:
    reading = read(_filled(form, tmp_path, {"任务进展": {"H4": "完成"}}), data)
    assert reading.problems[0].text("en") == (f"{tmp_path / 'returned.xlsx'}:任务进展!H4: '完成' is not a status: "
                                        "write one of 未开始, 推进中, 已完成, 受阻 (or leave it blank)")


def test_inserted_row_without_id(form: Path, data: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(form)
    wb["任务进展"].insert_rows(5)
    wb["任务进展"]["J5"] = "多出来的一行"
    wb.save(tmp_path / "ins.xlsx")
    assert addresses(read(tmp_path / "ins.xlsx", data)) == ["任务进展!A5"]


def test_merged_answer_cells(form: Path, data: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(form)
    wb["任务进展"].merge_cells("J4:K5")
    wb.save(tmp_path / "merged.xlsx")
    reading = read(tmp_path / "merged.xlsx", data)
    assert addresses(reading) == ["任务进展!J4"] and "J4:K5" in reading.problems[0].text("en")


def test_missing_hidden_sheet(form: Path, data: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(form)
    del wb["表单信息"]
    wb.save(tmp_path / "lost.xlsx")
    reading = read(tmp_path / "lost.xlsx", data)
    assert len(reading.problems) == 1 and "hidden sheet 表单信息 is missing" in reading.problems[0].text("en")


def test_not_a_workbook(data: Path, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("not a zip", encoding="utf-8")
    assert "cannot be read as an .xlsx workbook" in read(tmp_path / "x.xlsx", data).problems[0].text("en")


def test_another_campaign_month_or_unit(form: Path, data: Path, tmp_path: Path) -> None:
    other = write_data(tmp_path / "other", tasks=TASKS.replace("测试攻坚战", "另一个攻坚战"))
    assert addresses(read(form, other)) == ["表单信息!C1"]
    month = read(form, data, month=parse_period("2022-09", "monthly"))
    assert addresses(month) == ["表单信息!C1"] and "another month" in month.problems[0].text("en")
    unit = read(form, data, unit="rsj")
    assert addresses(unit) == ["表单信息!C1"] and "another unit" in unit.problems[0].text("en")


@pytest.mark.parametrize("change", [("scjgj", "rsj"), ("2022-08", "2022-09")])
def test_identity_forged_without_the_office_key(form: Path, data: Path, tmp_path: Path, change: tuple[str, str]) -> None:
    wb = openpyxl.load_workbook(form)
    hidden = wb["表单信息"]
    text = hidden["C1"].value.replace(f'"{change[0]}"', f'"{change[1]}"')
    assert text != hidden["C1"].value
    hidden["C1"] = text
    hidden["B1"] = sign(text, b"\x00" * 32)  # recomputed, by someone without the office key
    wb.save(tmp_path / "forged.xlsx")
    reading = read(tmp_path / "forged.xlsx", data)
    assert addresses(reading) == ["表单信息!B1"] and "signature does not match" in reading.problems[0].text("en")


def test_a_supporting_unit_cannot_set_the_status(data: Path, tmp_path: Path) -> None:
    form = export(data, tmp_path / "out", ["rsj"])[0]
    reading = read(fill(form, {"任务进展": {"H4": "已完成", "I4": "2022/8/5"}}, tmp_path / "s.xlsx"), data)
    assert addresses(reading) == ["任务进展!H4"]
    notes = read(fill(form, {"任务进展": {"J4": "配合完成培训"}}, tmp_path / "n.xlsx"), data)
    assert notes.problems == [] and notes.notes == [LogText("T001", None, "progress", "配合完成培训")]


def test_data_changed_since_the_form_was_made_is_a_conflict(form: Path, data: Path, tmp_path: Path) -> None:
    tasks = data / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(
        "due: 2022-09-30, status: doing}", "due: 2022-09-30, status: done, done_on: 2022-08-03}"), encoding="utf-8")
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("readings: {2022-07: 500}", "readings: {2022-07: 500, 2022-08: 900}"), encoding="utf-8")
    reading = read(_filled(form, tmp_path), data)
    assert addresses(reading) == ["任务进展!H4", "指标数据!F4"]
    assert "was 推进中; the data now says 已完成 (2022-08-03)" in reading.problems[0].text("en")
    assert "was None; the data now says 900" in reading.problems[1].text("en")
    assert reading.unchanged


def test_signed_identity_is_canonical() -> None:
    assert encode({"b": 1, "a": "桂林"}) == '{"a":"桂林","b":1}'
    assert sign("x", KEY) == sign("x", KEY) != sign("x", b"\x01" * 32)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: not tested")
def test_saved_again_by_libreoffice(form: Path, data: Path, tmp_path: Path) -> None:
    filled = _filled(form, tmp_path, {"任务进展": {"I4": datetime(2022, 8, 5)}})
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(filled)], check=True, capture_output=True, timeout=180)
    reading = read(out / filled.name, data)
    assert reading.problems == []
    assert [s.task for s in reading.statuses] == ["T001", "T002"] and reading.statuses[0].done_on == date(2022, 8, 5)
    assert [(r.indicator, r.value) for r in reading.readings] == [("I01", 1200.0), ("I02", 3.5)]


def test_sample_form_round_trip(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    form = export(SAMPLE, tmp_path / "out", ["rsj"])[0]
    wb = openpyxl.load_workbook(form)
    first = wb["任务进展"]["A4"].value
    reading = read(fill(form, {"任务进展": {"H4": "已完成", "I4": "2022年8月30日", "J4": "按期完成"},
                               "指标数据": {"F4": "10,100"}}, tmp_path / "r.xlsx"), SAMPLE)
    assert reading.problems == []
    campaign = open_campaign(SAMPLE)
    ref = campaign.task(first)
    assert ref is not None
    assert reading.statuses == [StatusChange(first, None, "done", date(2022, 8, 30), ref.task.status, None)]
    assert [(r.indicator, r.value) for r in reading.readings] == [(wb["指标数据"]["A4"].value, 10100.0)]


def test_content_far_outside_the_table_is_refused_without_reading_every_row(form: Path, data: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(form)
    wb["指标数据"]["F1048576"] = 1
    wb.save(tmp_path / "far.xlsx")
    assert addresses(read(tmp_path / "far.xlsx", data)) == ["指标数据!F1048576"]


def test_a_stray_cell_beside_the_table_is_refused(form: Path, data: Path, tmp_path: Path) -> None:
    reading = read(_filled(form, tmp_path, {"任务进展": {"L4": "备注"}}), data)
    assert addresses(reading) == ["任务进展!L4"] and reading.unchanged
