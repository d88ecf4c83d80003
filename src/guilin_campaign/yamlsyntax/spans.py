"""Finding nodes by path, and the places in the text where a node's own characters end.

libyaml's marks are character offsets into the ``str`` we compose (also after Chinese and astral
characters; ``\\r\\n`` counts as two), so they index the text directly. A block collection's end
mark lands after trailing blank lines and comments, at the next token, so insertion points are
taken from the end of the last scalar instead, then moved to the end of its line.
"""

from __future__ import annotations

from typing import Union

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign.yamlsyntax.loader import compose

Key = Union[str, int]
Path = tuple[Key, ...]


def parent_of(text: str, path: Path) -> Node:
    """The node holding the last step of ``path``."""
    node = compose(text)
    if node is None or not path:
        raise KeyError(path)
    for i, step in enumerate(path[:-1]):
        child = child_of(node, step)
        if child is None:
            raise KeyError(path[: i + 1])
        node = child
    return node


def child_of(node: Node, step: Key) -> Node | None:
    if isinstance(node, MappingNode) and isinstance(step, str):
        i = key_index(node, step)
        return None if i is None else node.value[i][1]
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]  # type: ignore[no-any-return]
    return None


def key_index(mapping: MappingNode, key: str) -> int | None:
    for i, (key_node, _) in enumerate(mapping.value):
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return i
    return None


def is_empty(node: Node) -> bool:
    """``key:`` with nothing after the colon: a null written as nothing, which a list can replace."""
    return isinstance(node, ScalarNode) and node.start_mark.index == node.end_mark.index


def content_end(text: str, node: Node) -> int:
    """Where the node's own characters end, before trailing blank lines and comments."""
    if isinstance(node, ScalarNode):
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">") and "+" not in text[start : text.find("\n", start)]:
            return start + len(text[start:end].rstrip(" \t\r\n"))
        return end  # `|+` keeps its trailing blank lines as content: they end at a line start
    assert isinstance(node, CollectionNode)
    if node.flow_style or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return pair_end(text, last) if isinstance(last, tuple) else content_end(text, last)


def pair_end(text: str, pair: tuple[Node, Node]) -> int:
    return max(pair[0].end_mark.index, content_end(text, pair[1]))


def line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def next_line(text: str, i: int) -> int:
    """Start of the line after the content ending at ``i`` (the end of the text on the last line)."""
    if text[i - 1 : i] == "\n":
        return i
    j = text.find("\n", i)
    return len(text) if j < 0 else j + 1


def insert_lines(text: str, after: int, lines: list[str]) -> str:
    """Insert whole lines after the line holding offset ``after``, with that line's ending."""
    pos = next_line(text, after)
    if text[pos - 1 : pos] == "\n":
        eol = "\r\n" if text[pos - 2 : pos] == "\r\n" else "\n"
        return text[:pos] + "".join(line + eol for line in lines) + text[pos:]
    eol = "\r\n" if "\r\n" in text else "\n"
    return text + eol + eol.join(lines)  # the file had no final line break: add none either


def line_offset(text: str, line: int) -> int | None:
    """Offset of the start of 1-based ``line`` (lines end at ``\\n``), or None past the end."""
    pos, left, chunk = 0, line - 1, 1 << 16
    while left:
        end = min(len(text), pos + chunk)
        breaks = text.count("\n", pos, end)
        if breaks < left:  # skip whole chunks at C speed
            if end == len(text):
                return None
            pos, left = end, left - breaks
            continue
        for _ in range(left):
            pos = text.index("\n", pos) + 1
        return pos
    return pos


def item_lines(text: str, line: int) -> tuple[int, int] | None:
    """The whole lines of the block sequence item whose ``- `` starts 1-based ``line``: from that line
    to the next line with content that is not more indented than the dash (blank and comment lines
    on the way are included). None if the line is not such an item's first line."""
    start = line_offset(text, line)
    if start is None:
        return None
    eol = text.find("\n", start)
    first = text[start : len(text) if eol < 0 else eol]
    dash = len(first) - len(first.lstrip(" "))
    if first[dash : dash + 2] != "- ":
        return None
    pos = len(text) if eol < 0 else eol + 1
    while pos < len(text):
        end = text.find("\n", pos)
        row = text[pos : len(text) if end < 0 else end]
        body = row.lstrip(" ")
        if body.strip() and not body.startswith("#") and len(row) - len(body) <= dash:
            return start, pos
        pos = len(text) if end < 0 else end + 1
    return start, len(text)
