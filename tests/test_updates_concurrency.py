"""Many clerks at once: processes in parallel, and git clones merged."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from guilin_campaign.write.lock import LOCK_NAME
from tests.conftest import UNITS

HEAD = """\
# 并发测试
campaign: {name: 测试, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
actions:
  - id: A1
    name: 行动
    measures:
      - id: M01
        name: 举措
        tasks:
"""


def _task(n: int) -> str:
    return f"""\
          - id: T{n:03d}
            title: 任务{n}  # 注释
            owners: [scjgj]
            due: 2022-06-30
            status: doing
            log:
              - {{date: 2022-05-01, status: doing}}
"""


def _cli(folder: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "guilin_campaign", *args, "--data", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_twenty_processes_updating_twenty_tasks(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=HEAD + "".join(_task(n) for n in range(1, 21)), units=UNITS)
    procs = [_cli(folder, "done", f"T{n:03d}", "--on", f"2022-06-{n:02d}", "--note", f"第{n}项") for n in range(1, 21)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    c = open_campaign(folder)
    assert [(r.task.status, r.task.done_on.day if r.task.done_on else None, len(r.task.log)) for r in c.tasks] == [
        ("done", n, 2) for n in range(1, 21)
    ]
    assert (folder / "tasks.yaml").read_text(encoding="utf-8").count("# 注释") == 20


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_two_clones_marking_adjacent_tasks_merge_cleanly(make_data: Callable[..., Path], tmp_path: Path) -> None:
    origin = make_data(tasks=HEAD + "".join(_task(n) for n in range(1, 4)), units=UNITS, folder="origin")
    _git(origin, "init", "-q", "-b", "main")
    for args in (("config", "user.email", "t@example.invalid"), ("config", "user.name", "t"), ("add", "."), ("commit", "-qm", "init")):
        _git(origin, *args)
    clones = []
    for name, task in (("a", "T001"), ("b", "T002")):
        _git(tmp_path, "clone", "-q", str(origin), name)
        clone = tmp_path / name
        _git(clone, "config", "user.email", f"{name}@example.invalid")
        _git(clone, "config", "user.name", name)
        proc = _cli(clone, "done", task, "--on", "2022-06-20", "--commit")
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
        assert _git(clone, "log", "-1", "--format=%s").strip() == f"{task} done (2022-06-20)"
        clones.append(clone)
    a, b = clones
    _git(a, "pull", "-q", "--no-rebase", "--no-edit", str(b), "main")  # raises on a conflict
    statuses = {r.id: r.task.status for r in open_campaign(a).tasks}
    assert statuses == {"T001": "done", "T002": "done", "T003": "doing"}


def _keep_deleting(path: Path, stop: threading.Event) -> None:
    """What a clerk told to "remove the lock file" would do, as often as a machine can."""
    while not stop.is_set():
        with suppress(OSError):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        time.sleep(0.002 if path.name == "lock" else 0.01)


@pytest.mark.parametrize("victim", ["lock file", "work folder"])
def test_deleting_the_lock_while_twenty_updates_run_loses_none(make_data: Callable[..., Path], victim: str) -> None:
    folder = make_data(tasks=HEAD + _task(1), units=UNITS)
    target = folder / LOCK_NAME if victim == "lock file" else (folder / LOCK_NAME).parent
    stop = threading.Event()
    deleter = threading.Thread(target=_keep_deleting, args=(target, stop))
    deleter.start()
    try:
        procs = [_cli(folder, "note", "T001", f"第{n}条", "--on", "2022-06-01") for n in range(20)]
        results = [(proc.communicate(timeout=300), proc.returncode) for proc in procs]
    finally:
        stop.set()
        deleter.join()
    kept = set()
    for n, ((_, err), code) in enumerate(results):
        if code == 0:
            kept.add(n)
        else:  # refused, with a message, and never a crash
            message = err.decode()
            assert code == 1 and "error: " in message and "Traceback" not in message, message
    notes = [entry.note for entry in open_campaign(folder).tasks[0].task.log[1:]]
    assert sorted(notes) == sorted(f"第{n}条" for n in kept)  # every update that said "updated" is there, once
    assert kept or victim == "work folder"  # deleting the lock file does not stop the office working
