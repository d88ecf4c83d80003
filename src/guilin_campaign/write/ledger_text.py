"""The text edits behind the ledger's updates: a new record at the end of its list, a problem's keys.

Every edit goes through :mod:`guilin_campaign.yamlsyntax.editor` (checked: the text must read back
as the old data with exactly that change), except a list the file does not have yet, which is
written at the end of the file in the sample's layout (visits one line each, problems a block) and
checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, SequenceNode

from guilin_campaign.yamlsyntax import editor
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.records import canon
from guilin_campaign.yamlsyntax.scalar_write import flow_item, render
from guilin_campaign.yamlsyntax.sourcemap import Path
from guilin_campaign.yamlsyntax.spans import child_of, content_end, insert_lines, parent_of

Edit = Callable[[str, Path], str]  # (text, the problem's path) -> new text


def month_header(month: str) -> str:
    """The first lines of a new month file, as the sample's month files begin."""
    year, number = month.split("-")
    return f"# {year}年{int(number)}月查访台账：查访记录（visits）和收集的问题（problems）\n\n"


def add_record(text: str, key: str, item: dict[str, Any], after: int | None = None) -> str:
    """``item`` appended to the list ``key`` (``visits`` or ``problems``), formatted like the items
    before it, or put right after its item number ``after`` (a visit among the visits of its day);
    the list is started when the file has none."""
    data = parse(text, "").data
    if isinstance(data, dict) and data.get(key):
        if after is not None and after + 1 < len(data[key]) and (new := _inserted(text, key, item, after, data)):
            return new
        return editor.append_item(text, (key,), item)
    if data is None or (isinstance(data, dict) and key not in data):
        new = _with_new_list(text, key, item)
        want = dict(data or {}) | {key: [item]}
        if canon(parse(new, "").data) == canon(want):
            return new
    return editor.append_item(text, (key,), item)  # a flow-style file, `key:` with nothing after it


def _inserted(text: str, key: str, item: dict[str, Any], after: int, data: dict[str, Any]) -> str | None:
    """A one-line item put after the one-line item ``after`` of a block list; None where the list is
    written otherwise (the caller then appends at the end)."""
    seq = child_of(parent_of(text, (key,)), key)
    if not isinstance(seq, SequenceNode) or seq.flow_style:
        return None
    node = seq.value[after]
    if not (isinstance(node, MappingNode) and node.flow_style):
        return None
    dash = " " * seq.start_mark.column
    new = insert_lines(text, content_end(text, node), [f"{dash}- {flow_item(item)}"])
    want = dict(data) | {key: data[key][: after + 1] + [item] + data[key][after + 1 :]}
    return new if canon(parse(new, "").data) == canon(want) else None


def _with_new_list(text: str, key: str, item: dict[str, Any]) -> str:
    if key == "visits":
        lines = [f"{key}:", f"  - {flow_item(item)}"]
    else:
        first, *rest = (f"{render(k, '', False)}: {render(v, '', False)}" for k, v in item.items())
        lines = [f"{key}:", f"  - {first}", *(f"    {line}" for line in rest)]
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline
    return text + newline.join(lines) + newline


def edit_problem(text: str, path: Sequence[str | int], edits: list[Edit]) -> str:
    for edit in edits:
        text = edit(text, tuple(path))
    return text


def solve_edits(on: date, how: str) -> list[Edit]:
    """``status: solved``, then ``solved_on`` after it and ``how`` after that (the sample's order)."""
    return [
        lambda t, p: editor.set_value(t, p + ("status",), "solved", after="due"),
        lambda t, p: editor.set_value(t, p + ("solved_on",), on, after="status"),
        lambda t, p: editor.set_value(t, p + ("how",), how, after="solved_on"),
    ]


def reopen_edits(entry: dict[str, Any]) -> list[Edit]:
    """The reopening appended to ``reopened`` (the solution it sets aside kept in it), then back to
    ``open`` without ``solved_on`` and ``how``: what a past date reads stays what it was."""
    return [
        lambda t, p: editor.append_item(t, p + ("reopened",), entry),
        lambda t, p: editor.set_value(t, p + ("status",), "open", after="due"),
        lambda t, p: editor.delete_key(t, p + ("solved_on",)),
        lambda t, p: editor.delete_key(t, p + ("how",)),
    ]
