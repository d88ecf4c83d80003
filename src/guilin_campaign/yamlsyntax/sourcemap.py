"""Where things are in a read file: the line of every key and item, and paths named for messages.

Every mapping key and sequence item keeps its line in a :class:`SourceMap`, so that a problem found
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


@dataclass
class SourceMap:
    """Lines of every mapping key and sequence item, found by walking a path through the data.

    ``lines`` maps the ``id`` of each mapping and sequence in ``data`` to the lines of its keys or
    items, in their order, as a compact array (a dict of lines per mapping took a quarter of a
    large file's memory; see docs/performance.md).
    """

    data: Any
    lines: dict[int, array[int]] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of the deepest part of ``path`` that exists (1-based)."""
        node, found = self.data, None
        for step in path:
            entry = self.lines.get(id(node))
            try:
                index = list(node).index(step) if isinstance(node, dict) else step
                line = entry[index] if entry is not None else None  # type: ignore[index]
                node = node[step]
            except (KeyError, IndexError, TypeError, ValueError):
                break
            found = line if line is not None else found
        return found

    def __reduce__(self) -> tuple[type[SourceMap], tuple[None]]:
        """Pickled empty: its lines are keyed by the ids of objects a copy would not share."""
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
    """``actions[0].measures[2].tasks[4].due`` -> ``T042.due``: the nearest item with an id names it."""
    found = record_on(data, path, named=True)
    if found is None:
        return path_text(path)
    depth, record = found
    named, rest = visible(record["id"]), path[depth:]
    return f"{named}.{path_text(rest)}" if rest else named


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


def compact_lines(value: dict[Any, Any] | list[Any], lines: dict[Any, int] | list[int]) -> array[int]:
    """The lines of ``value``'s keys or items in their order (``lines`` may also hold refused keys)."""
    if isinstance(lines, list):
        return array("I", lines)
    if len(lines) == len(value):  # every key was kept: the same keys in the same order
        return array("I", lines.values())
    return array("I", [lines[key] for key in value])
