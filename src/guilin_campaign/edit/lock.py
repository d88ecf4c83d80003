"""One command at a time per data folder, so two clerks' updates never overwrite each other."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guilin_campaign.problems import CampaignError

# Kept out of git: the repo's .gitignore lists it, and `init` writes it into a new folder's.
LOCK_NAME = ".guilin-campaign.lock"


@contextmanager
def data_lock(folder: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold the data folder's lock for the body; wait up to ``timeout`` seconds for it."""
    from filelock import FileLock, Timeout  # only updates lock: read-only commands never load it

    path = folder / LOCK_NAME
    if not folder.is_dir():  # filelock would create it, and a mistyped folder would look empty
        raise CampaignError(f"data folder {folder} does not exist: check the path")
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout as err:
        raise CampaignError(
            f"data folder is locked by another guilin-campaign command ({path}); wait and try again, "
            "or remove the lock file if no command is running"
        ) from err
    except OSError as err:
        raise CampaignError(f"cannot lock the data folder ({path}): {err.strerror or err}") from err
    try:
        yield
    finally:
        lock.release()
