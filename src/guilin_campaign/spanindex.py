"""Where each task's record starts in the tasks file, kept beside the cache for an update's fast path.

An index is made from a full load that found no problems (:func:`build`) and holds, for exactly the
bytes of ``tasks.yaml`` and ``units.yaml`` it was made from, what an update of one task needs to edit
and check that task alone (:mod:`guilin_campaign.write.fastpath`): the byte offset of each task's
record (the line of its ``- ``), whether it is ad hoc, the campaign's start, the unit ids and the
groups. It is stored in the cache folder (:mod:`guilin_campaign.cachefolder`) beside the cache
entry written with the same load (``.spans``), signed like the cache's entries and keyed like them
(:func:`guilin_campaign.cache.entry_key`: the program, the folder as named, both files' SHA-256), so
an index read back (:func:`read`) is ours and made from these very bytes by this very program, or
it is not read at all. Its existence says: a full load of these bytes found no problems.

Each update on the fast path writes a small patch (``.patch``), keyed by the bytes it wrote: the key
of the whole index it started from (``base``, also the key of the cache entry written with it), the
records moved since (``shifts``: the original start of each record edited and by how many bytes it
grew; the records after it moved by as much), and each record edited, as its lines read
(``patches``; :mod:`guilin_campaign.cachepatch` makes the cache's hit from them). So an update writes
a few hundred bytes beside the cache, not an index or an entry of the whole file; and files put back
as they were (a ``git checkout``) still find their whole index.
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

MAGIC = b"guilin-campaign spans 3\n"
PATCH_MAGIC = b"guilin-campaign patch 1\n"
KeyOf = Callable[[str, str], bytes]  # the cache's key of the files with these SHA-256 (tasks, units)


@dataclass(frozen=True)
class SpanIndex:
    starts: dict[str, int]  # task id -> byte offset of the start of its record's first line (in the base)
    adhoc: frozenset[str]  # the ids of the ad-hoc tasks (validated as AdhocTask)
    start: date  # the campaign's start
    units: frozenset[str]  # every unit id
    groups: dict[str, list[str]]  # group name -> its members
    base: bytes | None = None  # the key of the files ``starts`` are of; None: these files
    shifts: tuple[tuple[int, int], ...] = ()  # (a record's start in the base, by how many bytes it grew)
    patches: dict[str, tuple[bool, Any]] = field(default_factory=dict)  # task id -> (ad hoc, its data)

    def start_of(self, task_id: str) -> int | None:
        """Where the task's record starts now (every record after an edited one moved with it)."""
        at = self.starts.get(task_id)
        return None if at is None else at + sum(by for edited, by in self.shifts if edited < at)

    def edited(self, key: bytes, task_id: str, by: int, data: Any) -> SpanIndex:
        """The index after the task's record became ``data``, ``by`` bytes longer; ``key`` is the
        cache key of the files before."""
        patches = {**self.patches, task_id: (task_id in self.adhoc, data)}
        return replace(self, base=self.base or key, shifts=(*self.shifts, (self.starts[task_id], by)), patches=patches)


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
    """Keep ``index`` beside the cache entry ``entry``, for the files whose cache key is ``key``:
    a whole index, or (with a ``base``) the patch of an update. Never fails: it only saves time."""
    with suppress(Exception):  # an update calls this after writing the clerk's file
        if index.base is None:
            whole = (index.starts, sorted(index.adhoc), index.start.toordinal(), sorted(index.units), index.groups)
            store.write(name(entry), MAGIC + key, marshal.dumps(whole))
        else:
            store.write(name(entry, True), PATCH_MAGIC + key, marshal.dumps((index.base, index.shifts, index.patches)))


def read(store: CacheFolder, entry: str, key: bytes) -> SpanIndex | None:
    """The index of the files whose cache key is ``key``, whole or patched, if there is one."""
    patch = read_patch(store, entry, key)
    whole = _read_whole(store, entry, patch[0]) if patch is not None else None
    if whole is None or patch is None:  # no patch, or its base replaced since (a read's miss loaded these files)
        return _read_whole(store, entry, key)
    return replace(whole, base=patch[0], shifts=patch[1], patches=patch[2])


def read_patch(store: CacheFolder, entry: str, key: bytes) -> tuple[bytes, tuple[tuple[int, int], ...], dict[str, Any]] | None:
    """The patch of the files whose cache key is ``key``: (base, shifts, patches), if there is one."""
    payload = store.read(name(entry, True), PATCH_MAGIC + key)
    if payload is None:
        return None
    try:
        base, shifts, patches = marshal.loads(payload)
        return base, tuple(tuple(s) for s in shifts), patches
    except Exception:  # noqa: BLE001 - ours but unreadable: as if there were none
        return None


def _read_whole(store: CacheFolder, entry: str, key: bytes) -> SpanIndex | None:
    payload = store.read(name(entry), MAGIC + key)
    if payload is None:
        return None
    try:
        starts, adhoc, start, units, groups = marshal.loads(payload)
        return SpanIndex(starts, frozenset(adhoc), date.fromordinal(start), frozenset(units), groups)
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
