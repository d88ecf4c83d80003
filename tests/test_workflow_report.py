"""The report's 督办 sections: ad-hoc completion by batch, the period's extensions (原时限, 延期至,
理由) and returns (本期退回); a past period's report unchanged by later ones, in every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("tasks.yaml", "units.yaml"):
        shutil.copyfile(SAMPLE / name, folder / name)
    return folder


def report(folder: Path, period: str, fmt: str) -> bytes:
    kind = "quarterly" if "Q" in period else "monthly"
    out = folder.parent / f"r.{fmt}"
    result = run("report", kind, period, "-o", str(out), "--data", str(folder), "--lang", "zh")  # the report's Chinese words
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def updated(*args: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr


def test_extensions_and_returns_of_the_period_are_listed(sample: Path) -> None:
    updated("extend", "T085", "--to", "2022-10-31", "--reason", "待省厅批复", "--approved-by", "王主任", "--on", "2022-07-10", "--data", str(sample))
    updated("extend", "T085", "--to", "2022-11-30", "--reason", "系统改造", "--unit", "fgw", "--on", "2022-07-20", "--data", str(sample))
    updated("return", "T001", "--reason", "分解方案未经审定", "--on", "2022-07-22", "--by", "督查科", "--data", str(sample))
    data = json.loads(report(sample, "2022-07", "json"))
    assert data["extensions"] == [
        {"id": "T085", "title": "开展涉企行政处罚信息信用修复专项行动", "unit": None, "unit_name": None,
         "was_due": "2022-07-15", "to": "2022-10-31", "reason": "待省厅批复", "on": "2022-07-10", "approved_by": "王主任"},
        {"id": "T085", "title": "开展涉企行政处罚信息信用修复专项行动", "unit": "fgw", "unit_name": "市发改委",
         "was_due": "2022-10-31", "to": "2022-11-30", "reason": "系统改造", "on": "2022-07-20", "approved_by": None},
    ]
    assert data["returns"] == [{"date": "2022-07-22", "id": "T001", "title": "制定全市新增市场主体目标任务分解方案，将全年新增66000户目标分解到各县（市、区）",
                                "unit": None, "unit_name": None, "reason": "分解方案未经审定", "by": "督查科"}]
    md = report(sample, "2022-07", "md").decode("utf-8")
    assert "## 十二、本期延期（2 项）\n\n| 编号 | 任务 | 单位 | 原时限 | 延期至 | 理由 | 延期登记日 | 批准人 |\n" in md
    assert "| T085 | 开展涉企行政处罚信息信用修复专项行动 | 全部责任单位 | 2022-07-15 | 2022-10-31 | 待省厅批复 | 2022-07-10 | 王主任 |" in md
    assert "## 十三、本期退回（1 次）\n\n| 退回日期 | 编号 | 任务 | 单位 | 理由 | 退回人 |\n" in md
    from tests.documents.docx_read import open_docx, text_dump

    docx = text_dump(open_docx(report(sample, "2022-07", "docx")))
    assert "本月批准延期2项（T085），退回已报完成事项1次（T001），延期和退回事项均按新的时限跟踪督办。" in docx
    brief = text_dump(open_docx(report(sample, "2022-Q3", "docx")))
    assert "本季度批准延期2项（T085），退回已报完成事项1次（T001）" in brief
    # June's report knows none of them: they are dated in July.
    june = json.loads(report(sample, "2022-06", "json"))
    assert june["extensions"] == [] and june["returns"] == []
    assert "批准延期" not in text_dump(open_docx(report(sample, "2022-06", "docx")))


def test_batches_count_items_assigned_by_the_as_of_date(sample: Path) -> None:
    updated("add", "adhoc", "-b", "12", "--title", "报送迎检材料清单", "--owners", "scjgj", "--due", "2022-08-12",
            "--received", "2022-07-28", "--data", str(sample))
    updated("add", "adhoc", "-b", "13", "--title", "报送三季度情况", "--owners", "scjgj", "--due", "2022-09-20",
            "--received", "2022-08-05", "--data", str(sample))
    batches = json.loads(report(sample, "2022-07", "json"))["adhoc_batches"]
    assert [(b["batch"], b["assigned_on"], b["items"], b["done"], b["rate"]) for b in batches] == [
        (1, "2022-02-18", 1, 1, 1.0), (4, "2022-04-06", 1, 1, 1.0), (7, "2022-07-06", 1, 1, 1.0),
        (11, "2022-07-18", 1, 0, 0.0), (12, "2022-07-25", 2, 0, 0.0)]  # batch 13 came in August


@pytest.mark.parametrize("fmt", ["md", "json", "html", "xlsx", "docx"])
def test_a_past_periods_report_is_unchanged_by_later_returns_and_extensions(sample: Path, fmt: str) -> None:
    updated("done", "T085", "--on", "2022-07-12", "--data", str(sample))
    before = {p: report(sample, p, fmt) for p in ("2022-07", "2022-Q3")}
    updated("return", "T085", "--reason", "佐证材料不全", "--on", "2022-08-03", "--data", str(sample))
    updated("extend", "T085", "--to", "2022-09-30", "--reason", "补充材料", "--on", "2022-08-04", "--data", str(sample))
    updated("return", "T001", "--reason", "未经审定", "--on", "2022-08-05", "--data", str(sample))
    updated("add", "adhoc", "-b", "13", "--title", "报送三季度情况", "--owners", "scjgj", "--due", "2022-09-20",
            "--received", "2022-08-05", "--data", str(sample))
    assert report(sample, "2022-07", fmt) == before["2022-07"]
    assert report(sample, "2022-Q3", fmt) != before["2022-Q3"]  # the quarter they fall in does change
