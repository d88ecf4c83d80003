"""A cache of loaded campaigns: a data folder read once is read again from a pickle, not parsed.

Reading and checking 10,000 tasks of YAML takes over a second; unpickling the result takes a tenth
of that. An entry is used only when everything the result was made from is the same, byte for byte:
the key hashes both files' bytes, the data folder as it was named (problems carry that name), and
the program itself (its own source files and the libraries that build the data, by size and
modification time). Anything else is a miss, and a miss reads the files as if there were no cache.

The cache is a convenience: an entry that cannot be read, written or unpickled is a miss and is
written again; the cache folder can be deleted at any time. There is one entry per data folder,
replaced on each miss, so the folder does not grow with every edit.

A campaign read from the cache has empty line maps (:class:`~guilin_campaign.yamlio.SourceMap`
keeps its lines by object ids, which do not survive pickling): its problems were found, with their
lines, before it was stored. Updates never start from the cache; they read the file itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from contextlib import suppress
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, LoadResult, digest, gc_paused, load_campaign
from guilin_campaign.yamlio import SourceMap

MAGIC = b"guilin-campaign cache 1\n"
_HASHED_LIBRARIES = ("pydantic", "pydantic_core", "yaml")


def load(folder: Path, cache_folder: Path | None) -> LoadResult:
    """What :func:`~guilin_campaign.loading.load_campaign` returns, from the cache when it can be."""
    if cache_folder is None:
        return load_campaign(folder)
    entry = entry_path(cache_folder, folder)
    hashes = _hash_both(folder)
    if hashes is not None:
        with gc_paused():
            hit = _read_entry(entry, entry_key(folder, *hashes))
        if hit is not None:
            return hit
    result = load_campaign(folder)
    if result.campaign is not None:
        # Read as a hit would be (see the module's docstring), and the parsed data and line maps
        # freed before the pickler builds its table of every object.
        result.campaign.tasks_source = result.campaign.units_source = SourceMap(None)
    if TASKS_FILE in result.read and UNITS_FILE in result.read:  # keyed by the bytes the loader read
        _write_entry(entry, entry_key(folder, result.read[TASKS_FILE], result.read[UNITS_FILE]), result)
    return result


def remember(folder: Path, cache_folder: Path | None, result: LoadResult, tasks: bytes, units: bytes) -> None:
    """Remember ``result`` as the load of ``folder`` whose files hold ``tasks`` and ``units`` (an
    update has just checked and written them)."""
    if cache_folder is not None:
        _write_entry(entry_path(cache_folder, folder), entry_key(folder, digest(tasks), digest(units)), result)


def entry_path(cache_folder: Path, folder: Path) -> Path:
    """One entry per data folder, named by a hash of its full path."""
    name = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:32]
    return cache_folder / f"{name}.pickle"


def entry_key(folder: Path, tasks_hash: str, units_hash: str) -> bytes:
    """The program, the folder's name as given, and the SHA-256 of each file's bytes."""
    key = hashlib.sha256(program_fingerprint())
    for part in (os.fsencode(str(folder)), tasks_hash.encode("ascii"), units_hash.encode("ascii")):
        key.update(len(part).to_bytes(8, "little"))
        key.update(part)
    return key.hexdigest().encode("ascii") + b"\n"


@cache
def program_fingerprint() -> bytes:
    """Python's version, and the size and modification time of every source file of this package
    and of the libraries whose objects are pickled or that decide what the data is."""
    parts = [sys.version, str(pickle.HIGHEST_PROTOCOL)]
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


def _read_entry(entry: Path, key: bytes) -> LoadResult | None:
    try:
        with entry.open("rb") as f:
            if f.readline() != MAGIC or f.readline() != key:
                return None
            result = pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing, truncated or stale entry is only a miss
        return None
    return result if isinstance(result, LoadResult) else None


def _write_entry(entry: Path, key: bytes, result: LoadResult) -> None:
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with temporary.open("wb") as f:
            f.write(MAGIC + key)
            pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except Exception:  # noqa: BLE001 - never fatal: an update calls this after writing the clerk's file
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
