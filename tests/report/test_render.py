"""The report's files: Markdown, JSON, a workbook read back with openpyxl, and a well-formed HTML page."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

import openpyxl
import pytest

from guilin_campaign.report.output import render
from guilin_campaign.report.render_html import render_html
from guilin_campaign.report.render_json import report_data
from guilin_campaign.report.render_md import render_md
from tests.report.sample import build

MakeData = Callable[..., Path]


def test_json_has_the_keys_scripts_rely_on(make_data: MakeData) -> None:
    data = json.loads(render(build(make_data), "json", "zh"))
    assert (data["period"], data["as_of"], data["kind"]) == ("2022-06", "2022-06-30", "monthly")
    assert data["tasks"] | {"previous": None, "change": None} == {
        "total": 7, "todo": 1, "doing": 1, "done": 4, "blocked": 1, "overdue": 1, "done_in_period": 3, "previous": None, "change": None}
    assert data["tasks"]["change"]["done"] == 3
    assert [{k: u[k] for k in ("unit", "tasks", "done", "overdue", "rate", "rank")} for u in data["units"]][-1] == {
        "unit": "diecai", "tasks": 2, "done": 1, "overdue": 1, "rate": 0.5, "rank": 4}
    assert {"id", "name", "key", "target", "actual", "completion", "time_progress", "status"} <= set(data["indicators"][0])
    assert data["not_reported"] == ["diecai"]
    assert data["wall_chart"]["units"][3]["A1"] == {"light": "red", "tasks": 1, "done": 0}


def test_markdown_has_the_title_and_every_section(make_data: MakeData) -> None:
    md = render_md(build(make_data), "zh")
    assert md.startswith("# 月度汇总 2022年6月\n\n稳主体激活力攻坚战 · 统计期间 2022-06-01 至 2022-06-30 · 截至 2022-06-30")
    assert "| 已完成 | 4 | 1 | +3 |" in md
    assert "| 2 | rsj | 市人社局 | 2 | 1 | 0 | 50.0% |" in md
    assert "## 八、上级临时交办任务（按批次）（2 项）" in md
    assert md.count("\n## ") == 13
    assert "## 十一、临时交办任务办结情况（按批次）（2 批）\n\n| 批次 | 交办日期 | 事项数 | 已办结 | 办结率 |" in md


@pytest.mark.parametrize("fmt", ["md", "json", "html", "xlsx", "docx"])
def test_two_runs_give_the_same_bytes(make_data: MakeData, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    first = render(build(make_data), fmt, "zh")
    later = time.time() + 400 * 86400  # a clock a year on must not show in the file
    monkeypatch.setattr(time, "time", lambda: later)
    assert render(build(make_data), fmt, "zh") == first


def test_the_workbook_reads_back(make_data: MakeData) -> None:
    wb = openpyxl.load_workbook(BytesIO(render(build(make_data), "xlsx", "zh")))
    assert wb.sheetnames == ["总体进展", "本期完成", "超期完成", "逾期任务", "单位排名", "指标完成情况", "负增长预警", "临时交办", "未报送单位", "挂图作战",
                             "批次办结", "本期延期", "本期退回"]
    ranking = wb["单位排名"]
    assert ranking["A1"].value == "稳主体激活力攻坚战 月度汇总 2022年6月"
    assert ranking["A2"].value == "填报单位：稳主体激活力攻坚战指挥部办公室　　统计期间：2022-06-01 至 2022-06-30　　截至：2022-06-30　　制表日期：2022-06-30"
    assert ranking["A3"].value.startswith("五、成员单位排名")
    # unit names, not internal ids: the id column is left out where the row names the unit
    assert [c.value for c in ranking[4]] == ["排名", "单位名称", "任务数", "已完成", "逾期", "完成率"]
    assert [c.value for c in ranking[8]] == [4, "叠彩区", 2, 1, 1, 0.5]
    assert ranking["F8"].number_format == "0.0%"
    assert ranking.column_dimensions["B"].width >= 8 and ranking.freeze_panes == "A5"
    headline = wb["总体进展"]
    assert [c.value for c in headline[6]] == ["已完成", 4, 1, 3]
    assert wb["挂图作战"]["B8"].value == "红 0/1"
    assert wb["挂图作战"]["B8"].fill.fgColor.rgb.endswith("F4C7C3")
    assert wb["逾期任务"]["H5"].value == "红"
    assert wb.properties.created == wb.properties.modified == datetime(2022, 6, 30)


def test_workbook_entries_carry_the_as_of_date_not_the_clock(make_data: MakeData) -> None:
    with ZipFile(BytesIO(render(build(make_data), "xlsx", "zh"))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2022, 6, 30, 0, 0, 0)}


class _Balance(HTMLParser):
    VOID = {"meta", "br", "img", "hr", "input", "link", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.classes += [v or "" for k, v in attrs if k == "class"]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_the_html_page_is_well_formed_and_self_contained(make_data: MakeData) -> None:
    page = render_html(build(make_data), "zh")
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "@page { size: A4" in page and "page-break-inside: avoid" in page
    for external in ("http://", "https://", "<link", "<script", "src="):
        assert external not in page


def test_the_html_page_has_bars_and_the_wall_chart(make_data: MakeData) -> None:
    page = render_html(build(make_data), "zh")
    parser = _Balance()
    parser.feed(page)
    assert parser.classes.count("bar") == 3  # one per indicator
    # I01: 45% done (red, behind) against 49.6% of the year gone.
    assert '<div class="fill light-red" style="width: 45.0%"></div><div class="mark" style="left: 49.6%"></div>' in page
    assert '<div class="fill light-green" style="width: 100.0%"></div>' in page  # I03 over target: capped
    assert 'class="wall"' in page and "挂图作战" in page
    assert parser.classes.count("cell light-red") == 1 and parser.classes.count("cell light-yellow") == 2
    assert parser.classes.count("cell light-green") == 4
    assert '<tr class="red"><td>diecai</td>' in page  # the overdue row, coloured by its light


def test_html_escapes_the_data(make_data: MakeData) -> None:
    from tests.report.sample import TASKS

    page = render_html(build(make_data, tasks=TASKS.replace("推行企业开办一日办结", "<b>一日办结</b> & 更多")), "zh")
    assert "&lt;b&gt;一日办结&lt;/b&gt; &amp; 更多" in page and "<b>" not in page


def test_the_core_imports_no_interface_library() -> None:
    modules = ("report.build", "report.output", "report.render_md", "report.render_html", "report.render_json",
               "report.render_xlsx", "report.render_docx", "report.docx_bulletin", "report.docx_brief", "office",
               "render.xlsx_book", "render.listing_xlsx", "render.blocks", "render.docx_layout", "render.notice_doc",
               "queries.notice")
    code = (f"import sys, {', '.join('guilin_campaign.' + m for m in modules)}\n"
            "print(sorted(m for m in ('openpyxl', 'docx', 'rich', 'typer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_report_data_is_plain(make_data: MakeData) -> None:
    data = report_data(build(make_data), "zh")
    assert list(data)[:8] == ["title", "campaign", "kind", "period", "start", "end", "as_of", "previous"]
