"""The ledger's queries at their edges: on the deadline, reopened, raised by another unit, before raised."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.ledger.load import open_ledger
from guilin_campaign.loading import open_campaign
from guilin_campaign.problems import CampaignError
from guilin_campaign.queries.ledger import policy_progress, policy_rows, policy_sentence, problem_rows, visit_rows
from tests.conftest import run
from tests.ledger.ledgerdata import write_ledger

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

MakeData = Callable[..., Path]


@pytest.fixture
def data(make_data: MakeData) -> Path:
    return write_ledger(make_data())


def _rows(folder: Path, as_of: date, **kw: object) -> dict[str, dict[str, object]]:
    c = open_campaign(folder)
    ledger = open_ledger(folder, c)
    assert ledger is not None
    return {r["id"]: r for r in problem_rows(c, ledger, as_of, **kw)}  # type: ignore[arg-type]


def test_a_problem_solved_on_its_deadline_is_not_overdue(data: Path) -> None:
    on_due = _rows(data, date(2022, 7, 20))["P1"]
    assert (on_due["status"], on_due["days_overdue"], on_due["light"]) == ("solved", None, "green")
    before = _rows(data, date(2022, 7, 19))["P1"]  # open the day before, due the next day: yellow
    assert (before["status"], before["days_overdue"], before["light"]) == ("open", None, "yellow")


def test_an_open_problem_past_its_deadline_is_overdue_and_red(data: Path) -> None:
    assert _rows(data, date(2022, 7, 15))["P2"]["days_overdue"] is None  # due that day: not yet overdue
    row = _rows(data, date(2022, 7, 31))["P2"]
    assert (row["status"], row["days_overdue"], row["light"]) == ("open", 16, "red")


def test_a_reopened_problem_reads_as_it_stood_each_day(data: Path) -> None:
    first = _rows(data, date(2022, 7, 12))["P3"]
    assert (first["status"], first["solved_on"], first["how"], first["reopened"]) == ("solved", date(2022, 7, 10), "已报装", 0)
    reopened = _rows(data, date(2022, 7, 20))["P3"]
    assert (reopened["status"], reopened["solved_on"], reopened["reopened"]) == ("open", None, 1)
    again = _rows(data, date(2022, 7, 31))["P3"]
    assert (again["status"], again["solved_on"], again["how"]) == ("solved", date(2022, 7, 28), "完成增容")


def test_a_problem_raised_on_a_visit_of_another_unit_belongs_to_its_responsible_unit(data: Path) -> None:
    row = _rows(data, date(2022, 7, 31))["P1"]
    assert (row["team"], row["unit"], row["entity"], row["key"]) == ("xiufeng", "rsj", "桂林某某食品有限公司", True)
    assert set(_rows(data, date(2022, 7, 31), unit="rsj")) == {"P1", "P2"}
    assert set(_rows(data, date(2022, 7, 31), unit="xiufeng")) == set()
    assert set(_rows(data, date(2022, 7, 31), unit="counties")) == {"P3"}  # a group: its members


def test_a_problem_does_not_exist_before_it_is_raised(data: Path) -> None:
    assert set(_rows(data, date(2022, 7, 4))) == {"P1", "P2"}
    assert _rows(data, date(2022, 7, 3)) == {}


def test_filters_open_overdue_category(data: Path) -> None:
    day = date(2022, 7, 20)
    assert set(_rows(data, day, open_only=True)) == {"P2", "P3"}
    assert set(_rows(data, day, overdue_only=True)) == {"P2"}
    assert set(_rows(data, day, category="供电")) == {"P3"}
    with pytest.raises(CampaignError) as caught:
        _rows(data, day, category="供")
    assert re.search("unknown category '供'", caught.value.text("en")), caught.value.text("en")


def test_visits_by_month_and_team(data: Path) -> None:
    c = open_campaign(data)
    ledger = open_ledger(data, c)
    assert ledger is not None
    assert [r["id"] for r in visit_rows(c, ledger, "2022-07", "xiufeng")] == ["V1"]
    assert [r["problems"] for r in visit_rows(c, ledger)] == [1, 1]
    assert visit_rows(c, ledger, "2022-06") == []


def test_policies_count_only_what_a_city_can_implement_and_what_is_done_by_the_date(data: Path) -> None:
    c = open_campaign(data)
    ledger = open_ledger(data, c)
    assert ledger is not None
    july = policy_sentence(policy_progress(policy_rows(c, ledger, date(2022, 7, 31))), "zh")
    assert july == "自治区20条措施中市级可落实2项，已落实1项；市6条措施已落实0项。"
    august = policy_sentence(policy_progress(policy_rows(c, ledger, date(2022, 8, 31))), "zh")
    assert august == "自治区20条措施中市级可落实2项，已落实1项；市6条措施已落实1项。"


def test_problems_in_every_format(data: Path) -> None:
    args = ("problems", "--data", str(data), "--as-of", "2022-07-31", "--open")
    rows = json.loads(run(*args, "-f", "json", env=ZH).stdout)
    assert [r["id"] for r in rows] == ["P2"]
    assert {"id", "unit", "category", "status", "due", "light", "days_overdue"} <= set(rows[0])
    csv = run(*args, "-f", "csv", env=ZH).stdout.splitlines()
    assert csv[0].startswith("id,raised_on,unit_name,category") and csv[1].startswith("P2,2022-07-04,市人社局,招工")
    md = run(*args, "-f", "md", env=ZH).stdout
    assert "## 查访问题 1 个，其中逾期未解决 1 个（截至 2022-07-31）" in md and "| P2 | 2022-07-04 | 市人社局 | 招工 |" in md
    table = run(*args, env=ZH).stdout
    assert "P2" in table and "未解决" in table and "红" in table


def test_policies_and_visits_commands(data: Path) -> None:
    out = run("policies", "--data", str(data), "--as-of", "2022-07-31", env=ZH).stdout
    assert out.startswith("政策落实清单（截至 2022-07-31）：自治区20条措施中市级可落实2项，已落实1项；市6条措施已落实0项。")
    visits = json.loads(run("visits", "--data", str(data), "--team", "scjgj", "-f", "json", env=ZH).stdout)
    assert [v["id"] for v in visits] == ["V2"]


def test_bad_invocations_and_a_folder_without_a_ledger(make_data: MakeData, data: Path) -> None:
    assert run("visits", "--data", str(data), "--month", "2022-7").exit_code == 2
    result = run("problems", "--data", str(data), "--category", "资金")
    assert result.exit_code == 2 and "unknown category '资金'" in result.stderr
    bare = make_data(folder="bare")
    result = run("problems", "--data", str(bare))
    assert result.exit_code == 1 and "has no ledger" in result.stderr


def test_a_command_over_a_bad_ledger_says_so_and_exits_1(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": "visits:\n  - {id: V1, date: 2022-07-01, team: nobody, entity: 某公司}\n"})
    result = run("problems", "--data", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'ledger' / '2022-07.yaml'}:2: V1.team: unknown unit 'nobody'" in result.stderr
