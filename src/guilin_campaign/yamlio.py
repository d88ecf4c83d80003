"""The one place YAML is configured: strict reading of hand-edited files.

YAML 1.1 guesses a lot (``no`` is a boolean, ``010`` is eight, ``2022-02-30`` is an error deep in a
constructor). A clerk's file must be read exactly or refused with the line, so we let libyaml compose
the node tree and build the Python values ourselves, refusing what would be a guess:

- duplicate keys in one mapping, aliases (``*name``, ``<<: *name``) and any tag beyond the plain ones;
- impossible dates, dates with a time, numbers in octal/hex/sexagesimal, ``.inf``/``.nan``;
- ``yes/no/on/off`` become :class:`BoolWord`, which no model field accepts, so a ``status: no`` is
  reported with a hint instead of being read as ``False``.

Every mapping key and sequence item keeps its line in a :class:`SourceMap`, so that a problem found
later (by the models or the checks) is reported at its line.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Union

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from guilin_campaign import numbers
from guilin_campaign.problems import Problem
from guilin_campaign.readfile import wide_encoding

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

Path = tuple[Union[str, int], ...]

_T = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
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


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without its BOM, or a problem saying how to save the file."""
    if wide := wide_encoding(raw):
        return None, [Problem(file, None, "", f"the file is saved as {wide}, not UTF-8: open it in your editor and save it as UTF-8")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(file, line, "", "the file is not text (it holds binary data): restore it from git")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = " It looks like GBK/GB18030: save it as UTF-8 in your editor."
        except UnicodeDecodeError:
            pass
        return None, [Problem(file, line, "", f"the file is not UTF-8 text.{hint}")]


def make_loader(text: str) -> Any:
    """A configured loader over ``text``, for a reader that walks its events."""
    return Loader(text)


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (raises ``yaml.YAMLError``); used by the reader and the editor."""
    return yaml.compose(text, Loader=Loader)


def parse(text: str, file: str) -> Parsed:
    """Read one YAML document strictly; problems carry ``file`` and the line."""
    from guilin_campaign.yamlread import parse_events  # it builds on this module's _Builder

    # `in` is a fast substring scan (the regex alone took 0.5 s on 12 MB); lines only when it hits
    if ("<<<<<<<" in text or ">>>>>>>" in text) and _MARKER.search(text):
        if conflicts := conflict_problems(text, file):
            return Parsed(None, SourceMap(None), conflicts)
    try:
        return parse_events(text, file)
    except RecursionError:  # pragma: no cover - the reader keeps its own stack
        return Parsed(None, SourceMap(None), [Problem(file, None, "", "the file is nested too deeply to be a campaign file")])


_MARKER = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)
_CONFLICT_HELP = (
    "keep the lines that are right, delete the marker lines (<<<<<<<, =======, >>>>>>>), then `git add` the file; "
    "or take one whole side with `git checkout --ours -- FILE` (your version) or `git checkout --theirs -- FILE`"
)


def conflict_problems(text: str, file: str) -> list[Problem]:
    """Left-over git conflict markers, one problem per conflict (or stray marker), by line.

    Said before YAML reads the file: the markers are never valid YAML and the parser's message
    ("could not find expected ':'") would hide what happened. A ``=======`` alone (it can be text in
    a block scalar) counts only inside a ``<<<<<<<`` ... ``>>>>>>>`` block.
    """
    out, start = [], None
    help_text = _CONFLICT_HELP.replace("FILE", file)
    for number, line in enumerate(text.splitlines(), 1):
        mark = line[:7]
        if mark == "<" * 7 and _MARKER.match(line):
            if start is not None:
                out.append(Problem(file, start, "", f"unresolved merge conflict from git (its >>>>>>> line is missing): {help_text}"))
            start = number
        elif mark == ">" * 7 and _MARKER.match(line):
            where = f"lines {start}-{number}" if start is not None else "a >>>>>>> line without its <<<<<<< line"
            out.append(Problem(file, start or number, "", f"unresolved merge conflict from git ({where}): {help_text}"))
            start = None
    if start is not None:
        out.append(Problem(file, start, "", f"unresolved merge conflict from git (its >>>>>>> line is missing): {help_text}"))
    return out


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    what = " ".join(p for p in (err.context, err.problem) if p)
    lines = text.splitlines()
    near = lines[max(0, line - 2) : line] if line else []
    if near and "\t" in near[-1]:
        what += " (this line has a tab: indent with spaces only)"
    elif any("：" in part for part in near):
        what += " (a full-width colon '：' is near: use ': ' after a key)"
    return Problem(file, line, "", f"not valid YAML: {what}")


def _reader_problem(err: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """libyaml refuses a control character by its offset in the text; say the line and column.
    libyaml counts the offset in UTF-8 bytes (it reads the text encoded), PyYAML in characters."""
    before = text[: err.position]
    if Loader.__name__.startswith("C"):
        before = text.encode("utf-8")[: err.position].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
    return Problem(file, line, "", f"column {column} holds the control character {char}, which a YAML file may not "
                                   "contain: delete it (an editor may show it as ^ and a letter, or as a box)")


def friendly_path(data: Any, path: Path) -> str:
    """``actions[0].measures[2].tasks[4].due`` -> ``T042.due``: the nearest item with an id names it."""
    node, named, rest = data, None, path
    for i, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            named, rest = node["id"], path[i + 1 :]
    if named is None:
        return path_text(path)
    named = visible(named)
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


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[int, Any] = {}
        self.found: list[tuple[int, Path, str]] = []
        self._seen: set[int] = set()

    def _problem(self, node: Node, path: Path, message: str) -> None:
        self.found.append((node.start_mark.line + 1, path, message))

    def build(self, node: Node, path: Path) -> Any:
        if id(node) in self._seen:
            self._problem(node, path, "aliases (*name) are not supported: write the value out in full")
            return None
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_T, "!!")
            self._problem(node, path, f"tag {tag!r} is not allowed: remove it and write a plain value")
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        self._seen.add(id(node))
        if isinstance(node, SequenceNode):
            return self._sequence(node, path)
        assert isinstance(node, MappingNode)
        return self._mapping(node, path)

    def _sequence(self, node: SequenceNode, path: Path) -> list[Any]:
        items = [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        self.lines[id(items)] = compact_lines(items, [child.start_mark.line + 1 for child in node.value])
        return items

    def _mapping(self, node: MappingNode, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _T + "merge":
                self._problem(key_node, path, "merge keys (<<) are not supported: write the keys out in full")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag == _T + "null":
                self._problem(key_node, path, "a key must be plain text")
                continue
            key = self._scalar(key_node, path)
            if isinstance(key, (date, bool, BoolWord)) or key is None:
                key = key_node.value
            if key in out:
                self._problem(key_node, path + (key,), f"duplicate key {key!r} (first at line {lines[key]}): keep one of them")
                continue
            lines[key] = key_node.start_mark.line + 1
            if id(value_node) in self._seen:
                self._problem(key_node, path + (key,), "aliases (*name) are not supported: write the value out in full")
                continue
            out[key] = self.build(value_node, path + (key,))
        self.lines[id(out)] = compact_lines(out, lines)
        return out

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        tag, text = node.tag, node.value
        if tag == _T + "str":
            return text
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            return text.lower() == "true" if text.lower() in ("true", "false") else BoolWord(text)
        if tag == _T + "int":
            if _DECIMAL_INT.fullmatch(text):
                return self._number(node, path, int)
            self._problem(node, path, f"{text!r} is not read as a plain decimal number: drop leading zeros, or quote it if it is text")
            return None
        if tag == _T + "float":
            if _DECIMAL_FLOAT.fullmatch(text):
                return self._number(node, path, float)
            self._problem(node, path, f"{text!r} is not a finite decimal number")
            return None
        return self._date(node, path)

    def _number(self, node: ScalarNode, path: Path, kind: type[int] | type[float]) -> int | float | None:
        """A decimal number, unless :mod:`guilin_campaign.numbers` refuses it (``1_000``, too many digits)."""
        if (message := numbers.problem(node.value)) is not None:
            self._problem(node, path, message)
            return None
        return kind(node.value)

    def _date(self, node: ScalarNode, path: Path) -> date | None:
        match = _DATE.fullmatch(node.value)
        if not match:
            self._problem(node, path, f"{node.value!r}: write a date as YYYY-MM-DD, without a time")
            return None
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError as err:
            self._problem(node, path, f"not a date: {node.value!r} ({err})")
            return None
