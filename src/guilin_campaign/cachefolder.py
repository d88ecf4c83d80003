"""The cache folder: private to the user, and every entry signed with the user's own secret key.

Anyone who can read the program and the data can compute an entry's name and key, so neither
proves that an entry is ours. What does: an HMAC-SHA256 of the whole entry under a random key that
only the user can read, kept in the folder as ``key``. The folder and the key are checked at every
use, through file descriptors opened without following symbolic links (so a folder swapped between
the check and the use is not used):

- the folder is a real folder (not a symbolic link), owned by the user, writable by no one else;
- the key is a regular file of 32 bytes, owned by the user, readable and writable by no one else.

Anything else raises :class:`Unsafe` and the cache is not used at all. An entry whose signature does
not match (written by someone else, doctored, truncated) is never decoded: it reads as missing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

KEY_FILE = "key"
KEY_SIZE = 32
TAG_SIZE = hashlib.sha256().digest_size
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class Unsafe(Exception):
    """The cache folder or its key may have been written by someone else: do not use it."""


@dataclass
class CacheFolder:
    path: Path
    fd: int  # the folder, opened once: every entry is opened relative to it
    secret: bytes

    def close(self) -> None:
        os.close(self.fd)

    def read(self, name: str, header: bytes) -> bytes | None:
        """The entry's payload when it starts with ``header`` and its signature is ours; else None."""
        try:
            fd = os.open(name, os.O_RDONLY | _NO_FOLLOW, dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or f.read(len(header)) != header:
                return None
            tag, payload = f.read(TAG_SIZE), f.read()
        return payload if hmac.compare_digest(tag, self._sign(header, payload)) else None

    def write(self, name: str, header: bytes, payload: bytes) -> None:
        """Write the signed entry through a temporary file and an atomic replace; raises OSError."""
        temporary = f".{name}.{os.getpid()}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600, dir_fd=self.fd)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(header)  # three writes, not one joined copy of a payload of tens of MB
                f.write(self._sign(header, payload))
                f.write(payload)
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary, dir_fd=self.fd)
            raise

    def _sign(self, header: bytes, payload: bytes) -> bytes:
        mac = hmac.new(self.secret, header, hashlib.sha256)
        mac.update(payload)
        return mac.digest()


def open_if_safe(path: Path | None) -> CacheFolder | None:
    """The cache folder (see :func:`open_folder`), or None when there is none or it is not safe to
    use (a load through the cache says why; the cache only saves time)."""
    if path is None:
        return None
    try:
        return open_folder(path)
    except (Unsafe, OSError):
        return None


def open_folder(path: Path) -> CacheFolder:
    """The cache folder, created private if missing. Raises :class:`Unsafe` for a folder or key that
    is not the user's alone, and OSError when it cannot be created or read (the cache then only costs
    time)."""
    if not (os.name == "posix" and _NO_FOLLOW and os.open in os.supports_dir_fd):
        raise OSError("the cache needs owners, modes and descriptors of folders (a POSIX system)")
    if not os.path.lexists(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        with suppress(FileExistsError):  # another command made it meanwhile: checked below
            os.mkdir(path, 0o700)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_FOLLOW)
    except OSError as err:
        if os.path.islink(path) or (os.path.lexists(path) and not path.is_dir()):
            raise Unsafe(f"{path} is a symbolic link or a file, not a folder; delete it") from None
        raise err
    try:
        _require_private(os.fstat(fd), path, "folder", 0o022)
        return CacheFolder(path, fd, _secret(fd, path))
    except BaseException:
        os.close(fd)
        raise


def _secret(folder_fd: int, folder: Path) -> bytes:
    try:
        fd = os.open(KEY_FILE, os.O_RDONLY | _NO_FOLLOW, dir_fd=folder_fd)
    except FileNotFoundError:
        return _new_secret(folder_fd, folder)
    except OSError as err:
        if os.path.islink(folder / KEY_FILE):
            raise Unsafe(f"{folder / KEY_FILE} is a symbolic link; delete it") from None
        raise err
    with os.fdopen(fd, "rb") as f:
        _require_private(os.fstat(fd), folder / KEY_FILE, "key", 0o077)
        secret = f.read(KEY_SIZE + 1)
    if len(secret) != KEY_SIZE:
        raise Unsafe(f"{folder / KEY_FILE} is not a key of this program ({len(secret)} bytes); delete it")
    return secret


def _new_secret(folder_fd: int, folder: Path) -> bytes:
    """A new key, written whole under a temporary name and then linked as ``key``: a command that
    starts meanwhile sees no key or the whole key, and of two commands making one, both use the
    first linked."""
    import secrets  # once per cache folder: not at every command's start

    secret, temporary = secrets.token_bytes(KEY_SIZE), f".{KEY_FILE}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600, dir_fd=folder_fd)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secret)
        try:
            os.link(temporary, KEY_FILE, src_dir_fd=folder_fd, dst_dir_fd=folder_fd, follow_symlinks=False)
        except FileExistsError:
            return _secret(folder_fd, folder)
    finally:
        with suppress(OSError):
            os.unlink(temporary, dir_fd=folder_fd)
    return secret


def _require_private(info: os.stat_result, path: Path, what: str, forbidden: int) -> None:
    folder = what == "folder"
    if not (stat.S_ISDIR if folder else stat.S_ISREG)(info.st_mode):
        raise Unsafe(f"{path} is not a {'folder' if folder else 'regular file'}; delete it")
    if info.st_uid != os.geteuid():
        raise Unsafe(f"the cache {what} {path} belongs to another user (uid {info.st_uid}); use a folder of your own")
    if info.st_mode & forbidden:
        mode, private = stat.S_IMODE(info.st_mode), "700" if folder else "600"
        raise Unsafe(f"the cache {what} {path} is open to other users (mode {mode:04o}); run `chmod {private} {path}`")
