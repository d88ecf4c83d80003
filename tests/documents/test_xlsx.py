"""Every workbook the program writes prints: read back with openpyxl, sheet by sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

import openpyxl
import pytest

from tests.conftest import TASKS, UNITS, run
from tests.report.sample import TASKS as REPORT_TASKS

MakeData = Callable[..., Path]
HOSTILE_TITLE = '=HYPERLINK("http://example.com","点我")'
HOSTILE_UNIT = "=1+1"


def _sheets(data: bytes) -> Iterator[tuple[str, object]]:
    wb = openpyxl.load_workbook(BytesIO(data))
    for ws in wb.worksheets:
        yield ws.title, ws


def _listing_workbooks(folder: Path, tmp_path: Path) -> dict[str, bytes]:
    out = {}
    for name, args in {
        "monthly": ["report", "monthly", "2022-06"],
        "quarterly": ["report", "quarterly", "2022-Q2"],
        "overdue": ["overdue", "--as-of", "2022-07-31", "--soon", "30"],
        "tasks": ["tasks"],
        "indicators": ["indicators", "--as-of", "2022-07-31"],
        "unit": ["unit", "scjgj", "--as-of", "2022-07-31"],
        "summary": ["summary"],
        "show": ["show", "M01"],
    }.items():
        target = tmp_path / f"{name}.xlsx"
        result = run(*args, "--data", str(folder), "-o", str(target), env={"GUILIN_CAMPAIGN_LANG": "zh"})  # as the office reads them
        assert result.exit_code == 0, result.stderr
        out[name] = target.read_bytes()
    return out


def _all_workbooks(make_data: MakeData, tmp_path: Path, tasks: str = REPORT_TASKS, units: str = UNITS) -> dict[str, bytes]:
    return _listing_workbooks(make_data(tasks=tasks, units=units), tmp_path)


def test_every_sheet_of_every_workbook_is_set_up_to_print(make_data: MakeData, tmp_path: Path) -> None:
    for book, data in _all_workbooks(make_data, tmp_path).items():
        for name, ws in _sheets(data):
            where = f"{book}/{name}"
            width = ws.max_column
            assert f"A1:{openpyxl.utils.get_column_letter(width)}1" in {str(r) for r in ws.merged_cells.ranges} or width == 1, where
            assert ws["A1"].value.startswith("稳主体激活力攻坚战 "), where
            assert ws["A2"].value.startswith("填报单位：桂林市稳主体激活力攻坚战指挥部办公室"), where
            assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4", where
            setup = ws.page_setup
            assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0), where
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True, where
            assert ws.oddFooter.center.text == "第 &P 页 共 &N 页", where
            for cell in ws[4]:
                assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin" and cell.font.b, where
            for row in ws.iter_rows(min_row=5):
                assert all(c.border.top.style == "thin" for c in row), where
            assert not any(ch in name for ch in "[]:*?/\\") and len(name) <= 31


def test_sheet_names_are_chinese(make_data: MakeData, tmp_path: Path) -> None:
    books = _all_workbooks(make_data, tmp_path)
    assert [n for n, _ in _sheets(books["overdue"])] == ["逾期任务 4 项、30 天内临期 1 项"]
    assert [n for n, _ in _sheets(books["unit"])] == ["市场监管 的任务", "市场监管 的指标", "市场监管 接下来到期的任务"]
    assert [n for n, _ in _sheets(books["indicators"])] == ["A1 稳主体扩增量"]


def test_dates_are_date_cells_numbers_are_numbers_and_units_are_named(make_data: MakeData, tmp_path: Path) -> None:
    books = _all_workbooks(make_data, tmp_path)
    ws = openpyxl.load_workbook(BytesIO(books["overdue"])).worksheets[0]
    heads = [c.value for c in ws[4]]
    assert heads[:3] == ["单位名称", "任务编号", "任务"] and "单位" not in heads  # the unit's id is not shown
    due, days = ws.cell(5, heads.index("完成时限") + 1), ws.cell(5, heads.index("逾期天数") + 1)
    assert due.is_date and due.value == datetime(2022, 6, 20) and due.number_format == "yyyy-mm-dd"
    assert days.data_type == "n" and days.value == 41
    monthly = openpyxl.load_workbook(BytesIO(books["monthly"]))["本期完成"]
    assert monthly["F5"].is_date and monthly["F5"].value == datetime(2022, 6, 10)


def test_long_titles_wrap_and_widths_count_chinese_twice(make_data: MakeData, tmp_path: Path) -> None:
    long_title = "推行企业开办一日办结" * 6
    books = _all_workbooks(make_data, tmp_path, tasks=REPORT_TASKS.replace("推行企业开办一日办结", long_title))
    ws = openpyxl.load_workbook(BytesIO(books["tasks"])).worksheets[0]
    title_col = [c.value for c in ws[4]].index("任务") + 1
    letter = openpyxl.utils.get_column_letter(title_col)
    assert ws.column_dimensions[letter].width == 36  # capped: 18 Chinese characters a line
    cell = next(c for c in ws[letter] if c.value == long_title)
    assert cell.alignment.wrap_text and ws.row_dimensions[cell.row].height >= 14 * 4


def test_no_cell_of_any_workbook_is_a_formula_even_for_hostile_names(make_data: MakeData, tmp_path: Path) -> None:
    tasks = REPORT_TASKS.replace("推行企业开办一日办结", HOSTILE_TITLE.replace('"', "'")).replace("优化准入", "=SUM(A1:A9)")
    units = UNITS.replace("short: 秀峰区", f"short: '{HOSTILE_UNIT}'").replace("市人力资源社会保障局", "'@cmd'")
    books = _all_workbooks(make_data, tmp_path, tasks=tasks, units=units)
    seen = set()
    for book, data in books.items():
        for name, ws in _sheets(data):
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{book}/{name}!{cell.coordinate}: {cell.value!r}"
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        seen.add(cell.value)
        with ZipFile(BytesIO(data)) as archive:
            for entry in archive.namelist():
                assert b"<f>" not in archive.read(entry) and b"<f " not in archive.read(entry), f"{book}: {entry}"
    assert HOSTILE_UNIT in seen and any(v.startswith("=HYPERLINK") for v in seen)


def test_a_listing_workbook_needs_a_file_and_a_known_suffix(make_data: MakeData) -> None:
    folder = str(make_data(tasks=TASKS))
    result = run("overdue", "--data", folder, "--format", "xlsx")
    assert result.exit_code == 2 and "add -o FILE.xlsx" in result.stderr
    result = run("tasks", "--data", folder, "-o", "tasks.txt")
    assert result.exit_code == 2 and "name it .json, .csv, .md or .xlsx" in result.stderr


def test_a_listing_goes_to_a_file_in_any_format(make_data: MakeData, tmp_path: Path) -> None:
    folder = str(make_data(tasks=TASKS))
    result = run("tasks", "--data", folder, "-o", str(tmp_path / "t.csv"))
    assert result.exit_code == 0 and (tmp_path / "t.csv").read_text(encoding="utf-8").startswith("id,action,measure,title")


def test_a_listing_never_replaces_a_data_file(make_data: MakeData) -> None:
    folder = make_data(tasks=TASKS)
    before = (folder / "tasks.yaml").read_bytes()
    result = run("tasks", "--data", str(folder), "--format", "xlsx", "-o", str(folder / "tasks.yaml"))
    assert result.exit_code == 2 and (folder / "tasks.yaml").read_bytes() == before


@pytest.mark.parametrize("name", ["monthly", "overdue"])
def test_workbook_times_are_the_as_of_date(make_data: MakeData, tmp_path: Path, name: str) -> None:
    data = _all_workbooks(make_data, tmp_path)[name]
    day = (2022, 6, 30) if name == "monthly" else (2022, 7, 31)
    with ZipFile(BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(*day, 0, 0, 0)}


def test_control_characters_in_the_data_never_break_a_file(make_data: MakeData, tmp_path: Path) -> None:
    tasks = REPORT_TASKS.replace("title: 推行企业开办一日办结", 'title: "推行\\x07企业开办\\x1b[31m一日办结"')
    folder = make_data(tasks=tasks)
    for args, name in ((["report", "monthly", "2022-06"], "m.xlsx"), (["report", "monthly", "2022-06"], "m.docx"),
                       (["tasks"], "t.xlsx"), (["notice", "scjgj", "--as-of", "2022-06-30"], "n.docx")):
        result = run(*args, "--data", str(folder), "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]
    assert any(c.value == "推行企业开办[31m一日办结" for row in ws.iter_rows() for c in row)


def test_sheet_names_are_legal_and_unique() -> None:
    from guilin_campaign.render.xlsx_book import sheet_name

    taken: set[str] = set()
    names = [sheet_name(t, taken, "zh") for t in ["'甲[乙]:丙（截至 2022-07-31）", "甲乙丙", "ABC", "abc", "", "长" * 40]]
    assert names == ["甲乙丙", "甲乙丙2", "ABC", "abc2", "表", "长" * 28]
