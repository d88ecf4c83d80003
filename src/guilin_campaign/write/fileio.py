"""Reading and writing the clerk's file byte for byte: BOM and line endings as they were.

Every file the program writes goes through :func:`write_atomic`: a temporary file on the same
file system, flushed to disk, renamed over the target; a crash or a full disk leaves the old file
or the new one, never half of each. A target that is a symbolic link is refused (it could point
anywhere); an update of a data file reached through a link writes the file the link points to,
which it has just read (see :func:`write_document`).

An update is a compare-and-swap: just before the rename, holding a lock on the target's folder,
what is on disk is compared (size and SHA-256) with the bytes the update read; a file that changed
meanwhile is never replaced (:class:`FileChanged`).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import CampaignError, ErrorKind, Problem
from guilin_campaign.readfile import NotAPlainFile, read_plain
from guilin_campaign.write.advice import cannot_write as cannot_write  # re-exported: the one place to ask
from guilin_campaign.write.advice import require_writable as require_writable
from guilin_campaign.yamlsyntax.decode import decode


@dataclass(frozen=True)
class Document:
    """The text of a file without its BOM and whether it had one. A file whose lines end in CR
    alone (old Mac) is held with LF, and written back with CR (``cr_only``). ``read`` is the size
    and SHA-256 of the bytes read, to tell whether the file changed since."""

    text: str
    bom: bool
    cr_only: bool = False
    read: tuple[int, str] | None = field(default=None, compare=False)


class FileChanged(CampaignError):
    """The file on disk is no longer the one an update read: it was not replaced."""

    def __init__(self, message: Msg | str, problems: list[Problem] | None = None) -> None:
        super().__init__(message, problems, ErrorKind.REFUSED)


def read_document(path: Path) -> Document:
    raw = _read(path)
    text, problems = decode(raw, str(path))
    if text is None:
        raise CampaignError(msg("write.cannot_read_problem", path=path, said=problems[0].message), problems)
    cr_only = "\r" in text and "\n" not in text
    if cr_only:  # the editor works on LF; every CR of such a file is a line break (a CR in a value is written \r)
        text = text.replace("\r", "\n")
    return Document(text, raw.startswith(codecs.BOM_UTF8), cr_only, fingerprint(raw))


def fingerprint(raw: bytes) -> tuple[int, str]:
    return len(raw), hashlib.sha256(raw).hexdigest()


def write_document(path: Path, doc: Document, new_text: str, tmp_dir: Path | None = None, check: bool = True) -> bytes:
    """Replace ``path`` with ``new_text`` atomically, keeping the BOM, the line endings and the
    permission bits, and only if the file is still the one ``doc`` was read from (``check``);
    the bytes written. A symbolic link is kept: the file it points to is replaced."""
    if doc.cr_only:
        new_text = new_text.replace("\n", "\r")
    try:
        data = (codecs.BOM_UTF8 if doc.bom else b"") + new_text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise CampaignError(msg("write.not_utf8", path=path, why=err.reason)) from err
    target = path.resolve() if path.is_symlink() else path  # the file read through the link, by the clerk's own choice
    verify = (lambda: require_unchanged(target, doc)) if check and doc.read is not None else None
    write_atomic(target, data, tmp_dir=tmp_dir, verify=verify)
    return data


def require_unchanged(path: Path, doc: Document) -> None:
    """Raise :class:`FileChanged` unless ``path`` holds the very bytes ``doc`` was read from."""
    try:
        now = fingerprint(read_plain(path))
    except (OSError, NotAPlainFile):
        now = None
    if now != doc.read:
        raise FileChanged(msg("write.changed_meanwhile", path=path))


def require_bytes(path: Path, raw: bytes) -> None:
    """Raise :class:`FileChanged` unless ``path`` holds exactly ``raw`` (compared, not hashed)."""
    try:
        same = read_plain(path) == raw
    except (OSError, NotAPlainFile):
        same = False
    if not same:
        raise FileChanged(msg("write.changed_meanwhile", path=path))


def write_atomic(path: Path, data: bytes, tmp_dir: Path | None = None, verify: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and one rename, so a crash or a full
    disk leaves the old file or the new one. An existing regular file is replaced (keeping its
    permission bits); a symbolic link (even one pointing nowhere), a folder, a device or a read-only
    file is refused. The temporary file is made in ``tmp_dir`` if it is on the same file system,
    else next to ``path``. ``verify``, if given, runs just before the rename, holding a lock on the
    folder so that two writers' check-and-rename never interleave; it raises to stop the write."""
    _require_replaceable(path)
    folder = path.parent
    tmp: str | None = None
    try:
        mode = _mode_of(path)
        fd, tmp = _make_temporary(path, tmp_dir)
        try:
            _flock(fd)  # "in use" while it is written: an update that sweeps leftovers leaves it alone
            with memoryview(data) as rest:
                while rest:
                    rest = rest[os.write(fd, rest):]
            os.fsync(fd)  # the bytes are on disk before the name points at them
            os.chmod(tmp, mode)  # mkstemp makes the file private; keep what the office had
            with _folder_locked(folder if verify is not None else None):
                if verify is not None:
                    verify()
                os.replace(tmp, path)
            tmp = None
        finally:
            os.close(fd)
        _fsync_folder(folder)
    except OSError as err:
        raise CampaignError(cannot_write(path, err)) from err
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


def _require_replaceable(path: Path) -> None:
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet, or no such folder: said below
        st = None
    except OSError as err:
        raise CampaignError(cannot_write(path, err)) from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise CampaignError(msg("write.symlink", path=path, target=os.readlink(path)))
    folder = path.parent
    if not folder.is_dir():
        what = "write.no_folder" if not folder.exists() else "write.folder_not_folder"
        raise CampaignError(msg(what, path=path, folder=folder))
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise CampaignError(msg("write.not_regular", path=path))
    require_writable(path)  # the rename would replace a read-only file all the same


def _make_temporary(path: Path, tmp_dir: Path | None) -> tuple[int, str]:
    """A new temporary file in ``tmp_dir`` when a rename from there to ``path`` is possible (the
    same file system) and we may write there (a shared folder's work folder may be another
    clerk's), else next to ``path`` as ``.NAME.*.tmp``."""
    folder = path.parent
    if tmp_dir is not None:
        with suppress(OSError):
            if tmp_dir.stat().st_dev == folder.stat().st_dev:
                return mkstemp(tmp_dir, f"{path.name}.", ".tmp")
    return mkstemp(folder, f".{path.name}.", ".tmp")


_TEMPORARY = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def mkstemp(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """As :func:`tempfile.mkstemp` (a new file only we can read, opened, and its absolute path),
    without importing :mod:`tempfile` (and :mod:`shutil`, :mod:`random`) at every update's start."""
    for _ in range(100):
        name = os.path.abspath(os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}"))
        try:
            return os.open(name, _TEMPORARY, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _flock(fd: int, blocking: bool = True) -> bool:
    """``flock`` the file (where there is such a thing); whether we hold it."""
    if os.name != "posix":
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove_if_unused(path: Path) -> None:
    """Delete the temporary file ``path`` unless a live writer holds it (see :func:`write_atomic`)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode) and _flock(fd, blocking=False):
            os.unlink(path)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _folder_locked(folder: Path | None) -> Iterator[None]:
    """Hold ``flock`` on the folder itself while a check and a rename run. Nobody can delete a
    folder's lock the way a lock file can be deleted; where folders cannot be locked (Windows,
    some network shares) the check runs unguarded, as it did before."""
    fd = None
    if folder is not None and os.name == "posix":
        import fcntl

        with suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                os.close(fd)
                fd = None
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)


def _read(path: Path) -> bytes:
    try:
        return read_plain(path)
    except FileNotFoundError as err:
        raise CampaignError(msg("write.no_such_file", path=path)) from err
    except NotAPlainFile as err:
        raise CampaignError(msg("write.not_plain", path=path, said=err.message)) from None
    except OSError as err:
        raise CampaignError(msg("write.cannot_read", path=path, why=err.strerror or err)) from err


def _mode_of(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)  # a new file: the permissions an editor would give it
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
