"""The supervision views through the command line: every format, exit codes, colour, a snapshot."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from guilin_campaign.loading import open_campaign
from guilin_campaign.queries.overdue import overdue, overdue_listing
from guilin_campaign.render.table import print_listings
from tests.builder import campaign_yaml
from tests.conftest import TASKS, run

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

SNAPSHOTS = Path(__file__).parent / "snapshots"

# The shared small campaign plus a second action: a lower-is-better indicator, per-county readings
# with a negative one, and a task three counties and the bureau share, due 5 July.
A2 = """\
  - id: A2
    name: 助企纾困解难
    measures:
      - id: M02
        name: 压缩办理时间
        indicators:
          - {id: I02, name: 企业开办时间, target: 1, unit: 工作日, better: lower, kind: rate, owners: [scjgj], readings: {2022-06: 2.0}}
          - {id: I03, name: 市场主体净增长率, target: 8, unit: '%', kind: rate, owners: [counties], by_unit: {xiufeng: {readings: {2022-06: -0.5}}, diecai: {readings: {2022-06: 3.2}}}}
        tasks:
          - {id: T003, title: 压缩企业开办时间至1个工作日, owners: [scjgj, counties], due: 2022-07-05, status: doing}
"""
VIEWS_TASKS = TASKS.replace("adhoc:\n", A2 + "adhoc:\n")


@pytest.fixture
def data(make_data: Callable[..., Path]) -> str:
    return str(make_data(tasks=VIEWS_TASKS))


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


# --- overdue ---------------------------------------------------------------------------------


def test_overdue_table(data: str) -> None:
    result = run("overdue", "--data", data, "--as-of", "2022-07-01", "--soon", "7", env=ZH)
    assert result.exit_code == 0 and result.stderr == ""
    out = lines(result.stdout)
    assert out[0] == "逾期任务 1 项、7 天内临期 3 项（截至 2022-07-01）"
    assert out[1].split() == ["单位", "单位名称", "任务编号", "任务", "举措", "角色", "完成时限", "逾期天数", "状态", "完成日期", "灯号"]
    assert [line.split() for line in out[3:]] == [
        ["scjgj", "市场监管", "T003", "压缩企业开办时间至1个工作日", "M02", "责任", "2022-07-05", "—", "推进中", "黄"],
        ["xiufeng", "秀峰区", "T003", "压缩企业开办时间至1个工作日", "M02", "责任", "2022-07-05", "—", "推进中", "黄"],
        ["diecai", "叠彩区", "T002", "各县区落实个体工商户扶持", "M01", "责任", "2022-06-30", "1", "推进中", "红"],
        ["diecai", "叠彩区", "T003", "压缩企业开办时间至1个工作日", "M02", "责任", "2022-07-05", "—", "推进中", "黄"],
    ]
    assert "\x1b[" not in result.stdout  # piped: no colour codes


def test_overdue_json(data: str) -> None:
    result = run("overdue", "--data", data, "--as-of", "2022-07-01", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{
        "unit": "diecai", "unit_name": "叠彩区", "task": "T002", "title": "各县区落实个体工商户扶持", "action": "A1",
        "measure": "M01", "role": "responsible", "due": "2022-06-30", "days_overdue": 1, "status": "doing",
        "done_on": None, "light": "red",
    }]


def test_overdue_csv_with_support(data: str) -> None:
    result = run("overdue", "--data", data, "--as-of", "2022-07-01", "-f", "csv", "--support")
    assert result.stdout.splitlines() == [
        "unit,unit_name,task,title,measure,role,due,days_overdue,status,done_on,light",
        "rsj,市人社局,T002,各县区落实个体工商户扶持,M01,supporting,2022-06-30,1,doing,,red",
        "diecai,叠彩区,T002,各县区落实个体工商户扶持,M01,responsible,2022-06-30,1,doing,,red",
    ]


def test_overdue_markdown_for_one_unit(data: str) -> None:
    result = run("overdue", "--data", data, "--as-of", "2022-07-06", "-f", "md", "--unit", "秀峰区", env=ZH)
    assert result.stdout == (
        "## 逾期任务 1 项（截至 2022-07-06）\n\n"
        "| 单位 | 单位名称 | 任务编号 | 任务 | 举措 | 角色 | 完成时限 | 逾期天数 | 状态 | 完成日期 | 灯号 |\n"
        "|---|---|---|---|---|---|---|---:|---|---|---|\n"
        "| xiufeng | 秀峰区 | T003 | 压缩企业开办时间至1个工作日 | M02 | 责任 | 2022-07-05 | 1 | 推进中 |  | 红 |\n"
    )


def test_fail_if_any_exits_1_only_when_something_is_overdue(data: str) -> None:
    late = run("overdue", "--data", data, "--as-of", "2022-07-01", "--fail-if-any", "-f", "json", env=ZH)
    assert late.exit_code == 1 and len(json.loads(late.stdout)) == 1  # printed first
    on_time = run("overdue", "--data", data, "--as-of", "2022-06-30", "--fail-if-any", "--soon", "7", env=ZH)
    assert on_time.exit_code == 0 and "7 天内临期 4 项" in on_time.stdout  # due soon is not a failure
    assert run("overdue", "--data", data, "--as-of", "2022-07-01", env=ZH).exit_code == 0  # without the flag


def test_overdue_without_as_of_uses_today(make_data: Callable[..., Path]) -> None:
    # Deadlines around the real today: only yesterday's is overdue, whatever day the test runs.
    today = date.today()
    tasks = f"""\
campaign: {{name: 测试, lead: scjgj, start: {today.year - 1}-01-01, end: {today.year + 1}-12-31}}
actions:
  - id: A1
    name: 行动
    measures:
      - id: M01
        name: 举措
        tasks:
          - {{id: T001, title: 昨天到期, owners: [scjgj], due: {today - timedelta(days=1)}}}
          - {{id: T002, title: 今天到期, owners: [scjgj], due: {today}}}
          - {{id: T003, title: 明天到期, owners: [scjgj], due: {today + timedelta(days=1)}}}
"""
    result = run("overdue", "--data", str(make_data(tasks=tasks)), "-f", "json")
    assert result.exit_code == 0
    assert [(r["task"], r["days_overdue"]) for r in json.loads(result.stdout)] == [("T001", 1)]


def test_overdue_unknown_unit_exits_2(data: str) -> None:
    result = run("overdue", "--data", data, "--unit", "diecia")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "error: unknown unit 'diecia' (did you mean 'diecai'?); units and groups are listed in units.yaml\n"


@pytest.mark.parametrize("command", [["overdue"], ["indicators"], ["unit", "scjgj"]])
@pytest.mark.parametrize("day", ["2022-13-01", "2022/07/01", "yesterday"])
def test_bad_as_of_exits_2(data: str, command: list[str], day: str) -> None:
    result = run(*command, "--data", data, "--as-of", day)
    assert result.exit_code == 2 and result.stderr == f"error: --as-of: not a date: {day!r}; write YYYY-MM-DD\n"


def test_negative_soon_is_a_usage_error(data: str) -> None:
    assert run("overdue", "--data", data, "--soon", "-1").exit_code == 2


# --- indicators ------------------------------------------------------------------------------


def test_indicators_table_one_per_action(data: str) -> None:
    result = run("indicators", "--data", data, "--as-of", "2022-07-31", env=ZH)
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert [line for line in out if line.startswith("A")] == ["A1 稳主体扩增量（截至 2022-07-31）", "A2 助企纾困解难（截至 2022-07-31）"]
    rows = [line.split() for line in out if line.startswith(" I")]
    assert rows == [
        ["I01", "新增市场主体户数", "★", "66,000", "户", "39,000", "2022-07", "59.1%", "58.1%", "符合序时", "绿"],
        ["I02", "企业开办时间", "1", "工作日", "2", "2022-06", "50.0%", "58.1%", "滞后", "红"],
        ["I03", "市场主体净增长率", "8", "%", "—", "—", "58.1%", "无数据"],
    ]


def test_indicators_json_and_key_only(data: str) -> None:
    rows = json.loads(run("indicators", "--data", data, "--as-of", "2022-06-30", "-f", "json").stdout)
    assert [r["id"] for r in rows] == ["I01", "I02", "I03"]
    assert rows[1] == {
        "action": "A2", "measure": "M02", "id": "I02", "name": "企业开办时间", "key": False, "target": 1.0,
        "measure_unit": "工作日", "better": "lower", "kind": "rate", "actual": 2.0, "month": "2022-06",
        "completion": 0.5, "time_progress": pytest.approx(181 / 365), "status": "behind", "light": "red",
    }
    key = json.loads(run("indicators", "--data", data, "--as-of", "2022-06-30", "-f", "json", "--key").stdout)
    assert [(r["id"], r["actual"], r["status"]) for r in key] == [("I01", 30000.0, "behind")]


def test_indicators_csv_is_one_table(data: str) -> None:
    result = run("indicators", "--data", data, "--as-of", "2022-07-31", "-f", "csv")
    assert result.stdout.splitlines() == [
        "action,id,name,key,target,measure_unit,actual,month,completion,time_progress,status,light",
        # numbers in full (no rounding for scripts): 39000/66000 and 212/365 days
        "A1,I01,新增市场主体户数,true,66000,户,39000,2022-07,0.5909090909090909,0.5808219178082191,on_track,green",
        "A2,I02,企业开办时间,false,1,工作日,2,2022-06,0.5,0.5808219178082191,behind,red",
        "A2,I03,市场主体净增长率,false,8,%,,,,0.5808219178082191,no_data,",
    ]


def test_indicators_markdown(data: str) -> None:
    result = run("indicators", "--data", data, "--as-of", "2022-07-31", "-f", "md", "--key", env=ZH)
    assert result.stdout == (
        "## A1 稳主体扩增量（截至 2022-07-31）\n\n"
        "| 编号 | 名称 | 重点 | 目标值 | 计量单位 | 当前值 | 月份 | 完成率 | 序时进度 | 状态 | 灯号 |\n"
        "|---|---|---|---:|---|---:|---|---:|---:|---|---|\n"
        "| I01 | 新增市场主体户数 | ★ | 66,000 | 户 | 39,000 | 2022-07 | 59.1% | 58.1% | 符合序时 | 绿 |\n"
    )


def test_indicators_by_unit(data: str) -> None:
    table = run("indicators", "--data", data, "--as-of", "2022-06-30", "--by-unit", "I03", env=ZH)
    out = lines(table.stdout)
    assert out[0] == "I03 市场主体净增长率 各单位情况（截至 2022-06-30）"
    assert [line.split() for line in out[3:]] == [
        ["xiufeng", "秀峰区", "-0.5", "2022-06", "—", "★", "红"],
        ["diecai", "叠彩区", "3.2", "2022-06", "—", "绿"],
    ]
    rows = json.loads(run("indicators", "--data", data, "--as-of", "2022-06-30", "--by-unit", "I03", "-f", "json", env=ZH).stdout)
    assert [(r["indicator"], r["unit"], r["actual"], r["negative"], r["status"], r["light"]) for r in rows] == [
        ("I03", "xiufeng", -0.5, True, None, "red"), ("I03", "diecai", 3.2, False, None, "green"),
    ]
    csv = run("indicators", "--data", data, "--as-of", "2022-05-31", "--by-unit", "I03", "-f", "csv", env=ZH)
    assert csv.stdout.splitlines() == [
        "unit,name,target,actual,month,completion,negative,status,light",
        "xiufeng,秀峰区,,,,,false,no_data,",  # June readings are later than May: ignored
        "diecai,叠彩区,,,,,false,no_data,",
    ]


def test_indicators_unknown_id_exits_2(data: str) -> None:
    result = run("indicators", "--data", data, "--by-unit", "I3")
    assert result.exit_code == 2 and result.stderr.startswith("error: unknown indicator 'I3' (did you mean ")


# --- unit ------------------------------------------------------------------------------------


def test_unit_json(data: str) -> None:
    result = run("unit", "xiufeng", "--data", data, "--as-of", "2022-07-01", "-f", "json")
    card = json.loads(result.stdout)
    assert {k: card[k] for k in ("unit", "name", "kind", "as_of", "counts")} == {
        "unit": "xiufeng", "name": "秀峰区人民政府", "kind": "county", "as_of": "2022-07-01",
        "counts": {"red": 0, "yellow": 1, "green": 1},
    }
    assert [(t["task"], t["light"], t["status"]) for t in card["tasks"]] == [("T003", "yellow", "doing"), ("T002", "green", "done")]
    assert [(i["id"], i["scope"], i["actual"], i["status"], i["light"]) for i in card["indicators"]] == [
        ("I01", "city", 39000.0, "on_track", "green"), ("I03", "unit", -0.5, None, "red"),
    ]
    assert [(n["task"], n["due"], n["days_left"]) for n in card["next"]] == [("T003", "2022-07-05", 4)]


def test_unit_table(data: str) -> None:
    result = run("unit", "diecai", "--data", data, "--as-of", "2022-07-01", env=ZH)
    assert result.exit_code == 0
    out = lines(result.stdout)
    titles = [line for line in out if line and not line.startswith((" ", "─"))]
    assert titles == ["叠彩区 的任务：红 1 项 · 黄 1 项 · 绿 0 项（截至 2022-07-01）", "叠彩区 的指标", "叠彩区 接下来到期的任务"]
    assert out[3].split() == ["T002", "各县区落实个体工商户扶持", "M01", "责任", "2022-06-30", "1", "推进中", "红"]


def test_unit_csv_is_its_tasks(data: str) -> None:
    result = run("unit", "叠彩区", "--data", data, "--as-of", "2022-07-01", "-f", "csv")
    assert result.stdout.splitlines() == [
        "task,title,measure,role,due,days_overdue,status,done_on,light",
        "T002,各县区落实个体工商户扶持,M01,responsible,2022-06-30,1,doing,,red",
        "T003,压缩企业开办时间至1个工作日,M02,responsible,2022-07-05,,doing,,yellow",
    ]


def test_unit_markdown(data: str) -> None:
    result = run("unit", "scjgj", "--data", data, "--as-of", "2022-07-31", "-f", "md", "--next", "1", env=ZH)
    assert result.stdout.split("\n\n## ")[2:] == [
        "市场监管 接下来到期的任务\n\n（无）\n",
    ]
    assert "| I02 | 企业开办时间 |  | 全市 | 1 | 2 | 2022-06 | 50.0% | 滞后 | 红 |" in result.stdout
    assert "| T003 | 压缩企业开办时间至1个工作日 | M02 | 责任 | 2022-07-05 | 26 | 推进中 |  | 红 |" in result.stdout


def test_unit_group_or_unknown_exits_2(data: str) -> None:
    group = run("unit", "counties", "--data", data)
    assert group.exit_code == 2 and group.stderr == "error: 'counties' is a group of 2 units; name one of them: xiufeng, diecai\n"
    unknown = run("unit", "xiufnge", "--data", data)
    assert unknown.exit_code == 2 and "unknown unit 'xiufnge' (did you mean 'xiufeng'?)" in unknown.stderr


# --- colour ----------------------------------------------------------------------------------


def test_lights_are_coloured_on_a_terminal_and_not_with_no_color(data: str) -> None:
    args = ("overdue", "--data", data, "--as-of", "2022-07-01", "--soon", "7")
    coloured = run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "", **ZH}).stdout
    assert "\x1b[1;31m" in coloured and "\x1b[33m黄" in coloured  # red rows bold red, yellow light yellow
    plain = run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", plain)  # no colour codes (bold may stay)


# --- snapshot --------------------------------------------------------------------------------


SNAPSHOT_UNITS = """\
units:
  - {id: scjgj, name: 市市场监管局, short: 市场监管, kind: department}
  - {id: rsj, name: 市人力资源社会保障局, short: 市人社局, kind: department}
  - {id: longsheng, name: 龙胜各族自治县人民政府, short: 龙胜各族自治县, kind: county}
  - {id: lipu, name: 荔浦市人民政府, short: 荔浦市, kind: county}
groups:
  counties: [longsheng, lipu]
"""
SNAPSHOT_TASKS = campaign_yaml(
    action=("A4", "助企纾困解难"), measure=("M18", "常态化查访"),
    tasks="""
        - {id: T074, title: 梳理查访发现的资金缺口、土地确权、采矿许可、供电等问题，分类交办责任单位, owners: [scjgj], due: 2022-07-20, status: doing}
        - {id: T071, title: 各县（市、区）常态化开展查访，建立问题清单，限时办结, owners: [counties], support: [rsj], due: 2022-05-31, status: blocked}
        - {id: T075, title: 落实稳岗返还, owners: [rsj], due: 2022-08-05}
    """,
    adhoc="""
        - {id: AH04, batch: 4, title: 报送上半年“个转企”工作进展, owners: [scjgj], due: 2022-07-27, status: done, done_on: 2022-08-02}
    """,
)


def test_overdue_table_snapshot(make_data: Callable[..., Path]) -> None:
    """The table as a person sees it at 150 columns: long Chinese titles folded and aligned, numbers right.

    Regenerate with ``UPDATE_SNAPSHOTS=1 uv run pytest tests/test_cli_views.py`` and review the diff.
    """
    c = open_campaign(make_data(tasks=SNAPSHOT_TASKS, units=SNAPSHOT_UNITS))
    day = date(2022, 7, 31)
    buffer = io.StringIO()
    console = Console(file=buffer, width=150, color_system=None, force_terminal=False, legacy_windows=False, highlight=False)
    print_listings([overdue_listing(overdue(c, day, soon=7), day, "zh", 7)], console, "zh")
    got = "\n".join(lines(buffer.getvalue())) + "\n"
    snapshot = SNAPSHOTS / "overdue_table.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {snapshot}")
    assert got == snapshot.read_text(encoding="utf-8")
