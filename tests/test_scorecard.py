"""``queries.scorecard``: one unit's tasks by light, its indicators, what it owes next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import open_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.queries.scorecard import scorecard
from tests.builder import campaign_yaml

D = date.fromisoformat
JULY = D("2022-07-31")

TASKS = campaign_yaml(
    indicators="""
        - {id: I01, name: 新增市场主体户数, key: true, target: 66000, owners: [scjgj, counties], readings: {2022-07: 39000}, by_unit: {xiufeng: {target: 4000, readings: {2022-07: 2337}}}}
        - {id: I02, name: 城镇新增就业人数, target: 42000, owners: [rsj], readings: {2022-07: 25600}}
        - {id: I03, name: 个转企户数, target: 1200, owners: [xiufeng], readings: {2022-07: 300}}
    """,
    tasks="""
        - {id: T001, title: 早已完成, owners: [counties], due: 2022-03-31, status: done, done_on: 2022-03-20}
        - {id: T002, title: 逾期未完成, owners: [xiufeng], due: 2022-07-20, status: doing}
        - {id: T003, title: 逾期很久, owners: [counties], due: 2022-05-31}
        - {id: T004, title: 临期, owners: [xiufeng, scjgj], due: 2022-08-03, status: doing}
        - {id: T005, title: 下月到期, owners: [xiufeng], due: 2022-09-30}
        - {id: T006, title: 八月才完成, owners: [counties], due: 2022-12-31, status: done, done_on: 2022-08-15}
        - {id: T007, title: 长期坚持, owners: [xiufeng]}
        - {id: T008, title: 配合任务, owners: [scjgj], support: [xiufeng], due: 2022-06-30}
        - {id: T009, title: 提前完成, owners: [xiufeng], due: 2022-10-31, status: done, done_on: 2022-07-01}
    """,
)


@pytest.fixture
def c(make_data: Callable[..., Path]) -> Campaign:
    return open_campaign(make_data(tasks=TASKS))


def test_tasks_by_light(c: Campaign) -> None:
    card = scorecard(c, "xiufeng", JULY)
    assert [(r["task"], r["light"], r["days_overdue"]) for r in card.tasks] == [
        ("T003", "red", 61), ("T002", "red", 11), ("T004", "yellow", None),
        ("T001", "green", None), ("T005", "green", None), ("T009", "green", None), ("T006", "green", None),
        ("T007", "green", None),
    ]
    assert card.counts() == {"red": 2, "yellow": 1, "green": 5}


def test_supported_tasks_only_with_support(c: Campaign) -> None:
    card = scorecard(c, "xiufeng", JULY, support=True)
    assert [(r["task"], r["role"]) for r in card.tasks if r["light"] == "red"] == [
        ("T003", "responsible"), ("T008", "supporting"), ("T002", "responsible"),
    ]


def test_soon_widens_the_yellow_window(c: Campaign) -> None:
    assert scorecard(c, "xiufeng", JULY, soon=3).counts() == {"red": 2, "yellow": 0, "green": 6}  # 3 Aug is the 4th day
    assert scorecard(c, "xiufeng", JULY, soon=4).counts() == {"red": 2, "yellow": 1, "green": 5}


def test_indicators_owned_directly_or_via_a_group_with_the_units_own_reading(c: Campaign) -> None:
    card = scorecard(c, "xiufeng", JULY)
    assert [(r["id"], r["scope"], r["target"], r["actual"], r["status"], r["light"]) for r in card.indicators] == [
        ("I01", "unit", 4000, 2337, "on_track", "green"),  # 58.4% against 58.1%
        ("I03", "city", 1200, 300, "behind", "red"),
    ]
    assert [r["id"] for r in scorecard(c, "rsj", JULY).indicators] == ["I02"]
    i01 = scorecard(c, "scjgj", JULY).indicators[0]
    assert (i01["scope"], i01["target"], i01["actual"]) == ("city", 66000, 39000)


def test_what_it_owes_next(c: Campaign) -> None:
    card = scorecard(c, "xiufeng", JULY)
    # open at 31 July and not yet due, soonest first; T006 was finished later, T009 already, T007 has no date
    assert [(r["task"], r["due"], r["days_left"]) for r in card.next] == [
        ("T004", D("2022-08-03"), 3), ("T005", D("2022-09-30"), 61), ("T006", D("2022-12-31"), 153),
    ]
    assert [r["task"] for r in scorecard(c, "xiufeng", JULY, upcoming=2).next] == ["T004", "T005"]
    assert [r["task"] for r in scorecard(c, "xiufeng", D("2022-07-20")).next][:2] == ["T002", "T004"]  # due that day
    assert scorecard(c, "xiufeng", D("2023-01-01")).next == []


def test_unit_by_name_and_errors(c: Campaign) -> None:
    card = scorecard(c, "秀峰区", JULY)
    assert (card.unit, card.name, card.short, card.kind) == ("xiufeng", "秀峰区人民政府", "秀峰区", "county")
    with pytest.raises(CampaignError) as err:
        scorecard(c, "counties", JULY)
    assert err.value.kind is ErrorKind.USAGE and err.value.text("en") == "'counties' is a group of 2 units; name one of them: xiufeng, diecai"
    with pytest.raises(CampaignError) as err:
        scorecard(c, "xiufnge", JULY)
    assert err.value.kind is ErrorKind.USAGE and "(did you mean 'xiufeng'?)" in err.value.text("en")


def test_as_dict_and_listings(c: Campaign) -> None:
    card = scorecard(c, "xiufeng", JULY)
    data = card.as_dict()
    assert list(data) == ["unit", "name", "kind", "as_of", "time_progress", "counts", "tasks", "indicators", "next"]
    assert data["time_progress"] == pytest.approx(212 / 365)
    assert [x.title for x in card.listings("zh")] == [
        "秀峰区 的任务：红 2 项 · 黄 1 项 · 绿 5 项（截至 2022-07-31）", "秀峰区 的指标", "秀峰区 接下来到期的任务",
    ]
