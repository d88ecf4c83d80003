"""The node tree of a text, built straight from libyaml's events.

PyYAML's composer resolves every scalar's tag with regular expressions, which the merge never
needs (it compares text and marks): at 10,000 tasks that took most of a merge's time. Aliases are
refused (the data format refuses them too), so a merge never follows one.
"""

from __future__ import annotations

from typing import Any

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign.catalogue import msg
from guilin_campaign.merge.nodes import Unmergeable
from guilin_campaign.yamlsyntax.loader import make_loader


def compose(text: str) -> Node | None:
    """The tree of ``text``'s one document (None when empty); ``yaml.YAMLError`` if not YAML."""
    loader = make_loader(text)
    try:
        return _build(loader)
    finally:
        loader.dispose()


def _build(loader: Any) -> Node | None:
    stack: list[tuple[CollectionNode, list[Node]]] = []
    root: Node | None = None
    documents = 0
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is ScalarEvent:
            node: Node = ScalarNode("", event.value, event.start_mark, event.end_mark, style=event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            cls = MappingNode if kind is MappingStartEvent else SequenceNode
            stack.append((cls("", [], event.start_mark, None, flow_style=event.flow_style), []))
            continue
        elif isinstance(event, CollectionEndEvent):
            node, items = stack.pop()
            node.end_mark = event.end_mark
            node.value = list(zip(items[::2], items[1::2], strict=False)) if isinstance(node, MappingNode) else items
        elif kind is AliasEvent:
            raise Unmergeable(msg("merge.alias"))
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unmergeable(msg("merge.documents"))
            continue
        elif kind is StreamEndEvent:
            return root
        else:
            continue
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
