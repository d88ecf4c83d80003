"""The three-way merge of one YAML text, record by record, by splicing the sides' own text.

Ours is the starting text. Wherever theirs changed something ours did not, theirs' own lines are
taken; where both changed one collection (a task list, a task, its ``progress``, an indicator's
``readings``, a ``log``), its entries are matched (tasks and units by ``id``, mappings by key, log
entries by content) and merged one by one. A value both sides changed differently is a conflict:
the smallest whole-line entry holding it gets git's markers around ours' and theirs' lines.
Every merged piece also carries the data it stands for, so the result can be read back and checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, SequenceNode

from guilin_campaign.catalogue import msg
from guilin_campaign.merge.nodes import (
    Entry,
    Unmergeable,
    block_entries,
    canon,
    flow_pairs,
    is_block,
    item_date,
    value_span,
    value_text,
)

OURS, SEP, THEIRS = "<<<<<<< ours\n", "=======\n", ">>>>>>> theirs\n"
COUPLED = ("status", "done_on")  # a task's (or a unit's part's) two fields that change together


class Conflict(Exception):
    """Both sides changed one value differently (caught at the nearest whole-line entry)."""


@dataclass(frozen=True)
class Merged:
    text: str
    data: Any


def markers(ours: str, theirs: str, eol: str = "\n") -> str:
    """Git's conflict lines around both sides, with the file's own line ending."""
    return OURS.replace("\n", eol) + ours + SEP.replace("\n", eol) + theirs + THEIRS.replace("\n", eol)


def pick(base: Any, ours: Any, theirs: Any) -> Any:
    """The side that changed, or either when both changed alike; a conflict when they differ."""
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    raise Conflict


class Merger:
    def __init__(self, base: str, ours: str, theirs: str) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.conflicts = 0
        self.eol = "\r\n" if "\r\n" in ours else "\n"

    def document(self, b: Node | None, o: Node | None, t: Node | None) -> Merged:
        if o is None or t is None:
            raise Unmergeable(msg("merge.empty"))
        try:
            prefix = pick(*(_around(text, node)[0] for text, node in self._sides(b, o, t)))
            suffix = pick(*(_around(text, node)[1] for text, node in self._sides(b, o, t)))
            value = self.value(b, o, t)
        except Conflict:
            raise Unmergeable(msg("merge.top_level")) from None
        return Merged(prefix + value.text + suffix, value.data)

    def value(self, b: Node | None, o: Node, t: Node, dated: bool = False) -> Merged:
        bt, ot, tt = value_text(self.base, b), value_text(self.ours, o), value_text(self.theirs, t)
        if tt == bt or ot == tt:
            return Merged(ot or "", canon(o))
        if ot == bt:
            return Merged(tt or "", canon(t))
        base = None if bt is None else b
        if _same_kind(o, t, base) and is_block(o):
            return self.block(base, o, t, dated)
        if isinstance(o, MappingNode) and isinstance(t, MappingNode) and _same_kind(o, t, base):
            return self.flow_mapping(base, o, t)
        raise Conflict

    def block(self, b: Node | None, o: Node, t: Node, dated: bool) -> Merged:
        assert isinstance(o, (MappingNode, SequenceNode)) and isinstance(t, (MappingNode, SequenceNode))
        base = {e.ident: e for e in block_entries(self.base, b)} if b is not None else {}  # type: ignore[arg-type]
        ours, theirs = block_entries(self.ours, o), block_entries(self.theirs, t)
        theirs_by = {e.ident: e for e in theirs}
        out: list[tuple[Any, str, Any, str]] = []  # ident, text, data, date
        coupled = self._coupled(base, ours, theirs) if isinstance(o, MappingNode) else None
        for e in ours:
            if coupled is not None and e.ident in COUPLED:
                if e.ident == COUPLED[0]:
                    out.append((e.ident, coupled, None, ""))
                continue
            merged = self._ours_entry(base.get(e.ident), e, theirs_by.get(e.ident))
            if merged is not None:
                out.append((e.ident, merged.text, merged.data, item_date(e.node)))
        ours_idents = {e.ident for e in ours}
        for i, e in enumerate(theirs):
            if e.ident in ours_idents or (coupled is not None and e.ident in COUPLED):
                continue
            if e.ident in base:  # ours deleted it: gone, unless theirs changed it meanwhile
                if self._full(self.base, base[e.ident]) != self._full(self.theirs, e):
                    out.insert(_after(out, theirs, i, dated), (e.ident, self._conflict(None, e), None, ""))
                continue
            out.insert(_after(out, theirs, i, dated), (e.ident, self._full(self.theirs, e), canon(e.node), item_date(e.node)))
        data: Any = {i: d for i, _, d, _ in out} if isinstance(o, MappingNode) else [d for _, _, d, _ in out]
        return Merged("".join(text for _, text, _, _ in out), data)

    def _coupled(self, base: dict[Any, Entry], ours: list[Entry], theirs: list[Entry]) -> str | None:
        """A status both sides changed differently, with its done_on on the next line changed too,
        is one conflict of both lines: keeping one side's status keeps its done_on with it."""
        o, t, b = _run(ours), _run(theirs), base.get(COUPLED[0])
        if o is None or t is None or b is None or len(o) + len(t) < 3:
            return None
        try:
            pick(self._full(self.base, b), self._full(self.ours, o[0]), self._full(self.theirs, t[0]))
            return None
        except Conflict:
            pass
        self.conflicts += 1
        ours_lines = "".join(self._full(self.ours, e) for e in o)[len(o[0].lead):]
        theirs_lines = "".join(self._full(self.theirs, e) for e in t)[len(t[0].lead):]
        return o[0].lead + markers(ours_lines, theirs_lines, self.eol)

    def _ours_entry(self, b: Entry | None, o: Entry, t: Entry | None) -> Merged | None:
        if t is None:
            if b is None:
                return Merged(self._full(self.ours, o), canon(o.node))  # ours added it
            if self._full(self.base, b) == self._full(self.ours, o):
                return None  # theirs deleted it, ours left it alone
            return Merged(self._conflict(o, None), None)
        return self.entry(b, o, t)

    def entry(self, b: Entry | None, o: Entry, t: Entry) -> Merged:
        try:
            lead = pick(b.lead if b else None, o.lead, t.lead) if b or o.lead != t.lead else o.lead
        except Conflict:
            return Merged(self._conflict(o, t, whole=True), None)
        try:
            head = pick(b.head if b else None, o.head, t.head)
            tail = pick(b.tail if b else None, o.tail, t.tail)
            value = self.value(b.node if b else None, o.node, t.node, dated=o.ident == "log")
        except Conflict:
            return Merged(lead + self._conflict(o, t), None)
        return Merged(lead + head + value.text + tail, value.data)

    def flow_mapping(self, b: Node | None, o: MappingNode, t: MappingNode) -> Merged:
        base = {k: v for k, v, _ in flow_pairs(self.base, b)} if isinstance(b, MappingNode) else {}
        ours, theirs = flow_pairs(self.ours, o), flow_pairs(self.theirs, t)
        theirs_by = {k: (v, text) for k, v, text in theirs}
        out: list[tuple[str, str, Any]] = []
        for key, value, text in ours:
            bv = base.get(key)
            if key not in theirs_by:
                if bv is not None and value_text(self.base, bv) != value_text(self.ours, value):
                    raise Conflict  # theirs deleted what ours changed
                if bv is None:
                    out.append((key, text, canon(value)))
                continue
            merged = self.value(bv, value, theirs_by[key][0])
            vstart = value.start_mark.index - _start(self.ours, o, key)
            out.append((key, text[:vstart] + merged.text if value_text(self.ours, value) else text, merged.data))
        ours_keys = {k for k, _, _ in ours}
        for i, (key, value, text) in enumerate(theirs):
            if key in ours_keys:
                continue
            if key in base:
                if value_text(self.base, base[key]) != value_text(self.theirs, value):
                    raise Conflict  # ours deleted what theirs changed
                continue
            at = _place([k for k, _, _ in out], [k for k, _, _ in theirs], i)
            out.insert(at, (key, text, canon(value)))
        return Merged(_join_flow(self.ours, o, [text for _, text, _ in out]), {k: d for k, _, d in out})

    def _full(self, text: str, e: Entry) -> str:
        start, end = value_span(text, e.node)
        return e.lead + e.head + text[start:end] + e.tail if value_text(text, e.node) else e.lead + e.head + e.tail

    def _conflict(self, o: Entry | None, t: Entry | None, whole: bool = False) -> str:
        self.conflicts += 1
        ours = "" if o is None else self._full(self.ours, o)[0 if whole else len(o.lead):]
        theirs = "" if t is None else self._full(self.theirs, t)[0 if whole else len(t.lead):]
        lead = "" if whole else (o.lead if o is not None else t.lead if t is not None else "")
        return lead + markers(ours, theirs, self.eol)

    def _sides(self, b: Node | None, o: Node, t: Node) -> list[tuple[str, Node | None]]:
        return [(self.base, b), (self.ours, o), (self.theirs, t)]


def _run(entries: list[Entry]) -> list[Entry] | None:
    """``status`` and, when present, the ``done_on`` right after it; None if they are apart."""
    idents = [e.ident for e in entries]
    if COUPLED[0] not in idents:
        return None
    at = idents.index(COUPLED[0])
    if COUPLED[1] not in idents:
        return [entries[at]]
    return entries[at : at + 2] if idents.index(COUPLED[1]) == at + 1 and not entries[at + 1].lead else None


def _around(text: str, node: Node | None) -> tuple[str, str]:
    """The text before and after the root value (the file's first comments, its last lines)."""
    if node is None:
        return "", ""
    start, end = value_span(text, node)
    return text[:start], text[end:]


def _same_kind(o: Node, t: Node, b: Node | None) -> bool:
    kinds = {(type(n), is_block(n)) for n in (o, t, b) if n is not None}
    return len(kinds) == 1


def _after(out: list[tuple[Any, str, Any, str]], theirs: list[Entry], i: int, dated: bool) -> int:
    """Where theirs' new entry ``theirs[i]`` goes: a log entry by its date (after those of the same
    day), anything else by :func:`_place`."""
    new = theirs[i]
    if dated and item_date(new.node):
        day = item_date(new.node)
        return max((j + 1 for j, (_, _, _, d) in enumerate(out) if d and d <= day), default=0)
    return _place([i for i, _, _, _ in out], [e.ident for e in theirs], i)


def _place(order: list[Any], theirs: list[Any], i: int) -> int:
    """Where theirs' new key or id ``theirs[i]`` goes: in its sorted place when both sides keep their
    entries sorted (months, task ids), else after the last entry that theirs has before it."""
    new, before = theirs[i], set(theirs[:i])
    try:
        if len(order) > 1 and order == sorted(order) and theirs == sorted(theirs):
            return sum(1 for key in order if key < new)
    except TypeError:
        pass
    return max((j + 1 for j, key in enumerate(order) if key in before), default=0)


def _start(text: str, mapping: MappingNode, key: str) -> int:
    for k, _ in mapping.value:
        if k.value == key:
            return int(k.start_mark.index)
    raise KeyError(key)


def _join_flow(text: str, o: MappingNode, pairs: list[str]) -> str:
    """Ours' flow mapping with ``pairs``, written with its own brackets and separators."""
    own = o.value
    if not own:
        return "{" + ", ".join(pairs) + "}"
    first, last = own[0][0].start_mark.index, max(own[-1][0].end_mark.index, own[-1][1].end_mark.index)
    seps = [text[max(a[0].end_mark.index, a[1].end_mark.index) : b[0].start_mark.index] for a, b in zip(own, own[1:], strict=False)]
    sep = seps[0] if seps else ", "
    body = "".join(p + (seps[i] if i < len(seps) else sep) for i, p in enumerate(pairs[:-1])) + (pairs[-1] if pairs else "")
    return text[o.start_mark.index : first] + body + text[last : o.end_mark.index]
