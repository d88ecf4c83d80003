"""Importing a realistic table, as .xlsx and as .docx: the files pass check and hold the rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from guilin_campaign.tableimport.run import ImportOptions, import_table
from tests.tableimport.realistic import EXPECTED, loaded, realistic_docx, realistic_xlsx, records

UNREADABLE = {"xlsx": "分解表.xlsx:Sheet1!G11", "docx": "方案.docx:表2!第10行第7列"}
NOTE = {"xlsx": "分解表.xlsx:Sheet1!A12", "docx": "方案.docx:表2!第11行第1列"}
ROW_COMMENT = {"xlsx": "# 分解表第3行", "docx": "# 表2第2行"}


@pytest.fixture(params=["xlsx", "docx"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _source(kind: str, folder: Path) -> Path:
    return realistic_xlsx(folder) if kind == "xlsx" else realistic_docx(folder)


def test_the_files_pass_check_and_hold_every_task(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = import_table(ImportOptions(_source(kind, tmp_path), out, year=2023))
    assert result.errors == []
    c = loaded(out)
    assert records(c) == EXPECTED
    assert [(a.id, a.name, [m.name for m in a.measures]) for a in c.actions] == [
        ("A1", "稳主体扩增量", ["深化商事制度改革", "推进企业开办便利化"]),
        ("A2", "助企纾困解难", ["落实减税降费", "优化全周期服务"]),
    ]
    assert [t.id for t in c.tasks] == [f"T00{i}" for i in range(1, 9)]
    assert (c.info.name, c.info.city, c.units[c.info.lead].name) == ("稳主体激活力攻坚战", "桂林市", "市市场监管局")
    assert (c.info.start.isoformat(), c.info.end.isoformat()) == ("2023-01-01", "2023-12-31")


def test_units_are_new_with_kinds_and_the_counties_group(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    import_table(ImportOptions(_source(kind, tmp_path), out, year=2023))
    c = loaded(out)
    kinds = {u.name: (u.id, u.kind, u.short) for u in c.units.values()}
    assert kinds["秀峰区人民政府"][1:] == ("county", "秀峰区")
    assert kinds["市市场监管局"] == ("u01", "department", None)
    assert len(c.units) == 8
    assert [c.units[u].name for u in c.groups["counties"]] == ["秀峰区人民政府", "阳朔县人民政府"]


def test_indicators_get_targets_units_and_owners(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    import_table(ImportOptions(_source(kind, tmp_path), out, year=2023))
    c = loaded(out)
    got = {r.indicator.name: r.indicator for r in c.indicators}
    assert (got["新增市场主体户数"].target, got["新增市场主体户数"].unit, got["新增市场主体户数"].kind) == (66000, "户", "total")
    assert [c.units[o].name if o in c.units else o for o in got["新增市场主体户数"].owners] == ["市市场监管局", "counties"]
    assert (got["企业开办时间"].target, got["企业开办时间"].unit, got["企业开办时间"].better) == (1, "个工作日", "lower")
    assert (got["市场主体净增长率"].target, got["市场主体净增长率"].unit, got["市场主体净增长率"].kind) == (8, "%", "rate")


def test_the_unreadable_deadline_is_reported_with_its_cell_and_left_out(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = import_table(ImportOptions(_source(kind, tmp_path), out, year=2023))
    summary = "\n".join(result.summary)
    assert f"{UNREADABLE[kind]}: 无法识别的完成时限 '尽快'" in summary
    assert f"{NOTE[kind]}: 注释行，未导入" in summary
    text = (out / "tasks.yaml").read_text(encoding="utf-8")
    assert "# 完成时限：尽快（未能识别，请核对后补写 due）" in text
    assert "# 完成时限：长期坚持（常态化工作，不设 due）" in text
    assert f"- id: T001  {ROW_COMMENT[kind]}\n" in text


def test_without_year_the_yearless_deadlines_are_refused_each_with_its_cell(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = import_table(ImportOptions(_source(kind, tmp_path), out))
    summary = "\n".join(result.summary)
    assert result.errors == []
    for form in ("6月30日前", "二季度", "年底前"):
        assert f"完成时限 '{form}' 没有写年份" in summary
    c = loaded(out)
    assert c.info.start.year == 2023  # from the deadlines that have one, listed as a guess
    assert records(c)["落实组合式税费支持政策"][2] is None


def test_the_summary_counts_and_lists_guesses(kind: str, tmp_path: Path) -> None:
    result = import_table(ImportOptions(_source(kind, tmp_path), tmp_path / "data", year=2023))
    assert result.summary[1].startswith("专项行动 2 项，举措 4 条，指标 3 项，具体任务 8 项，单位 8 个")
    summary = "\n".join(result.summary)
    assert "新建单位 u02 各县（市、区）人民政府" not in summary
    assert "秀峰区人民政府：类别按名称猜为县（市、区）county" in summary
    assert "未使用的列：备注" in summary


def test_dry_run_writes_nothing(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = import_table(ImportOptions(_source(kind, tmp_path), out, year=2023, dry_run=True))
    assert result.errors == [] and result.written == []
    assert not out.exists()


def test_the_same_table_gives_the_same_bytes(kind: str, tmp_path: Path) -> None:
    source = _source(kind, tmp_path)
    for out in ("one", "two"):
        assert import_table(ImportOptions(source, tmp_path / out, year=2023)).errors == []
    for name in ("tasks.yaml", "units.yaml"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
