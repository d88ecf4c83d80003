"""One update at a time per data folder, through a lock the operating system releases.

The lock is ``flock`` on an open file in the folder's work folder (:data:`WORK_DIR`): when its
holder ends, however it ends (a crash, ``kill -9``, a power cut), the lock is gone, so a stale
lock cannot exist and nobody is ever told to delete the file. Deleting it anyway cannot lose an
update: a holder checks after locking that the path still names the file it locked (and locks
again if not), and the write itself is a compare-and-swap (:func:`~guilin_campaign.write.fileio.write_atomic`
with ``verify``), which refuses to replace a file that changed since it was read.

The work folder holds the lock and the temporary files of updates. It carries its own
``.gitignore`` of ``*``, so git never shows it, whether or not the data folder was made by
``init`` and whether ``git init`` ran before or after. It is inside the data folder, on the same
file system, so a temporary file can be renamed over the data file.

Where ``fcntl`` does not exist (Windows), the ``filelock`` package's lock is used; it is released
by the system as well, but holds no note of its holder.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import CampaignError, ErrorKind

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

WORK_DIR = ".guilin-campaign"  # git never shows it: see the module's docstring
LOCK_NAME = f"{WORK_DIR}/lock"
TMP_SUFFIX = ".tmp"  # temporary files of updates: WORK_DIR/<name>.<random>.tmp
WAIT_SECONDS = 120.0  # how long an update waits for another one before giving up
_POLL = 0.05
_LEFTOVERS = (f"{WORK_DIR}/*{TMP_SUFFIX}", ".tasks.yaml.*.tmp", ".units.yaml.*.tmp")  # the last two: older versions'


@dataclass(frozen=True)
class Holder:
    """Who takes the lock, for the message of whoever has to wait: the command line and when it started."""

    command: str = ""
    since: str = ""


def work_dir(folder: Path) -> Path:
    """The data folder's work folder, created (with its ``.gitignore``) if missing."""
    from guilin_campaign.write.fileio import cannot_write  # only when updating: read commands import this module

    work = folder / WORK_DIR
    if work.is_symlink():  # it would put our lock and temporary files wherever it points
        raise CampaignError(msg("lock.work_symlink", work=work), kind=ErrorKind.REFUSED)
    try:
        work.mkdir(exist_ok=True)
        # Created whole in one write, and never rewritten: git would show the folder while it is empty.
        fd = os.open(work / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return work
    except OSError as err:
        raise CampaignError(cannot_write(work, err, msg("lock.outcome"))) from None
    try:
        os.write(fd, b"# made by guilin-campaign: its lock and temporary files, never versioned\n*\n")
    except OSError as err:
        with suppress(OSError):
            os.unlink(work / ".gitignore")  # an empty one would stay, ignoring nothing
        raise CampaignError(cannot_write(work, err, msg("lock.outcome"))) from None
    finally:
        os.close(fd)
    return work


@contextmanager
def data_lock(
    folder: Path, timeout: float | None = None, holder: Holder = Holder(), on_wait: Callable[[Msg], None] | None = None
) -> Iterator[None]:
    """Hold the data folder's lock for the body; wait up to ``timeout`` seconds (default
    :data:`WAIT_SECONDS`) for it. ``holder`` (the command and the time it started) is written into
    the lock file for whoever waits; ``on_wait`` is told once, with the holder, when we must wait."""
    if not folder.is_dir():  # a mistyped folder would look empty
        raise CampaignError(msg("lock.no_folder", folder=folder))
    path = work_dir(folder) / "lock"
    wait = WAIT_SECONDS if timeout is None else timeout
    if fcntl is None:  # pragma: no cover - Windows
        with _portable_lock(path, wait):
            sweep_leftovers(folder)
            yield
        return
    fd = _acquire(path, time.monotonic() + wait, on_wait)
    try:
        _note_holder(fd, holder)
        sweep_leftovers(folder)
        yield
    finally:
        with suppress(OSError):
            os.ftruncate(fd, 0)  # the note is of a holder that has gone
        os.close(fd)  # releases the lock


def sweep_leftovers(folder: Path) -> None:
    """Delete the temporary files of updates that were killed before they could. A writer holds
    ``flock`` on its temporary file until the rename, so one still being written (by a command
    that got in while someone deleted the lock file) is left alone."""
    from guilin_campaign.write.fileio import remove_if_unused

    for pattern in _LEFTOVERS:
        with suppress(OSError):  # the work folder may vanish meanwhile: nothing left to sweep
            for leftover in folder.glob(pattern):
                remove_if_unused(leftover)


def read_holder(path: Path) -> Msg:
    """Who holds the lock at ``path``, in words: ``pid 123, `guilin-campaign done T042`, since ...``."""
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        command = f", `{note['command']}`" if note.get("command") else ""
        since = msg("lock.since", since=note["since"]) if note.get("since") else ""
        return msg("lock.holder", pid=int(note["pid"]), command=command, since=since)
    except (OSError, ValueError, TypeError, KeyError):
        return msg("lock.unknown_holder")


def _acquire(path: Path, deadline: float, on_wait: Callable[[Msg], None] | None) -> int:
    told = False
    while True:
        fd = _open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise CampaignError(msg("lock.busy", holder=read_holder(path))) from None
            if on_wait is not None and not told:
                on_wait(msg("lock.waiting", holder=read_holder(path)))
                told = True
            time.sleep(_POLL)
            continue
        except OSError as err:
            os.close(fd)
            raise CampaignError(msg("lock.cannot_lock", path=path, why=err.strerror or err)) from None
        if _still_named(path, fd):
            return fd
        os.close(fd)  # the file was deleted (or replaced) after we opened it: lock the one there now


def _open(path: Path) -> int:
    from guilin_campaign.write.fileio import cannot_write

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(3):
        try:
            return os.open(path, flags, 0o666)
        except FileNotFoundError:  # the work folder itself was deleted: make it again
            work_dir(path.parent.parent)
        except PermissionError:  # another clerk's lock file in a shared folder: flock works on a read-only one
            with suppress(OSError):
                return os.open(path, os.O_RDONLY | (flags & ~(os.O_RDWR | os.O_CREAT)))
            raise
        except OSError as err:
            raise CampaignError(cannot_write(path, err, msg("lock.outcome"))) from None
    raise CampaignError(msg("lock.keeps_disappearing", path=path))


def _still_named(path: Path, fd: int) -> bool:
    try:
        on_disk, ours = os.stat(path, follow_symlinks=False), os.fstat(fd)
    except OSError:
        return False
    return (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino)


def _note_holder(fd: int, holder: Holder) -> None:
    """Write who holds the lock into it, for the message of whoever waits; best effort."""
    note = json.dumps({"pid": os.getpid(), "command": holder.command, "since": holder.since}, ensure_ascii=False) + "\n"
    with suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, note.encode("utf-8"), 0)


@contextmanager
def _portable_lock(path: Path, wait: float) -> Iterator[None]:  # pragma: no cover - Windows
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise CampaignError(msg("lock.busy", holder=msg("lock.unknown_holder"))) from None
    except OSError as err:
        raise CampaignError(msg("lock.cannot_lock", path=path, why=err.strerror or err)) from None
    try:
        yield
    finally:
        lock.release()

