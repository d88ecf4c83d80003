"""Random task lists and random edits: the data changes as asked and no line outside the task moves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_campaign.yamlsyntax.editor import append_item, delete_key, set_value

CHARS = "任务市场主体监管局桂林叠彩龙胜完成进行中abcXYZ019 :#-'\"\\,[]{}&*!%@`?|>，：（）"
WORDS = ["no", "yes", "null", "~", "123", "1.5", "2022-07-01", "10:30", "true", "done", "进行中", "- x", "a: b", "x #y", ""]
KEYS = ["title", "status", "due", "note", "history"]

texts = st.one_of(st.text(alphabet=CHARS, min_size=0, max_size=10), st.sampled_from(WORDS))
values = st.one_of(texts, st.integers(-999, 99999), st.booleans(), st.dates(date(2020, 1, 1), date(2024, 12, 31)))
comments = st.lists(st.sampled_from(["", "# 注释", "  # 第二项：县区", "    # 缩进的注释 #"]), max_size=2)


@dataclass
class Task:
    data: dict[str, Any]
    flow: bool
    style: str | None  # how the generator quotes its strings: None (plain when safe), "'", '"'
    before: list[str]  # comment and blank lines above the task
    trailing: str  # a comment after the task's last line


def scalar(value: Any, style: str | None, flow: bool) -> str:
    """PyYAML's emitter writes the starting file, so the editor is not checked against itself."""
    dumped = yaml.safe_dump([value], allow_unicode=True, width=10**6, default_flow_style=flow, default_style=style)
    return dumped.strip()[1:-1] if flow else dumped.strip()[2:]


def history_line(entry: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, None, True)}" for k, v in entry.items()) + "}"


def task_lines(task: Task) -> list[str]:
    if task.flow:
        body = ", ".join(f"{k}: {scalar(v, task.style if isinstance(v, str) else None, True)}" for k, v in task.data.items())
        return [f"  - {{{body}}}{task.trailing}"]
    lines = []
    for key, value in task.data.items():
        if key == "history":
            lines += ["    history:"] + [f"      - {history_line(entry)}" for entry in value]
        else:
            lines.append(f"    {key}: {scalar(value, task.style if isinstance(value, str) else None, False)}")
    lines[0] = "  - " + lines[0][4:]
    lines[-1] += task.trailing
    return lines


@st.composite
def tasks(draw: st.DrawFn) -> Task:
    flow = draw(st.booleans())
    keys = draw(st.lists(st.sampled_from(KEYS[:4] if flow else KEYS), min_size=1, max_size=4, unique=True))
    data: dict[str, Any] = {}
    for key in keys:
        if key == "history":
            data[key] = [{"date": draw(st.dates(date(2022, 1, 1), date(2022, 12, 31))), "status": "doing"}]
        else:
            data[key] = draw(values if key == "note" else texts)
    style = draw(st.sampled_from([None, None, "'", '"']))
    return Task(data, flow, style, draw(comments), draw(st.sampled_from(["", "  # 备注"])))


@st.composite
def operations(draw: st.DrawFn, count: int) -> list[tuple[str, int, str, Any]]:
    ops = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["set", "set", "delete", "append"]))
        key = "history" if kind == "append" else draw(st.sampled_from(KEYS[:4] + ["新键"]))
        value = {"date": draw(st.dates()), "status": draw(texts), "by": "scjgj"} if kind == "append" else draw(values)
        ops.append((kind, draw(st.integers(0, count - 1)), key, value))
    return ops


def lines_of(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def task_span(text: str, i: int) -> tuple[int, int]:
    """First and last line (0-based) holding characters of task ``i``."""
    root = yaml.compose(text)
    assert root is not None
    node = root.value[0][1].value[i]
    return node.start_mark.line, _last_line(node)


def _last_line(node: yaml.Node) -> int:
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.line)
    children = [c for pair in node.value for c in (pair if isinstance(pair, tuple) else (pair,))]
    return max(_last_line(child) for child in children)


def apply(text: str, data: list[dict[str, Any]], op: tuple[str, int, str, Any]) -> str:
    kind, i, key, value = op
    path = ("tasks", i, key)
    if kind == "set" and not isinstance(data[i].get(key, ""), list):
        data[i][key] = value
        return set_value(text, path, value)
    if kind == "delete":
        data[i].pop(key, None)
        return delete_key(text, path)
    if kind == "append" and isinstance(data[i].get(key, []), list):
        data[i].setdefault(key, []).append(value)
        return append_item(text, path, value)
    return text


@settings(max_examples=150, deadline=None)
@given(st.lists(tasks(), min_size=1, max_size=5), st.booleans(), st.booleans(), st.data())
def test_random_edits_touch_only_their_task(tasklist: list[Task], crlf: bool, final_break: bool, data: st.DataObject) -> None:
    eol = "\r\n" if crlf else "\n"
    lines = ["# 任务分解表", "tasks:"]
    for task in tasklist:
        lines += task.before + task_lines(task)
    text = eol.join(lines + ["# 结束"]) + (eol if final_break else "")
    expected = [dict(task.data) for task in tasklist]
    assert yaml.safe_load(text)["tasks"] == expected

    for op in data.draw(operations(len(tasklist))):
        first, last = task_span(text, op[1])
        old = lines_of(text)
        text = apply(text, expected, op)
        new = lines_of(text)
        assert yaml.safe_load(text)["tasks"] == expected
        assert new[:first] == old[:first]
        assert new[len(new) - (len(old) - last - 1) :] == old[last + 1 :]
        assert text.count("\r\n") == (text.count("\n") if crlf else 0)
        assert text.endswith(eol) == final_break
