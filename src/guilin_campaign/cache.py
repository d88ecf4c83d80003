"""A cache of loaded campaigns: a data folder read once is read again as plain data, not parsed.

Reading and checking 10,000 tasks of YAML takes over a second; reading the checked result back
takes a few hundredths of that. An entry is used only when everything the result was made from is
the same, byte for byte: its key hashes both files' bytes, the data folder as it was named
(problems carry that name), and the program itself (its own source files and the libraries that
decide what the data is, by size and modification time). Anything else is a miss, and a miss reads
the files as if there were no cache.

The cache folder may have been written by someone else, so nothing read from it is trusted until it
is proved ours (:mod:`guilin_campaign.cachefolder`: a private folder, and every entry signed with
the user's own secret key). Only then are its bytes decoded, by :mod:`marshal`, into plain data
(tuples, lists, dicts, strings, numbers: no code, no classes) that becomes the campaign without
being validated again: for a command that only reads (``plain=True``, :mod:`guilin_campaign.cacheplain`:
a hit then imports neither pydantic nor the models), as query-ready columns
(:mod:`guilin_campaign.cachecolumns`) and plain records, the tasks file's records decoded only if
the command asks for them; else as the models (:mod:`guilin_campaign.cachecodec`). An entry that is missing, stale, foreign
or doctored is a miss and is written again; a folder or key that is not the user's alone is not used
at all (``notice`` says why). The cache folder can be deleted at any time.

An entry is two files: the head (``<name>.entry``: the columns, the units, the problems) and the
tail (``<name>.tail``: the tasks file's records), each signed, both under the same key. A hit of a
read command reads the head alone (at 100,000 tasks 14 of 69 MB), and the tail only if the
command asks for the records; a tail gone meanwhile is made again from the files, if they are
still the bytes the head was made from.

A campaign read from the cache has empty line maps: its problems were found, with their lines,
before it was stored. Updates never start from the cache; they read the file itself.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from guilin_campaign import cacheplain
from guilin_campaign.cachefolder import CacheFolder, Unsafe, open_folder
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, LoadResult, Progress, digest, gc_paused

MAGIC = b"guilin-campaign cache 4\n"
TAIL_MAGIC = b"guilin-campaign cache 4 tail\n"
_HASHED_LIBRARIES = ("pydantic", "pydantic_core", "yaml")
Notice = Callable[[str], None]


def load(
    folder: Path, cache_folder: Path | None, notice: Notice | None = None, progress: Progress | None = None,
    plain: bool = False,
) -> LoadResult:
    """What :func:`~guilin_campaign.loading.load_campaign` returns, from the cache when it can be;
    with ``plain``, a hit holds plain records of the models' shape (:mod:`guilin_campaign.cacheplain`).

    ``notice`` hears why the cache folder is not used, when it is not safe to use."""
    store = _open(cache_folder, notice)
    if store is None:
        return load_campaign(folder, progress=progress)
    try:
        return _load(store, folder, progress, plain)
    finally:
        store.close()


def _load(store: CacheFolder, folder: Path, progress: Progress | None, plain: bool) -> LoadResult:
    name = entry_name(folder)
    hashes = _hash_both(folder)
    if hashes is not None:
        with gc_paused():
            key = entry_key(folder, *hashes)
            hit = _read_entry(store, name, key, plain, folder)
            if hit is None:  # after an update's fast path: the entry before it, with its records put in
                from guilin_campaign.cachepatch import patched

                hit = patched(store, name, key, hashes, plain, lambda base: _read_entry(store, name, base, plain, folder))
        if hit is not None:
            return hit
    from guilin_campaign.yamlsyntax.sourcemap import SourceMap

    result = load_campaign(folder, progress=progress)
    from guilin_campaign import spanindex  # an update's index of the records, while the line maps exist

    spanindex.remember(store, name, lambda tasks, units: entry_key(folder, tasks, units), folder, result)
    if result.campaign is not None:
        result.campaign.tasks_source = result.campaign.units_source = SourceMap(None)  # as a hit has them
    if TASKS_FILE in result.read and UNITS_FILE in result.read:  # keyed by the bytes the loader read
        if progress is not None:
            progress("saving the cache")
        _write_entry(store, name, entry_key(folder, result.read[TASKS_FILE], result.read[UNITS_FILE]), result)
    return result


def load_campaign(folder: Path, progress: Progress | None = None) -> LoadResult:
    """A miss: :func:`guilin_campaign.loading.load_campaign` (parse, validate, check), imported
    only now, as it imports pydantic and the models."""
    from guilin_campaign.loading import load_campaign as parse_and_check

    return parse_and_check(folder, progress=progress)


def remember(
    folder: Path, cache_folder: Path | None, result: LoadResult, tasks: bytes, units: bytes, notice: Notice | None = None
) -> None:
    """Remember ``result`` as the load of ``folder`` whose files hold ``tasks`` and ``units`` (an
    update has just checked and written them). Its campaign may hold models, or the records of a
    plain hit with some of them replaced by models. Never fails: the update itself is done."""
    store = _open(cache_folder, notice)
    if store is not None:
        try:
            _write_entry(store, entry_name(folder), entry_key(folder, digest(tasks), digest(units)), result)
        finally:
            store.close()


def _open(cache_folder: Path | None, notice: Notice | None) -> CacheFolder | None:
    if cache_folder is None:
        return None
    try:
        return open_folder(cache_folder)
    except Unsafe as err:
        if notice is not None:
            notice(f"the cache is not used: {err}")
        return None
    except OSError:  # cannot be made or read here: the cache only saves time
        return None


def entry_name(folder: Path) -> str:
    """One entry per data folder, named by a hash of its full path."""
    return hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:32] + ".entry"


def entry_path(cache_folder: Path, folder: Path) -> Path:
    return cache_folder / entry_name(folder)


def tail_name(name: str) -> str:
    """The tail of the entry ``name``: the tasks file's records."""
    return name.removesuffix(".entry") + ".tail"


def entry_key(folder: Path, tasks_hash: str, units_hash: str) -> bytes:
    """The program, the folder's name as given, and the SHA-256 of each file's bytes."""
    key = hashlib.sha256(program_fingerprint())
    for part in (os.fsencode(str(folder)), tasks_hash.encode("ascii"), units_hash.encode("ascii")):
        key.update(len(part).to_bytes(8, "little"))
        key.update(part)
    return key.hexdigest().encode("ascii") + b"\n"


@cache
def program_fingerprint() -> bytes:
    """Python's version, the layout of entries, and the size and modification time of every source
    file of this package and of the libraries that decide what the data is."""
    parts = [sys.version, f"marshal {marshal.version}", f"layout {cacheplain.VERSION}"]
    roots = [Path(__file__).parent]
    for name in _HASHED_LIBRARIES:
        spec = find_spec(name)
        if spec is not None and spec.origin is not None:
            roots.append(Path(spec.origin).parent)
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".so", ".pyd")):
                    stat = os.stat(os.path.join(dirpath, name))
                    parts.append(f"{dirpath}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def _hash_both(folder: Path) -> tuple[str, str] | None:
    try:
        return digest((folder / TASKS_FILE).read_bytes()), digest((folder / UNITS_FILE).read_bytes())
    except OSError:
        return None


def _read_entry(store: CacheFolder, name: str, key: bytes, plain: bool, folder: Path) -> LoadResult | None:
    head = store.read(name, MAGIC + key)  # None unless signed with this user's key
    if head is None:
        return None
    try:
        if plain:
            return cacheplain.decode(head, _tail_reader(store.path, name, key, folder))
        tail = store.read(tail_name(name), TAIL_MAGIC + key)
        if tail is None:
            return None
        from guilin_campaign import cachecodec

        return cachecodec.decode((head, tail))
    except Exception:  # noqa: BLE001 - ours but unreadable (a bug, a layout change): only a miss
        return None


def _tail_reader(cache_folder: Path, name: str, key: bytes, folder: Path) -> Callable[[dict[str, str]], bytes]:
    """How a plain hit reads its tail when first asked: from the cache folder (checked again), else
    from the files, when they still hold the bytes the head was made from (``read``)."""

    def read_tail(read: dict[str, str]) -> bytes:
        try:
            store = open_folder(cache_folder)
        except (Unsafe, OSError):
            store = None
        if store is not None:
            try:
                tail = store.read(tail_name(name), TAIL_MAGIC + key)
            finally:
                store.close()
            if tail is not None:
                return tail
        return _tail_from_files(folder, read)

    return read_tail


def _tail_from_files(folder: Path, read: dict[str, str]) -> bytes:
    from guilin_campaign import cachecodec
    from guilin_campaign.catalogue import msg
    from guilin_campaign.problems import CampaignError

    result = load_campaign(folder)
    if result.campaign is None or result.read != read:
        raise CampaignError(msg("cache.changed_meanwhile", folder=folder))
    return cachecodec.encode(result)[1]


def _write_entry(store: CacheFolder, name: str, key: bytes, result: LoadResult) -> None:
    """The tail first: a head is never there before its tail (unless the cache folder is emptied)."""
    try:
        from guilin_campaign import cachecodec

        with gc_paused():  # hundreds of thousands of new containers: a collection would only scan them
            head, tail = cachecodec.encode(result)
        if tail:
            store.write(tail_name(name), TAIL_MAGIC + key, tail)
        store.write(name, MAGIC + key, head)
    except Exception:  # noqa: BLE001 - never fatal: an update calls this after writing the clerk's file
        pass
