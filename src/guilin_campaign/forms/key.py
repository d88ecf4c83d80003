"""The office key: a random secret that signs every form, so a unit cannot turn its form into
another unit's or another month's. It lives outside the data repository and the workbooks, in a
file only its owner can read (``~/.config/guilin-campaign/form.key`` unless the CLI is told
otherwise), in a folder only its owner can write. It is created on the first export; a second
clerk's machine gets a copy of the same file (docs/commands/form.md)."""

from __future__ import annotations

import os
import secrets
import stat
from contextlib import suppress
from pathlib import Path

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError

KEY_SIZE = 32
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def office_key(path: Path, create: bool) -> bytes:
    """The key in ``path``; made (mode 0600, its folder 0700) when missing and ``create``.
    Raises CampaignError when it is missing, not private, or not a key of this program."""
    if not os.path.lexists(path):
        if not create:
            raise CampaignError(msg("forms.key.missing", path=str(path)))
        return _new_key(path)
    return _read_key(path)


def _new_key(path: Path) -> bytes:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _require_private(os.stat(path.parent, follow_symlinks=False), path.parent, folder=True)
        key = secrets.token_bytes(KEY_SIZE)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o600)
    except FileExistsError:
        return _read_key(path)  # another export made it meanwhile
    except OSError as err:
        raise CampaignError(msg("forms.key.cannot_create", path=str(path), why=err.strerror or str(err))) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(key)
    except OSError as err:
        with suppress(OSError):
            os.unlink(path)
        raise CampaignError(msg("forms.key.cannot_write", path=str(path), why=err.strerror or str(err))) from None
    return key


def _read_key(path: Path) -> bytes:
    try:
        _require_private(os.stat(path.parent), path.parent, folder=True)
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except OSError as err:
        if os.path.islink(path):
            raise CampaignError(msg("forms.key.symlink", path=str(path))) from None
        raise CampaignError(msg("forms.key.cannot_read", path=str(path), why=err.strerror or str(err))) from None
    with os.fdopen(fd, "rb") as f:
        _require_private(os.fstat(fd), path, folder=False)
        key = f.read(KEY_SIZE + 1)
    if len(key) != KEY_SIZE:
        raise CampaignError(msg("forms.key.not_a_key", path=str(path), size=len(key), expected=KEY_SIZE))
    return key


def _require_private(info: os.stat_result, path: Path, folder: bool) -> None:
    """Owned by the user; the folder writable, the key readable, by no one else."""
    what, private, forbidden = ("folder", "700", 0o022) if folder else ("key", "600", 0o077)
    if not (stat.S_ISDIR if folder else stat.S_ISREG)(info.st_mode):
        raise CampaignError(msg(f"forms.key.{what}_not_{what}", path=str(path)))
    if os.name == "posix" and info.st_uid != os.geteuid():
        raise CampaignError(msg(f"forms.key.{what}_not_yours", path=str(path), uid=info.st_uid))
    if os.name == "posix" and info.st_mode & forbidden:
        raise CampaignError(msg(f"forms.key.{what}_open", path=str(path), mode=f"{stat.S_IMODE(info.st_mode):04o}", private=private))
