"""Reading the data straight from libyaml's events (what :func:`guilin_campaign.yamlsyntax.read.parse` does).

Composing libyaml's node tree first costs about 30 bytes of memory per byte of YAML; this builds
the same data, line map and problems from the events with an explicit stack, and shares each
repeated short scalar (keys, statuses, dates, unit ids) through a memo instead of building it again.
Scalars are made by :class:`~guilin_campaign.yamlsyntax.scalar_read.Scalars`, where every rule of the strict
reader lives.
Measured in docs/performance.md: ``check`` at 100,000 tasks 2.4 GiB -> 1.0 GiB peak.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from guilin_campaign.catalogue import msg
from guilin_campaign.yamlsyntax.scalar_read import PLAIN_TAGS, TAG, BoolWord, Scalars
from guilin_campaign.yamlsyntax.sourcemap import compact_lines

_NO_KEY = object()
_SKIP = object()  # the value of a refused key: read past, not built
_COLLECTION = object()


def _mark(event: Any) -> Any:
    """An event's start (libyaml's C marks and PyYAML's are one thing at run time, two in the stubs)."""
    return event.start_mark


class _Open:
    """A mapping or sequence being filled."""

    __slots__ = ("value", "lines", "path", "key", "key_mark")

    def __init__(self, value: Any, lines: Any, path: tuple[Any, ...]) -> None:
        self.value, self.lines, self.path, self.key = value, lines, path, _NO_KEY
        self.key_mark: Any = None


class EventReader:
    """Builds one document's data from libyaml's events; ``lines`` and ``scalars.found`` hold what
    :class:`~guilin_campaign.yamlsyntax.sourcemap.SourceMap` and the problems are made of."""

    def __init__(self, loader: Any) -> None:
        self.loader, self.scalars = loader, Scalars()
        self.lines: dict[int, Any] = {}  # id of each mapping and sequence -> the lines of its keys or items
        self.stack: list[_Open] = []
        self.anchors: dict[str, Any] = {}  # name -> its ScalarNode, or (_COLLECTION, mark)
        self.memo: dict[tuple[Any, ...], Any] = {}
        self.root: Any = None

    def read(self) -> Any:
        documents = 0
        while True:
            event: Any = self.loader.get_event()
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise ComposerError("expected a single document in the stream", None,
                                        "but found another document", _mark(event))
            elif isinstance(event, StreamEndEvent):
                return self.root
            elif isinstance(event, (ScalarEvent, AliasEvent, CollectionStartEvent)):
                self._node(event)
            elif self.stack and not isinstance(event, yaml.events.DocumentEndEvent):  # a collection ends
                done = self.stack.pop()
                self.lines[id(done.value)] = compact_lines(done.value, done.lines)
                self._place(done.value)

    def _node(self, event: Any) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is _NO_KEY:
            self._key(top, event)
            return
        if top is not None and top.key is _SKIP:
            top.key = _NO_KEY
            self._skip(event)
            return
        path = self._child_path(top)
        if isinstance(event, AliasEvent):
            self._alias(top, event, path)
        elif isinstance(event, ScalarEvent):
            self._place(self._scalar(event, path), event.start_mark)
        else:
            self._start(event, path)

    def _child_path(self, top: _Open | None) -> tuple[Any, ...]:
        if top is None:
            return ()
        return top.path + ((top.key,) if isinstance(top.value, dict) else (len(top.value),))

    def _place(self, value: Any, mark: Any = None) -> None:
        """Put a finished value into the open collection (or make it the root)."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.value, dict):
            top.value[top.key] = value
            top.key = _NO_KEY
        else:
            top.value.append(value)
            if mark is not None:
                top.lines.append(mark.line + 1)

    def _start(self, event: Any, path: tuple[Any, ...]) -> None:
        kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(kind, None, event.implicit)
        self._anchor(event, (_COLLECTION, event.start_mark))
        if tag not in PLAIN_TAGS:
            self.scalars.found.append((event.start_mark.line + 1, path, msg("yaml.tag", tag=repr(tag.replace(TAG, '!!')))))
            self._skip(event)
            self._place(None, event.start_mark)
            return
        if self.stack and not isinstance(self.stack[-1].value, dict):
            self.stack[-1].lines.append(event.start_mark.line + 1)  # a sequence item's line: where it starts
        self.stack.append(_Open({} if kind is MappingNode else [], {} if kind is MappingNode else [], path))

    def _scalar(self, event: Any, path: tuple[Any, ...]) -> Any:
        self._anchor(event, None)
        key = (event.tag, event.implicit, event.value)
        if event.anchor is None and key in self.memo:
            return self.memo[key]
        node = self._scalar_node(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        found = len(self.scalars.found)
        value = self.scalars.value(node, path)
        if len(self.scalars.found) == found and len(event.value) < 64:
            self.memo[key] = value
        return value

    def _scalar_node(self, event: Any) -> ScalarNode:
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(ScalarNode, event.value, event.implicit)
        return ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def _anchor(self, event: Any, target: Any) -> None:
        if event.anchor is None:
            return
        if event.anchor in self.anchors:
            first = self.anchors[event.anchor]
            mark = first[1] if isinstance(first, tuple) else first.start_mark
            raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence", mark,
                                "second occurrence", event.start_mark)
        if target is not None:
            self.anchors[event.anchor] = target

    def _alias(self, top: _Open | None, event: Any, path: tuple[Any, ...]) -> None:
        if event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        target = self.anchors[event.anchor]
        message = msg("yaml.alias")
        if isinstance(target, ScalarNode):
            target = (None, target.start_mark)
            if top is None or not isinstance(top.value, dict):
                self.scalars.found.append((event.start_mark.line + 1, path, message))
                self._place(None, event.start_mark)
                return
        if top is not None and isinstance(top.value, dict):  # said at the key, as the node-tree reader does
            self.scalars.found.append((top.key_mark.line + 1, path, message))
            top.key = _NO_KEY
            return
        self.scalars.found.append((target[1].line + 1, path, message))
        self._place(None, target[1])

    def _key(self, top: _Open, event: Any) -> None:
        node = self._scalar_node(event) if isinstance(event, ScalarEvent) else None
        if isinstance(event, ScalarEvent):
            self._anchor(event, node)
        if isinstance(event, AliasEvent) and event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", _mark(event))
        mark = node.start_mark if node is not None else event.start_mark
        if node is not None and node.tag == TAG + "merge":
            self.scalars.found.append((mark.line + 1, top.path, msg("yaml.merge_key")))
            top.key = _SKIP
            return
        if node is None or node.tag == TAG + "null":
            self.scalars.found.append((mark.line + 1, top.path, msg("yaml.key_not_text")))
            if isinstance(event, CollectionStartEvent):
                self._skip(event)
            top.key = _SKIP
            return
        key = self.scalars.scalar(node, top.path)
        if isinstance(key, (date, bool, BoolWord)) or key is None:
            key = node.value
        if key in top.value:
            first = top.lines[key]
            self.scalars.found.append((mark.line + 1, top.path + (key,), msg("yaml.duplicate_key", key=repr(key), line=first)))
            top.key = _SKIP
            return
        top.lines[key] = mark.line + 1
        top.key, top.key_mark = key, mark

    def _skip(self, event: Any) -> None:
        """Read past the node that ``event`` starts, building nothing."""
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        while depth:
            nxt = self.loader.get_event()
            if isinstance(nxt, CollectionStartEvent):
                depth += 1
            elif isinstance(nxt, (yaml.events.MappingEndEvent, yaml.events.SequenceEndEvent)):
                depth -= 1
