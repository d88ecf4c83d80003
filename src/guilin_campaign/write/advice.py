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

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import CampaignError


def cannot_write(path: Path, err: OSError, outcome: Msg | None = None) -> Msg:
    """What to tell the clerk when ``path`` (or the folder it is in) cannot be written."""
    why = err.strerror or str(err)
    if err.errno == errno.EROFS:
        advice = msg("write.advice_read_only_disk")
    elif err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        advice = msg("write.advice_disk_full")
    elif err.errno == errno.ENOENT:
        advice = msg("write.advice_removed")
    elif err.errno in (errno.EACCES, errno.EPERM):
        advice = _folder_advice(path.parent if not path.is_dir() else path)
    else:
        advice = msg("write.advice_other")
    return msg("write.cannot_write", path=path, why=why, outcome=outcome or msg("write.outcome_unchanged"), advice=advice)


def _folder_advice(folder: Path) -> Msg:
    try:
        owner = folder.stat().st_uid
    except OSError:
        return msg("write.advice_check_folder", folder=folder)
    if hasattr(os, "geteuid") and owner != os.geteuid():
        return msg("write.advice_other_user", folder=folder)
    return msg("write.advice_chmod_folder", folder=folder, quoted=shlex.quote(str(folder)))


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
        raise CampaignError(cannot_write(path, OSError(errno.EROFS, os.strerror(errno.EROFS)), msg("write.outcome_not_changed")))
    if mode & stat.S_IWUSR and os.access(path, os.W_OK):
        return
    raise CampaignError(msg("write.read_only_file", path=path, quoted=shlex.quote(str(path))))


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
