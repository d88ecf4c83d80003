"""``notice``: one 催办单 per unit that owes something, none for a unit that owes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from guilin_campaign.queries.notice import all_notices, unit_notice
from tests.conftest import SAMPLE, run
from tests.documents.docx_read import open_docx, text_dump
from tests.report.sample import TASKS

MakeData = Callable[..., Path]
D = date.fromisoformat


def test_a_notice_lists_overdue_due_soon_and_missing_readings(make_data: MakeData) -> None:
    c = open_campaign(make_data(tasks=TASKS))
    n = unit_notice(c, "scjgj", D("2022-06-30"), soon=7)
    assert [(r["task"], r["days_overdue"]) for r in n.overdue] == [("AH01", 10)]  # T001 was done late, on 06-10
    assert [(r["task"], r["days_left"]) for r in n.due_soon] == [("T004", 5)]
    assert [r["id"] for r in n.readings] == []  # scjgj reported June for every indicator it reports
    later = unit_notice(c, "scjgj", D("2022-08-10"), soon=7)
    assert {r["id"] for r in later.readings} == {"I01", "I02", "I03"}  # no 2022-08 reading yet
    assert later.reply_by == D("2022-08-15")


def test_a_county_owes_its_own_reading_not_the_citys(make_data: MakeData) -> None:
    c = open_campaign(make_data(tasks=TASKS))
    n = unit_notice(c, "diecai", D("2022-07-31"))
    assert [(r["id"], r["scope"], r["last_month"]) for r in n.readings] == [("I01", "unit", "2022-06")]
    assert [r["id"] for r in unit_notice(c, "rsj", D("2022-07-31")).readings] == []


def test_notice_all_writes_one_file_per_unit_that_owes(tmp_path: Path) -> None:
    out = tmp_path / "notices"
    result = run("notice", "--all", "--as-of", "2022-07-31", "--data", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    owing = [n for n in all_notices(open_campaign(SAMPLE), D("2022-07-31")) if n.owes]
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"催办单-2022-07-31-{n.short}.docx" for n in owing)
    assert "催办单-2022-07-31-市人社局.docx" not in names  # 市人社局 owes nothing on that day
    assert "15 unit(s) owe nothing: 市财政局、市人社局" in result.stderr
    text = text_dump(open_docx((out / "催办单-2022-07-31-叠彩区.docx").read_bytes()))
    assert text.startswith("催办单\n叠彩区人民政府：\n根据稳主体激活力攻坚战任务分解表，截至2022年7月31日")
    assert "一、逾期未完成的任务（2项）" in text and "| T095 | 各县（市、区）完成上半年“双随机”抽查任务 | 2022-07-15 | 16 | 推进中 |" in text
    assert "请于2022年8月5日前将上述事项的办理情况书面报送桂林市稳主体激活力攻坚战指挥部办公室" in text


def test_a_unit_that_owes_nothing_gets_no_notice(tmp_path: Path) -> None:
    result = run("notice", "rsj", "--as-of", "2022-07-31", "--data", str(SAMPLE), "-o", str(tmp_path / "n.docx"))
    assert result.exit_code == 0 and result.stdout == ""
    assert "市人力资源社会保障局 owes nothing as of 2022-07-31: no notice written." in result.stderr
    assert not (tmp_path / "n.docx").exists()


def test_a_notice_in_markdown_on_the_terminal() -> None:
    result = run("notice", "叠彩区", "--as-of", "2022-07-31", "--data", str(SAMPLE))
    assert result.exit_code == 0
    assert result.stdout.startswith("# 催办单\n\n叠彩区人民政府：\n")
    assert "| T022 | 各县（市、区）建立“个转企”培育库，逐户对接转型意愿 | 2022-05-31 | 61 | 推进中 |" in result.stdout


def test_bad_invocations_exit_2(tmp_path: Path) -> None:
    for args in (["notice"], ["notice", "--all"], ["notice", "rsj", "--all", "-o", str(tmp_path)],
                 ["notice", "counties", "--as-of", "2022-07-31"], ["notice", "diecai", "-o", str(tmp_path / "x.pdf")]):
        result = run(*args, "--data", str(SAMPLE))
        assert result.exit_code == 2 and "error:" in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)


def test_file_names_are_safe() -> None:
    from guilin_campaign.queries.notice import Notice
    from guilin_campaign.render.notice_doc import file_name

    n = Notice("x", "某单位", "a/b:c", D("2022-07-31"), D("2022-08-05"), 7, [], [], [])
    assert file_name(n, "docx") == "催办单-2022-07-31-a_b_c.docx"


def test_docx_without_a_file_is_named_by_the_unit_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("notice", "diecai", "--as-of", "2022-07-31", "--format", "docx", "--data", str(SAMPLE))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["催办单-2022-07-31-叠彩区.docx"]
