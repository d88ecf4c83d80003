"""Where things are in a read file: the line of every key and item, and paths named for messages.

Every mapping key and sequence item keeps its line in a :class:`LineIndex`, so that a problem found
later (by the models or the checks) is reported at its line; :func:`friendly_path` names a path by
the nearest record's id (``T042.due``).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any, Union

from guilin_campaign.problems import Problem

Path = tuple[Union[str, int], ...]


class LineIndex:
    """The shape of a read file without its values: each key and item as a node, in the order of
    the file, with its line, where its own keys or items end, its key, and a record's id.

    Node 0 is the document's root. A node's children follow it, each followed by its own children,
    up to ``ends[node]``. ``keys[node]`` is its key in its mapping, ``None`` for a sequence item (a
    key is never ``None``: a key YAML reads as null is kept as its text). About 16 bytes a node:
    a dict of lines per mapping, beside the data, took a quarter of a large file's memory, and
    without the data the models can be built record by record (docs/performance.md).
    """

    __slots__ = ("lines", "ends", "keys", "ids", "_children")

    def __init__(self) -> None:
        self.lines = array("I")  # node -> the line of its key (a mapping's value) or its start (an item)
        self.ends = array("I")  # node -> one past its last descendant
        self.keys: list[Any] = []  # node -> its key in its mapping; None for an item and for the root
        self.ids: dict[int, str] = {}  # node of a mapping -> its ``id``, when that is text
        self._children: dict[int, list[int]] = {}  # looked up once: a long list is not walked again

    def line(self, path: Path) -> int | None:
        """The line of the deepest part of ``path`` that exists (1-based)."""
        node, found = 0, None
        for step in path:
            child = self.child(node, step)
            if child is None:
                break
            node, found = child, self.lines[child]
        return found

    def record(self, path: Path) -> tuple[int, str] | None:
        """The deepest item on ``path`` whose ``id`` is text, as :func:`record_on` finds it in the data."""
        node, found = 0, None
        for i, step in enumerate(path):
            child = self.child(node, step)
            if child is None:
                break
            node = child
            if isinstance(step, int) and node in self.ids:
                found = (i + 1, self.ids[node])
        return found

    def child(self, node: int, step: Any) -> int | None:
        """The node under ``node`` at ``step``: a key of a mapping, a position in a sequence (from
        the end when negative, as Python indexes a list)."""
        if not self.ends or node + 1 >= self.ends[node]:
            return None  # no data, a value, or an empty mapping or sequence
        children = self._children.get(node)
        if children is None:
            children = self._children[node] = self._walk(node)
        if self.keys[children[0]] is not None:  # a mapping
            return next((c for c in children if self.keys[c] == step), None)
        if not isinstance(step, int):
            return None
        return children[step] if -len(children) <= step < len(children) else None

    def key_line(self, node: int, key: Any) -> int | None:
        """The line of ``key`` among the children already read of the (open) mapping ``node``."""
        child, end = node + 1, len(self.lines)
        while child < end:
            if self.keys[child] == key:
                return self.lines[child]
            child = self.ends[child]
        return None

    def _walk(self, node: int) -> list[int]:
        out, child, end = [], node + 1, self.ends[node]
        while child < end:
            out.append(child)
            child = self.ends[child]
        return out


@dataclass
class SourceMap:
    """Lines of every mapping key and sequence item (:class:`LineIndex`), beside the data read.

    ``data`` is the data as read; a load that builds the models record by record keeps no data
    (:func:`guilin_campaign.yamlsyntax.read.parse` with ``finish``) and has the index itself here,
    which :func:`friendly_path` reads as it reads the data.
    """

    data: Any
    index: LineIndex | None = None

    def line(self, path: Path) -> int | None:
        """The line of the deepest part of ``path`` that exists (1-based)."""
        return None if self.index is None else self.index.line(path)

    def __reduce__(self) -> tuple[type[SourceMap], tuple[None]]:
        """Pickled empty, as the cache keeps it: a problem was found, with its line, before."""
        return SourceMap, (None,)


@dataclass
class Parsed:
    data: Any
    source: SourceMap
    problems: list[Problem]
    refused: list[Path] = field(default_factory=list)  # where a value was refused while reading


def record_on(data: Any, path: Path, named: bool = False) -> tuple[int, dict[str, Any]] | None:
    """The deepest list item on ``path`` that has an ``id`` (a task, an indicator, an action): how
    many steps of ``path`` lead to it, and the item; with ``named``, only an item whose id is text."""
    node, found = data, None
    for i, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, dict) and "id" in node and (not named or isinstance(node["id"], str)):
            found = (i + 1, node)
    return found


def friendly_path(data: Any, path: Path) -> str:
    """``actions[0].measures[2].tasks[4].due`` -> ``T042.due``: the nearest item with an id names it.
    ``data`` is the data read, or a :class:`LineIndex` of it."""
    if isinstance(data, LineIndex):
        named = data.record(path)
    else:
        found = record_on(data, path, named=True)
        named = None if found is None else (found[0], found[1]["id"])
    if named is None:
        return path_text(path)
    depth, ident = named
    rest = path[depth:]
    return f"{visible(ident)}.{path_text(rest)}" if rest else visible(ident)


def path_text(path: Path) -> str:
    """``('tasks', 3, 'due')`` -> ``tasks[3].due``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{visible(str(step))}" if out else visible(str(step)))
    return out


_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """An id or key in a message with its control characters written out (``T001\\x1b``): printed
    raw they would act on the terminal, or reorder the line, instead of showing what is wrong."""
    return _UNSEEN.sub(lambda m: repr(m.group())[1:-1], text)
