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

import hashlib
import marshal
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guilin_campaign.cachefolder import CacheFolder
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, LoadResult

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


def build(lines: Iterable[bytes], c: Campaign, source: SourceMap | None = None) -> SpanIndex:
    """The index of the tasks file whose lines (each with its ``\\n``) are ``lines``, from the
    campaign loaded from them and their line map (``source``, else the campaign's own). A record
    whose first line does not start with ``- `` is left out (an update of it takes the full path)."""
    source = c.tasks_source if source is None else source
    at_line: dict[int, list[str]] = {}
    for ref in c.tasks:
        if line := source.line(ref.path):
            at_line.setdefault(line, []).append(ref.id)
    starts, pos = {}, 0
    for number, text in enumerate(lines, 1):
        ids = at_line.get(number)
        if ids is not None and len(ids) == 1 and text.lstrip(b" ").startswith(b"- "):
            starts[ids[0]] = pos
        pos += len(text)
    adhoc = frozenset(ref.id for ref in c.tasks if ref.action is None)
    return SpanIndex(starts, adhoc, c.info.start, frozenset(c.units), {k: list(v) for k, v in c.groups.items()})


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


def remember(store: CacheFolder, entry: str, key_of: KeyOf, folder: Path, result: LoadResult) -> None:
    """After a full load of ``folder`` with its line maps: keep its index, when it found no problems
    and the files still hold the bytes it read. The tasks file is read again a line at a time (a
    large campaign's load holds enough already)."""
    c = result.campaign
    if c is None or result.problems or c.tasks_source.data is None:
        return
    try:
        hashes = _file_digest(folder / TASKS_FILE), _file_digest(folder / UNITS_FILE)
        if (result.read.get(TASKS_FILE), result.read.get(UNITS_FILE)) != hashes:
            return  # changed since the load read them (or not read from disk)
        with (folder / TASKS_FILE).open("rb") as lines:
            index = build(lines, c)
        if (_file_digest(folder / TASKS_FILE), _file_digest(folder / UNITS_FILE)) != hashes:
            return
    except OSError:
        return
    write(store, entry, key_of(*hashes), index)


def _file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
