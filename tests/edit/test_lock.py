"""Concurrent commands on one data folder run one at a time, so no update is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guilin_campaign.edit.lock import LOCK_NAME, data_lock
from guilin_campaign.problems import CampaignError

INCREMENT = """
import sys, time
from pathlib import Path
from guilin_campaign.edit.lock import data_lock
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


def test_a_second_holder_times_out(tmp_path: Path) -> None:
    with data_lock(tmp_path):
        with pytest.raises(CampaignError, match="locked by another guilin-campaign command") as err:
            with data_lock(tmp_path, timeout=0.1):
                pass
    assert str(tmp_path / LOCK_NAME) in err.value.message
    with data_lock(tmp_path, timeout=0.1):  # released after the first holder left
        pass


def test_errors_in_the_body_are_not_turned_into_lock_errors(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        with data_lock(tmp_path):
            raise KeyError("x")
    with data_lock(tmp_path, timeout=0.1):
        pass


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="does not exist"):
        with data_lock(tmp_path / "nowhere", timeout=0.1):
            pass
    assert not (tmp_path / "nowhere").exists()
