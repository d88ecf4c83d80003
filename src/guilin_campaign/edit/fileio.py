"""Reading and writing the clerk's file byte for byte: BOM and line endings as they were.

A write goes to a temporary file in the same folder and is renamed over the original, so a crash
or a full disk leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import codecs
import os
import shlex
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.problems import CampaignError
from guilin_campaign.yamlio import decode


@dataclass(frozen=True)
class Document:
    """The text of a file without its BOM (line endings untouched) and whether it had one."""

    text: str
    bom: bool


def read_document(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise CampaignError(f"{path}: no such file: check the data folder (or create it with `init`)") from err
    except OSError as err:
        raise CampaignError(f"{path}: cannot read the file ({err.strerror}): check its permissions") from err
    text, problems = decode(raw, str(path))
    if text is None:
        raise CampaignError(str(problems[0]), problems)
    return Document(text, raw.startswith(codecs.BOM_UTF8))


def write_document(path: Path, doc: Document, new_text: str) -> bytes:
    """Replace ``path`` with ``new_text`` atomically, keeping the BOM and permission bits; the
    bytes written."""
    try:
        data = (codecs.BOM_UTF8 if doc.bom else b"") + new_text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise CampaignError(f"{path}: the new text cannot be saved as UTF-8 ({err.reason})") from err
    write_atomic(path, data)
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and one rename, so a
    crash or a full disk leaves the old file or the new one. A symlink is followed (the file it
    points at is replaced, the link kept); anything but a regular file, or a read-only one, is
    refused."""
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise CampaignError(f"cannot write {path}: the folder {folder} {what}")
    if target.exists() and not target.is_file():
        raise CampaignError(f"cannot write {path}: it is not a regular file (a folder or a device); choose another name")
    require_writable(path)  # the rename would replace a read-only file all the same
    tmp: str | None = None
    try:
        mode = _mode_of(target)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # the bytes are on disk before the name points at them
        os.chmod(tmp, mode)  # mkstemp makes the file private; keep what the office had
        os.replace(tmp, target)
        tmp = None
        _fsync_folder(folder)
    except OSError as err:
        raise CampaignError(
            f"{path}: cannot save the file ({err.strerror or err}); it is unchanged. "
            "Check the folder is writable and the file is not open in another program"
        ) from err
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


def require_writable(path: Path) -> None:
    """Refuse a file that is read-only for us: whoever made it so meant it not to change.

    The owner's write bit is checked as well as ``os.access``, which says yes to root for any file.
    A file that does not exist yet, or cannot be looked at, is left to the read or the write.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & stat.S_IWUSR and os.access(path, os.W_OK):
        return
    raise CampaignError(
        f"{path} is read-only, so it was not changed; make it writable (`chmod u+w {shlex.quote(str(path))}`, "
        "or on Windows untick Read-only in the file's Properties) and run the command again"
    )


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
