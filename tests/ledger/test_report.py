"""The report's 查访 section in every format; absent, and the report unchanged, without a ledger."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import openpyxl

from guilin_campaign.ledger.load import open_ledger
from guilin_campaign.loading import open_campaign
from guilin_campaign.report.build import Report, build_report
from guilin_campaign.report.output import render
from guilin_campaign.report.periods import parse_period
from tests.conftest import run
from tests.documents.docx_read import open_docx, text_dump
from tests.ledger.ledgerdata import write_ledger

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

MakeData = Callable[..., Path]
HEADINGS = ["十一、查访情况（按查访组）", "十二、查访问题（按类别）", "十三、未解决问题（按责任单位）", "十四、重点企业帮扶", "十五、政策落实清单"]


def _report(folder: Path, with_ledger: bool = True) -> Report:
    c = open_campaign(folder)
    return build_report(c, parse_period("2022-07", "monthly"), ledger=open_ledger(folder, c) if with_ledger else None)


def test_the_section_counts_the_month_and_the_year(make_data: MakeData) -> None:
    report = _report(write_ledger(make_data()))
    assert report.ledger is not None
    assert report.ledger.summary == {
        "visits": 2, "visits_total": 2, "raised": 3, "raised_total": 3, "solved": 2, "solved_total": 2,
        "open": 1, "overdue": 1, "key_enterprises": 1, "key_solved": 1,
    }
    assert [(r["unit"], r["open"], r["overdue"], r["light"]) for r in report.rows["ledger_units"]] == [("rsj", 1, 1, "red")]
    power = next(r for r in report.rows["ledger_categories"] if r["category"] == "供电")
    assert (power["raised"], power["solved"], power["open"]) == (1, 1, 0)  # solved again on 07-28, after its reopening
    assert report.ledger.sentence("zh").startswith("本期查访市场主体2次（累计2次），收集问题3个、解决2个")


def test_md_html_json_xlsx_and_table_carry_the_section(make_data: MakeData, tmp_path: Path) -> None:
    folder = write_ledger(make_data())
    report = _report(folder)
    md = render(report, "md", "zh").decode()
    html = render(report, "html", "zh").decode()
    for heading in HEADINGS:
        assert f"## {heading}" in md and heading in html
    data = json.loads(render(report, "json", "zh"))
    assert data["ledger"]["summary"]["visits_total"] == 2
    assert [p["source"] for p in data["ledger"]["policy_progress"]] == ["自治区20条措施", "市6条措施"]
    sheets = openpyxl.load_workbook(BytesIO(render(report, "xlsx", "zh"))).sheetnames
    assert sheets[-8:-3] == ["查访情况", "查访问题分类", "未解决问题", "重点企业", "政策落实"]  # then the 督办 sections
    table = run("report", "monthly", "2022-07", "--data", str(folder), env=ZH).stdout
    assert all(h in table for h in HEADINGS)


def test_the_docx_bulletin_says_it_and_attaches_two_tables(make_data: MakeData) -> None:
    report = _report(write_ledger(make_data()))
    text = text_dump(open_docx(render(report, "docx", "zh")))
    assert "查访帮扶方面，本期查访市场主体2次（累计2次）" in text
    assert "政策落实方面，自治区20条措施中市级可落实2项，已落实1项；市6条措施已落实0项。" in text
    assert "附件4" in text and "附件5" in text and "2022年7月未解决查访问题（按责任单位）" in text


def test_without_a_ledger_the_report_has_no_section(make_data: MakeData) -> None:
    folder = make_data()
    report = _report(folder, with_ledger=False)
    assert report.ledger is None and list(report.listings("zh"))[-4] == "wall_chart"  # then the 督办 sections
    assert "ledger" not in json.loads(render(report, "json", "zh"))
    assert "查访" not in render(report, "md", "zh").decode() and "附件4" not in text_dump(open_docx(render(report, "docx", "zh")))
    # a folder with no ledger/ gives the same bytes through the command line
    assert run("report", "monthly", "2022-07", "--data", str(folder), "-f", "md", env=ZH).stdout == render(report, "md", "zh").decode()


def test_the_quarterly_brief_has_its_own_paragraph(make_data: MakeData) -> None:
    folder = write_ledger(make_data())
    c = open_campaign(folder)
    report = build_report(c, parse_period("2022-Q3", "quarterly"), ledger=open_ledger(folder, c))
    text = text_dump(open_docx(render(report, "docx", "zh")))
    assert "（五）查访帮扶和政策落实情况。" in text and "本季度查访市场主体2次（累计2次）" in text
    bare = build_report(c, parse_period("2022-Q3", "quarterly"))
    assert "查访帮扶" not in text_dump(open_docx(render(bare, "docx", "zh")))  # the plans may still say 查访
