"""What to tell the clerk when a file cannot be written: advice that can help, and only that.

A read-only disk is not helped by ``chmod``; a folder of another user is not helped by a ``chmod``
we may not run; a full disk needs space, not permissions.
"""

from __future__ import annotations

import errno
import os
import shlex
import stat
from pathlib import Path

from guilin_campaign.problems import CampaignError


def cannot_write(path: Path, err: OSError, outcome: str = "it is unchanged") -> str:
    """What to tell the clerk when ``path`` (or the folder it is in) cannot be written."""
    why = err.strerror or str(err)
    if err.errno == errno.EROFS:
        advice = ("the disk or share it is on is read-only (mounted so), which no change of permissions can help: "
                  "copy the data folder to a writable place, or ask whoever manages that disk")
    elif err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        advice = "the disk is full (or your quota is used up): free some space and run the command again"
    elif err.errno == errno.ENOENT:
        advice = "a file or folder it needed was removed while it ran (by another program?): run the command again"
    elif err.errno in (errno.EACCES, errno.EPERM):
        advice = _folder_advice(path.parent if not path.is_dir() else path)
    else:
        advice = "check the folder is writable and the file is not open in another program"
    return f"{path}: cannot write ({why}), {outcome}. {advice[0].upper()}{advice[1:]}"


def _folder_advice(folder: Path) -> str:
    try:
        owner = folder.stat().st_uid
    except OSError:
        return f"check that the folder {folder} exists and that you may write in it"
    if hasattr(os, "geteuid") and owner != os.geteuid():
        return f"the folder {folder} belongs to another user and you may not write in it: ask them or an administrator"
    return f"you may not write in the folder {folder}: make it writable (`chmod u+w {shlex.quote(str(folder))}`)"


def require_writable(path: Path) -> None:
    """Refuse a file that is read-only for us: whoever made it so meant it not to change.

    The owner's write bit is checked as well as ``os.access``, which says yes to root for any file.
    A file that does not exist yet, or cannot be looked at, is left to the read or the write.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if _on_read_only_disk(path):
        raise CampaignError(cannot_write(path, OSError(errno.EROFS, os.strerror(errno.EROFS)), "so it was not changed"))
    if mode & stat.S_IWUSR and os.access(path, os.W_OK):
        return
    raise CampaignError(
        f"{path} is read-only, so it was not changed; make it writable (`chmod u+w {shlex.quote(str(path))}`, "
        "or on Windows untick Read-only in the file's Properties) and run the command again"
    )


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
