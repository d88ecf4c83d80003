"""A new record (a task, an ad-hoc task) written into the tasks file like its neighbours.

The neighbour is the item the new one goes after: its style (one flow line ``- {id: ...}`` or block
lines), its key order, its quoting, its indentation and (through the text) its line endings are
copied. The result is read back whole and must be the old data with exactly the new item inserted;
anything else raises :class:`~guilin_campaign.yamlsyntax.editor.EditError`, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Union

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign.yamlsyntax.editor import EditError
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.records import canon
from guilin_campaign.yamlsyntax.scalar_write import render
from guilin_campaign.yamlsyntax.sourcemap import path_text
from guilin_campaign.yamlsyntax.spans import Path, child_of, content_end, insert_lines, is_empty, key_index, pair_end, parent_of

Field = Union[str, int, date, Sequence[str]]


def insert_record(text: str, seq_path: Path, after: int | None, record: Mapping[str, Field], canonical: Sequence[str],
                  template: Path | None = None) -> str:
    """``text`` with ``record`` inserted into the list at ``seq_path`` after its item ``after``
    (``None``: the list is absent or empty, and is made; ``template`` then names an item elsewhere
    whose style to copy). Keys follow the neighbour's order, ``canonical`` placing the others."""
    parent = parent_of(text, seq_path)
    seq = child_of(parent, seq_path[-1])
    if after is not None and isinstance(seq, SequenceNode) and not seq.flow_style:
        neighbour = seq.value[after]
        lines = _item_lines(text, record, neighbour, canonical, seq.start_mark.column)
        new = insert_lines(text, content_end(text, neighbour), lines)
    elif after is None and isinstance(parent, MappingNode) and not parent.flow_style and (seq is None or is_empty(seq)):
        new = _new_list(text, parent, seq_path, seq, record, canonical, template)
    else:
        raise EditError(f"{path_text(seq_path)} is not a list written in block style: add the record by hand")
    return _checked(text, new, seq_path, (after + 1) if after is not None else 0, record)


def _new_list(text: str, parent: MappingNode, seq_path: Path, seq: Node | None, record: Mapping[str, Field],
              canonical: Sequence[str], template: Path | None) -> str:
    """``key:`` (when absent) and the first item, indented two more than the key, as the sample does."""
    column = parent.value[0][0].start_mark.column
    neighbour = _node_at(text, template) if template is not None else None
    items = _item_lines(text, record, neighbour, canonical, column + 2, gap=2)
    key = str(seq_path[-1])
    if seq is None:
        return insert_lines(text, pair_end(text, parent.value[-1]), [" " * column + f"{key}:", *items])
    i = key_index(parent, key)
    assert i is not None
    return insert_lines(text, parent.value[i][0].end_mark.index, items)


def _node_at(text: str, path: Path) -> MappingNode | None:
    node = child_of(parent_of(text, path), path[-1])
    return node if isinstance(node, MappingNode) else None


def _item_lines(text: str, record: Mapping[str, Field], neighbour: Node | None, canonical: Sequence[str], dash: int,
                gap: int | None = None) -> list[str]:
    """The new item's lines, its dash at column ``dash``, its keys ``gap`` further (default: as the neighbour's)."""
    pairs = _pairs(neighbour)
    keys = key_order([k for k in pairs], canonical, list(record))
    if isinstance(neighbour, MappingNode) and neighbour.flow_style:
        body = ", ".join(f"{k}: {_flow(record[k], _style(pairs.get(k)))}" for k in keys)
        return [" " * dash + "- {" + body + "}"]
    if gap is None:
        gap = (neighbour.start_mark.column - dash) if neighbour is not None else 2
    lines: list[str] = []
    for k in keys:
        lines += _block_pair(k, record[k], pairs.get(k))
    first, rest = lines[0], lines[1:]
    return [" " * dash + "-" + " " * (gap - 1) + first] + [" " * (dash + gap) + line for line in rest]


def _pairs(node: Node | None) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}


def key_order(neighbour: list[str], canonical: Sequence[str], wanted: list[str]) -> list[str]:
    """The neighbour's key order, each key it lacks placed after the canonical key before it."""
    order = list(neighbour)
    for i, key in enumerate(canonical):
        if key in order:
            continue
        before = [k for k in canonical[:i] if k in order]
        order.insert(order.index(before[-1]) + 1 if before else 0, key)
    return [k for k in order if k in wanted] + [k for k in wanted if k not in order]


def _style(node: Node | None) -> str:
    return node.style if isinstance(node, ScalarNode) and node.style in ("'", '"') else ""


def _flow(value: Field, style: str) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(render(v, "", True) for v in value) + "]"
    return render(_scalar(value), style, True)


def _block_pair(key: str, value: Field, like: Node | None) -> list[str]:
    if isinstance(value, (list, tuple)) and isinstance(like, SequenceNode) and not like.flow_style and like.value:
        return [f"{key}:"] + [f"  - {render(v, '', False)}" for v in value]
    if isinstance(value, (list, tuple)):
        return [f"{key}: {_flow(value, '')}"]
    return [f"{key}: {render(_scalar(value), _style(like), False)}"]


def _scalar(value: Field) -> str | int | date:
    if isinstance(value, (str, int, date)):
        return value
    raise TypeError(value)


def _checked(old: str, new: str, seq_path: Path, index: int, record: Mapping[str, Field]) -> str:
    """``new`` if it reads as ``old`` with ``record`` at ``index`` of the list, and nothing else changed."""
    want: Any = parse(old, "").data
    target = want
    for step in seq_path[:-1]:
        target = target[step]
    if target.get(seq_path[-1]) is None:
        target[seq_path[-1]] = []
    target[seq_path[-1]].insert(index, {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in record.items()})
    if canon(parse(new, "").data) != canon(want):
        raise EditError(f"{path_text(seq_path)}: the new record cannot be added without touching other data: add it by hand")
    return new
