"""``guilin-campaign import table`` end to end: exit codes, what is written and what is refused."""

from __future__ import annotations

from pathlib import Path

from typer.testing import Result

from tests.conftest import SAMPLE
from tests.conftest import run as run_in
from tests.tableimport.realistic import realistic_docx, realistic_xlsx
from tests.tableimport.tables import write_xlsx


def run(*args: str) -> Result:
    """The import speaks the clerk's Chinese; its refusals are asked for in Chinese here."""
    return run_in(*args, env={"GUILIN_CAMPAIGN_LANG": "zh"})


def test_import_then_check(tmp_path: Path) -> None:
    book = realistic_xlsx(tmp_path)
    out = tmp_path / "data"
    result = run("import", "table", str(book), "-o", str(out), "--year", "2023")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "导入 分解表.xlsx（Sheet1），表头在第2行"
    assert result.stdout.splitlines()[-1] == f"已写入 {out / 'tasks.yaml'} 和 {out / 'units.yaml'}；下一步：guilin-campaign check --data {out}"
    assert sorted(p.name for p in out.iterdir()) == [".gitignore", "tasks.yaml", "units.yaml"]
    checked = run("check", "--data", str(out))
    assert checked.exit_code == 0 and "8 项任务、0 项临时交办任务、3 项指标、8 个单位，没有问题" in checked.stdout


def test_dry_run_prints_the_summary_and_writes_nothing(tmp_path: Path) -> None:
    book = realistic_docx(tmp_path)
    out = tmp_path / "data"
    result = run("import", "table", str(book), "-o", str(out), "--year", "2023", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "专项行动 2 项，举措 4 条，指标 3 项，具体任务 8 项，单位 8 个" in result.stdout
    assert "方案.docx:表2!第10行第7列: 无法识别的完成时限 '尽快'" in result.stdout
    assert result.stdout.splitlines()[-1] == "试运行（--dry-run）：未写入任何文件"
    assert not out.exists()


def test_an_existing_folder_with_data_is_refused_and_left_alone(tmp_path: Path) -> None:
    book = realistic_xlsx(tmp_path)
    out = tmp_path / "data"
    out.mkdir()
    (out / "tasks.yaml").write_text("# 办公室自己的数据\n", encoding="utf-8")
    result = run("import", "table", str(book), "-o", str(out), "--year", "2023")
    assert result.exit_code == 1
    assert result.stderr == f"错误：{out / 'tasks.yaml'} 已经存在，导入不会覆盖已有数据：请换一个空文件夹，或先把它移走\n"
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == "# 办公室自己的数据\n"
    assert sorted(p.name for p in out.iterdir()) == ["tasks.yaml"]


def test_an_empty_existing_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "data"
    out.mkdir()
    (out / "README.md").write_text("说明\n", encoding="utf-8")
    result = run("import", "table", str(realistic_xlsx(tmp_path)), "-o", str(out), "--year", "2023")
    assert result.exit_code == 0, result.stderr
    assert (out / "tasks.yaml").exists() and (out / "README.md").read_text(encoding="utf-8") == "说明\n"


def test_names_match_the_units_file_by_full_or_short_name(tmp_path: Path) -> None:
    book = realistic_xlsx(tmp_path)
    out = tmp_path / "data"
    result = run("import", "table", str(book), "-o", str(out), "--year", "2023", "--units", str(SAMPLE / "units.yaml"))
    assert result.exit_code == 0, result.stdout
    text = (out / "tasks.yaml").read_text(encoding="utf-8")
    assert "owners: [counties]\n            support: [scjgj, rsj]\n" in text  # 市人社局 is rsj's short name
    assert "owners: [sws]\n            support: [czj, rsj]\n" in text  # 市税务局 likewise, 市财政局 by either
    assert "owners: [xiufeng, yangshuo]\n" in text
    assert (out / "units.yaml").read_bytes() == (SAMPLE / "units.yaml").read_bytes()


def test_a_prefix_matches_one_unit_and_an_unknown_name_is_refused(tmp_path: Path) -> None:
    rows = [["具体任务", "责任单位", "完成时限"], ["任务甲", "秀峰区", "2022年6月底前"], ["任务乙", "市市场", "2022年6月底前"],
            ["任务丙", "市外事办", "2022年6月底前"], ["任务丁", "市", "年底前"]]
    book = write_xlsx(tmp_path / "表.xlsx", rows)
    result = run("import", "table", str(book), "-o", str(tmp_path / "data"), "--units", str(SAMPLE / "units.yaml"))
    assert result.exit_code == 1
    out = result.stdout
    assert "'秀峰区'" not in out  # a short name is an exact match
    assert "'市市场' 按名称开头匹配为 scjgj（市市场监管局）" in out
    assert "表.xlsx:Sheet1!B4: 单位 '市外事办' 不在 units.yaml 中：请写全称或简称，或先把它加进 units.yaml" in out
    assert "表.xlsx:Sheet1!B5: 单位 '市' 可能是 scjgj、fgw、gxj" in out
    assert "错误（2 项，必须改正后才能导入）：" in out
    assert result.stderr == "有 2 个问题，未写入任何文件\n"
    assert not (tmp_path / "data").exists()


def test_map_names_an_unusual_header(tmp_path: Path) -> None:
    rows = [["编号", "工作要点", "主办单位", "办结时间"], [1, "制定方案", "市市场监管局", "2022年3月底前"]]
    book = write_xlsx(tmp_path / "表.xlsx", rows)
    refused = run("import", "table", str(book), "-o", str(tmp_path / "a"))
    assert refused.exit_code == 1 and "找不到任务分解表的表头" in refused.stderr
    result = run("import", "table", str(book), "-o", str(tmp_path / "b"), "--map", "工作要点=具体任务",
                 "--map", "主办单位=owners", "--map", "办结时间=完成时限")
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (tmp_path / "b" / "tasks.yaml").read_text(encoding="utf-8")
    assert "title: 制定方案\n            owners: [u01]\n            due: 2022-03-31\n" in text
    assert "  - id: A1\n    name: 表\n    measures:\n      - id: M01\n        name: 表\n" in text
    assert "  表中没有“专项行动”列：全部任务归入一个专项行动 '表'" in result.stdout
    assert "  表中没有“举措”列：每个专项行动下建一条同名举措" in result.stdout


def test_bad_invocations_exit_2(tmp_path: Path) -> None:
    book = realistic_xlsx(tmp_path)
    out = str(tmp_path / "data")
    for args, message in [
        ((str(tmp_path / "无.xlsx"),), "找不到文件"),
        ((str(tmp_path / "表.xls"),), "找不到文件"),
        ((str(book), "--map", "没有等号"), "--map: 没有等号：应写成 列名=字段"),
        ((str(book), "--map", "备注=不存在的字段"), "应写成 列名=字段"),
        ((str(book), "--map", "不存在的列=具体任务"), "--map: 指定的列 '不存在的列' 不在 Sheet1 的表头中"),
        ((str(book), "--sheet", "Sheet9"), "分解表.xlsx 中没有名为 'Sheet9' 的工作表；工作表有：Sheet1"),
        ((str(book), "--year", "23"), "--year: 23：请写四位年份"),
    ]:
        result = run("import", "table", *args, "-o", out)
        assert result.exit_code == 2, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
    (tmp_path / "旧.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    old = run("import", "table", str(tmp_path / "旧.xls"), "-o", out)
    assert old.exit_code == 2 and "只支持 .xlsx 工作簿和 .docx 文档" in old.stderr


def test_a_file_that_is_not_a_workbook_is_refused_plainly(tmp_path: Path) -> None:
    fake = tmp_path / "分解表.xlsx"
    fake.write_text("不是工作簿", encoding="utf-8")
    result = run("import", "table", str(fake), "-o", str(tmp_path / "data"))
    assert result.exit_code == 1
    assert "不是可以读取的 .xlsx 工作簿" in result.stderr and "Traceback" not in result.stderr
    fake_doc = tmp_path / "方案.docx"
    fake_doc.write_bytes(b"PK\x03\x04broken")
    result = run("import", "table", str(fake_doc), "-o", str(tmp_path / "data"))
    assert result.exit_code == 1 and "不是可以读取的 .docx 文档" in result.stderr


def test_a_broken_units_file_is_answered_with_its_lines(tmp_path: Path) -> None:
    units = tmp_path / "units.yaml"
    units.write_text("units:\n  - {id: scjgj, name: 市市场监管局, kind: 部门}\n", encoding="utf-8")
    result = run("import", "table", str(realistic_xlsx(tmp_path)), "-o", str(tmp_path / "data"), "--units", str(units))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{units}:2: ")
    assert result.stderr.endswith(f"错误：--units: 单位文件 {units} 有问题（见上），请先改正\n")
    assert not (tmp_path / "data").exists()


def test_a_document_without_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("实施方案正文")
    document.save(str(tmp_path / "方案.docx"))
    result = run("import", "table", str(tmp_path / "方案.docx"), "-o", str(tmp_path / "data"))
    assert (result.exit_code, result.stderr) == (1, "错误：方案.docx 中没有表格\n")
    result = run("import", "table", str(tmp_path / "方案.docx"), "-o", str(tmp_path / "data"), "--sheet", "表3")
    assert result.exit_code == 2 and "方案.docx 中没有 '表3'；文档共有 0 个表格" in result.stderr
