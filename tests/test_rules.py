"""rules.yaml read strictly and checked; extensions (延期) and returns (退回) checked and honoured
by overdue, due soon and the lights; each light rule at its edges. Scoring: tests/test_rank.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.campaign import Campaign
from guilin_campaign.dates import deadline, scoring_deadline, time_progress
from guilin_campaign.loading import open_campaign
from guilin_campaign.queries.indicators import indicator_rows
from guilin_campaign.queries.overdue import overdue
from guilin_campaign.rules import DEFAULT_RULES, Lights, RulesFile, load_rules
from tests.conftest import SAMPLE, dedent, run

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

D = date.fromisoformat

UNITS = dedent("""
    units:
      - {id: scjgj, name: 市市场监管局, short: 市场监管, kind: department}
      - {id: rsj, name: 市人力资源社会保障局, short: 市人社局, kind: department}
      - {id: xiufeng, name: 秀峰区人民政府, short: 秀峰区, kind: county}
      - {id: diecai, name: 叠彩区人民政府, short: 叠彩区, kind: county}
      - {id: xiangshan, name: 象山区人民政府, short: 象山区, kind: county}
    groups:
      counties: [xiufeng, diecai, xiangshan]
""")

# The June 2022 of a small campaign: hand-written, as a clerk would type extensions and returns.
TASKS = dedent("""
    campaign: {name: 稳主体激活力攻坚战, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
    actions:
      - id: A1
        name: 稳主体扩增量
        measures:
          - id: M01
            name: 优化准入
            indicators:
              - {id: I01, name: 新增市场主体户数, target: 1000, owners: [scjgj], readings: {2022-05: 350, 2022-06: 400}}
              - {id: I02, name: 实有户数, kind: rate, target: 100, owners: [scjgj], readings: {2022-06: 95}}
              - {id: I03, name: 净增长率, kind: rate, target: 100, owners: [scjgj], readings: {2022-06: 90}}
              - {id: I04, name: 新设企业, kind: rate, target: 100, owners: [scjgj], readings: {2022-06: 89.99}}
              - {id: I05, name: 个转企, target: 100, owners: [scjgj], readings: {2022-04: 10}}
            tasks:
              - {id: T01, title: 两家共办, owners: [scjgj, rsj], due: 2022-06-10, status: done, done_on: 2022-06-08}
              - {id: T02, title: 未办结, owners: [scjgj], due: 2022-06-20, status: doing}
              - id: T03
                title: 期前延期
                owners: [scjgj]
                due: 2022-06-15
                extensions:
                  - {to: 2022-07-15, reason: 待上级批复, on: 2022-06-10, approved_by: 王主任}
              - id: T04
                title: 逾期后才延期
                owners: [rsj]
                due: 2022-06-05
                status: done
                done_on: 2022-06-20
                extensions:
                  - {to: 2022-06-25, reason: 系统升级, on: 2022-06-08}
              - id: T05
                title: 各县区分别办理
                owners: [counties]
                due: 2022-06-30
                status: doing
                progress:
                  xiufeng: {status: done, done_on: 2022-06-20}
                  diecai: {status: done, done_on: 2022-06-28}
                extensions:
                  - {to: 2022-07-10, reason: 山区路远, on: 2022-06-25, unit: xiangshan}
              - id: T06
                title: 退回重办
                owners: [xiufeng]
                due: 2022-06-15
                status: doing
                log:
                  - {date: 2022-06-14, status: done, was: doing}
                  - {date: 2022-06-16, status: doing, returned: true, note: 材料不全, was: done, was_done_on: 2022-06-14}
""")


@pytest.fixture
def data(make_data: Callable[..., Path]) -> Path:
    return make_data(tasks=TASKS, units=UNITS)


@pytest.fixture
def c(data: Path) -> Campaign:
    return open_campaign(data)


def _lights(c: Campaign, as_of: str, soon: int = 0) -> dict[tuple[str, str], str]:
    return {(r["task"], r["unit"]): r["light"] for r in overdue(c, D(as_of), soon)}


# --- extensions: the deadline in force, and the one scoring judges by ---------------------------

def test_an_extension_moves_the_deadline_from_the_day_it_is_recorded(c: Campaign) -> None:
    t04 = c.task("T04")
    assert t04 is not None
    assert deadline(t04.task, D("2022-06-07")) == D("2022-06-05")  # not yet recorded
    assert deadline(t04.task, D("2022-06-08")) == D("2022-06-25")
    # Asked on 06-08, after the deadline of 06-05 had passed: scoring still judges by 06-05.
    assert scoring_deadline(t04.task, D("2022-06-30")) == D("2022-06-05")
    t03 = c.task("T03")
    assert t03 is not None  # asked on 06-10, before 06-15: it counts for scoring too
    assert scoring_deadline(t03.task, D("2022-06-30")) == D("2022-07-15")


def test_overdue_and_lights_use_the_extended_deadline(c: Campaign) -> None:
    before = overdue(c, D("2022-06-07"))
    assert [(r["task"], r["days_overdue"], r["due"]) for r in before] == [("T04", 2, D("2022-06-05"))]
    assert ("T04", "rsj") not in _lights(c, "2022-06-10")  # extended to 06-25: no longer overdue
    assert ("T03", "scjgj") not in _lights(c, "2022-06-16")  # due 06-15, extended to 07-15
    rows = {(r["task"], r["unit"]): r for r in overdue(c, D("2022-07-16"))}
    assert rows["T03", "scjgj"]["days_overdue"] == 1 and rows["T03", "scjgj"]["due"] == D("2022-07-15")


def test_an_extension_for_one_unit_leaves_the_others_on_the_original_deadline(c: Campaign) -> None:
    at = _lights(c, "2022-07-01")
    assert at == {("T02", "scjgj"): "red", ("T06", "xiufeng"): "red"}  # xiangshan: T05 runs to 07-10
    assert _lights(c, "2022-07-11")[("T05", "xiangshan")] == "red"


# --- lights: due-soon window, 序时 by months, bands, readings not reported ------------------------

def test_due_soon_window_edges(c: Campaign) -> None:
    # T02 is due 2022-06-20. With 3 days: yellow from 06-18 (06-18, 06-19, 06-20), not on 06-17.
    assert ("T02", "scjgj") not in _lights(c, "2022-06-17", soon=3)
    assert _lights(c, "2022-06-18", soon=3)[("T02", "scjgj")] == "yellow"
    assert _lights(c, "2022-06-20", soon=3)[("T02", "scjgj")] == "yellow"
    assert _lights(c, "2022-06-21", soon=3)[("T02", "scjgj")] == "red"


def test_time_progress_by_months(c: Campaign) -> None:
    info = c.info
    assert time_progress(info, D("2022-11-01"), "months") == 11 / 12  # the whole of November: 91.7%
    assert time_progress(info, D("2022-11-30"), "months") == 11 / 12
    assert time_progress(info, D("2022-11-30")) == 334 / 365  # by days, as before
    assert time_progress(info, D("2021-12-31"), "months") == 0.0
    assert time_progress(info, D("2022-01-01"), "months") == 1 / 12
    assert time_progress(info, D("2023-03-01"), "months") == 1.0


def _by_id(c: Campaign, as_of: str, lights: Lights) -> dict[str, tuple[str, str | None]]:
    return {r["id"]: (r["status"], r["light"]) for r in indicator_rows(c, D(as_of), lights=lights)}


def test_default_lights_make_every_indicator_behind_red(c: Campaign) -> None:
    got = _by_id(c, "2022-06-30", DEFAULT_RULES.lights)
    assert got["I02"] == ("behind", "red") and got["I03"] == ("behind", "red") and got["I04"] == ("behind", "red")
    assert got["I05"] == ("behind", "red")  # April's 10% judged against June's 序时, as before


def test_bands_in_points_at_their_edges(c: Campaign) -> None:
    lights = Lights.model_validate({"behind": {"green": 5, "yellow": 10}})
    got = _by_id(c, "2022-06-30", lights)
    # Rates, required 100%: I02 95% is 5 points behind (green, the edge), I03 90% 10 (yellow, the
    # edge), I04 89.99% 10.01 (red).
    assert got["I02"] == ("behind", "green")
    assert got["I03"] == ("behind", "yellow")
    assert got["I04"] == ("behind", "red")


def test_bands_as_a_share_of_what_is_required_with_time_progress_by_months(c: Campaign) -> None:
    # At 2022-06-30 by months 序时 = 6/12 = 50%. I01 (total) is 400/1000 = 40%: 10 points behind,
    # which is 10/50 = 20% of what is required.
    by_points = Lights.model_validate({"time_progress": "months", "behind": {"yellow": 10}})
    by_share = Lights.model_validate({"time_progress": "months", "behind": {"measure": "share", "yellow": 19.99}})
    assert _by_id(c, "2022-06-30", by_points)["I01"] == ("behind", "yellow")
    assert _by_id(c, "2022-06-30", by_share)["I01"] == ("behind", "red")
    share_edge = Lights.model_validate({"time_progress": "months", "behind": {"measure": "share", "yellow": 20}})
    assert _by_id(c, "2022-06-30", share_edge)["I01"] == ("behind", "yellow")


def test_an_old_reading_is_not_reported_when_the_rule_is_on(c: Campaign) -> None:
    lights = Lights(reading_due_after_months=1)
    # I05's latest reading is April's. At 2022-05-31 April is the month due: judged. At 2022-06-01
    # May is due: not reported (未报), no light.
    assert _by_id(c, "2022-05-31", lights)["I05"] == ("behind", "red")
    assert _by_id(c, "2022-06-01", lights)["I05"] == ("not_reported", None)
    assert _by_id(c, "2022-06-30", lights)["I01"] == ("behind", "red")  # June's reading is there
    # After the campaign no month beyond its last is due: December's reading still counts in 2023.
    assert _by_id(c, "2022-06-01", Lights(reading_due_after_months=2))["I05"] == ("behind", "red")


# --- the file: read strictly, checked with file:line ------------------------------------------

def _check(data: Path, rules: str) -> list[str]:
    """The problems ``check`` prints for this rules.yaml (it must find some: exit 1)."""
    (data / "rules.yaml").write_text(rules, encoding="utf-8")
    result = run("check", "--data", str(data))
    assert result.exit_code == 1, result.stdout
    return result.stdout.splitlines()


def test_check_reports_rules_problems_with_file_and_line(data: Path) -> None:
    rules = str(data / "rules.yaml")
    lines = _check(data, dedent("""
        lights:
          due_soon_days: -1
          behind: {green: 10, yellow: 5}
        scoring:
          base: county
          completion: leads
        ranking:
          groups: [countys]
          exclude: [xiufen]
        adjustments:
          - {unit: diecia, month: 2022-13, points: 2, reason: 表扬}
    """))
    assert lines[0] == f"{rules}:2: lights.due_soon_days: -1 is too small: write a number greater than or equal to 0"
    assert any(line.startswith(f"{rules}:3: lights.behind: ") and "yellow (5) must be at least green (10)" in line for line in lines)
    assert any(line.startswith(f"{rules}:6: scoring.completion: ") for line in lines)
    assert any(line.startswith(f"{rules}:11: adjustments[0].month: ") for line in lines)


def test_check_reports_unknown_units_and_groups_in_the_rules(data: Path) -> None:
    rules = str(data / "rules.yaml")
    lines = _check(data, "ranking:\n  groups: [countys]\n  exclude: [xiufen]\nadjustments:\n  - {unit: diecia, month: 2022-06, points: 2, reason: 表扬}\n")
    assert lines == [
        f"{rules}:2: ranking.groups[0]: unknown group 'countys' (did you mean 'counties'?); groups are listed in units.yaml",
        f"{rules}:3: ranking.exclude[0]: unknown unit 'xiufen' (did you mean 'xiufeng'?); units are listed in units.yaml",
        f"{rules}:5: adjustments[0].unit: unknown unit 'diecia' (did you mean 'diecai'?); write one unit id",
    ]


def test_an_unknown_rules_key_is_refused(data: Path) -> None:
    lines = _check(data, "lights:\n  due_son_days: 3\n")
    assert lines == [f"{data / 'rules.yaml'}:2: lights.due_son_days: unknown key 'due_son_days' here "
                     "(did you mean 'due_soon_days'?); see docs/data-format.md (rules.yaml)"]


def test_a_folder_without_rules_and_an_empty_rules_file_read_the_defaults(data: Path, c: Campaign) -> None:
    assert load_rules(data, c).rules == DEFAULT_RULES
    (data / "rules.yaml").write_text("# 暂无\n", encoding="utf-8")
    assert load_rules(data, c).rules == DEFAULT_RULES and load_rules(data, c).problems == []
    assert RulesFile() == DEFAULT_RULES


def test_a_bad_rules_file_stops_the_views_with_exit_1(data: Path) -> None:
    (data / "rules.yaml").write_text("lights: {due_soon_days: many}\n", encoding="utf-8")
    result = run("unit", "scjgj", "--data", str(data), "--as-of", "2022-06-30")
    assert result.exit_code == 1
    assert f"{data / 'rules.yaml'}:1: lights.due_soon_days" in result.stderr


def test_check_refuses_bad_extensions_and_returns(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.replace("{to: 2022-07-15, reason: 待上级批复, on: 2022-06-10, approved_by: 王主任}",
                          "{to: 2022-06-14, reason: 待上级批复, on: 2022-06-10, unit: rsj}")
    tasks = tasks.replace("returned: true, note: 材料不全,", "returned: true,")
    data = make_data(tasks=tasks, units=UNITS)
    out = run("check", "--data", str(data))
    assert out.exit_code == 1
    f = data / "tasks.yaml"
    assert out.stdout.splitlines() == [
        f"{f}:22: T03.extensions[0].unit: 'rsj' is not a responsible unit of T03 (responsible: scjgj)",
        f"{f}:22: T03.extensions[0].to: the extension to 2022-06-14 is not after the deadline it extends (2022-06-15); write a later date",
        f"{f}:48: T06.log[1].returned: a return needs its reason: add note: the reason it was sent back",
    ]


# --- the default rules reproduce today's reports ----------------------------------------------

EVERY_DEFAULT = dedent("""
    # 与内置默认值相同
    lights:
      due_soon_days: 7
      time_progress: days
      behind: {measure: points, green: 0, yellow: 0}
    scoring:
      base: rate
      completion: all
      weights: {base: 1, on_time: 0, late: 0, returned: 0, extended: 0, adjustments: 1}
    ranking:
      groups: []
      exclude: []
    adjustments: []
""")


@pytest.mark.parametrize(("kind", "period"), [("monthly", "2022-06"), ("quarterly", "2022-Q2")])
def test_the_defaults_written_out_give_the_golden_reports(tmp_path: Path, kind: str, period: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    (data / "rules.yaml").write_text(EVERY_DEFAULT, encoding="utf-8")
    assert run("check", "--data", str(data), env=ZH).exit_code == 0
    got = run("report", kind, period, "--data", str(data), "-f", "md", env=ZH)
    assert got.exit_code == 0, got.stderr
    golden = Path(__file__).parent / "report" / "golden" / f"{kind}-{period}.md"
    assert got.stdout == golden.read_text(encoding="utf-8")


def test_check_refuses_extensions_out_of_order_or_without_a_due_and_a_done_return(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.replace("on: 2022-06-10, approved_by: 王主任}\n",
                          "on: 2022-06-10, approved_by: 王主任}\n      - {to: 2022-07-31, reason: 再延, on: 2022-06-01}\n"
                          .replace("      - ", " " * 14 + "- "))
    tasks = tasks.replace("owners: [rsj]\n            due: 2022-06-05\n", "owners: [rsj]\n")
    tasks = tasks.replace("{date: 2022-06-16, status: doing, returned: true", "{date: 2022-06-16, status: done, returned: true")
    data = make_data(tasks=tasks, units=UNITS)
    out = run("check", "--data", str(data)).stdout.splitlines()
    f = data / "tasks.yaml"
    assert f"{f}:23: T03.extensions[1].on: extensions are listed in the order they were recorded: 2022-06-01 is before the one above (2022-06-10)" in out
    assert f"{f}:29: T04.extensions: T04 has no due date to extend: add due: YYYY-MM-DD (the original deadline) first" in out
    assert any(line.startswith(f"{f}:48: T06.log[1].returned: a return opens the part again") for line in out), out


def test_the_reports_late_section_honours_extensions_asked_in_time_only(make_data: Callable[..., Path]) -> None:
    from guilin_campaign.report.build import build_report
    from guilin_campaign.report.periods import parse_period

    # T03 (due 06-15, extended in time to 07-15) done on 07-10: on time. T04 (due 06-05, extended
    # on 06-08, too late) done on 06-20: 15 days late, by 市人社局.
    tasks = TASKS.replace("title: 期前延期\n            owners: [scjgj]\n",
                          "title: 期前延期\n            owners: [scjgj]\n            status: done\n            done_on: 2022-07-10\n")
    c = open_campaign(make_data(tasks=tasks, units=UNITS))
    june = build_report(c, parse_period("2022-06", "monthly")).rows["late"]
    assert [(r["id"], r["days_late"], r["late_units"]) for r in june] == [("T04", 15, ["市人社局"])]
    july = build_report(c, parse_period("2022-07", "monthly")).rows
    assert [r["id"] for r in july["completed"]] == ["T03"] and july["late"] == []


def test_the_views_take_the_window_and_bands_from_rules_yaml(data: Path) -> None:
    import json

    (data / "rules.yaml").write_text("lights:\n  due_soon_days: 3\n  behind: {green: 5, yellow: 10}\n", encoding="utf-8")

    def light(as_of: str, *extra: str) -> str:
        card = json.loads(run("unit", "scjgj", "--data", str(data), "--as-of", as_of, "-f", "json", *extra).stdout)
        return str(next(t["light"] for t in card["tasks"] if t["task"] == "T02"))

    assert (light("2022-06-17"), light("2022-06-18")) == ("green", "yellow")  # T02 due 06-20
    assert light("2022-06-17", "--soon", "7") == "yellow"  # the option still wins
    rows = json.loads(run("indicators", "--data", str(data), "--as-of", "2022-06-30", "-f", "json").stdout)
    assert {r["id"]: r["light"] for r in rows if r["id"] in ("I02", "I03", "I04")} == {"I02": "green", "I03": "yellow", "I04": "red"}


def test_show_lists_a_tasks_extensions_and_marks_returns(data: Path) -> None:
    import json

    t03 = json.loads(run("show", "T03", "--data", str(data), "-f", "json").stdout)
    assert t03["sections"]["extensions"] == [
        {"to": "2022-07-15", "reason": "待上级批复", "on": "2022-06-10", "approved_by": "王主任", "unit": None}]
    t06 = json.loads(run("show", "T06", "--data", str(data), "-f", "json").stdout)
    assert [e.get("returned", False) for e in t06["sections"]["log"]] == [False, True]
    t02 = json.loads(run("show", "T02", "--data", str(data), "-f", "json").stdout)
    assert "extensions" not in t02["sections"]  # a task without extensions reads as before
