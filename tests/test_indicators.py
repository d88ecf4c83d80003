"""``queries.indicators``: actual at a date, completion, status against time progress, per unit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import open_campaign
from guilin_campaign.model import Indicator
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.queries.indicators import (
    action_listings,
    actual_at,
    by_unit_listing,
    by_unit_rows,
    completion,
    indicator_rows,
    light_of,
    status_of,
)
from tests.builder import campaign_yaml

D = date.fromisoformat
JUNE = 181 / 365  # time progress on 2022-06-30
JULY = 212 / 365  # on 2022-07-31

TASKS = campaign_yaml(
    indicators="""
        - id: I01
          name: 新增市场主体户数
          key: true
          target: 66000
          unit: 户
          owners: [scjgj, counties]
          readings: {2022-06: 30000, 2022-07: 39000}
          by_unit:
            xiufeng: {target: 4000, readings: {2022-06: 1763, 2022-07: 2337}}
            diecai: {target: 3000}
        - id: I02
          name: 市场主体净增长率
          key: true
          target: 8.0
          unit: '%'
          kind: rate
          owners: [scjgj, counties]
          readings: {2022-06: 2.4, 2022-07: 8.3}
          by_unit:
            xiufeng: {readings: {2022-06: -0.5, 2022-07: 4.4}}
            diecai: {readings: {2022-06: 1.1}}
    """,
    more_actions="""
        - id: A2
          name: 助企纾困解难
          measures:
            - id: M02
              name: 压缩办理时间
              indicators:
                - {id: I03, name: 企业开办时间, target: 1, unit: 工作日, better: lower, kind: rate, owners: [scjgj], readings: {2022-03: 2.0, 2022-07: 0.8}}
                - {id: I04, name: 查访户次, target: 2000, owners: [rsj]}
    """,
)


@pytest.fixture
def c(make_data: Callable[..., Path]) -> Campaign:
    return open_campaign(make_data(tasks=TASKS))


def ind(**kw: Any) -> Indicator:
    return Indicator.model_validate({"id": "I", "name": "指标", "target": 100, "owners": ["scjgj"], **kw})


def row(c: Campaign, ident: str, day: str) -> dict[str, Any]:
    return next(r for r in indicator_rows(c, D(day)) if r["id"] == ident)


# --- actual ----------------------------------------------------------------------------------


def test_actual_is_the_latest_month_not_after_the_as_of_month() -> None:
    readings = {"2022-06": 30000.0, "2022-07": 39000.0}
    assert actual_at(readings, D("2022-06-30")) == ("2022-06", 30000.0)  # July is later: ignored
    assert actual_at(readings, D("2022-07-01")) == ("2022-07", 39000.0)  # the as-of month counts
    assert actual_at(readings, D("2022-12-31")) == ("2022-07", 39000.0)
    assert actual_at(readings, D("2022-05-31")) == (None, None)
    assert actual_at({}, D("2022-07-31")) == (None, None)
    assert actual_at({"2021-12": 5.0, "2022-02": 0.0}, D("2022-01-15")) == ("2021-12", 5.0)
    assert actual_at({"2022-02": 0.0}, D("2022-03-01")) == ("2022-02", 0.0)  # a zero reading is a reading


# --- completion ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "better", "expected"),
    [
        (66000, 33000, "higher", 0.5),
        (66000, 66000, "higher", 1.0),
        (8, -0.5, "higher", -0.0625),  # a negative reading: negative completion
        (0, 0, "higher", 1.0),  # zero target, higher: any actual >= 0 meets it
        (0, 5, "higher", 1.0),
        (0, -1, "higher", 0.0),
        (2, 4, "lower", 0.5),  # lower is better: target / actual
        (2, 1, "lower", 2.0),
        (1, 0.8, "lower", 1.25),
        (2, 0, "lower", 1.0),  # zero actual, lower: meets any target
        (2, -1, "lower", 1.0),
        (0, 3, "lower", 0.0),
    ],
)
def test_completion(target: float, actual: float, better: str, expected: float) -> None:
    assert completion(target, actual, better) == pytest.approx(expected)


# --- status and light -----------------------------------------------------------------------


def test_status_total_vs_rate() -> None:
    total, rate = ind(kind="total"), ind(kind="rate")
    assert status_of(total, None, 0.5) == "no_data"
    assert status_of(total, 1.0, 0.5) == "achieved"  # completion >= 1
    assert status_of(rate, 1.0, 0.5) == "achieved"
    assert status_of(total, 0.5, 0.5) == "on_track"  # completion == time progress
    assert status_of(total, 0.49, 0.5) == "behind"
    assert status_of(rate, 0.99, 0.5) == "behind"  # a rate is never "on track": met or not
    assert status_of(total, 0.0, 0.0) == "on_track"  # before the campaign nothing is due


def test_light_of_status() -> None:
    assert [light_of(s) for s in ("achieved", "on_track", "behind", "no_data")] == ["green", "green", "red", None]


# --- rows ------------------------------------------------------------------------------------


def test_total_indicator_row_in_june_and_july(c: Campaign) -> None:
    june = row(c, "I01", "2022-06-30")
    assert (june["actual"], june["month"], june["status"], june["light"]) == (30000, "2022-06", "behind", "red")
    assert june["completion"] == pytest.approx(30000 / 66000) and june["time_progress"] == pytest.approx(JUNE)
    july = row(c, "I01", "2022-07-31")
    assert (july["actual"], july["status"], july["light"]) == (39000, "on_track", "green")
    assert july["completion"] == pytest.approx(39000 / 66000) and july["time_progress"] == pytest.approx(JULY)


def test_rate_indicator_is_behind_even_when_ahead_of_time_progress(c: Campaign) -> None:
    june = row(c, "I03", "2022-06-30")  # lower is better: 1 / 2.0 = 0.5 >= 0.4959, but a rate
    assert (june["actual"], june["month"], june["completion"], june["status"]) == (2.0, "2022-03", 0.5, "behind")
    july = row(c, "I03", "2022-07-31")
    assert (july["completion"], july["status"], july["light"]) == (1.25, "achieved", "green")
    assert row(c, "I02", "2022-07-31")["status"] == "achieved"


def test_no_readings_is_no_data(c: Campaign) -> None:
    r = row(c, "I04", "2022-07-31")
    assert (r["actual"], r["month"], r["completion"], r["status"], r["light"]) == (None, None, None, "no_data", None)
    before = row(c, "I01", "2022-05-31")  # readings start in June
    assert (before["actual"], before["status"]) == (None, "no_data")


def test_time_progress_before_and_after_the_campaign(c: Campaign) -> None:
    assert row(c, "I01", "2021-12-31")["time_progress"] == 0.0
    assert row(c, "I01", "2022-01-01")["time_progress"] == pytest.approx(1 / 365)
    assert row(c, "I01", "2022-12-31")["time_progress"] == 1.0
    after = row(c, "I01", "2023-02-01")
    assert (after["time_progress"], after["actual"], after["status"]) == (1.0, 39000, "behind")


def test_rows_keep_file_order_and_key_only(c: Campaign) -> None:
    assert [r["id"] for r in indicator_rows(c, D("2022-07-31"))] == ["I01", "I02", "I03", "I04"]
    assert [r["id"] for r in indicator_rows(c, D("2022-07-31"), key_only=True)] == ["I01", "I02"]
    assert set(indicator_rows(c, D("2022-07-31"))[0]) >= {"id", "name", "key", "target", "actual", "completion", "time_progress", "status"}


def test_one_listing_per_action(c: Campaign) -> None:
    listings = action_listings(c, indicator_rows(c, D("2022-07-31")), D("2022-07-31"), "zh")
    assert [(x.title, [r["id"] for r in x.rows]) for x in listings] == [
        ("A1 稳主体扩增量（截至 2022-07-31）", ["I01", "I02"]),
        ("A2 助企纾困解难（截至 2022-07-31）", ["I03", "I04"]),
    ]
    assert [x.title for x in action_listings(c, indicator_rows(c, D("2022-07-31"), key_only=True), D("2022-07-31"), "zh")] == [
        "A1 稳主体扩增量（截至 2022-07-31）"
    ]
    assert action_listings(c, [], D("2022-07-31"), "zh")[0].rows == []  # nothing to show: one empty table


# --- by unit ---------------------------------------------------------------------------------


def brief(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["unit"], r["actual"], r["negative"], r["status"], r["light"]) for r in rows]


def test_by_unit_with_unit_targets(c: Campaign) -> None:
    rows = by_unit_rows(c, "I01", D("2022-06-30"))
    assert brief(rows) == [("xiufeng", 1763, False, "behind", "red"), ("diecai", None, False, "no_data", None)]
    assert rows[0]["completion"] == pytest.approx(1763 / 4000) and rows[0]["target"] == 4000
    assert brief(by_unit_rows(c, "I01", D("2022-07-31")))[0] == ("xiufeng", 2337, False, "on_track", "green")


def test_by_unit_negative_readings_are_red_and_no_target_means_no_status(c: Campaign) -> None:
    june = by_unit_rows(c, "I02", D("2022-06-30"))
    assert brief(june) == [("xiufeng", -0.5, True, None, "red"), ("diecai", 1.1, False, None, "green")]
    assert june[0]["completion"] is None and june[0]["name"] == "秀峰区" and june[0]["indicator"] == "I02"
    july = by_unit_rows(c, "I02", D("2022-07-31"))
    assert brief(july) == [("xiufeng", 4.4, False, None, "green"), ("diecai", 1.1, False, None, "green")]
    assert july[1]["month"] == "2022-06"


def test_by_unit_of_an_indicator_without_units_and_an_unknown_one(c: Campaign) -> None:
    assert by_unit_rows(c, "I04", D("2022-07-31")) == []
    assert by_unit_listing(c, "I02", [], D("2022-06-30"), "zh").title == "I02 市场主体净增长率 各单位情况（截至 2022-06-30）"
    with pytest.raises(CampaignError) as err:
        by_unit_rows(c, "I05", D("2022-07-31"))
    assert err.value.kind is ErrorKind.USAGE and err.value.text("en").startswith("unknown indicator 'I05' (did you mean")
