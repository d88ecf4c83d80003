"""The pieces of a YAML text the merge works with: entries of a collection and their whole lines.

An *entry* of a block collection (a ``key: value`` pair, or a ``- item``) owns whole lines: the
comment and blank lines before it (its *lead*), the line(s) from its key or dash (*head*), the value
(its span), and what follows the value on its last line (*tail*: a comment and the line break).
The entries of a block collection tile its text, so the collection is rebuilt by joining them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import MessageError
from guilin_campaign.yamlsyntax.spans import content_end, is_empty, line_start, next_line


class Unmergeable(MessageError):
    """The texts hold something the record merge does not handle (duplicate ids, a parse error)."""


@dataclass(frozen=True)
class Entry:
    """One entry of a collection in ``text``: its identity, value node, and pieces."""

    ident: Any
    node: Node
    lead: str
    head: str
    tail: str
    start: int  # of the whole entry (lead included), in ``text``


def is_block(node: Node | None) -> bool:
    return isinstance(node, CollectionNode) and not node.flow_style and bool(node.value)


def value_span(text: str, node: Node) -> tuple[int, int]:
    """The node's own text: whole lines for a block collection, else from its first character."""
    if is_block(node):
        first = node.value[0]
        return line_start(text, (first[0] if isinstance(first, tuple) else first).start_mark.index), next_line(text, content_end(text, node))
    return node.start_mark.index, content_end(text, node)


def value_text(text: str, node: Node | None) -> str | None:
    if node is None or is_empty(node):
        return None
    start, end = value_span(text, node)
    return text[start:end]


def block_entries(text: str, node: CollectionNode) -> list[Entry]:
    """The entries of a non-empty block collection, in order."""
    entries: list[Entry] = []
    previous_end = value_span(text, node)[0]
    idents = _idents(node)
    for ident, item in zip(idents, node.value, strict=False):
        key, value = item if isinstance(item, tuple) else (None, item)
        begin = line_start(text, (key or value).start_mark.index)
        vstart, vend = value_span(text, value)
        if is_empty(value):
            vstart = vend = key.end_mark.index if key is not None else value.start_mark.index
        end = next_line(text, vend)
        entries.append(Entry(ident, value, text[previous_end:begin], text[begin:vstart], text[vend:end] if not is_block(value) else "", previous_end))
        previous_end = end
    return entries


def flow_pairs(text: str, node: MappingNode) -> list[tuple[str, Node, str]]:
    """The ``key: value`` pairs of a flow mapping: (key, value node, the pair's text)."""
    return [(k.value, v, text[k.start_mark.index : max(k.end_mark.index, v.end_mark.index)]) for k, v in node.value]


def _idents(node: CollectionNode) -> list[Any]:
    if isinstance(node, MappingNode):
        idents: list[Any] = [k.value if isinstance(k, ScalarNode) else canon(k) for k, _ in node.value]
    else:
        idents = [item_ident(item) for item in node.value]
        seen: dict[Any, int] = {}
        for i, ident in enumerate(idents):  # equal items (two same notes) are told apart by their place
            if isinstance(ident, tuple) and ident[0] == "content":
                seen[ident] = seen.get(ident, 0) + 1
                idents[i] = (*ident, seen[ident])
    if len(set(idents)) != len(idents):
        raise Unmergeable(msg("merge.twice"))
    return idents


def item_ident(item: Node) -> Any:
    """A record is known by its ``id``; anything else (a log entry, a unit id) by its content."""
    if isinstance(item, MappingNode):
        for k, v in item.value:
            if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode):
                return ("id", v.value)
    return ("content", _frozen(canon(item)))


def item_date(item: Node) -> str:
    """A log entry's date as written (ISO dates sort as text); empty when it has none."""
    if isinstance(item, MappingNode):
        for k, v in item.value:
            if isinstance(k, ScalarNode) and k.value == "date" and isinstance(v, ScalarNode):
                return str(v.value)
    return ""


def canon(node: Node | None) -> Any:
    """The data a node stands for, with every scalar as its text: what the merge must preserve."""
    if node is None or is_empty(node):
        return None
    if isinstance(node, MappingNode):
        return {canon(k) if not isinstance(k, ScalarNode) else k.value: canon(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [canon(item) for item in node.value]
    assert isinstance(node, ScalarNode)
    return node.value


def _frozen(data: Any) -> Any:
    if isinstance(data, dict):
        return tuple((k, _frozen(v)) for k, v in data.items())
    if isinstance(data, list):
        return tuple(_frozen(v) for v in data)
    return data
