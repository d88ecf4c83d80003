"""Edit YAML text the way a person would: splice new text at node marks and touch nothing else.

Where things are in the text is :mod:`guilin_campaign.yamlsyntax.spans`; how a value is written is
:mod:`guilin_campaign.yamlsyntax.scalar_write`.

Every edit is checked: the new text is read back and must equal the old data with exactly the one
change, else :class:`EditError` is raised and nothing should be written.

Given a :class:`~guilin_campaign.yamlsyntax.records.Session` (the ``session`` argument) an edit works on the
edited record's own lines, so a large file is not composed and read back whole for every edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import MessageError
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.records import Session, canon
from guilin_campaign.yamlsyntax.scalar_write import Value, flow_item, render, render_key
from guilin_campaign.yamlsyntax.sourcemap import path_text
from guilin_campaign.yamlsyntax.spans import (
    Key,
    Path,
    child_of,
    content_end,
    insert_lines,
    is_empty,
    key_index,
    line_start,
    next_line,
    pair_end,
    parent_of,
)


class EditError(MessageError):
    """The text holds a construct we will not edit automatically; the message says what to do."""


def lookup(text: str, path: Path, session: Session | None = None) -> Node:
    """The node at ``path``; ``KeyError`` if any step of it is absent.

    With a ``session`` the node may come from the record's own lines: use it for its kind and
    value, not its marks.
    """
    found: list[Node] = []

    def keep(part: str, local: Path) -> str:
        found.append(_lookup(part, local))
        return part

    _edit(text, path, keep, session)
    return found[-1]


def _lookup(text: str, path: Path) -> Node:
    node = child_of(parent_of(text, path), path[-1])
    if node is None:
        raise KeyError(path)
    return node


def set_value(text: str, path: Path, value: Value, after: str | None = None, session: Session | None = None) -> str:
    """Replace the scalar at ``path``, or add ``key: value`` if the last key is absent: after the key
    ``after`` when the mapping has it (``done_on`` beside ``status``), else after the last key.

    A ``dict`` value is written as a flow mapping on the same line: ``progress: {秀峰区: {status: done}}``.
    """
    return _edit(text, path, lambda t, p: _set_value(t, p, value, after), session)


def delete_key(text: str, path: Path, session: Session | None = None) -> str:
    """Remove ``key: value`` at ``path`` (its whole lines in block style); an absent key: no change."""
    return _edit(text, path, _delete_key, session)


def append_item(text: str, path: Path, item: Mapping[str, Value], session: Session | None = None) -> str:
    """Append a mapping to the sequence at ``path``, creating the key if it is absent or empty."""
    return _edit(text, path, lambda t, p: _append_item(t, p, item), session)


def _set_value(text: str, path: Path, value: Value, after: str | None) -> str:
    parent = parent_of(text, path)
    node = child_of(parent, path[-1])
    if node is None:
        mapping, key = _mapping_for_new_key(parent, path)
        flow = bool(mapping.flow_style)
        entry = f"{render(key, '', flow)}: {render(value, '', flow)}"
        anchor = key_index(mapping, after) if after is not None else None
        new = _add_entry(text, mapping, entry, [entry], -1 if anchor is None else anchor)
    else:
        new = _replace_scalar(text, node, value, bool(getattr(parent, "flow_style", False)), path)
    return _checked(text, new, path, lambda obj, key: obj.__setitem__(key, value))


def _delete_key(text: str, path: Path) -> str:
    parent = parent_of(text, path)
    mapping, key = _mapping_for_new_key(parent, path)
    i = key_index(mapping, key)
    if i is None:
        return text
    start, end, filler = _cut_flow(text, mapping, i) if mapping.flow_style else _cut_block(text, mapping, i, path)
    return _checked(text, text[:start] + filler + text[end:], path, lambda obj, key: obj.pop(key))


def _append_item(text: str, path: Path, item: Mapping[str, Value]) -> str:
    parent = parent_of(text, path)
    node = child_of(parent, path[-1])
    if node is None or is_empty(node):
        mapping, key = _mapping_for_new_key(parent, path)
        new = _new_list(text, mapping, key, node, flow_item(item))
    elif isinstance(node, SequenceNode):
        new = _append_to_sequence(text, node, item)
    else:
        raise EditError(msg("edit.not_list", path=path_text(path)))
    return _checked(text, new, path, lambda obj, key: _expect_append(obj, key, item))


def _edit(text: str, path: Path, edit: Callable[[str, Path], str], active: Session | None) -> str:
    """``edit(text, path)``, or with a session the same edit of the record's lines alone."""
    found = active.record(text, path) if active is not None else None
    if active is None or found is None:
        return edit(text, path)
    prefix, start, end = found
    part = text[start:end]
    try:
        new_part = edit(part, (0,) + path[len(prefix) :])
    except KeyError:
        raise KeyError(path) from None
    except EditError:
        return edit(text, path)  # refused: again on the whole text, for the message with the whole path
    if new_part == part:
        return text
    new_text = text[:start] + new_part + text[end:]
    active.moved(new_text, prefix, start, start + len(new_part))
    return new_text


def _mapping_for_new_key(parent: Node, path: Path) -> tuple[MappingNode, str]:
    if not path or not isinstance(parent, MappingNode) or not isinstance(path[-1], str):
        raise KeyError(path)
    return parent, path[-1]


# --- splicing ------------------------------------------------------------------------------------


def _replace_scalar(text: str, node: Node, value: Value, flow: bool, path: Path) -> str:
    if not isinstance(node, ScalarNode):
        raise EditError(msg("edit.not_scalar", path=path_text(path)))
    start = node.start_mark.index
    end = start + len(text[start : node.end_mark.index].rstrip(" \t\r\n"))
    if text[start : start + 1] == "&":  # an alias elsewhere may point at it
        raise EditError(msg("edit.anchor", path=path_text(path)))
    return text[:start] + _after_colon(text, start, path) + render(value, node.style, flow) + text[end:]


def _after_colon(text: str, start: int, path: Path) -> str:
    """The space before a value written where ``key:`` had nothing (libyaml marks colon + 1)."""
    if text[start - 1 : start] == ":":
        return " "
    if text[:start].rstrip(" \t").endswith(":"):
        return ""
    raise EditError(msg("edit.no_colon", path=path_text(path)))


def _add_entry(text: str, mapping: MappingNode, flow_entry: str, block_lines: list[str], at: int = -1) -> str:
    """Insert after the pair at index ``at`` (the last by default)."""
    if mapping.flow_style:
        if not mapping.value:
            pos = mapping.end_mark.index - 1  # just inside the closing brace of `{}`
            return text[:pos] + flow_entry + text[pos:]
        pos = pair_end(text, mapping.value[at])
        return text[:pos] + ", " + flow_entry + text[pos:]
    indent = " " * mapping.value[0][0].start_mark.column
    return insert_lines(text, pair_end(text, mapping.value[at]), [indent + line for line in block_lines])


def _new_list(text: str, mapping: MappingNode, key: str, empty: Node | None, inline: str) -> str:
    """A new list holding one flow-mapping item, for an absent key or one with nothing after ':'."""
    if empty is not None and mapping.flow_style:
        start = empty.start_mark.index
        return text[:start] + _after_colon(text, start, (key,)) + f"[{inline}]" + text[start:]
    if empty is not None:
        indent = " " * (mapping.value[0][0].start_mark.column + 2)
        return insert_lines(text, empty.start_mark.index, [f"{indent}- {inline}"])
    name = render(key, "", bool(mapping.flow_style))
    return _add_entry(text, mapping, f"{name}: [{inline}]", [f"{name}:", f"  - {inline}"])


def _append_to_sequence(text: str, seq: SequenceNode, item: Mapping[str, Value]) -> str:
    if seq.flow_style:
        if not seq.value:
            pos = seq.end_mark.index - 1  # just inside the closing bracket of `[]`
            return text[:pos] + flow_item(item) + text[pos:]
        pos = content_end(text, seq.value[-1])
        return text[:pos] + ", " + flow_item(item) + text[pos:]
    last, dash = seq.value[-1], seq.start_mark.column  # a block sequence starts at its first dash
    gap = max(2, last.start_mark.column - dash)
    if isinstance(last, MappingNode) and not last.flow_style and item:
        body = [f"{render_key(k, False)}: {render(v, '', False)}" for k, v in item.items()]
    else:
        body = [flow_item(item)]
    lines = ["-" + " " * (gap - 1) + body[0]] + [" " * gap + line for line in body[1:]]
    return insert_lines(text, content_end(text, last), [" " * dash + line for line in lines])


def _cut_block(text: str, mapping: MappingNode, i: int, path: Path) -> tuple[int, int, str]:
    """The span to remove for pair ``i`` and what to put there instead."""
    start, end = mapping.value[i][0].start_mark.index, pair_end(text, mapping.value[i])
    if len(mapping.value) == 1:
        return start, end, "{}"  # the last key goes: keep an empty mapping, not a null
    line = line_start(text, start)
    if not text[line:start].strip(" "):
        return line, next_line(text, end), ""
    if i + 1 < len(mapping.value):  # `- key: v` first in a list item: the next key moves up
        return start, mapping.value[i + 1][0].start_mark.index, ""
    raise EditError(msg("edit.not_line_start", path=path_text(path)))


def _cut_flow(text: str, mapping: MappingNode, i: int) -> tuple[int, int, str]:
    pairs = mapping.value
    if len(pairs) == 1:
        return pairs[0][0].start_mark.index, pair_end(text, pairs[0]), ""
    if i + 1 < len(pairs):
        return pairs[i][0].start_mark.index, pairs[i + 1][0].start_mark.index, ""
    return pair_end(text, pairs[i - 1]), pair_end(text, pairs[i]), ""


# --- checking ------------------------------------------------------------------------------------


def _expect_append(obj: Any, key: Key, item: Mapping[str, Value]) -> None:
    if isinstance(obj, dict) and obj.get(key) is None:
        obj[key] = []
    obj[key].append(dict(item))


def _checked(old: str, new: str, path: Path, change: Callable[[Any, Key], None]) -> str:
    """``new``, if it reads as the old data with the one change (see :func:`records.canon`)."""
    want = parse(old, "").data
    try:
        target = want
        for step in path[:-1]:
            target = target[step]
        change(target, path[-1])
    except (KeyError, IndexError, TypeError) as err:
        raise EditError(msg("edit.not_plain_data", path=path_text(path), why=err)) from err
    if canon(parse(new, "").data) != canon(want):
        raise EditError(msg("edit.touches_other", path=path_text(path)))
    return new
