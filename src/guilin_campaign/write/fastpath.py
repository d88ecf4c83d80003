"""An update that costs what it changes: one task's record edited, checked and spliced alone.

Under the data folder's lock, with the index of the records kept beside the cache for exactly the
bytes on disk (:mod:`guilin_campaign.spanindex`: a full load of them found no problems), an update
of one task's status or log (:class:`~guilin_campaign.write.requests.SetStatus`,
:class:`~guilin_campaign.write.requests.AddNote`):

1. cuts the task's record out of the file: its whole lines, from its ``- `` to the next line that is
   not more indented (:func:`guilin_campaign.yamlsyntax.spans.item_lines`, the lines the full path's
   edit session works on);
2. reads it strictly on its own and as the model would (:mod:`guilin_campaign.taskrecord`), and makes the very
   edit the full path makes (:mod:`.changes`), on those lines as their own small document;
3. reads the new lines back on their own: they must still be one whole record of the same task,
   changed only in its status, ``done_on``, units' parts and log, valid as the model, and sound for
   every check that reads those (:func:`.taskrecord.sound`);
4. splices them into the file's bytes and writes it only if the file is still the bytes it read
   (a compare-and-swap, :func:`~guilin_campaign.write.fileio.write_atomic`), then keeps the index of
   the new bytes.

Without an index of the bytes on disk (a first update, or one after a hand edit) it first loads
the files through the cache, as a read does, which keeps their index when they have no problems:
one load, not the full path's two. With ``--commit`` it runs only when the data files have no
changes of their own in git, and commits under the lock; with ``--dry-run`` it makes the update and
its diff, takes no lock and writes nothing.

A refusal that the task's own record decides (a task marked done twice) it says itself, in the full
path's words. Whatever else it is not sure of (no index still, another kind of change, a record it
does not read, any other refusal, a check that would fail) returns None before anything is
written, and :func:`guilin_campaign.write.apply.apply` runs the full load-and-check, which gives the answer
and every message. So the fast path never answers differently; it only answers sooner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from guilin_campaign import cache, spanindex, taskrecord
from guilin_campaign.cachefolder import CacheFolder, open_if_safe
from guilin_campaign.cachepatch import MOST, encode
from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Msg
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, digest
from guilin_campaign.problems import CampaignError
from guilin_campaign.readfile import NotAPlainFile, read_plain
from guilin_campaign.write.fileio import require_bytes, write_atomic
from guilin_campaign.write.lock import Holder, data_lock, work_dir
from guilin_campaign.write.requests import AddNote, SetStatus
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.records import canon
from guilin_campaign.yamlsyntax.sourcemap import SourceMap
from guilin_campaign.yamlsyntax.spans import item_lines

# Refusals decided by the task's own record, which the fast path reads as the model does: the full
# path would load the whole file to say the same (at 100,000 tasks 9 s and 600 MiB).
_TASK_ALONE = frozenset({"update.already_done"})
_EDITED = ("status", "done_on", "progress", "log")  # what a status or a note may change in a record
_WINDOW = 1 << 16


@dataclass(frozen=True)
class Spliced:
    """A fast update made: the new bytes of the tasks file and the clerk's one line."""

    raw: bytes
    message: str
    diff: str
    start: int  # where the record starts, in the old bytes and the new
    grew: int  # by how many bytes the record grew (the records after it moved)
    data: dict[str, Any]  # the record's new lines, read


def request_of(change: Any, units: frozenset[str]) -> SetStatus | AddNote | None:
    """The change as a request the fast path makes, or None. A request wrapped to resolve a unit's
    name (``change.change``, the CLI's ``UnitNamed``) is taken when its unit is absent or an id."""
    inner = getattr(change, "change", None) if not isinstance(change, (SetStatus, AddNote)) else change
    if isinstance(inner, AddNote) and inner is change:
        return inner
    if isinstance(inner, SetStatus) and (inner.unit is None or inner.unit in units):
        return inner
    return None


def cut(raw: bytes, start: int) -> tuple[int, str] | None:
    """The end of the record whose first line starts at ``start``, and its text, as
    :func:`~guilin_campaign.yamlsyntax.spans.item_lines` finds it in the whole text."""
    size = _WINDOW
    while True:
        stop = len(raw) if start + size >= len(raw) else raw.rfind(b"\n", start, start + size) + 1
        if stop > start:
            text = raw[start:stop].decode("utf-8")
            span = item_lines(text, 1)
            if span is None:
                return None
            if span[1] < len(text) or stop == len(raw):
                part = text[: span[1]]
                return start + len(part.encode("utf-8")), part
        size *= 4


def edit(index: spanindex.SpanIndex, raw: bytes, request: SetStatus | AddNote, folder: Path) -> Spliced | None:
    """The update made on the task's record alone, or None when the full path must decide."""
    start = index.start_of(request.task_id)
    found = cut(raw, start) if start is not None else None
    if start is None or found is None:
        return None
    end, part = found
    adhoc = request.task_id in index.adhoc
    old_data, old = _read(part, adhoc, request.task_id)
    if old is None:
        return None
    try:
        update = request(_campaign(folder, old, index), part)
    except CampaignError as err:  # a refusal that reads the task alone is said here; any other by the full path
        if isinstance(err.message, Msg) and err.message.key in _TASK_ALONE:
            raise
        return None
    except Exception:  # noqa: BLE001 - an edit it will not make: the full path says so, in its words
        return None
    new_part = update.new_text
    if item_lines(new_part, 1) != (0, len(new_part)) or new_part.endswith("\n") != part.endswith("\n"):
        return None
    new_data, new = _read(new_part, adhoc, request.task_id)
    if new is None or not taskrecord.sound(new, index.start, index.groups):
        return None
    if any(canon(old_data.get(k)) != canon(new_data.get(k)) for k in set(old_data) | set(new_data) if k not in _EDITED):
        return None
    with memoryview(raw) as whole:
        new_raw = b"".join((whole[:start], new_part.encode("utf-8"), whole[end:]))  # one copy of the file
    grew = len(new_raw) - len(raw)
    return Spliced(new_raw, update.message, _diff(raw, new_raw, start, end, grew, folder), start, grew, new_data)


def _read(part: str, adhoc: bool, task_id: str) -> tuple[dict[str, Any], taskrecord.Record | None]:
    parsed = parse(part, "")
    data = parsed.data
    if parsed.problems or type(data) is not list or len(data) != 1 or type(data[0]) is not dict:
        return {}, None
    record = taskrecord.task(data[0], adhoc)
    return data[0], (record if record is not None and record.id == task_id else None)


def _campaign(folder: Path, task: taskrecord.Record, index: spanindex.SpanIndex) -> Campaign:
    """A campaign of the one task, at path ``(0,)`` of its own lines, with the units and groups."""
    nothing = taskrecord.Record(actions=[], adhoc=[], campaign=None)
    units = taskrecord.Record(units=[], groups=index.groups)
    c = Campaign(folder, folder / TASKS_FILE, folder / UNITS_FILE, cast(Any, nothing), cast(Any, units),
                 SourceMap(None), SourceMap(None))
    c.tasks = [TaskRef(cast(Any, task), None, None, (0,))]
    c._tasks_by_id = {task.id: c.tasks[0]}
    c.units = cast(Any, dict.fromkeys(index.units))  # only ``in`` is asked of them here
    return c


def _diff(old: bytes, new: bytes, start: int, end: int, grew: int, folder: Path) -> str:
    """``diff -u`` of the file, made from the lines around the record (what the whole text's would be)."""
    from guilin_campaign.write.textdiff import unified_diff

    lo = start
    for _ in range(4):
        lo = old.rfind(b"\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
    hi = end
    for _ in range(4):
        found = old.find(b"\n", hi)
        hi = len(old) if found < 0 else found + 1
    shift = old.count(b"\n", 0, lo)
    codec = "utf-8-sig" if lo == 0 else "utf-8"  # the text the full path diffs has no BOM
    lines = unified_diff(old[lo:hi].decode(codec), new[lo : hi + grew].decode(codec), str(folder / TASKS_FILE))
    header = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", re.M)
    return header.sub(lambda m: f"@@ -{int(m[1]) + shift}{m[2] or ''} +{int(m[3]) + shift}{m[4] or ''} @@", lines)


def run(folder: Path, change: Any, cache_folder: Path | None, holder: Holder, on_wait: Callable[[Msg], None] | None,
        commit: Callable[[Spliced], None] | None = None, dry_run: bool = False) -> Spliced | None:
    """Make ``change`` on the fast path and write it (with ``dry_run``, only make it: no lock, as the
    full path takes none then), or None (nothing written: take the full path).
    With ``commit``, only when the data files have no changes of their own in git; ``commit`` is then
    called with the update made, still under the lock.
    Raises :class:`~guilin_campaign.write.fileio.FileChanged` if the file changed while it worked."""
    store = open_if_safe(cache_folder)
    if store is None:
        return None
    try:
        with nullcontext() if dry_run else data_lock(folder, holder=holder, on_wait=on_wait):
            done = _locked(folder, change, store, commit is not None, lambda: _load(folder, cache_folder), dry_run)
            if done is not None and commit is not None:
                commit(done)
            return done
    finally:
        store.close()


def _load(folder: Path, cache_folder: Path | None) -> None:
    """Load the files through the cache: a miss keeps their entry and, with no problems, the index
    of their records (a first update after a hand edit: one load, as a read makes, and the fast
    path, instead of the full path's two loads and their memory)."""
    cache.load(folder, cache_folder)


def _locked(folder: Path, change: Any, store: CacheFolder, committing: bool, load: Callable[[], None],
            dry_run: bool = False) -> Spliced | None:
    if committing and not _clean(folder):
        return None  # the full path refuses it, in its words
    try:
        raw, units = read_plain(folder / TASKS_FILE), read_plain(folder / UNITS_FILE)
    except (OSError, NotAPlainFile):
        return None
    entry, tasks_hash, units_hash = cache.entry_name(folder), digest(raw), digest(units)
    old_key = cache.entry_key(folder, tasks_hash, units_hash)
    index = spanindex.read(store, entry, old_key)
    if index is None and request_of(change, frozenset()) is not None:  # an update it takes, maybe: index the files first
        load()
        index = spanindex.read(store, entry, old_key)
    if index is None or len(index.shifts) >= MOST:
        return None
    request = request_of(change, index.units)
    done = edit(index, raw, request, folder) if request is not None else None
    if request is None or done is None or dry_run:
        return done
    path = folder / TASKS_FILE
    target = path.resolve() if path.is_symlink() else path  # as write_document: the file read through the link
    write_atomic(target, done.raw, tmp_dir=work_dir(folder), verify=lambda: require_bytes(target, raw))
    new_key = cache.entry_key(folder, digest(done.raw), units_hash)
    spanindex.write(store, entry, new_key, index.edited(old_key, request.task_id, done.grew, encode(done.data)))
    return done


def _clean(folder: Path) -> bool:
    """Whether a commit of the update would hold it and nothing else (see :func:`~guilin_campaign.write.git.require_clean`)."""
    from guilin_campaign.write.git import require_clean

    try:
        require_clean(folder, [folder / TASKS_FILE, folder / UNITS_FILE])
    except CampaignError:
        return False
    return True
