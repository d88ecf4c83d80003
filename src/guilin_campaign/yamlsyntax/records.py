"""Edits of one record at a time: where a task or an indicator stands in a large file's text.

With a :class:`Session` (made by :func:`session`, passed to each edit), an edit of one record (a task, an indicator: the deepest list item with an
``id`` on the path) works on that record's own lines as a small document, found through the loaded
file's :class:`SourceMap` and checked to read back exactly as the loaded record. The lines around it
are untouched, and a record that reads back as expected on its own reads the same in the whole file:
its lines start where it starts and end before the next line that is not more indented than its
dash, and a standalone parse refuses a quote or bracket left open. So a large file is not composed
and read back whole for every edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.sourcemap import SourceMap, record_on
from guilin_campaign.yamlsyntax.spans import Path, item_lines


@dataclass
class Session:
    """Where the record being edited stands in the text; see the module's docstring."""

    source: SourceMap  # the map of the text the session began with
    text: str  # the text the next edit is expected on (the last one returned)
    records: dict[Path, tuple[int, int]] = field(default_factory=dict)  # record -> its lines in ``text``
    touched: list[Path] = field(default_factory=list)  # records edited on their own lines

    def record(self, text: str, path: Path) -> tuple[Path, int, int] | None:
        """The record holding ``path`` and its lines, if they can be used on their own."""
        prefix = self._record_path(path) if text is self.text else None
        if prefix is None:
            return None
        if prefix not in self.records:
            line = self.source.line(prefix)
            span = item_lines(text, line) if line and not self.touched else None
            if span is None or not self._reads_as(text[span[0] : span[1]], prefix):
                return None
            self.records[prefix] = span
        return (prefix, *self.records[prefix])

    def _record_path(self, path: Path) -> Path | None:
        found = record_on(self.source.data, path)
        return path[: found[0]] if found is not None else None

    def _reads_as(self, part: str, prefix: Path) -> bool:
        node = self.source.data
        for step in prefix:
            node = node[step]
        parsed = parse(part, "")
        return not parsed.problems and canon(parsed.data) == canon([node])

    def moved(self, text: str, prefix: Path, start: int, end: int) -> None:
        """``text`` is the new text, the record now at ``start:end``; other records are not known."""
        self.text, self.records = text, {prefix: (start, end)}
        if prefix not in self.touched:
            self.touched.append(prefix)


def session(text: str, source: SourceMap) -> Session:
    """Edits of ``text``, and of the texts they return, that work on the edited record's lines only:
    pass the session to each edit (``editor.set_value(..., session=...)``).

    ``source`` is the map of ``text`` as it was loaded; :attr:`Session.touched` lists the records
    edited on their own lines, for the caller's whole-file comparison after reading the result.
    """
    return Session(source, text)


def canon(data: Any) -> Any:
    """Data compared exactly by type (True is not 1), mapping keys in any order."""
    if isinstance(data, dict):
        return ("map", sorted((repr(k), canon(v)) for k, v in data.items()))
    if isinstance(data, list):
        return ("seq", [canon(v) for v in data])
    return repr(data)
