"""Each edit changes exactly the expected lines of a hand-written file, with LF and CRLF endings."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import yaml

from guilin_campaign.yamlsyntax.editor import EditError, Path, append_item, delete_key, lookup, set_value
from guilin_campaign.yamlsyntax.loader import compose
from guilin_campaign.yamlsyntax.scalar_write import Value

DOC = """\
# 桂林市稳主体激活力攻坚战 任务分解表
actions:
  - name: 稳主体扩增量  # 专项行动一
    measures:
      - name: 实施市场主体培育工程
        tasks:
          - id: T01
            title: 新增市场主体6万户
            lead: 市市场监管局
            due: 2022-12-31
            status: doing  # 按月督导

          # 第二项：各县区
          - id: T02
            title: "净增长率高于全区平均"
            due: 2022-07-31
            status: 'todo'
            history:
              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}

          - {id: T03, title: 个体户转企业, due: 2022-09-30}
  - name: 激发市场活力
    measures:
      - name: 优化营商环境
        tasks:
          - id: T04
            title: 企业开办时间压缩至1个工作日
            tags: [开办, 提速]
            history:
              - date: 2022-05-01
                status: done
                by: 市政务服务局
# 文件结束
"""

M0 = ("actions", 0, "measures", 0, "tasks")
M1 = ("actions", 1, "measures", 0, "tasks")
ITEM: dict[str, Value] = {"date": date(2022, 7, 15), "status": "done", "note": "已完成", "by": "scjgj"}

Edit = Callable[[str], str]

# (edit, exact whole lines before, after): the expected text is DOC with that one replacement
CASES: dict[str, tuple[Edit, str, str]] = {
    "replace plain with Chinese": (
        lambda t: set_value(t, M0 + (0, "status"), "进行中"),
        "            status: doing  # 按月督导\n",
        "            status: 进行中  # 按月督导\n",
    ),
    "keep double quotes": (
        lambda t: set_value(t, M0 + (1, "title"), "净增长率转正"),
        '            title: "净增长率高于全区平均"\n',
        '            title: "净增长率转正"\n',
    ),
    "keep single quotes": (
        lambda t: set_value(t, M0 + (1, "status"), "it's done"),
        "            status: 'todo'\n",
        "            status: 'it''s done'\n",
    ),
    "quote a word YAML reads as a boolean": (
        lambda t: set_value(t, M0 + (0, "status"), "no"),
        "            status: doing  # 按月督导\n",
        '            status: "no"  # 按月督导\n',
    ),
    "replace a date": (
        lambda t: set_value(t, M0 + (0, "due"), date(2022, 11, 30)),
        "            due: 2022-12-31\n",
        "            due: 2022-11-30\n",
    ),
    "replace in a flow mapping": (
        lambda t: set_value(t, M0 + (2, "title"), "个体户转企业: 第二批"),
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30}\n",
        '          - {id: T03, title: "个体户转企业: 第二批", due: 2022-09-30}\n',
    ),
    "insert into an item followed by a blank line and a comment": (
        lambda t: set_value(t, M0 + (0, "note"), "已上报"),
        "            status: doing  # 按月督导\n\n",
        "            status: doing  # 按月督导\n            note: 已上报\n\n",
    ),
    "insert after a nested list": (
        lambda t: set_value(t, M0 + (1, "note"), "7月转正"),
        "              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}\n\n",
        "              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}\n            note: 7月转正\n\n",
    ),
    "insert into a flow mapping": (
        lambda t: set_value(t, M0 + (2, "status"), "done"),
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30}\n",
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30, status: done}\n",
    ),
    "insert into the last item of the file": (
        lambda t: set_value(t, M1 + (0, "history", 0, "note"), "提前完成"),
        "                by: 市政务服务局\n# 文件结束\n",
        "                by: 市政务服务局\n                note: 提前完成\n# 文件结束\n",
    ),
    "insert into a measure, after its nested tasks": (
        lambda t: set_value(t, ("actions", 1, "measures", 0, "lead"), "市发展改革委"),
        "                by: 市政务服务局\n# 文件结束\n",
        "                by: 市政务服务局\n        lead: 市发展改革委\n# 文件结束\n",
    ),
    "delete a line": (
        lambda t: delete_key(t, M0 + (0, "lead")),
        "            lead: 市市场监管局\n",
        "",
    ),
    "delete a nested list": (
        lambda t: delete_key(t, M0 + (1, "history")),
        "            history:\n              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}\n",
        "",
    ),
    "delete the first key of a list item": (
        lambda t: delete_key(t, M0 + (0, "id")),
        "          - id: T01\n            title: 新增市场主体6万户\n",
        "          - title: 新增市场主体6万户\n",
    ),
    "delete from a flow mapping": (
        lambda t: delete_key(t, M0 + (2, "title")),
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30}\n",
        "          - {id: T03, due: 2022-09-30}\n",
    ),
    "delete the last key of a flow mapping": (
        lambda t: delete_key(t, M0 + (2, "due")),
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30}\n",
        "          - {id: T03, title: 个体户转企业}\n",
    ),
    "append to a list of flow mappings": (
        lambda t: append_item(t, M0 + (1, "history"), ITEM),
        "              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}\n",
        "              - {date: 2022-06-30, status: doing, note: 龙胜、叠彩为负}\n"
        "              - {date: 2022-07-15, status: done, note: 已完成, by: scjgj}\n",
    ),
    "append to a list of block mappings": (
        lambda t: append_item(t, M1 + (0, "history"), ITEM),
        "                by: 市政务服务局\n",
        "                by: 市政务服务局\n"
        "              - date: 2022-07-15\n"
        "                status: done\n"
        "                note: 已完成\n"
        "                by: scjgj\n",
    ),
    "append creates the list": (
        lambda t: append_item(t, M0 + (0, "history"), ITEM),
        "            status: doing  # 按月督导\n",
        "            status: doing  # 按月督导\n"
        "            history:\n"
        "              - {date: 2022-07-15, status: done, note: 已完成, by: scjgj}\n",
    ),
    "append creates the list in a flow mapping": (
        lambda t: append_item(t, M0 + (2, "history"), {"date": date(2022, 7, 15), "status": "done"}),
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30}\n",
        "          - {id: T03, title: 个体户转企业, due: 2022-09-30, history: [{date: 2022-07-15, status: done}]}\n",
    ),
    "append inside a flow sequence": (
        lambda t: append_item(t, M1 + (0, "tags"), {"name": "一网通办"}),
        "            tags: [开办, 提速]\n",
        "            tags: [开办, 提速, {name: 一网通办}]\n",
    ),
}


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def changed(old: str, new: str) -> list[str]:
    """The -/+ lines of a line diff: what `git diff` would show."""
    diff = difflib.ndiff(old.splitlines(keepends=True), new.splitlines(keepends=True))
    return [line for line in diff if line[:1] in "-+"]


def expected_data(text: str) -> Any:
    return yaml.safe_load(text)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
@pytest.mark.parametrize("name", list(CASES))
def test_edit_changes_only_its_lines(name: str, eol: str) -> None:
    edit, before, after = CASES[name]
    doc, before, after = (crlf(s) for s in (DOC, before, after)) if eol == "\r\n" else (DOC, before, after)
    assert doc.count(before) == 1
    expected = doc.replace(before, after)

    result = edit(doc)

    assert result == expected
    assert changed(doc, result) == changed(before, after)


def test_every_case_changes_only_the_data_it_names() -> None:
    """The cases above read back as the old data plus the change (the text is parsed, not trusted)."""
    data = expected_data(DOC)
    tasks = data["actions"][0]["measures"][0]["tasks"]
    result = expected_data(CASES["append creates the list"][0](DOC))
    tasks[0]["history"] = [ITEM]
    assert result == data


def test_blank_lines_and_comments_stay_with_the_next_item() -> None:
    text = "tasks:\n  - a: 1\n\n  # 下一个\n  - a: 2\n"
    assert set_value(text, ("tasks", 0, "b"), "乙") == "tasks:\n  - a: 1\n    b: 乙\n\n  # 下一个\n  - a: 2\n"


def test_file_without_final_line_break_gets_none() -> None:
    assert set_value("a: 1\r\nb: 2", ("c",), 3) == "a: 1\r\nb: 2\r\nc: 3"
    assert append_item("a: 1", ("h",), {"x": 1}) == "a: 1\nh:\n  - {x: 1}"


def test_empty_values_are_filled_after_the_colon() -> None:
    assert set_value("a:\nb: 2\n", ("a",), "甲") == "a: 甲\nb: 2\n"
    assert set_value("a:   # 备注\n", ("a",), 1) == "a: 1   # 备注\n"
    assert set_value("m: {a: , b: 2}\n", ("m", "a"), 1) == "m: {a: 1, b: 2}\n"
    assert append_item("h:  # 记录\nz: 1\n", ("h",), {"x": 1}) == "h:  # 记录\n  - {x: 1}\nz: 1\n"
    assert append_item("m: {h: }\n", ("m", "h"), {"x": 1}) == "m: {h: [{x: 1}]}\n"


def test_block_scalar_is_replaced_and_its_blank_lines_kept() -> None:
    text = "a:\n  note: |\n    第一行\n    第二行\n\n  # 注\nb: 1\n"
    assert set_value(text, ("a", "note"), "一行") == "a:\n  note: 一行\n\n  # 注\nb: 1\n"
    assert set_value(text, ("a", "c"), 2) == "a:\n  note: |\n    第一行\n    第二行\n  c: 2\n\n  # 注\nb: 1\n"
    assert delete_key(text, ("a", "note")) == "a:\n  {}\n\n  # 注\nb: 1\n"


def test_kept_blank_lines_of_a_block_scalar_stay_its_content() -> None:
    text = "a:\n  note: |+\n    第一行\n\n  # 注\nb: 1\n"
    assert set_value(text, ("a", "c"), 2) == "a:\n  note: |+\n    第一行\n\n  c: 2\n  # 注\nb: 1\n"
    assert set_value(text, ("a", "note"), "x") == "a:\n  note: x\n\n  # 注\nb: 1\n"
    two = "a:\n  note: |+\n    第一行\n\n  z: 1\n"
    assert delete_key(two, ("a", "note")) == "a:\n  z: 1\n"


def test_mixed_line_endings_follow_the_line_above() -> None:
    assert set_value("a: 1\r\nb:\n  c: 1\n", ("b", "d"), 2) == "a: 1\r\nb:\n  c: 1\n  d: 2\n"


def test_indentless_and_wide_sequences_keep_their_dash_style() -> None:
    text = "tasks:\n-   a: 1\n    b: 2\n"
    assert append_item(text, ("tasks",), {"a": 3, "b": 4}) == text + "-   a: 3\n    b: 4\n"
    assert append_item("t: []\n", ("t",), {"a": 1}) == "t: [{a: 1}]\n"


def test_deleting_the_only_key_leaves_an_empty_mapping() -> None:
    assert delete_key("a:\n  b: 1  # 注\nc: 2\n", ("a", "b")) == "a:\n  {}  # 注\nc: 2\n"
    assert delete_key("a: {b: 1}\n", ("a", "b")) == "a: {}\n"
    assert set_value("a: {}\n", ("a", "b"), 1) == "a: {b: 1}\n"


def test_a_mapping_value_is_written_as_one_flow_mapping() -> None:
    text = "indicators:\n  - id: I01\n    readings: {2022-06: 3}\n  - id: I02\n"
    by_unit = {"秀峰区": {"readings": {"2022-07": 5}}}
    assert set_value(text, ("indicators", 0, "by_unit"), by_unit) == (
        "indicators:\n  - id: I01\n    readings: {2022-06: 3}\n    by_unit: {秀峰区: {readings: {2022-07: 5}}}\n  - id: I02\n"
    )
    assert set_value(text, ("indicators", 0, "readings", "2022-07"), 4.5) == text.replace("3}", "3, 2022-07: 4.5}")
    assert set_value("p:\n", ("p",), {"status": "done"}) == "p: {status: done}\n"


def test_lookup_finds_a_node_or_raises_key_error() -> None:
    node = lookup(DOC, M0 + (1, "title"))
    assert DOC[node.start_mark.index : node.end_mark.index] == '"净增长率高于全区平均"'
    with pytest.raises(KeyError):
        lookup(DOC, M0 + (1, "note"))
    with pytest.raises(KeyError):
        lookup(DOC, M0 + (9,))


def test_absent_key_delete_is_a_no_op() -> None:
    assert delete_key(DOC, M0 + (0, "nothing")) is DOC


@pytest.mark.parametrize(
    "path",
    [("actions", 5, "name"), ("missing", "x"), ("actions", "name"), M0 + (0, "title", "x"), ()],
)
def test_missing_path_raises_key_error(path: Path) -> None:
    with pytest.raises(KeyError):
        set_value(DOC, path, "x")
    with pytest.raises(KeyError):
        append_item(DOC, path, {"a": 1})


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ("a: &x 1\nb: 2\n", ("a",), "anchor"),
        ("a:\n  b: 1\n", ("a",), "list or mapping"),
        ("m: {a}\n", ("m", "a"), "no ':'"),
    ],
)
def test_refused_constructs(text: str, path: Path, message: str) -> None:
    with pytest.raises(EditError) as caught:
        set_value(text, path, "x")
    assert re.search(message, caught.value.text("en")), caught.value.text("en")


def test_a_tag_goes_with_the_value_it_typed() -> None:
    assert set_value("a: !!str 1  # 注\n", ("a",), "甲") == "a: 甲  # 注\n"


def test_append_to_a_scalar_is_refused() -> None:
    with pytest.raises(EditError) as caught:
        append_item(DOC, M0 + (0, "title"), {"a": 1})
    assert re.search("not a list", caught.value.text("en")), caught.value.text("en")


def test_a_splice_that_would_change_other_data_is_refused() -> None:
    """A complex key's `? ` prefix is not indentation: the checker catches the broken result."""
    with pytest.raises(EditError) as caught:
        delete_key("? a\n: 1\nb: 2\n", ("a",))
    assert re.search("without touching other data", caught.value.text("en")), caught.value.text("en")


@pytest.mark.parametrize("value", [None, [1], float("nan")])
def test_values_that_cannot_be_written(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        set_value("a: 1\n", ("a",), value)


def test_marks_are_character_offsets_into_the_text() -> None:
    """libyaml's marks index the str even after Chinese, astral characters and CRLF."""
    text = "# 注释𠀀\r\n标题: 中文𠀀值\r\n状态: 完成\r\n"
    root = compose(text)
    assert root is not None
    (k1, v1), (k2, v2) = root.value
    assert text[k1.start_mark.index : k1.end_mark.index] == "标题"
    assert text[v1.start_mark.index : v1.end_mark.index] == "中文𠀀值"
    assert text[v2.start_mark.index : v2.end_mark.index] == "完成"


def test_block_mapping_end_mark_runs_past_comments() -> None:
    """Why insertion points come from the last scalar: the mapping's own end swallows the comment."""
    text = "t:\n  - a: 1\n\n  # 下一个\n  - a: 2\n"
    root = compose(text)
    assert root is not None
    first = root.value[0][1].value[0]
    assert text[first.end_mark.index :] == "- a: 2\n"
