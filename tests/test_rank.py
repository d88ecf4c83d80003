"""``rank MONTH``: scores, components and ranks from the rules, computed by hand below.

The data is tests/test_rules.py's June 2022 (hand-written extensions and a return).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guilin_campaign.loading import open_campaign
from guilin_campaign.queries.rank import rank
from guilin_campaign.report.periods import parse_period
from guilin_campaign.rules import RulesFile
from tests.conftest import dedent, run
from tests.test_rules import TASKS, UNITS

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

JUNE = parse_period("2022-06", "monthly")
FIELDS = ("rank", "due_items", "done", "on_time", "late", "returned", "extended", "base", "adjustments", "score")


def _rank(data: Path, rules: dict[str, Any], month: str = "2022-06", as_of: str | None = None) -> dict[str, tuple[Any, ...]]:
    c = open_campaign(data)
    day = date.fromisoformat(as_of) if as_of else None
    result = rank(c, parse_period(month, "monthly"), RulesFile.model_validate(rules), day, lang="zh")
    return {f"{r['category']}/{r['unit']}": tuple(r[k] for k in FIELDS) for r in result.rows}


@pytest.fixture
def data(make_data: Callable[..., Path]) -> Path:
    return make_data(tasks=TASKS, units=UNITS)


COUNTY_RULES = {
    "lights": {"due_soon_days": 3, "time_progress": "months"},
    "scoring": {"base": "county", "completion": "lead"},
    "adjustments": [
        {"unit": "xiufeng", "month": "2022-06", "points": 2, "reason": "通报表扬"},
        {"unit": "diecai", "month": "2022-06", "points": -1, "reason": "通报批评"},
        {"unit": "rsj", "month": "2022-05", "points": 5, "reason": "上月加分，不计入六月"},
    ],
}


def test_the_county_rule_set_gives_the_hand_computed_scores(data: Path) -> None:
    # June 2022, as of 06-30; lead units only (owners[0]; a group there: each member);
    # base = done/due x (1 + 0.001 x due) x 100; score = base + adjustments.
    #  scjgj: T01 (lead, due 06-10, done 06-08) due+done, on time; T02 (due 06-20) open; T03 (due
    #         06-15, extended on 06-10 to 07-15, asked in time) not due in June; 1 extension.
    #         due 2, done 1: base = 1/2 x 1.002 x 100 = 50.1; score 50.1.
    #  rsj:   T01 counts for its lead scjgj only. T04 due 06-05, done 06-20: the extension to 06-25
    #         was asked on 06-08, after 06-05 had passed, so it is late. due 1, done 1:
    #         base = 1 x 1.001 x 100 = 100.1; 1 late, 1 extension; score 100.1.
    #  xiufeng: T05 (counties, due 06-30) done 06-20, on time; T06 (due 06-15) returned on 06-16,
    #         open. due 2, done 1: base = 50.1; 1 returned; + 2 (通报表扬) = 52.1.
    #  diecai: T05 done 06-28. due 1, done 1: base = 100.1; - 1 (通报批评) = 99.1.
    #  xiangshan: its part of T05 was extended on 06-25 (in time) to 07-10: nothing due in June,
    #         so no base, no score, no rank.
    # rsj's May adjustment does not count in June.
    assert _rank(data, COUNTY_RULES) == {
        #                   rank due done on_time late ret ext  base   adj   score
        "department/rsj": (1, 1, 1, 0, 1, 0, 1, 100.1, 0.0, 100.1),
        "department/scjgj": (2, 2, 1, 1, 0, 0, 1, 50.1, 0.0, 50.1),
        "county/diecai": (1, 1, 1, 1, 0, 0, 0, 100.1, -1.0, 99.1),
        "county/xiufeng": (2, 2, 1, 1, 0, 1, 0, 50.1, 2.0, 52.1),
        "county/xiangshan": (None, 0, 0, 0, 0, 0, 1, None, 0.0, None),
    }


def test_point_weights_for_on_time_late_returned_and_extended(data: Path) -> None:
    # Default base (done/due x 100) for every responsible unit; +1 on time, -1 late, -2 per
    # return, -0.5 per extension.
    #  scjgj: due 2 (T01, T02), done 1: 50; +1 (T01) - 0.5 (T03) = 50.5
    #  rsj:   due 2 (T01 as a responsible unit, T04), done 2: 100; +1 (T01) - 1 (T04) - 0.5 = 99.5
    #  xiufeng: 50 + 1 (T05) - 2 (T06 returned) = 49;  diecai: 100 + 1 = 101
    rules = {"scoring": {"weights": {"on_time": 1, "late": -1, "returned": -2, "extended": -0.5}}}
    got = {k: (v[0], v[-1]) for k, v in _rank(data, rules).items()}
    assert got == {"department/rsj": (1, 99.5), "department/scjgj": (2, 50.5), "county/diecai": (1, 101.0),
                   "county/xiufeng": (2, 49.0), "county/xiangshan": (None, None)}


EVERYONE = UNITS + "  everyone: [scjgj, rsj, xiufeng, diecai, xiangshan]\n"


def test_ties_share_a_rank_and_the_next_skips(make_data: Callable[..., Path]) -> None:
    # Default scoring: rsj 2/2 = 100, diecai 1/1 = 100 + 1 = 101, scjgj 1/2 = 50 + 50 = 100,
    # xiufeng 1/2 = 50: ranks 1, 2, 2, 4 (ties in file order).
    data = make_data(tasks=TASKS, units=EVERYONE)
    rules = {"ranking": {"groups": ["everyone"]}, "adjustments": [
        {"unit": "diecai", "month": "2022-06", "points": 1, "reason": "表扬"},
        {"unit": "scjgj", "month": "2022-06", "points": 50, "reason": "专项加分"}]}
    got = [(k, v[0], v[-1]) for k, v in _rank(data, rules).items()]
    assert got == [("everyone/diecai", 1, 101.0), ("everyone/scjgj", 2, 100.0), ("everyone/rsj", 2, 100.0),
                   ("everyone/xiufeng", 4, 50.0), ("everyone/xiangshan", None, None)]


def test_an_excluded_unit_is_listed_without_a_rank(make_data: Callable[..., Path]) -> None:
    data = make_data(tasks=TASKS, units=EVERYONE)
    got = _rank(data, {"ranking": {"groups": ["everyone", "counties"], "exclude": ["rsj", "diecai"]}})
    assert [(k, v[0]) for k, v in got.items()] == [
        ("everyone/scjgj", 1), ("everyone/xiufeng", 1), ("everyone/rsj", None), ("everyone/diecai", None),
        ("everyone/xiangshan", None), ("counties/xiufeng", 1), ("counties/diecai", None), ("counties/xiangshan", None),
    ]


def test_a_later_return_leaves_the_past_month_as_it_was(make_data: Callable[..., Path]) -> None:
    # The return of T06 dated 07-02 instead of 06-16: June (as of 06-30) reads T06 done on 06-14,
    # on time (xiufeng: due 2, done 2, 2 on time, no return); July counts the return.
    data = make_data(tasks=TASKS.replace("{date: 2022-06-16, status: doing, returned: true",
                                         "{date: 2022-07-02, status: doing, returned: true"), units=UNITS)
    assert _rank(data, {})["county/xiufeng"][:6] == (1, 2, 2, 2, 0, 0)
    assert _rank(data, {}, month="2022-07")["county/xiufeng"][5] == 1
    # As of 06-15 in June the return of 06-16 in the original data had not happened yet.
    assert _rank(data, {}, as_of="2022-06-15")["county/xiufeng"][5] == 0


def test_rank_in_every_format(data: Path) -> None:
    (data / "rules.yaml").write_text(dedent("""
        scoring: {base: county, completion: lead}
        adjustments:
          - {unit: xiufeng, month: 2022-06, points: 2, reason: 通报表扬}
    """), encoding="utf-8")
    js = run("rank", "2022-06", "--data", str(data), "-f", "json", env=ZH)
    assert js.exit_code == 0, js.stderr
    doc = json.loads(js.stdout)
    assert doc["month"] == "2022-06" and doc["as_of"] == "2022-06-30"
    assert list(doc["rows"][0]) == ["category", "category_name", "rank", "unit", "unit_name", "due_items", "done",
                                    "on_time", "late", "returned", "extended", "rate", "base", "adjustments", "score",
                                    "excluded"]
    csv = run("rank", "2022-06", "--data", str(data), "-f", "csv", env=ZH).stdout.splitlines()
    assert csv[0] == "category,rank,unit,unit_name,due_items,done,rate,base,on_time,late,returned,extended,adjustments,score"
    assert csv[1] == "department,1,rsj,市人社局,1,1,1,100.1,0,1,0,1,0,100.1"
    md = run("rank", "2022-06", "--data", str(data), "-f", "md", env=ZH).stdout
    assert md.startswith("## 市直部门 2022-06 考核排名（截至 2022-06-30）\n")
    assert "| 2 | 秀峰区 | 2 | 1 | 50.0% | 50.1 | 1 | 0 | 1 | 0 | 2 | 52.1 |" in md
    table = run("rank", "2022-06", "--data", str(data), env=ZH)
    assert table.exit_code == 0 and "县（市、区） 2022-06 考核排名" in table.stdout


def test_rank_refuses_a_bad_month_with_exit_2(data: Path) -> None:
    result = run("rank", "2022-6x", "--data", str(data))
    assert result.exit_code == 2
    assert "not a month: '2022-6x'" in result.stderr
