"""Data files that are not plain UTF-8 text files: refused at once, with what is wrong and what to do."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.readfile import MAX_BYTES
from tests.conftest import TASKS, run

MakeData = Callable[..., Path]


class Ran:
    def __init__(self, returncode: int, output: str) -> None:
        self.returncode, self.stderr = returncode, output  # check prints problems on stdout, errors on stderr


def _cli(folder: Path, *args: str) -> Ran:
    """In a process of its own: a command that hangs fails the test by its timeout, not the suite."""
    done = subprocess.run([sys.executable, "-m", "guilin_campaign", *args, "--data", str(folder)],
                          capture_output=True, text=True, timeout=60)
    return Ran(done.returncode, done.stdout + done.stderr)


@pytest.mark.parametrize("name", ["tasks.yaml", "units.yaml"])
@pytest.mark.parametrize("command", [("check",), ("overdue", "--as-of", "2022-07-31"), ("done", "T002", "--on", "2022-07-01")])
def test_a_fifo_is_refused_at_once(make_data: MakeData, name: str, command: tuple[str, ...]) -> None:
    folder = make_data()
    (folder / name).unlink()
    os.mkfifo(folder / name)  # nobody writes to it: a read would wait forever
    result = _cli(folder, *command)
    assert result.returncode == 1
    assert f"{folder / name}: is a named pipe (FIFO), not a plain file, so it was not read; put the real file here" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_link_to_dev_zero_is_refused_at_once(make_data: MakeData) -> None:
    folder = make_data()
    (folder / "units.yaml").unlink()
    (folder / "units.yaml").symlink_to("/dev/zero")  # would be read until memory runs out
    for command in (("check",), ("overdue", "--as-of", "2022-07-31"), ("note", "T002", "x", "--on", "2022-07-01")):
        result = _cli(folder, *command)
        assert result.returncode == 1, command
        assert f"{folder / 'units.yaml'}: is a device (a symbolic link to /dev/zero), not a plain file" in result.stderr


def test_a_folder_in_place_of_a_file(make_data: MakeData) -> None:
    folder = make_data()
    (folder / "tasks.yaml").unlink()
    (folder / "tasks.yaml").mkdir()
    result = _cli(folder, "check")
    assert result.returncode == 1 and f"{folder / 'tasks.yaml'}: is a folder, not a file" in result.stderr


def test_a_file_over_the_size_limit_is_refused_unread(make_data: MakeData) -> None:
    folder = make_data()
    with open(folder / "tasks.yaml", "r+b") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk, and would cost gigabytes to parse
    for command in (("check",), ("done", "T002", "--on", "2022-07-01")):
        result = _cli(folder, *command)
        assert result.returncode == 1
        assert f"{folder / 'tasks.yaml'}: is too large to be a data file (128 MiB, over the limit of 128 MiB" in result.stderr
    assert MAX_BYTES == 128 * 1024 * 1024  # as docs/data-format.md says


@pytest.mark.parametrize(("codec", "name"), [
    ("utf-16", "UTF-16 (little-endian, with a byte order mark)"),
    ("utf-16-le", "UTF-16 (little-endian)"),
    ("utf-16-be", "UTF-16 (big-endian)"),
    ("utf-32", "UTF-32 (little-endian, with a byte order mark)"),
    ("utf-32-be", "UTF-32 (big-endian)"),
])
def test_a_utf16_or_utf32_file_is_named_with_what_to_do(make_data: MakeData, codec: str, name: str) -> None:
    folder = make_data()
    (folder / "tasks.yaml").write_bytes(TASKS.encode(codec))
    result = _cli(folder, "check")
    assert result.returncode == 1
    assert f"{folder / 'tasks.yaml'}: the file is saved as {name}, not UTF-8: open it in your editor and save it as UTF-8" in result.stderr
    assert "binary data" not in result.stderr


def test_real_binary_data_is_still_called_so(make_data: MakeData) -> None:
    folder = make_data()
    (folder / "units.yaml").write_bytes(bytes(range(256)) * 8)
    result = _cli(folder, "check")
    assert result.returncode == 1 and "the file is not text (it holds binary data): restore it from git" in result.stderr


def test_a_file_with_cr_only_line_endings_is_updated_keeping_them(make_data: MakeData) -> None:
    folder = make_data(tasks=TASKS.replace("\n", "\r"))
    assert run("check", "--data", str(folder)).exit_code == 0
    result = run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    result = run("reading", "I01", "41000", "--month", "2022-08", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    written = (folder / "tasks.yaml").read_bytes()
    assert b"\n" not in written
    plain = make_data(tasks=TASKS, folder="plain")  # the same updates on the LF file: the same lines
    run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(plain))
    run("reading", "I01", "41000", "--month", "2022-08", "--data", str(plain))
    assert written == (plain / "tasks.yaml").read_bytes().replace(b"\n", b"\r")


def test_an_update_on_a_read_only_disk_does_not_advise_chmod(make_data: MakeData, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_data()
    monkeypatch.setattr(os, "statvfs", lambda _: types.SimpleNamespace(f_flag=os.ST_RDONLY))
    result = run("done", "T002", "--on", "2022-07-01", "--data", str(folder))
    assert result.exit_code == 1
    assert "cannot write (Read-only file system), so it was not changed. The disk or share it is on is read-only" in result.stderr
    assert "chmod" not in result.stderr
    assert (folder / "tasks.yaml").read_text(encoding="utf-8") == TASKS
