"""The Word 通报 and quarterly brief read back with python-docx: GB/T 9704 page, fonts, headings,
attachments on their own pages, and figures that are the JSON report's."""

from __future__ import annotations

import functools
import json
import os
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Mm, Pt

from guilin_campaign.ledger.load import open_ledger
from guilin_campaign.loading import open_campaign
from guilin_campaign.office import load_words
from guilin_campaign.report.build import Report, build_report
from guilin_campaign.report.output import render
from guilin_campaign.report.periods import Kind, parse_period
from tests.conftest import SAMPLE
from tests.documents.docx_read import east_asian_font, open_docx, paragraph, text_dump

GOLDEN = Path(__file__).parents[1] / "report" / "golden"
CASES = [("monthly", "2022-06"), ("quarterly", "2022-Q2")]


@functools.cache  # the built-in data never changes during a run; render each document once
def _builtin(kind: Kind, period: str) -> tuple[Report, bytes]:
    c = open_campaign(SAMPLE)
    report = build_report(c, parse_period(period, kind), ledger=open_ledger(SAMPLE, c))  # the 查访 section too
    return report, render(report, "docx", "zh", load_words(c.folder, c.info))


@pytest.mark.parametrize(("kind", "period"), CASES)
def test_the_page_is_gb_t_9704(kind: Kind, period: str) -> None:
    doc = open_docx(_builtin(kind, period)[1])
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)  # A4, in twips
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(getattr(section, f"{side}_margin") - Mm(mm)) <= Mm(1), side
    grid = section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid")
    assert grid.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}linePitch") == "579"
    footer = section.footer.paragraphs[0]
    assert footer.text == "— 1 —" and " PAGE " in footer._p.xml and 'w:fldCharType="begin"' in footer._p.xml


def test_title_body_and_headings_have_their_fonts() -> None:
    doc = open_docx(_builtin("monthly", "2022-06")[1])
    title = paragraph(doc, "关于2022年6月稳主体激活力攻坚战推进情况的通报")
    assert title.text == "关于2022年6月稳主体激活力攻坚战推进情况的通报"
    assert (east_asian_font(title), title.runs[0].font.size) == ("方正小标宋简体", Pt(22))
    body = paragraph(doc, "截至2022年6月30日")
    assert (east_asian_font(body), body.runs[0].font.size) == ("仿宋_GB2312", Pt(16))
    fmt = body.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and abs(fmt.line_spacing.pt - 28.95) < 0.01
    assert fmt.first_line_indent == Pt(32)
    for text, font in (("一、总体进展", "黑体"), ("二、先进单位", "黑体"), ("三、存在问题", "黑体"),
                       ("四、下一步要求", "黑体"), ("（一）部分任务逾期未完成。", "楷体_GB2312")):
        assert east_asian_font(paragraph(doc, text)) == font, text
    assert [p.text for p in doc.paragraphs[:3]] == ["稳主体激活力攻坚战督查通报", "第6期", "桂林市稳主体激活力攻坚战指挥部办公室\t2022年6月30日"]
    assert paragraph(doc, "2022年6月30日").alignment is not None  # the date in Arabic digits, at the end


def test_fonts_have_fallbacks_in_the_font_table() -> None:
    with ZipFile(BytesIO(_builtin("monthly", "2022-06")[1])) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
    for name, alt in (("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "宋体"), ("楷体_GB2312", "楷体")):
        assert f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>' in table


@pytest.mark.parametrize(("kind", "period"), CASES)
def test_attachments_start_new_pages_with_their_tables(kind: Kind, period: str) -> None:
    report, data = _builtin(kind, period)
    doc = open_docx(data)
    starts = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert [p.text for p in starts] == ["附件1", "附件2", "附件3", "附件4", "附件5"]  # 4 and 5: the sample's ledger
    assert len(doc.tables) == 5
    ranking, overdue, indicators, categories, open_by_unit = doc.tables
    assert len(categories.rows) == 1 + len(report.rows["ledger_categories"])
    assert len(open_by_unit.rows) == 1 + len(report.rows["ledger_units"])
    assert [c.text for c in ranking.rows[0].cells] == ["排名", "单位名称", "任务数", "已完成", "逾期", "完成率"]
    assert len(ranking.rows) == 1 + len(report.rows["units"]) and len(indicators.rows) == 1 + len(report.rows["indicators"])
    assert ranking.rows[1].cells[1].text == report.rows["units"][0]["unit_name"]
    assert "w:tblHeader" in ranking.rows[0]._tr.xml  # the header row repeats on each page
    assert len(overdue.rows) == 1 + len(report.rows["overdue"])


def test_the_prose_says_the_json_reports_numbers() -> None:
    report, data = _builtin("monthly", "2022-06")
    text = text_dump(open_docx(data))
    j = json.loads(render(report, "json", "zh"))
    t, prev = j["tasks"], j["tasks"]["previous"]
    pct = lambda n: f"{n / t['total'] * 100:.1f}%"  # noqa: E731
    assert f"任务分解表{t['total']}项具体工作任务中，已完成{t['done']}项，占{pct(t['done'])}；推进中{t['doing']}项，占{pct(t['doing'])}" in text
    assert f"未开始{t['todo']}项，占{pct(t['todo'])}；受阻{t['blocked']}项；逾期未完成{t['overdue']}项。" in text
    assert f"6月份完成任务{t['done_in_period']}项，较5月份（{prev['done_in_period']}项）增加{t['change']['done_in_period']}项" in text
    assert f"已完成任务累计较上月末增加{t['change']['done']}项" in text
    statuses = [r["status"] for r in j["indicators"]]
    assert (f"{len(statuses)}项指标中，已完成全年目标{statuses.count('achieved')}项，达到序时进度{statuses.count('on_track')}项，"
            f"滞后于序时进度（{j['time_progress'] * 100:.1f}%）{len(j['behind'])}项") in text
    assert f"有{len({r['task'] for r in j['overdue']})}项任务逾期未完成，涉及{len({r['unit'] for r in j['overdue']})}个单位" in text
    names = {u["unit"]: u["unit_name"] for u in j["units"]}
    silent = "、".join(names.get(u, u) for u in j["not_reported"])
    assert f"{silent}等{len(j['not_reported'])}个单位未报送。" in text
    assert f"共{len(j['negative'])}个读数为负" in text


@pytest.mark.parametrize(("kind", "period"), CASES)
def test_builtin_data_docx_text_matches_its_golden_file(kind: Kind, period: str) -> None:
    got = text_dump(open_docx(_builtin(kind, period)[1]))
    path = GOLDEN / f"{kind}-{period}.docx.txt"
    if os.environ.get("GOLDEN_UPDATE"):
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with GOLDEN_UPDATE=1 to write it"
    assert got == path.read_text(encoding="utf-8"), f"{path.name} differs; if intended, GOLDEN_UPDATE=1"


def test_document_times_are_the_as_of_date() -> None:
    data = _builtin("quarterly", "2022-Q2")[1]
    props = open_docx(data).core_properties
    assert props.created == props.modified and props.created.date().isoformat() == "2022-06-30"
    with ZipFile(BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2022, 6, 30, 0, 0, 0)}
