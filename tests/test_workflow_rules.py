"""The second rule set end to end, through the command line: yellow at 3 days, 序时 by months,
lead-only completion and the county formula plus adjustments entered with ``adjust``.

The data is tests/test_rules.py's June 2022; every expected figure is computed by hand below.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import run
from tests.test_rules import TASKS, UNITS

RULES = "lights: {due_soon_days: 3, time_progress: months}\nscoring: {base: county, completion: lead}\n"


def cli(data: Path, *args: str) -> Any:
    result = run(*args, "--data", str(data))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout) if "json" in args else result.stdout


def test_the_county_rule_set_through_the_commands(make_data: Callable[..., Path]) -> None:
    data = make_data(tasks=TASKS, units=UNITS)
    (data / "rules.yaml").write_text(RULES, encoding="utf-8")
    cli(data, "adjust", "xiufeng", "--points", "2", "--reason", "通报表扬", "--month", "2022-06")
    cli(data, "adjust", "diecai", "--points", "-1", "--reason", "通报批评", "--on", "2022-06-30")
    assert (data / "rules.yaml").read_text(encoding="utf-8") == RULES + (
        "adjustments:\n  - {unit: xiufeng, month: 2022-06, points: 2, reason: 通报表扬}\n"
        "  - {unit: diecai, month: 2022-06, points: -1, reason: 通报批评}\n")
    assert run("check", "--data", str(data)).exit_code == 0

    # Yellow at 3 days: T02 (scjgj) is due 06-20; green on 06-17, yellow 06-18 ... 06-20, red 06-21.
    def light(as_of: str) -> str:
        card = cli(data, "unit", "scjgj", "--as-of", as_of, "-f", "json")
        return str(next(t["light"] for t in card["tasks"] if t["task"] == "T02"))

    assert [light(d) for d in ("2022-06-17", "2022-06-18", "2022-06-20", "2022-06-21")] == ["green", "yellow", "yellow", "red"]

    # 序时 by months: every day of June is 6/12 = 50%, of November 11/12.
    rows = {r["id"]: r for r in cli(data, "indicators", "--as-of", "2022-06-01", "-f", "json")}
    assert rows["I01"]["time_progress"] == 0.5
    assert cli(data, "indicators", "--as-of", "2022-11-30", "-f", "json")[0]["time_progress"] == 11 / 12
    # I01: 400 of 1000 = 40% against 50%: behind (red with the default bands).
    assert (rows["I01"]["completion"], rows["I01"]["status"], rows["I01"]["light"]) == (0.4, "behind", "red")

    # Lead-only completion, base = done/due x (1 + 0.001 x due) x 100, plus the adjustments:
    #   scjgj: T01 and T02 due, T01 done: 1/2 x 1.002 x 100 = 50.1
    #   rsj: T01 counts for its lead only; T04 due and done (late): 1 x 1.001 x 100 = 100.1
    #   xiufeng: T05 done, T06 returned and open: 50.1 + 2 = 52.1;  diecai: T05 done: 100.1 - 1 = 99.1
    ranked = cli(data, "rank", "2022-06", "-f", "json")["rows"]
    got = {r["unit"]: (r["rank"], r["due_items"], r["done"], r["base"], r["adjustments"], r["score"]) for r in ranked}
    assert got == {
        "rsj": (1, 1, 1, 100.1, 0.0, 100.1), "scjgj": (2, 2, 1, 50.1, 0.0, 50.1),
        "diecai": (1, 1, 1, 100.1, -1.0, 99.1), "xiufeng": (2, 2, 1, 50.1, 2.0, 52.1),
        "xiangshan": (None, 0, 0, None, 0.0, None),
    }


def test_a_return_and_an_extension_through_the_commands_count_in_the_month(make_data: Callable[..., Path]) -> None:
    # Weights -2 per return, -0.5 per extension (default base: done/due x 100).
    data = make_data(tasks=TASKS, units=UNITS)
    (data / "rules.yaml").write_text("scoring: {weights: {returned: -2, extended: -0.5}}\n", encoding="utf-8")
    before = {r["unit"]: r["score"] for r in cli(data, "rank", "2022-06", "-f", "json")["rows"]}
    assert before["scjgj"] == 50 - 0.5  # T01 done, T02 open; T03 extended on 06-10
    # T05's part of xiufeng (done 06-20) returned on 06-25; T02 extended on 06-19 to 07-20.
    cli(data, "return", "T05", "--unit", "xiufeng", "--reason", "佐证材料不全", "--on", "2022-06-25")
    cli(data, "extend", "T02", "--to", "2022-07-20", "--reason", "待批复", "--on", "2022-06-19")
    after = {r["unit"]: r["score"] for r in cli(data, "rank", "2022-06", "-f", "json")["rows"]}
    # scjgj: T02 now due in July: due 1 (T01), done 1: 100 - 0.5 x 2 extensions = 99.0
    # xiufeng: T05 and T06 due, both open: 0, and 2 returns (T06 on 06-16, T05 on 06-25): -4.0
    assert (before["scjgj"], before["xiufeng"], before["diecai"]) == (49.5, 48.0, 100.0)
    assert (after["scjgj"], after["xiufeng"], after["diecai"]) == (99.0, -4.0, 100.0)
    # T01 is shared by scjgj and rsj without progress entries: rsj's part alone cannot be sent back.
    result = run("return", "T01", "--unit", "rsj", "--reason", "x", "--on", "2022-06-25", "--data", str(data))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: refused: T01 is not tracked unit by unit, so rsj shares the task's completion with scjgj")
