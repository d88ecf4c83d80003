"""The strict reading of one scalar: what YAML 1.1 would guess is refused with the line.

YAML 1.1 guesses a lot (``no`` is a boolean, ``010`` is eight, ``2022-02-30`` is an error deep in a
constructor). So the plain tags only, and:

- impossible dates, dates with a time, numbers in octal/hex/sexagesimal, ``.inf``/``.nan`` refused;
- ``yes/no/on/off`` become :class:`BoolWord`, which no model field accepts, so a ``status: no`` is
  reported with a hint instead of being read as ``False``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from yaml.nodes import Node, ScalarNode

from guilin_campaign import numbers
from guilin_campaign.catalogue import Msg, msg

TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?=\.?[0-9])(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class BoolWord:
    """A ``yes/no/on/off`` that YAML 1.1 would read as a boolean. Not a ``str`` and not a ``bool``,
    so no field accepts it and the message can say why (``status: no``, ``title: yes``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return repr(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BoolWord) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class Scalars:
    """Builds scalar values for one file's reader and collects what it refused, by line; the
    reader takes them (and clears ``found``), adding the path, which only it knows."""

    def __init__(self) -> None:
        self.found: list[tuple[int, Msg]] = []  # (line, message) of each refused value

    def _problem(self, node: Node, message: Msg) -> None:
        self.found.append((node.start_mark.line + 1, message))

    def value(self, node: ScalarNode) -> Any:
        """The value of a scalar in the data (a tag beyond the plain ones is refused)."""
        if node.tag not in PLAIN_TAGS:
            tag = node.tag.replace(TAG, "!!")
            self._problem(node, msg("yaml.tag", tag=repr(tag)))
            return None
        return self.scalar(node)

    def scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == TAG + "str":
            return text
        if tag == TAG + "null":
            return None
        if tag == TAG + "bool":
            return text.lower() == "true" if text.lower() in ("true", "false") else BoolWord(text)
        if tag == TAG + "int":
            if _DECIMAL_INT.fullmatch(text):
                return self._number(node, int)
            self._problem(node, msg("yaml.not_decimal", text=repr(text)))
            return None
        if tag == TAG + "float":
            if _DECIMAL_FLOAT.fullmatch(text):
                return self._number(node, float)
            self._problem(node, msg("yaml.not_finite", text=repr(text)))
            return None
        return self._date(node)

    def _number(self, node: ScalarNode, kind: type[int] | type[float]) -> int | float | None:
        """A decimal number, unless :mod:`guilin_campaign.numbers` refuses it (``1_000``, too many digits)."""
        if (message := numbers.problem(node.value)) is not None:
            self._problem(node, message)
            return None
        return kind(node.value)

    def _date(self, node: ScalarNode) -> date | None:
        match = _DATE.fullmatch(node.value)
        if not match:
            self._problem(node, msg("yaml.date_form", text=repr(node.value)))
            return None
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            why = msg("date.no_such_month") if not 1 <= month <= 12 else msg("date.no_such_year") if year < 1 else msg("date.no_such_day")
            self._problem(node, msg("date.impossible", text=repr(node.value), why=why))
            return None
