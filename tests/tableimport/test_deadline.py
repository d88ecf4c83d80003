"""Deadlines as people write them: each form to its date, the ongoing words, and refusals."""

from __future__ import annotations

from datetime import date

import pytest

from guilin_campaign.tableimport.deadline import read_deadline


@pytest.mark.parametrize(("text", "due"), [
    ("2023年6月底前", date(2023, 6, 30)),
    ("2023年6月底", date(2023, 6, 30)),
    ("2023年2月", date(2023, 2, 28)),
    ("2023年6月份", date(2023, 6, 30)),
    ("2023年6月下旬", date(2023, 6, 30)),
    ("2023-6", date(2023, 6, 30)),
    ("于2023年6月底前完成", date(2023, 6, 30)),
    ("下半年", date(2022, 12, 31)),
    ("全年", date(2022, 12, 31)),
    ("2024年2月底前完成", date(2024, 2, 29)),
    ("6月30日前", date(2022, 6, 30)),
    ("6月底前", date(2022, 6, 30)),
    ("2023年6月15日", date(2023, 6, 15)),
    ("2023.6", date(2023, 6, 30)),
    ("2023.10", date(2023, 10, 31)),
    ("2023.6.15", date(2023, 6, 15)),
    ("2023/6/15", date(2023, 6, 15)),
    ("2023-06-15", date(2023, 6, 15)),
    ("二季度", date(2022, 6, 30)),
    ("第三季度末", date(2022, 9, 30)),
    ("2023年第一季度", date(2023, 3, 31)),
    ("4季度", date(2022, 12, 31)),
    ("上半年", date(2022, 6, 30)),
    ("年底前", date(2022, 12, 31)),
    ("2023年底前", date(2023, 12, 31)),
    ("年内", date(2022, 12, 31)),
    ("２０２３年６月底前", date(2023, 6, 30)),
    (" 2023年 6月底前\n", date(2023, 6, 30)),
    (date(2023, 5, 20), date(2023, 5, 20)),
    (2023.6, date(2023, 6, 30)),
])
def test_forms(text: object, due: date) -> None:
    got = read_deadline(text, 2022)  # type: ignore[arg-type]
    assert (got.due, got.problem, got.ongoing) == (due, None, False)


@pytest.mark.parametrize("text", ["长期坚持", "持续推进", "常态化", "长期"])
def test_ongoing_words_are_no_deadline(text: str) -> None:
    got = read_deadline(text, 2022)
    assert (got.due, got.ongoing, got.problem) == (None, True, None)


@pytest.mark.parametrize(("text", "message"), [
    ("尽快", "无法识别的完成时限 '尽快'"),
    ("6月底前完成方案，年底前全面推开", "无法识别的完成时限 '6月底前完成方案，年底前全面推开'"),
    ("2023年13月", "无法识别的完成时限 '2023年13月'"),
    ("2023年2月30日", "无法识别的完成时限 '2023年2月30日'"),
    ("每月5日前", "无法识别的完成时限 '每月5日前'"),
    (2023.1, "无法区分1月和10月"),
    ("", "完成时限为空"),
])
def test_unreadable_is_refused_not_guessed(text: object, message: str) -> None:
    got = read_deadline(text, 2022)  # type: ignore[arg-type]
    assert got.due is None and not got.ongoing
    assert got.problem is not None and got.problem.startswith(message) or message in (got.problem or "")


@pytest.mark.parametrize("text", ["6月30日前", "二季度", "年底前", "6月底"])
def test_a_missing_year_is_refused_without_year(text: str) -> None:
    got = read_deadline(text, None)
    assert got.due is None and got.problem == f"完成时限 '{text}' 没有写年份；请用 --year 指定年份后重新导入，或在 tasks.yaml 中补写 due"


def test_a_bare_month_before_is_read_as_its_end_and_listed_as_a_guess() -> None:
    got = read_deadline("6月前", 2022)
    assert got.due == date(2022, 6, 30) and got.guess == "'6月前' 按当月月底计，due: 2022-06-30"
