"""An update never replaces a file that changed since it read it, cleans up after a killed
update, and never leaves anything for git to show but the data file it changed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guilin_campaign.write import fileio
from guilin_campaign.write.lock import LOCK_NAME, WORK_DIR, data_lock
from tests.conftest import TASKS, run

MakeData = Callable[..., Path]
HAND_EDIT = ("title: 迎检材料", "title: 迎检材料（改）")


def _editor_saves_meanwhile(monkeypatch: pytest.MonkeyPatch, times: int) -> list[Path]:
    """The first ``times`` compare-and-swaps (the full path's or the fast path's) find the file just
    saved by an editor, after the update read it and before it is replaced: the very moment a lost
    update would happen."""
    from guilin_campaign.write import fastpath

    seen: list[Path] = []

    def saving(real: Callable[[Path, Any], None]) -> Callable[[Path, Any], None]:
        def check(path: Path, expected: Any) -> None:
            if len(seen) < times:
                text = path.read_text(encoding="utf-8")
                text = text if seen else text.replace(*HAND_EDIT)
                path.write_text(text + f"# 第{len(seen) + 1}次保存\n", encoding="utf-8")
            seen.append(path)
            real(path, expected)

        return check

    monkeypatch.setattr(fileio, "require_unchanged", saving(fileio.require_unchanged))
    monkeypatch.setattr(fastpath, "require_bytes", saving(fastpath.require_bytes))
    return seen


def test_a_change_made_during_an_update_is_kept_and_the_update_made_on_top(make_data: MakeData, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_data()
    seen = _editor_saves_meanwhile(monkeypatch, times=1)
    result = run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert HAND_EDIT[1] in text and text.endswith("# 第1次保存\n")  # the editor's save is not lost
    assert "            log:\n              - {date: 2022-07-01, note: 已推进}\n" in text  # nor the update
    assert len(seen) == 2  # refused once, made again on the saved file


def test_a_file_that_keeps_changing_is_refused_and_not_overwritten(make_data: MakeData, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_data()
    _editor_saves_meanwhile(monkeypatch, times=2)
    result = run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: refused: {folder / 'tasks.yaml'} changed twice while the update ran (another command or an editor "
        "keeps writing it); nothing was written: check the file, then run the command again\n"
    )
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert text == TASKS.replace(*HAND_EDIT) + "# 第1次保存\n# 第2次保存\n"  # the last save, as the editor made it
    assert sorted(p.name for p in (folder / WORK_DIR).iterdir()) == [".gitignore", "lock"]  # no temporary file left


KILLED = """
import os, sys
from pathlib import Path
from guilin_campaign.write import fileio

def killed(*args):
    os._exit(9)  # as if killed after writing the temporary file, before the rename

fileio.require_unchanged = killed  # the full path's compare-and-swap
fileio.require_bytes = killed  # the fast path's
from guilin_campaign.write import fastpath
fastpath.require_bytes = killed
from guilin_campaign.cli.entry import main
sys.argv = ["guilin-campaign", "note", "T002", "半途", "--on", "2022-07-01", "--data", sys.argv[1]]
main()
"""


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def test_a_killed_update_leaves_nothing_for_git_and_the_next_one_cleans_up(make_data: MakeData) -> None:
    folder = make_data()  # not made by init: no .gitignore of ours
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "data")
    before = (folder / "tasks.yaml").read_bytes()
    killed = subprocess.run([sys.executable, "-c", KILLED, str(folder)], capture_output=True)
    assert killed.returncode == 9
    leftovers = list((folder / WORK_DIR).glob("tasks.yaml.*.tmp"))
    assert len(leftovers) == 1 and (folder / "tasks.yaml").read_bytes() == before
    old_style = folder / ".tasks.yaml.k3j4x.tmp"  # what an older version left next to the file
    old_style.write_bytes(b"half")
    assert _git(folder, "status", "--porcelain", "--untracked-files=all") == "?? .tasks.yaml.k3j4x.tmp\n"
    with data_lock(folder):  # while an update runs
        assert (folder / LOCK_NAME).exists()
        assert not leftovers[0].exists() and not old_style.exists()  # swept by the next holder of the lock
        assert _git(folder, "status", "--porcelain", "--untracked-files=all", "--ignored=no") == ""
    result = run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    assert _git(folder, "status", "--porcelain", "--untracked-files=all") == " M tasks.yaml\n"


def test_git_status_during_concurrent_updates_shows_only_the_data_file(make_data: MakeData) -> None:
    folder = make_data()
    _git(folder, "init", "-q")
    # The work folder's .gitignore is created in one write, but git could still catch the microsecond
    # before it: the steady state is what matters, so the folder exists before we watch.
    assert run("note", "T002", "第一条", "--on", "2022-07-01", "--data", str(folder)).exit_code == 0
    procs = [subprocess.Popen([sys.executable, "-m", "guilin_campaign", "note", "T002", f"第{n}条", "--on", "2022-07-01",
                               "--data", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(6)]
    seen = set()
    while any(p.poll() is None for p in procs):
        seen.update(line[3:] for line in _git(folder, "status", "--porcelain", "--untracked-files=all").splitlines())
    for proc in procs:
        _, err = proc.communicate()
        assert proc.returncode == 0, err.decode()
    seen.update(line[3:] for line in _git(folder, "status", "--porcelain", "--untracked-files=all").splitlines())
    assert seen == {"tasks.yaml", "units.yaml"}  # untracked data files, and never a lock or a temporary file


def test_a_running_writers_temporary_file_is_not_swept(tmp_path: Path) -> None:
    """With the lock file deleted, two updates can run at once: one must not delete the other's
    temporary file while it is being written."""
    work = tmp_path / WORK_DIR
    work.mkdir()
    busy = work / "tasks.yaml.busy.tmp"
    fd = os.open(busy, os.O_RDWR | os.O_CREAT)
    try:
        assert fileio._flock(fd)  # a live writer holds its temporary file
        with data_lock(tmp_path):
            assert busy.exists()
    finally:
        os.close(fd)
    with data_lock(tmp_path):  # its writer gone
        assert not busy.exists()


def test_a_dry_run_writes_nothing_not_even_the_work_folder(make_data: MakeData) -> None:
    folder = make_data()
    result = run("note", "T002", "已推进", "--on", "2022-07-01", "--dry-run", "--data", str(folder))
    assert result.exit_code == 0 and "+              - {date: 2022-07-01, note: 已推进}" in result.stdout
    assert sorted(os.listdir(folder)) == ["tasks.yaml", "units.yaml"]  # so it works where nothing may be written
