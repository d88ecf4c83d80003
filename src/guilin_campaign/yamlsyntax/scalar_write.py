"""Writing one value as YAML text that reads back as exactly that value, in the style around it.

A string is written plain when YAML 1.1 would read it back as the same string, else quoted: ``no``,
``123``, ``2022-07-01``, ``null`` or ``10:30`` would come back as another type. Chinese text is
written as it is, never escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Union

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

Scalar = Union[str, int, float, bool, date]
Value = Union[Scalar, Mapping[str, "Value"]]  # a new mapping is written as a small flow mapping

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()  # the implicit types CSafeLoader guesses; the C loader uses the same table
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}:?")  # PyYAML also ends a flow plain scalar at ?
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def render(value: Value, old_style: str | None, flow: bool) -> str:
    """``value`` as YAML, keeping ``old_style`` (``''``, ``"'"``, ``'"'``) when it can hold it."""
    if isinstance(value, Mapping):
        return flow_item(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, datetime):
        raise TypeError(f"{value!r}: a date is written without a time")
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"cannot write {value!r}: only text, numbers, true/false and dates")
    if old_style == "'" and _one_printable_line(value):
        return "'" + value.replace("'", "''") + "'"
    if old_style != '"' and _plain_ok(value, flow):
        return value
    return '"' + "".join(_ESCAPES.get(c) or (c if _printable(c) else _escape(c)) for c in value) + '"'


def flow_item(item: Mapping[str, Value]) -> str:
    """``{date: 2022-07-15, status: done}``: one line, so a new item is one line in the diff."""
    if not all(isinstance(k, str) for k in item):
        raise TypeError(f"{item!r}: keys must be text")
    return "{" + ", ".join(f"{render_key(k, True)}: {render(v, '', True)}" for k, v in item.items()) + "}"


def render_key(key: str, flow: bool) -> str:
    """A mapping key: a lowercase word is written plain even where YAML 1.1 would read a value
    as true/false/null (an extension's ``on:``), since the program reads every key as its text."""
    return key if key.isascii() and key.isalpha() and key.islower() else render(key, "", flow)


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value!r}: only finite numbers can be written")
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    # YAML 1.1 reads `1e+16` as text: its floats need a dot
    return f"{mantissa}.0e{exponent}" if exponent and "." not in mantissa else text


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip(" \t") or text[0] in _NOT_FIRST or not _one_printable_line(text):
        return False
    if "#" in text or ": " in text or text.endswith(":") or "\t" in text:
        return False
    if flow and any(c in _FLOW_INDICATORS for c in text):
        return False
    tag: str = _RESOLVER.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


def _one_printable_line(text: str) -> bool:
    return all(c == "\t" or _printable(c) for c in text)


def _printable(c: str) -> bool:
    """YAML's printable characters, less line breaks and the BOM (which editors hide)."""
    o = ord(c)
    if o in (0x2028, 0x2029, 0xFEFF):
        return False
    return 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000


def _escape(c: str) -> str:
    o = ord(c)
    return f"\\x{o:02X}" if o <= 0xFF else (f"\\u{o:04X}" if o <= 0xFFFF else f"\\U{o:08X}")
