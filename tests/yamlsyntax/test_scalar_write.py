"""A value is written so that YAML reads back exactly that value, plain whenever that is safe."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import yaml

from guilin_campaign.yamlsyntax.scalar_write import Value, flow_item, render


@pytest.mark.parametrize(
    ("value", "block", "flow"),
    [
        ("进行中", "进行中", "进行中"),
        ("龙胜、叠彩为负（6月）", "龙胜、叠彩为负（6月）", "龙胜、叠彩为负（6月）"),
        ("it's", "it's", "it's"),
        ("no", '"no"', '"no"'),
        ("Yes", '"Yes"', '"Yes"'),
        ("null", '"null"', '"null"'),
        ("~", '"~"', '"~"'),
        ("", '""', '""'),
        ("123", '"123"', '"123"'),
        ("1.5", '"1.5"', '"1.5"'),
        ("2022-07-01", '"2022-07-01"', '"2022-07-01"'),
        ("10:30", '"10:30"', '"10:30"'),
        ("a: b", '"a: b"', '"a: b"'),
        ("a:b", "a:b", '"a:b"'),
        ("C#", '"C#"', '"C#"'),
        ("- 第一", '"- 第一"', '"- 第一"'),
        ("*重点*", '"*重点*"', '"*重点*"'),
        ("a, b", "a, b", '"a, b"'),
        ("[草稿]", '"[草稿]"', '"[草稿]"'),
        (" 前有空格", '" 前有空格"', '" 前有空格"'),
        ('说 "好"', '说 "好"', '说 "好"'),
        ("两行\n文字", '"两行\\n文字"', '"两行\\n文字"'),
        ("\\路径\t\x07", '"\\\\路径\\t\\x07"', '"\\\\路径\\t\\x07"'),
        (True, "true", "true"),
        (42, "42", "42"),
        (-3, "-3", "-3"),
        (0.5, "0.5", "0.5"),
        (1e16, "1.0e+16", "1.0e+16"),
        (date(2022, 7, 15), "2022-07-15", "2022-07-15"),
        ({"status": "done", "done_on": date(2022, 7, 1)}, "{status: done, done_on: 2022-07-01}", "{status: done, done_on: 2022-07-01}"),
    ],
)
def test_render_reads_back_as_the_value(value: Value, block: str, flow: str) -> None:
    assert render(value, "", False) == block
    assert render(value, "", True) == flow
    assert yaml.safe_load(f"k: {block}") == {"k": value}
    assert yaml.safe_load(f"{{k: {flow}}}") == {"k": value}


@pytest.mark.parametrize(
    ("old_style", "value", "written"),
    [
        ('"', "完成", '"完成"'),
        ("'", "完成", "'完成'"),
        ("'", "it's", "'it''s'"),
        ("'", "两行\n文字", '"两行\\n文字"'),
        ("", "no", '"no"'),
        ("|", "一行", "一行"),
        ('"', 3, "3"),
    ],
)
def test_old_quoting_is_kept_when_it_can_hold_the_value(old_style: str, value: Value, written: str) -> None:
    assert render(value, old_style, False) == written


def test_flow_item_is_one_line() -> None:
    item: dict[str, Value] = {"date": date(2022, 7, 15), "status": "done", "note": "已完成", "by": "scjgj"}
    assert flow_item(item) == "{date: 2022-07-15, status: done, note: 已完成, by: scjgj}"
    assert flow_item({}) == "{}"


@pytest.mark.parametrize("value", [None, datetime(2022, 7, 1, 9, 0), float("inf"), [1], {1: "x"}])
def test_unwritable_values(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        render(value, "", False)
