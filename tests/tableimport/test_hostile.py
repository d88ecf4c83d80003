"""Cell text YAML would misread, formulas, and odd layouts: read as written, or refused by cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_campaign.tableimport.run import ImportOptions, import_table
from tests.tableimport.realistic import loaded
from tests.tableimport.tables import write_docx, write_xlsx

HOSTILE = ["no", "yes", "2022-13-01", "2022-07-01", "null", "~", "123", "0x10", "1:30", ": 冒号开头", "结尾冒号:",
           "#井号开头", "任务 #1批", "=SUM(A1:A2)", "第一行\n第二行", "'单引号'", "\"双引号\"", "[方括号]", "{花括号}",
           "- 破折号", "@符号", "%百分号", "*星号", "&锚", "!感叹", "| 竖线", "> 大于", "制表\t符", "  前后空格  "]


def _rows(titles: list[str]) -> list[list[object]]:
    return [["具体任务", "责任单位", "完成时限"]] + [[t, "市{监管}局", "2022年6月底前"] for t in titles]


def test_hostile_titles_and_names_come_back_exactly(tmp_path: Path) -> None:
    rows = _rows(HOSTILE)
    text_cells = [(r, 0) for r in range(1, len(rows))]
    book = write_xlsx(tmp_path / "表.xlsx", rows, text_cells=text_cells)  # type: ignore[arg-type]
    result = import_table(ImportOptions(book, tmp_path / "data"))
    assert result.errors == [], result.summary
    c = loaded(tmp_path / "data")
    assert [ref.task.title for ref in c.tasks] == [t.strip() for t in HOSTILE]
    assert [u.name for u in c.units.values()] == ["市{监管}局"]
    text = (tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8")
    assert "title: 'no'\n" in text and "title: '2022-13-01'\n" in text and "title: =SUM(A1:A2)\n" in text
    assert 'title: "第一行\\n第二行"\n' in text
    assert "title: '任务 #1批'\n" in text  # quoted: plain, ` #` would start a comment
    assert "title: '\"双引号\"'\n" in text and "title: '''单引号'''\n" in text


def test_the_same_hostile_text_in_word(tmp_path: Path) -> None:
    doc = write_docx(tmp_path / "方案.docx", _rows(HOSTILE[:14]))  # type: ignore[arg-type]
    assert import_table(ImportOptions(doc, tmp_path / "data")).errors == []
    assert [ref.task.title for ref in loaded(tmp_path / "data").tasks] == HOSTILE[:14]


def test_a_formula_without_a_saved_value_is_refused_with_its_cell(tmp_path: Path) -> None:
    rows = _rows(["任务甲", "任务乙"])
    book = write_xlsx(tmp_path / "表.xlsx", rows)  # type: ignore[arg-type]
    wb = __import__("openpyxl").load_workbook(book)
    wb.active["C3"] = '=DATE(2022,6,30)'  # openpyxl saves a formula with no computed value
    wb.save(book)
    result = import_table(ImportOptions(book, tmp_path / "data"))
    assert result.errors == ["表.xlsx:Sheet1!C3: 公式单元格没有保存的计算结果（本程序不计算公式）：请用 Excel 或 WPS 打开该文件、保存后再导入，或把公式改成数值"]
    assert not (tmp_path / "data").exists()


def test_two_header_rows_and_a_header_spanning_columns(tmp_path: Path) -> None:
    rows = [["序号", "重点任务", "责任单位", None, "时间节点"], [None, None, "牵头", "配合", None],
            [1, "制定方案", "市市场监管局", "市人社局、市财政局", "2022年第二季度"]]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]
    for kind, book in (("xlsx", write_xlsx(tmp_path / "表.xlsx", rows, merges)),  # type: ignore[arg-type]
                       ("docx", write_docx(tmp_path / "表.docx", rows, merges))):  # type: ignore[arg-type]
        result = import_table(ImportOptions(book, tmp_path / kind))
        assert result.errors == [], result.summary
        task = loaded(tmp_path / kind).tasks[0].task
        assert (task.title, task.owners, task.support, str(task.due)) == ("制定方案", ["u01"], ["u02", "u03"], "2022-06-30")


def test_a_vague_unit_stops_the_import_with_its_cell(tmp_path: Path) -> None:
    rows = [["具体任务", "责任单位", "配合单位", "完成时限"], ["制定方案", "市市场监管局", "各有关单位", "2022年6月底前"],
            ["落实", None, None, "2022年6月底前"]]
    result = import_table(ImportOptions(write_xlsx(tmp_path / "表.xlsx", rows), tmp_path / "data"))  # type: ignore[arg-type]
    assert result.errors == ["表.xlsx:Sheet1!C2: 无法确定 '各有关单位' 指哪些单位：请在表中写出单位名称",
                             "表.xlsx:Sheet1!B3: 没有责任单位（牵头单位或责任单位）：每项任务至少要有一个责任单位"]
    assert not (tmp_path / "data").exists()


def test_a_sheet_is_chosen_by_its_header(tmp_path: Path) -> None:
    book = tmp_path / "表.xlsx"
    wb = Workbook()
    wb.active.title = "封面"
    wb.active["A1"] = "任务分解表"
    ws = wb.create_sheet("分解表")
    for row in _rows(["任务甲"]):
        ws.append(row)
    wb.save(book)
    result = import_table(ImportOptions(book, tmp_path / "data"))
    assert result.summary[0] == "导入 表.xlsx（分解表），表头在第1行"


@pytest.mark.parametrize("target", ["约一万户", "66000户；8%"])
def test_an_unreadable_target_leaves_the_indicator_out_and_says_so(tmp_path: Path, target: str) -> None:
    rows = [["具体任务", "责任单位", "完成时限", "指标", "目标值"], ["任务甲", "市市场监管局", "2022年6月底前", "新增户数", target]]
    result = import_table(ImportOptions(write_xlsx(tmp_path / "表.xlsx", rows), tmp_path / "data"))  # type: ignore[arg-type]
    assert result.errors == []
    assert any(line.startswith("  表.xlsx:Sheet1!E2: ") for line in result.summary)
    assert loaded(tmp_path / "data").indicators == []


def test_a_blank_action_cell_takes_the_one_above_and_says_so(tmp_path: Path) -> None:
    rows = [["专项行动", "具体任务", "责任单位", "完成时限"], ["稳主体扩增量", "任务甲", "市市场监管局", "2022年6月底前"],
            [None, "任务乙", "市市场监管局", "2022年6月底前"]]
    result = import_table(ImportOptions(write_docx(tmp_path / "方案.docx", rows), tmp_path / "data"))  # type: ignore[arg-type]
    assert "  方案.docx:表1!第3行第1列: 专项行动为空白，沿用上一行的 '稳主体扩增量'" in result.summary
    c = loaded(tmp_path / "data")
    assert [(r.action.name, r.task.title) for r in c.tasks if r.action] == [("稳主体扩增量", "任务甲"), ("稳主体扩增量", "任务乙")]


def test_a_header_without_tasks_is_refused(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "表.xlsx", [["具体任务", "责任单位", "完成时限"], ["注：无", None, None]])  # type: ignore[list-item]
    result = import_table(ImportOptions(book, tmp_path / "data", year=2022))
    assert result.errors == ["表头下面没有任何具体任务：请检查是否选对了工作表（--sheet）"]
    assert not (tmp_path / "data").exists()


def test_a_word_table_continued_by_hand_is_read_whole(tmp_path: Path) -> None:
    header = ["专项行动", "具体任务", "责任单位", "完成时限"]
    document = __import__("docx").Document()
    for rows in ([header, ["稳主体扩增量", "任务甲", "市市场监管局", "2022年6月底前"]],
                 [header, [None, "任务乙", "市人社局", "2022年9月底前"]]):
        document.add_paragraph("续表" if rows[1][0] is None else "分解表")
        table = document.add_table(rows=2, cols=4)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value:
                    table.cell(r, c).text = value
    document.save(str(tmp_path / "方案.docx"))
    result = import_table(ImportOptions(tmp_path / "方案.docx", tmp_path / "data"))
    assert result.summary[0] == "导入 方案.docx（表1、表2），表头在第1行"
    assert "  表2 的表头与 表1 相同，作为续表一并导入" in result.summary
    assert "  方案.docx:表2!第2行第1列: 专项行动为空白，沿用上一行的 '稳主体扩增量'" in result.summary
    c = loaded(tmp_path / "data")
    assert [(r.action.name, r.task.title, str(r.task.due)) for r in c.tasks if r.action] == [
        ("稳主体扩增量", "任务甲", "2022-06-30"), ("稳主体扩增量", "任务乙", "2022-09-30")]
    assert "# 表2第2行" in (tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8")


def test_another_sheet_with_a_header_is_named_not_read(tmp_path: Path) -> None:
    book = tmp_path / "表.xlsx"
    wb = Workbook()
    for name, title in (("2023年", "任务甲"), ("2022年", "旧任务")):
        ws = wb.create_sheet(name)
        for row in _rows([title]):
            ws.append(row)
    del wb["Sheet"]
    wb.save(book)
    result = import_table(ImportOptions(book, tmp_path / "data"))
    assert "  2022年 也有任务分解表的表头，未导入；需要时用 --sheet 2022年 单独导入" in result.summary
    assert [r.task.title for r in loaded(tmp_path / "data").tasks] == ["任务甲"]


def test_date_cells_and_number_cells_in_a_workbook(tmp_path: Path) -> None:
    import datetime as dt

    rows = [["具体任务", "责任单位", "完成时限", "指标", "目标值"],
            ["任务甲", "市市场监管局", dt.datetime(2022, 5, 20), "新增户数", 66000],
            ["任务乙", "市市场监管局", 2022.6, "净增长率", 8.5],
            ["任务丙", "市市场监管局", 2022.1, None, None]]
    result = import_table(ImportOptions(write_xlsx(tmp_path / "表.xlsx", rows), tmp_path / "data"))  # type: ignore[arg-type]
    c = loaded(tmp_path / "data")
    assert [str(r.task.due) for r in c.tasks] == ["2022-05-20", "2022-06-30", "None"]
    assert [(r.indicator.name, r.indicator.target) for r in c.indicators] == [("新增户数", 66000), ("净增长率", 8.5)]
    assert any(line.startswith("  表.xlsx:Sheet1!C4: 完成时限 2022.1 是数字单元格，无法区分1月和10月") for line in result.summary)


@pytest.mark.parametrize("with_action_column", [False, True])
def test_a_section_row_merged_across_names_the_action_or_is_skipped(tmp_path: Path, with_action_column: bool) -> None:
    def row(action: str, *cells: object) -> list[object]:
        return ([action] if with_action_column else []) + list(cells)

    rows = [row("专项行动", "序号", "具体任务", "责任单位", "完成时限"),
            row("一、稳主体扩增量", "一、稳主体扩增量", None, None, None),
            row("行动甲", 1, "任务甲", "市市场监管局", "2022年6月底前"),
            row("二、激发市场活力", "二、激发市场活力", None, None, None),
            row("行动乙", 2, "任务乙", "市人社局", "2022年6月底前")]
    width = len(rows[0])
    for r in (1, 3):
        rows[r] = [rows[r][0]] + [None] * (width - 1)
    merges = [(1, 0, 1, width - 1), (3, 0, 3, width - 1)]
    result = import_table(ImportOptions(write_docx(tmp_path / "方案.docx", rows, merges), tmp_path / "data"))  # type: ignore[arg-type]
    assert result.errors == []
    c = loaded(tmp_path / "data")
    assert [u.name for u in c.units.values()] == ["市市场监管局", "市人社局"]
    got = [(r.action.name, r.task.title) for r in c.tasks if r.action]
    if with_action_column:
        assert got == [("行动甲", "任务甲"), ("行动乙", "任务乙")]
        assert "  方案.docx:表1!第2行第1列: 跨列合并的标题行 '一、稳主体扩增量'，未导入" in result.summary
    else:
        assert got == [("稳主体扩增量", "任务甲"), ("激发市场活力", "任务乙")]
        assert "  方案.docx:表1!第4行第1列: 跨列合并的标题行作为下面各行的专项行动 '激发市场活力'" in result.summary
        assert not any("没有“专项行动”列" in line for line in result.summary)
