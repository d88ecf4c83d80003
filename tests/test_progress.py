"""Progress of a long load: the core names its stages, the CLI draws them on a terminal only."""

from __future__ import annotations

import io
import time
from pathlib import Path

from guilin_campaign.cli.progress import progress_line
from guilin_campaign.loading import load_campaign

from .conftest import SAMPLE


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_load_names_each_stage_in_order() -> None:
    stages: list[str] = []
    result = load_campaign(SAMPLE, progress=stages.append)
    assert result.campaign is not None
    assert stages == [f"reading {SAMPLE / 'units.yaml'}", f"reading {SAMPLE / 'tasks.yaml'}", "checking references"]


def test_a_long_load_on_a_terminal_shows_its_stage_then_erases_it() -> None:
    err = Terminal()
    with progress_line(err, Terminal(), delay=0.1) as progress:
        progress("reading data/tasks.yaml")
        time.sleep(0.3)
    shown = err.getvalue()
    assert "reading data/tasks.yaml … 0 s" in shown
    assert shown.endswith("\r\x1b[K")  # the line is gone before the result is printed


def test_a_quick_load_shows_nothing() -> None:
    err = Terminal()
    with progress_line(err, Terminal(), delay=5.0) as progress:
        progress("reading data/tasks.yaml")
    assert err.getvalue() == ""


def test_nothing_is_drawn_into_a_pipe(tmp_path: Path) -> None:
    for err, out in ((io.StringIO(), Terminal()), (Terminal(), io.StringIO())):
        with progress_line(err, out, delay=0.0) as progress:
            progress("reading data/tasks.yaml")
            time.sleep(0.05)
        assert err.getvalue() == ""


def test_a_long_update_on_a_terminal_says_it_is_updating(tmp_path: Path) -> None:
    """Issue 19: an update that reads a large file in full (here: no cache, 10,000 tasks) shows a
    progress line on a terminal, then erases it before saying what it did."""
    import os
    import pty
    import subprocess
    import sys

    repo = Path(__file__).parent.parent
    subprocess.run([sys.executable, str(repo / "bench" / "generate.py"), "10000", str(tmp_path / "d")], check=True,
                   capture_output=True)
    task = (tmp_path / "d" / "done-task.txt").read_text(encoding="utf-8").strip()
    leader, follower = pty.openpty()
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": "off", "GUILIN_CAMPAIGN_LANG": "zh"}
    done = subprocess.run([sys.executable, "-m", "guilin_campaign", "note", task, "已督促", "--on", "2022-07-31",
                           "--data", str(tmp_path / "d")], stdout=follower, stderr=follower, env=env, timeout=300)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    text = seen.decode("utf-8")
    assert done.returncode == 0
    assert "正在更新 … " in text and "\r\x1b[K" in text and text.rstrip().endswith("已更新 " + str(tmp_path / "d" / "tasks.yaml"))
