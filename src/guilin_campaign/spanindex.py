"""Where each task's record starts in the tasks file, kept beside the cache for an update's fast path.

An index is made from a full load that found no problems (:func:`build`) and holds, for exactly the
bytes of ``tasks.yaml`` and ``units.yaml`` it was made from, what an update of one task needs to edit
and check that task alone (:mod:`guilin_campaign.write.fastpath`): the byte offset of each task's
record (the line of its ``- ``), whether it is ad hoc, the campaign's start, the unit ids and the
groups. It is stored in the cache folder (:mod:`guilin_campaign.cachefolder`), signed like the
cache's entries and keyed like them (:func:`guilin_campaign.cache.entry_key`: the program, the folder
as named, both files' SHA-256), so an index read back (:func:`read`) is ours and made from these very
bytes, by this very program, or it is not read at all. Its existence says: a full load of these
bytes found no problems.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guilin_campaign.cachefolder import CacheFolder
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, LoadResult, digest

if TYPE_CHECKING:
    from guilin_campaign.campaign import Campaign
    from guilin_campaign.yamlsyntax.sourcemap import SourceMap

MAGIC = b"guilin-campaign spans 2\n"
_WHOLE, _PATCHED = b"W", b"P"  # the payload's first byte: an index with no patches, or with some
KeyOf = Callable[[str, str], bytes]  # the cache's key of the files with these SHA-256 (tasks, units)


@dataclass(frozen=True)
class SpanIndex:
    starts: dict[str, int]  # task id -> byte offset of the start of its record's first line
    adhoc: frozenset[str]  # the ids of the ad-hoc tasks (validated as AdhocTask)
    start: date  # the campaign's start
    units: frozenset[str]  # every unit id
    groups: dict[str, list[str]]  # group name -> its members
    # The cache entry these files' load is, with ``patches``: the key of the entry written with the
    # full load this index was made from (None: this index's own key), and the records edited on
    # the fast path since, task id -> (ad hoc, its data as read; see guilin_campaign.cachepatch).
    base: bytes | None = None
    patches: dict[str, tuple[bool, Any]] = field(default_factory=dict)

    def edited(self, key: bytes, at: int, by: int, task_id: str, data: Any) -> SpanIndex:
        """The index of the files after the record at ``at`` became ``data`` and grew by ``by``
        bytes (the records after it moved); ``key`` is the cache key of the files before."""
        starts = {k: (v + by if v > at else v) for k, v in self.starts.items()}
        patches = {**self.patches, task_id: (task_id in self.adhoc, data)}
        return replace(self, starts=starts, base=self.base or key, patches=patches)


def build(raw: bytes, c: Campaign, source: SourceMap | None = None) -> SpanIndex | None:
    """The index of ``raw`` (the tasks file's bytes), from the campaign loaded from them and their
    line map (``source``, else the campaign's own); None when the file's lines cannot be found by
    ``\\n`` (lines ending in CR alone)."""
    if b"\r" in raw and b"\n" not in raw:
        return None
    source = c.tasks_source if source is None else source
    lines = {ref.id: source.line(ref.path) for ref in c.tasks}
    wanted = sorted({line for line in lines.values() if line})
    offsets = dict(zip(wanted, _line_offsets(raw, wanted), strict=True))
    starts = {}
    for ident, line in lines.items():
        at = offsets.get(line) if line else None
        if at is not None and raw[at : raw.find(b"\n", at)].lstrip(b" ").startswith(b"- "):
            starts[ident] = at  # a record that starts with "- " on its own line; others take the full path
    adhoc = frozenset(ref.id for ref in c.tasks if ref.action is None)
    return SpanIndex(starts, adhoc, c.info.start, frozenset(c.units), {k: list(v) for k, v in c.groups.items()})


def _line_offsets(raw: bytes, lines: list[int]) -> list[int]:
    """The offset of the start of each 1-based line of ``lines`` (sorted ascending)."""
    out, pos, at = [], 0, 1
    for line in lines:
        while at < line:
            pos = raw.index(b"\n", pos) + 1
            at += 1
        out.append(pos)
    return out


def name(entry: str, patched: bool = False) -> str:
    """The index's name beside the cache entry named ``entry``: one made with the entry by a full
    load (``.spans``), and one an update's fast path made since (``.patch``), kept apart so that
    the files put back as they were (a ``git checkout``) find their index again."""
    return entry.removesuffix(".entry") + (".patch" if patched else ".spans")


def write(store: CacheFolder, entry: str, key: bytes, index: SpanIndex) -> None:
    """Keep ``index`` beside the cache entry ``entry``, for the files whose cache key is ``key``;
    never fails (it only saves time)."""
    payload = (index.starts, sorted(index.adhoc), index.start.toordinal(), sorted(index.units), index.groups,
               index.base or key, index.patches)
    with suppress(Exception):  # an update calls this after writing the clerk's file
        patched = bool(index.patches)
        store.write(name(entry, patched), MAGIC + key, (_PATCHED if patched else _WHOLE) + marshal.dumps(payload))


def read(store: CacheFolder, entry: str, key: bytes, patched: bool = False) -> SpanIndex | None:
    """The index kept beside ``entry`` for the files whose cache key is ``key``, if there is one;
    with ``patched``, only an index with patches (one an update's fast path wrote)."""
    payload = store.read(name(entry, True), MAGIC + key)
    if payload is None and not patched:
        payload = store.read(name(entry), MAGIC + key)
    if payload is None or payload[:1] not in (_PATCHED, _WHOLE):
        return None
    try:
        starts, adhoc, start, units, groups, base, patches = marshal.loads(payload[1:])
        return SpanIndex(starts, frozenset(adhoc), date.fromordinal(start), frozenset(units), groups,
                         None if base == key else base, patches)
    except Exception:  # noqa: BLE001 - ours but unreadable: as if there were none
        return None


def remember(
    store: CacheFolder, entry: str, key_of: KeyOf, folder: Path, result: LoadResult,
    raw: bytes | None = None, units: bytes | None = None,
) -> None:
    """After a full load of ``folder`` with its line maps: keep its index, when it found no problems
    and the files hold the bytes it read (``raw`` and ``units`` when given, else read again)."""
    c = result.campaign
    if c is None or result.problems or c.tasks_source.data is None:
        return
    try:
        raw = (folder / TASKS_FILE).read_bytes() if raw is None else raw
        units = (folder / UNITS_FILE).read_bytes() if units is None else units
    except OSError:
        return
    hashes = digest(raw), digest(units)
    if result.read.get(TASKS_FILE, hashes[0]) != hashes[0] or result.read.get(UNITS_FILE, hashes[1]) != hashes[1]:
        return  # changed since the load read them
    index = build(raw, c)
    if index is not None:
        write(store, entry, key_of(*hashes), index)
