"""Concurrent commands on one data folder run one at a time, so no update is lost."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from guilin_campaign.catalogue import Msg, render
from guilin_campaign.problems import CampaignError
from guilin_campaign.write import lock
from guilin_campaign.write.lock import LOCK_NAME, WORK_DIR, data_lock

INCREMENT = """
import sys, time
from pathlib import Path
from guilin_campaign.write.lock import data_lock
folder = Path(sys.argv[1])
with data_lock(folder, timeout=30):
    count = int((folder / "count").read_text())
    time.sleep(0.005)  # widen the window a lost update would need
    (folder / "count").write_text(str(count + 1))
"""


def test_twenty_processes_lose_no_update(tmp_path: Path) -> None:
    (tmp_path / "count").write_text("0")
    procs = [subprocess.Popen([sys.executable, "-c", INCREMENT, str(tmp_path)]) for _ in range(20)]
    assert [p.wait() for p in procs] == [0] * 20
    assert (tmp_path / "count").read_text() == "20"


HOLD = """
import sys, time
from pathlib import Path
from guilin_campaign.write.lock import Holder, data_lock
with data_lock(Path(sys.argv[1]), holder=Holder("guilin-campaign done T042", "2022-07-31T09:30:00+08:00")):
    print("held", flush=True)
    time.sleep(60)
"""


def _holding(folder: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"held\n"
    return proc


def test_a_second_holder_times_out_and_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    holder = _holding(tmp_path)
    waits: list[Msg] = []
    try:
        with pytest.raises(CampaignError) as err, data_lock(tmp_path, timeout=0.3, on_wait=waits.append):
            pass
    finally:
        holder.kill()
        holder.wait()
    who = f"pid {holder.pid}, `guilin-campaign done T042`, since 2022-07-31T09:30:00+08:00"
    assert err.value.text("en") == (
        f"the data folder is in use by another guilin-campaign command ({who}) and was not free in time; "
        "nothing was changed: run the command again when that one has finished"
    )
    assert [render(m, "en") for m in waits] == [f"waiting for another guilin-campaign command to finish ({who})"]  # told once, not every poll
    assert "remove" not in err.value.text("en") and "delete" not in err.value.text("en")


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    holder = _holding(tmp_path)
    holder.send_signal(signal.SIGKILL)  # no chance to clean up
    holder.wait()
    assert (tmp_path / LOCK_NAME).exists()
    with data_lock(tmp_path, timeout=0.5):  # the system released the lock with the process
        pass


def test_a_lock_file_deleted_before_it_was_locked_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone deletes the lock file between our open and our flock: we must end up holding the
    lock of the file the path names now, not of the deleted one nobody else will ever open."""
    real_flock, deleted = fcntl.flock, []

    def flock_after_a_deletion(fd: int, op: int) -> None:
        if not deleted:
            os.unlink(tmp_path / LOCK_NAME)
            deleted.append(True)
        real_flock(fd, op)

    monkeypatch.setattr(lock.fcntl, "flock", flock_after_a_deletion)
    with data_lock(tmp_path, timeout=0.5):
        monkeypatch.setattr(lock.fcntl, "flock", real_flock)
        fd = os.open(tmp_path / LOCK_NAME, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):  # the file at the path is the one we hold
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    assert deleted


def test_the_work_folder_is_ignored_by_git_and_recreated(tmp_path: Path) -> None:
    with data_lock(tmp_path, timeout=0.5):
        pass
    shutil.rmtree(tmp_path / WORK_DIR)  # a clerk tidying up
    with data_lock(tmp_path, timeout=0.5):
        assert (tmp_path / WORK_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_errors_in_the_body_are_not_turned_into_lock_errors(tmp_path: Path) -> None:
    with pytest.raises(KeyError), data_lock(tmp_path):
        raise KeyError("x")
    with data_lock(tmp_path, timeout=0.1):
        pass


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CampaignError) as caught, data_lock(tmp_path / "nowhere", timeout=0.1):
        pass
    assert re.search("does not exist", caught.value.text("en")), caught.value.text("en")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_we_may_not_write_in_is_answered_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(self: Path, *_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(CampaignError) as err, data_lock(tmp_path, timeout=0.1):
        pass
    assert err.value.text("en") == (
        f"{tmp_path / WORK_DIR}: cannot write (Permission denied), so the data folder cannot be locked and nothing was "
        f"changed. You may not write in the folder {tmp_path}: make it writable (`chmod u+w {tmp_path}`)"
    )


def test_a_work_folder_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / WORK_DIR).symlink_to(elsewhere)
    with pytest.raises(CampaignError) as caught, data_lock(tmp_path / "data", timeout=0.1):
        pass
    assert re.search("is a symbolic link, not the program's own folder", caught.value.text("en")), caught.value.text("en")
    assert os.listdir(elsewhere) == []
