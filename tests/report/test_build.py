"""Each section of the report on the small campaign in sample.py, with exact values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from guilin_campaign.model import LogEntry, Task
from guilin_campaign.queries.indicators import indicator_rows
from guilin_campaign.report.periods import parse_period
from guilin_campaign.report.tasks import status_at
from guilin_campaign.report.units import reported_by
from tests.builder import campaign_yaml
from tests.report.sample import TASKS, D, build

MakeData = Callable[..., Path]


def test_headline_counts_and_change_since_the_month_before(make_data: MakeData) -> None:
    r = build(make_data)
    assert (r.as_of, r.previous_as_of) == (D("2022-06-30"), D("2022-05-31"))
    assert r.headline.current == {"total": 7, "todo": 1, "doing": 1, "done": 4, "blocked": 1, "overdue": 1, "done_in_period": 3}
    assert r.headline.previous == {"total": 7, "todo": 3, "doing": 3, "done": 1, "blocked": 0, "overdue": 0, "done_in_period": 0}
    assert r.headline.change == {"total": 0, "todo": -2, "doing": -2, "done": 3, "blocked": 1, "overdue": 1, "done_in_period": 3}
    assert [(row["item"], row["current"], row["previous"], row["change"]) for row in r.headline.rows("zh")][1:3] == [
        ("已完成", 4, 1, "+3"), ("推进中", 1, 3, "-2")]


def test_quarterly_headline_compares_with_the_end_of_the_quarter_before(make_data: MakeData) -> None:
    r = build(make_data, "2022-Q2", "quarterly")
    assert r.previous_as_of == D("2022-03-31")
    assert r.headline.current["done_in_period"] == 3
    assert r.headline.previous == {"total": 7, "todo": 5, "doing": 1, "done": 1, "blocked": 0, "overdue": 0, "done_in_period": 1}


def test_as_of_inside_the_period_replays_the_record(make_data: MakeData) -> None:
    r = build(make_data, as_of="2022-06-20")
    # T001 done 06-10 counts; T007 (06-25) and T003 (06-30) were still open; T002 due 06-15 overdue for diecai.
    assert r.headline.current == {"total": 7, "todo": 2, "doing": 2, "done": 2, "blocked": 1, "overdue": 1, "done_in_period": 1}
    assert [row["id"] for row in r.rows["completed"]] == ["T001"]


def test_status_at_a_date_follows_the_log() -> None:
    t = Task.model_validate({"id": "T", "title": "x", "owners": ["a"], "status": "done", "done_on": "2022-06-10", "log": [
        {"date": "2022-04-01", "status": "doing"}, {"date": "2022-05-01", "status": "blocked"}, {"date": "2022-06-10", "status": "done"}]})
    assert [status_at(t, D(d)) for d in ("2022-03-31", "2022-04-01", "2022-05-15", "2022-06-09", "2022-06-10")] == [
        "todo", "doing", "blocked", "blocked", "done"]
    unlogged = Task.model_validate({"id": "T", "title": "x", "owners": ["a"], "status": "done", "done_on": "2022-06-10"})
    assert status_at(unlogged, D("2022-06-01")) == "doing"  # finished after D, no record: in progress
    blocked = Task.model_validate({"id": "T", "title": "x", "owners": ["a"], "status": "blocked"})
    assert status_at(blocked, D("2022-01-01")) == "blocked"  # no record: as it stands now
    assert status_at(blocked, D("2021-12-31"), start=D("2022-01-01")) == "todo"  # but nothing was under way before the campaign


def test_january_compares_with_the_day_before_the_campaign(make_data: MakeData) -> None:
    previous = build(make_data, "2022-01").headline.previous
    assert previous == {"total": 7, "todo": 7, "doing": 0, "done": 0, "blocked": 0, "overdue": 0, "done_in_period": 0}


def test_completed_in_the_period_and_those_completed_late(make_data: MakeData) -> None:
    r = build(make_data)
    assert [(row["id"], row["done_on"], row["days_late"]) for row in r.rows["completed"]] == [
        ("T001", D("2022-06-10"), 10), ("T007", D("2022-06-25"), None), ("T003", D("2022-06-30"), None)]
    assert [(row["id"], row["days_late"], row["late_units"]) for row in r.rows["late"]] == [("T001", 10, ["市场监管"])]


def test_completed_uses_done_on_within_the_period_only(make_data: MakeData) -> None:
    may = build(make_data, "2022-05")
    assert may.rows["completed"] == [] and may.headline.current["done_in_period"] == 0
    q1 = build(make_data, "2022-Q1", "quarterly")
    assert [row["id"] for row in q1.rows["completed"]] == ["T005"]


TASKS_WITH_SHARED_LATE = campaign_yaml(
    name="攻坚战", action=("A1", "行动"), measure=("M01", "举措"),
    tasks="""
        - id: T010
          title: 各县区建立台账
          owners: [counties]
          due: 2022-06-10
          status: done
          done_on: 2022-06-15
          progress:
            xiufeng: {status: done, done_on: 2022-06-08}
            diecai: {status: done, done_on: 2022-06-15}
    """,
)


def test_late_units_are_those_whose_own_part_was_late(make_data: MakeData) -> None:
    r = build(make_data, tasks=TASKS_WITH_SHARED_LATE)
    assert [(row["id"], row["days_late"], row["late_units"]) for row in r.rows["late"]] == [("T010", 5, ["叠彩区"])]


def test_overdue_by_unit_is_the_overdue_view_for_planned_tasks_replayed(make_data: MakeData) -> None:
    r = build(make_data)
    assert [(row["unit"], row["task"], row["days_overdue"], row["status"]) for row in r.rows["overdue"]] == [("diecai", "T002", 15, "doing")]
    # AH01 is overdue too, but shows under the ad-hoc tasks, not here.
    early = build(make_data, as_of="2022-06-05")  # T001 (due 05-31, done 06-10) was overdue then, and todo
    assert [(row["unit"], row["task"], row["days_overdue"], row["status"], row["done_on"]) for row in early.rows["overdue"]] == [
        ("scjgj", "T001", 5, "todo", None)]


def test_ranking_by_rate_then_fewest_overdue_with_shared_ranks(make_data: MakeData) -> None:
    r = build(make_data)
    got = [(row["rank"], row["unit"], row["tasks"], row["done"], row["overdue"], row["rate"]) for row in r.rows["units"]]
    assert got == [
        (1, "xiufeng", 1, 1, 0, 1.0),  # its part of T002 is done, though the task is not
        (2, "scjgj", 4, 2, 0, 0.5),
        (2, "rsj", 2, 1, 0, 0.5),  # same rate, same overdue: same rank
        (4, "diecai", 2, 1, 1, 0.5),  # same rate, one overdue: after them; competition ranking skips 3
    ]


def test_indicator_table_is_the_indicators_view_key_first(make_data: MakeData) -> None:
    r = build(make_data)
    c = open_campaign(make_data(tasks=TASKS))
    view = indicator_rows(c, D("2022-06-30"))
    assert [row["id"] for row in r.rows["indicators"]] == ["I01", "I03", "I02"]
    assert sorted(r.rows["indicators"], key=lambda row: row["id"]) == sorted(view, key=lambda row: row["id"])
    assert [row["id"] for row in r.behind] == ["I01", "I02"]
    assert "滞后于序时进度：I01、I02" in r.listings("zh")["indicators"].title


def test_negative_readings_of_units_and_the_city_in_the_period(make_data: MakeData) -> None:
    got = [(row["indicator"], row["unit"], row["unit_name"], row["month"], row["reading"]) for row in build(make_data).rows["negative"]]
    assert got == [("I01", "xiufeng", "秀峰区", "2022-06", -2), ("I02", None, "桂林市", "2022-06", -0.5)]
    q2 = build(make_data, "2022-Q2", "quarterly").rows["negative"]
    assert [(row["indicator"], row["unit"], row["month"]) for row in q2] == [
        ("I01", "xiufeng", "2022-06"), ("I01", "diecai", "2022-04"), ("I02", None, "2022-06")]
    assert build(make_data, "2022-07").rows["negative"] == []  # July's readings are all >= 0


def test_negative_readings_stop_at_the_as_of_month(make_data: MakeData) -> None:
    r = build(make_data, "2022-Q2", "quarterly", as_of="2022-05-31")
    assert [(row["unit"], row["month"]) for row in r.rows["negative"]] == [("diecai", "2022-04")]


def test_adhoc_tasks_by_batch_open_in_the_period(make_data: MakeData) -> None:
    rows = build(make_data).rows["adhoc"]
    got = [(row["batch"], row["id"], row["status"], row["done_on"], row["days_overdue"], row["light"]) for row in rows]
    assert got == [
        (1, "AH03", "done", D("2022-06-28"), None, "green"),  # AH02 was done in March: not listed
        (2, "AH01", "doing", None, 10, "red"),  # AH04 was assigned in July: not yet
    ]
    assert [row["id"] for row in build(make_data, "2022-07").rows["adhoc"]] == ["AH01", "AH04"]


def test_units_that_did_not_report(make_data: MakeData) -> None:
    rows = build(make_data).rows["not_reported"]
    # scjgj logged T001; rsj's T003 entries have no `by` and rsj is its only owner; xiufeng logged T002.
    # diecai: T002's entry is xiufeng's, T007's was written by scjgj: neither is diecai's report.
    assert rows == [{"unit": "diecai", "unit_name": "叠彩区", "open_tasks": 2, "task_ids": ["T002", "T007"]}]
    july = [row["unit"] for row in build(make_data, "2022-07").rows["not_reported"]]
    assert july == ["scjgj", "rsj", "diecai"]  # nobody logged in July; xiufeng had nothing open


def test_attribution_of_a_log_entry() -> None:
    def entry(by: str | None) -> LogEntry:
        return LogEntry(date=date(2022, 6, 1), note="x", by=by)

    assert reported_by(entry("rsj"), "rsj", ["rsj", "scjgj"])
    assert not reported_by(entry("scjgj"), "rsj", ["rsj", "scjgj"])
    assert reported_by(entry(None), "rsj", ["rsj"])  # no `by`, one responsible unit: its report
    assert not reported_by(entry(None), "rsj", ["rsj", "scjgj"])  # no `by`, shared task: nobody's
    assert not reported_by(entry("scjgj"), "rsj", ["rsj"])  # the office writing about rsj's task


def test_wall_chart_worst_light_per_unit_and_action(make_data: MakeData) -> None:
    wall = build(make_data).wall
    assert wall.units == [("scjgj", "市场监管"), ("rsj", "市人社局"), ("xiufeng", "秀峰区"), ("diecai", "叠彩区")]
    got = {key: (cell.light, cell.done, cell.tasks) for key, cell in wall.cells.items()}
    assert got == {
        ("scjgj", "A1"): ("green", 1, 1), ("scjgj", "A2"): ("yellow", 1, 3),  # T004 due 07-05
        ("rsj", "A1"): ("green", 1, 1), ("rsj", "A2"): ("yellow", 0, 1),
        ("xiufeng", "A1"): ("green", 1, 1),
        ("diecai", "A1"): ("red", 0, 1), ("diecai", "A2"): ("green", 1, 1),
    }
    assert build(make_data).listings("zh")["wall_chart"].rows[0] == {"unit": "scjgj", "unit_name": "市场监管", "A1": "绿 1/1", "A2": "黄 1/3"}


def test_sections_come_in_the_order_the_issue_gives(make_data: MakeData) -> None:
    titles = [listing.title for listing in build(make_data).listings("zh").values()]
    assert [t.split("、")[0] for t in titles] == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"]
    assert titles[10].startswith("十一、临时交办任务办结情况（按批次）") and titles[12].startswith("十三、本期退回")
    assert titles[0].startswith("一、总体进展") and titles[4].startswith("五、成员单位排名")


@pytest.mark.parametrize(("period", "kind", "title"), [("2022-06", "monthly", "月度汇总 2022年6月"), ("2022-Q2", "quarterly", "季度小结 2022年第二季度")])
def test_titles(make_data: MakeData, period: str, kind: str, title: str) -> None:
    r = build(make_data, period, kind)  # type: ignore[arg-type]
    assert r.title("zh") == title
    assert parse_period(period, kind).first_day.isoformat() in r.subtitle("zh")  # type: ignore[arg-type]
