"""``queries.overdue``: who is late on what at a date, one row per unit and task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import open_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.queries.overdue import overdue, overdue_listing
from tests.builder import campaign_yaml

D = date.fromisoformat

TASKS = campaign_yaml(
    tasks="""
        - {id: T001, title: 按时完成, owners: [scjgj], due: 2022-03-31, status: done, done_on: 2022-03-28}
        - {id: T002, title: 超期完成, owners: [scjgj], due: 2022-03-31, status: done, done_on: 2022-04-12}
        - id: T003
          title: 各县区分别办理
          owners: [counties]
          support: [rsj]
          due: 2022-06-30
          status: doing
          progress:
            xiufeng: {status: done, done_on: 2022-06-20}
        - {id: T004, title: 长期坚持, owners: [rsj]}
        - {id: T005, title: 月底到期, owners: [rsj, xiufeng], due: 2022-07-31}
    """,
    adhoc="""
        - {id: AH01, batch: 1, title: 迎检材料, owners: [diecai], due: 2022-04-15}
    """,
)


@pytest.fixture
def c(make_data: Callable[..., Path]) -> Campaign:
    return open_campaign(make_data(tasks=TASKS))


def brief(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["unit"], r["task"], r["days_overdue"], r["light"]) for r in rows]


def test_a_task_done_on_12_april_was_overdue_on_1_april(c: Campaign) -> None:
    [row] = overdue(c, D("2022-04-01"))
    assert row == {
        "unit": "scjgj", "unit_name": "市场监管", "task": "T002", "title": "超期完成", "action": "A1", "measure": "M01",
        "role": "responsible", "due": D("2022-03-31"), "days_overdue": 1, "status": "done", "done_on": D("2022-04-12"),
        "light": "red",
    }
    assert brief(overdue(c, D("2022-04-11"))) == [("scjgj", "T002", 11, "red")]
    assert overdue(c, D("2022-04-12")) == []  # done that day


def test_shared_task_is_overdue_only_for_the_county_that_has_not_done_its_part(c: Campaign) -> None:
    assert brief(overdue(c, D("2022-07-01"))) == [("diecai", "AH01", 77, "red"), ("diecai", "T003", 1, "red")]


def test_due_on_the_as_of_day_is_not_overdue_but_due_soon(c: Campaign) -> None:
    assert brief(overdue(c, D("2022-06-30"), unit="counties")) == [("diecai", "AH01", 76, "red")]
    assert brief(overdue(c, D("2022-06-30"), soon=7, unit="counties")) == [
        ("diecai", "AH01", 76, "red"), ("diecai", "T003", None, "yellow"),
    ]
    # xiufeng finished on 20 June: on 15 June its part was still open and due soon.
    assert brief(overdue(c, D("2022-06-15"), soon=30, unit="counties")) == [
        ("xiufeng", "T003", None, "yellow"), ("diecai", "AH01", 61, "red"), ("diecai", "T003", None, "yellow"),
    ]


def test_soon_rows_only_when_asked_and_sorted_by_unit_then_light(c: Campaign) -> None:
    assert brief(overdue(c, D("2022-07-31"))) == [("diecai", "AH01", 107, "red"), ("diecai", "T003", 31, "red")]
    assert brief(overdue(c, D("2022-07-31"), soon=7)) == [
        ("rsj", "T005", None, "yellow"), ("xiufeng", "T005", None, "yellow"),
        ("diecai", "AH01", 107, "red"), ("diecai", "T003", 31, "red"),
    ]
    assert brief(overdue(c, D("2022-07-31"), soon=0)) == brief(overdue(c, D("2022-07-31")))
    assert brief(overdue(c, D("2022-08-01"), unit="rsj")) == [("rsj", "T005", 1, "red")]


def test_supporting_units_only_with_support(c: Campaign) -> None:
    assert overdue(c, D("2022-07-01"), unit="rsj") == []
    [row] = overdue(c, D("2022-07-01"), unit="rsj", support=True)
    assert (row["task"], row["role"], row["days_overdue"], row["status"]) == ("T003", "supporting", 1, "doing")


def test_adhoc_tasks_have_no_measure(c: Campaign) -> None:
    row = overdue(c, D("2022-07-01"), unit="diecai")[0]
    assert (row["task"], row["action"], row["measure"]) == ("AH01", None, None)


def test_unit_by_group_or_name_and_unknown_unit(c: Campaign) -> None:
    assert brief(overdue(c, D("2022-07-01"), unit="叠彩区")) == brief(overdue(c, D("2022-07-01"), unit="diecai"))
    with pytest.raises(CampaignError) as err:
        overdue(c, D("2022-07-01"), unit="diecia")
    assert err.value.kind is ErrorKind.USAGE and "unknown unit 'diecia' (did you mean 'diecai'?)" in err.value.text("en")


def test_listing_title_counts_rows(c: Campaign) -> None:
    assert overdue_listing(overdue(c, D("2022-07-01")), D("2022-07-01"), "zh").title == "逾期任务 2 项（截至 2022-07-01）"
    rows = overdue(c, D("2022-07-31"), soon=7)
    assert overdue_listing(rows, D("2022-07-31"), "zh", 7).title == "逾期任务 2 项、7 天内临期 2 项（截至 2022-07-31）"
