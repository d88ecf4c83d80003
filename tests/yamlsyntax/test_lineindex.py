"""The line index (sourcemap.LineIndex) answers as the node tree's marks do, without the data."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, SequenceNode

from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.sourcemap import Path, friendly_path

KEYS = st.sampled_from(["id", "tasks", "log", "due", "owners", "名称", "a", "b"]) | st.integers(0, 3)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.text(max_size=6), st.dates().map(str),
                    st.sampled_from(["T1", "T2", "no", "2022-02-30"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=30)


def _marked(node: Node | None, path: Path, line: int | None, out: dict[Path, int | None]) -> None:
    """Every path in the node tree with the line the old per-mapping maps gave it."""
    out[path] = line
    if isinstance(node, MappingNode):
        for key, value in node.value:
            step = yaml.safe_load(yaml.serialize(key))  # the key as the reader reads it (no duplicates here)
            _marked(value, path + (step,), key.start_mark.line + 1, out)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _marked(item, path + (i,), item.start_mark.line + 1, out)


def _paths(data: Any, path: Path = ()) -> list[Path]:
    out = [path, path + ("missing",), path + (99,)]
    if isinstance(data, dict):
        out += [p for key, value in data.items() for p in _paths(value, path + (key,))]
    elif isinstance(data, list):
        out += [path + (-1,)] if data else []
        out += [p for i, value in enumerate(data) for p in _paths(value, path + (i,))]
    return out


@settings(max_examples=150, deadline=None)
@given(data=VALUES, flow=st.booleans())
def test_lines_and_names_are_those_of_the_node_tree(data: object, flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    marked: dict[Path, int | None] = {}
    _marked(yaml.compose(text), (), None, marked)
    kept, lean = parse(text, "f.yaml"), parse(text.encode(), "f.yaml", finish={}, keep_data=False)
    assert lean.data == kept.data and lean.problems == kept.problems
    for path in _paths(kept.data):
        assert kept.source.line(path) == lean.source.line(path) == _expected(kept.data, path, marked)
        assert friendly_path(kept.source.data, path) == friendly_path(lean.source.data, path)


def _expected(data: Any, path: Path, marked: dict[Path, int | None]) -> int | None:
    """The line of the deepest part of ``path`` in the node tree (an item counted from the end too)."""
    node, prefix, found = data, (), None
    for step in path:
        if isinstance(node, list) and isinstance(step, int) and -len(node) <= step < 0:
            step += len(node)
        if prefix + (step,) not in marked:
            break
        prefix += (step,)
        node, found = node[step], marked[prefix]
    return found


def test_a_record_is_named_by_its_id_from_the_index() -> None:
    text = "tasks:\n  - id: T1\n    due: 2022-01-01\n  - id: 5\n    due: x\n"
    lean = parse(text.encode(), "f.yaml", finish={}, keep_data=False)
    assert friendly_path(lean.source.data, ("tasks", 0, "due")) == "T1.due"
    assert friendly_path(lean.source.data, ("tasks", 1, "due")) == "tasks[1].due"  # an id that is not text names nothing
    assert lean.source.line(("tasks", -1, "due")) == 5 and lean.source.line(("tasks", 0, "nothing")) == 2


def test_finish_replaces_a_mapping_as_it_ends() -> None:
    seen: list[Path] = []

    def made(path: Path, value: dict[Any, Any]) -> Any:
        seen.append(path)
        return ("made", value["id"])

    parsed = parse("a:\n  - {id: x, b: [1]}\n  - {id: y}\n", "f.yaml", finish={2: made})
    assert seen == [("a", 0), ("a", 1)]
    assert parsed.data == {"a": [("made", "x"), ("made", "y")]}
    assert parsed.source.line(("a", 1, "id")) == 3


def test_a_file_read_as_bytes_reads_as_its_text() -> None:
    text = "\ufeffa: 1\nb: [x, 2022-02-30]\nc: \x07\n"
    assert parse(text.encode(), "f.yaml").problems == parse(text.removeprefix("\ufeff"), "f.yaml").problems
