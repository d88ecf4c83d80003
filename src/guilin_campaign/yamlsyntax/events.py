"""Reading the data straight from libyaml's events (what :func:`guilin_campaign.yamlsyntax.read.parse` does).

Composing libyaml's node tree first costs about 30 bytes of memory per byte of YAML; this builds
the same data, line index and problems from the events with an explicit stack. Each repeated short
scalar (keys, statuses, dates, unit ids) is shared through a memo instead of being read again, and
a node's path is worked out only for a problem. Scalars are made by
:class:`~guilin_campaign.yamlsyntax.scalar_read.Scalars`, where every rule of the strict reader lives.

A caller may take each finished mapping at a given depth as it ends (``finish``): the loader turns
each task into its model there, so that a large file's data is never whole in memory.
Measured in docs/performance.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.yamlsyntax.scalar_read import PLAIN_TAGS, TAG, BoolWord, Scalars
from guilin_campaign.yamlsyntax.sourcemap import LineIndex, Path

# Called with a finished mapping's path and value; returns what the data holds in its place.
Finish = Callable[[Path, dict[Any, Any]], Any]

_NO_KEY = object()
_SKIP = object()  # the value of a refused key: read past, not built
_MISS = object()
_COLLECTION = object()
_MEMO_LONGEST = 64  # longer scalars (titles, notes) are seldom repeated


def _mark(event: Any) -> Any:
    """An event's start (libyaml's C marks and PyYAML's are one thing at run time, two in the stubs)."""
    return event.start_mark


def _line(event: Any) -> int:
    line: int = event.start_mark.line
    return line + 1


class _Open:
    """A mapping or sequence being filled: its node in the index, and for a mapping the key whose
    value comes next and that key's line."""

    __slots__ = ("value", "node", "key", "line", "is_map")

    def __init__(self, value: Any, node: int, is_map: bool) -> None:
        self.value, self.node, self.is_map = value, node, is_map
        self.key: Any = _NO_KEY
        self.line = 0


class EventReader:
    """Builds one document's data from libyaml's events; ``index`` and ``found`` hold what the
    :class:`~guilin_campaign.yamlsyntax.sourcemap.SourceMap` and the problems are made of.

    ``finish`` maps a depth (the length of a path) to a :data:`Finish` for the mappings that end there.
    """

    def __init__(self, loader: Any, finish: dict[int, Finish] | None = None) -> None:
        self.loader, self.scalars, self.finish = loader, Scalars(), finish or {}
        self.index = LineIndex()
        self.found: list[tuple[int, Path, Msg]] = []  # (line, path, message) of each refused value
        self.stack: list[_Open] = []
        self.anchors: dict[str, Any] = {}  # name -> its ScalarNode, or (_COLLECTION, mark)
        self.plain: dict[str, Any] = {}  # untagged plain scalar -> its value
        self.quoted: dict[str, Any] = {}  # untagged quoted scalar -> its value
        self.tagged: dict[tuple[Any, ...], Any] = {}
        self.plain_keys: dict[str, Any] = {}
        self.quoted_keys: dict[str, Any] = {}
        self.root: Any = None

    def read(self) -> Any:
        """The document's data. The loop is flat on purpose: it runs for every event, millions of
        times in a large file, so the common cases (a key or value read before, a collection's end)
        are done in it and everything else by the methods below."""
        get, stack, finish = self.loader.get_event, self.stack, self.finish
        lines, ends, keys, ids = self.index.lines, self.index.ends, self.index.keys, self.index.ids
        plain, quoted, plain_keys, quoted_keys = self.plain, self.quoted, self.plain_keys, self.quoted_keys
        documents = 0
        while True:
            event: Any = get()
            kind = type(event)
            if kind is ScalarEvent:
                if not stack:  # the whole document is one value
                    self.root = self._value(event)
                    self._node(0, None)
                    continue
                top = stack[-1]
                simple = event.anchor is None and event.tag is None
                if top.is_map:
                    key = top.key
                    if key is _NO_KEY:
                        if simple:
                            known = (plain_keys if event.implicit[0] else quoted_keys).get(event.value, _MISS)
                            if known is not _MISS and known not in top.value:
                                top.key, top.line = known, event.start_mark.line + 1
                                continue
                        self._key(top, event)
                        continue
                    if key is _SKIP:
                        top.key = _NO_KEY
                        continue
                    value = (plain if event.implicit[0] else quoted).get(event.value, _MISS) if simple else _MISS
                    if value is _MISS:
                        value = self._value(event)
                    top.value[key] = value
                    top.key = _NO_KEY
                    if key == "id" and isinstance(value, str):
                        ids[top.node] = value
                    lines.append(top.line)
                else:
                    value = (plain if event.implicit[0] else quoted).get(event.value, _MISS) if simple else _MISS
                    if value is _MISS:
                        value = self._value(event)
                    top.value.append(value)
                    lines.append(event.start_mark.line + 1)
                    key = None
                ends.append(len(ends) + 1)
                keys.append(key)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                ends[done.node] = len(ends)
                value = done.value
                if done.is_map and finish and (made := finish.get(len(stack))) is not None:
                    value = made(self._path(len(stack)), value)
                if not stack:
                    self.root = value
                elif (top := stack[-1]).is_map:
                    top.value[top.key] = value
                    top.key = _NO_KEY
                else:
                    top.value.append(value)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                self._start(event)
            elif kind is AliasEvent:
                self._alias(event)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise ComposerError("expected a single document in the stream", None,
                                        "but found another document", event.start_mark)
            elif kind is StreamEndEvent:
                return self.root

    def _path(self, depth: int) -> Path:
        """The path of what is being read at ``depth`` (``len(self.stack)``: the next value)."""
        return tuple(o.key if o.is_map else len(o.value) for o in self.stack[:depth])

    def _node(self, line: int, key: Any) -> int:
        """A new node in the index (its end is set by the caller); its number."""
        node = len(self.index.lines)
        self.index.lines.append(line)
        self.index.ends.append(node + 1)
        self.index.keys.append(key)
        return node

    def _put(self, value: Any, line: int) -> None:
        """Put a value without children (``line``: where it is, if it is a sequence's item)."""
        if not self.stack:
            self.root = value
            self._node(0, None)
            return
        top = self.stack[-1]
        if top.is_map:
            top.value[top.key] = value
            self._node(top.line, top.key)
            top.key = _NO_KEY
        else:
            top.value.append(value)
            self._node(line, None)

    def _start(self, event: Any) -> None:
        stack = self.stack
        top = stack[-1] if stack else None
        if top is not None and top.is_map:
            if top.key is _NO_KEY:
                self._key(top, event)
                return
            if top.key is _SKIP:
                top.key = _NO_KEY
                self._skip(event)
                return
        is_map = type(event) is MappingStartEvent
        if (event.tag is not None or event.anchor is not None) and not self._plain_collection(event, is_map):
            return
        index = self.index
        node = len(index.lines)
        if top is None:
            index.lines.append(0)
            index.keys.append(None)
        elif top.is_map:
            index.lines.append(top.line)
            index.keys.append(top.key)
        else:
            index.lines.append(event.start_mark.line + 1)  # a sequence item's line: where it starts
            index.keys.append(None)
        index.ends.append(node + 1)
        stack.append(_Open({} if is_map else [], node, is_map))

    def _plain_collection(self, event: Any, is_map: bool) -> bool:
        """Whether a tagged or anchored collection is read (its anchor kept); else it is refused
        (read past, ``None`` in its place)."""
        kind = MappingNode if is_map else SequenceNode
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(kind, None, event.implicit)
        self._anchor(event, (_COLLECTION, event.start_mark))
        if tag in PLAIN_TAGS:
            return True
        line = event.start_mark.line + 1
        self.found.append((line, self._path(len(self.stack)), msg("yaml.tag", tag=repr(tag.replace(TAG, '!!')))))
        self._skip(event)
        self._put(None, line)
        return False

    def _value(self, event: Any) -> Any:
        """A scalar's value (a memo hit unless it is new, long, anchored or tagged)."""
        if event.anchor is None and event.tag is None:
            memo = self.plain if event.implicit[0] else self.quoted
            value = memo.get(event.value, _MISS)
            if value is _MISS:
                value = self._new_value(event)
                if not self.scalars.found and len(event.value) < _MEMO_LONGEST:
                    memo[event.value] = value
                self._said(len(self.stack))
            return value
        self._anchor(event, None)
        memo_key = (event.tag, event.implicit, event.value)
        if event.anchor is None and memo_key in self.tagged:
            return self.tagged[memo_key]
        value = self._new_value(event)
        if event.anchor is None and not self.scalars.found and len(event.value) < _MEMO_LONGEST:
            self.tagged[memo_key] = value
        self._said(len(self.stack))
        return value

    def _new_value(self, event: Any) -> Any:
        node = self._scalar_node(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return self.scalars.value(node)

    def _said(self, depth: int) -> None:
        """Give what the scalar reader refused the path of what is being read at ``depth``."""
        if self.scalars.found:
            where = self._path(depth)
            self.found += [(line, where, said) for line, said in self.scalars.found]
            self.scalars.found.clear()

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

    def _alias(self, event: Any) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map:
            if top.key is _NO_KEY:
                self._key(top, event)
                return
            if top.key is _SKIP:
                top.key = _NO_KEY
                return
        if event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
        target = self.anchors[event.anchor]
        message, path = msg("yaml.alias"), self._path(len(self.stack))
        if isinstance(target, ScalarNode):
            target = (None, target.start_mark)
            if top is None or not top.is_map:
                self.found.append((event.start_mark.line + 1, path, message))
                self._put(None, event.start_mark.line + 1)
                return
        if top is not None and top.is_map:  # said at the key, as the node-tree reader does
            self.found.append((top.line, path, message))
            top.key = _NO_KEY
            return
        self.found.append((target[1].line + 1, path, message))
        self._put(None, target[1].line + 1)

    def _key(self, top: _Open, event: Any) -> None:
        """The next key of the mapping ``top``: kept (shared through a memo), or refused and its
        value read past."""
        memo = None
        if type(event) is ScalarEvent and event.anchor is None and event.tag is None:
            memo = self.plain_keys if event.implicit[0] else self.quoted_keys
            key = memo.get(event.value, _MISS)
            if key is not _MISS:
                self._keep_key(top, key, _line(event))
                return
        refused = len(self.found)
        key = self._read_key(top, event)
        if key is _SKIP:
            return
        if memo is not None and len(self.found) == refused and len(event.value) < _MEMO_LONGEST:
            memo[event.value] = key
        self._keep_key(top, key, _line(event))

    def _read_key(self, top: _Open, event: Any) -> Any:
        """A new key, or ``_SKIP`` (set on ``top``) when it is refused."""
        node = self._scalar_node(event) if type(event) is ScalarEvent else None
        if node is not None:
            self._anchor(event, node)
        if type(event) is AliasEvent and event.anchor not in self.anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", _mark(event))
        line = _line(event)
        if node is not None and node.tag == TAG + "merge":
            self.found.append((line, self._path(len(self.stack) - 1), msg("yaml.merge_key")))
            top.key = _SKIP
            return _SKIP
        if node is None or node.tag == TAG + "null":
            self.found.append((line, self._path(len(self.stack) - 1), msg("yaml.key_not_text")))
            if isinstance(event, CollectionStartEvent):
                self._skip(event)
            top.key = _SKIP
            return _SKIP
        key = self.scalars.scalar(node)
        self._said(len(self.stack) - 1)
        if isinstance(key, (date, bool, BoolWord)) or key is None:
            key = node.value  # kept as its text (what was refused in it is said)
        return key

    def _keep_key(self, top: _Open, key: Any, line: int) -> None:
        if key in top.value:
            first = self.index.key_line(top.node, key)
            path = self._path(len(self.stack) - 1) + (key,)
            self.found.append((line, path, msg("yaml.duplicate_key", key=repr(key), line=first)))
            top.key = _SKIP
            return
        top.key, top.line = key, line

    def _skip(self, event: Any) -> None:
        """Read past the node that ``event`` starts, building nothing."""
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        while depth:
            nxt = self.loader.get_event()
            if isinstance(nxt, CollectionStartEvent):
                depth += 1
            elif isinstance(nxt, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
