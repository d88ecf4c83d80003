"""`check` on what the log keeps for replaying (``was`` ...) and on left-over git conflict markers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TASKS, run


def _with_log(entry: str) -> str:
    """T002 (owners: counties, line 18) with one log entry at line 27."""
    text = TASKS.replace("              xiufeng: {status: done, done_on: 2022-06-20}\n",
                         "              xiufeng: {status: done, done_on: 2022-06-20}\n            log:\n              - " + entry + "\n")
    assert entry in text
    return text


BROKEN_LOG = {
    "was is not a status": ("{date: 2022-07-01, status: doing, was: started}",
                            "tasks.yaml:27: T002.log[0].was: 'started' is not allowed: input should be 'todo', 'doing', 'done' or 'blocked'"),
    "was_done_on not a date": ("{date: 2022-07-01, status: doing, was: done, was_done_on: 2022/06/30}",
                               "tasks.yaml:27: T002.log[0].was_done_on: not a date: '2022/06/30'; write YYYY-MM-DD"),
    "was done without its date": ("{date: 2022-07-01, status: doing, was: done}",
                                  "tasks.yaml:27: T002.log[0].was: was is done but was_done_on is missing: add was_done_on: YYYY-MM-DD (the done_on it replaced)"),
    "was_done_on without was done": ("{date: 2022-07-01, status: done, was: doing, was_done_on: 2022-06-30}",
                                     "tasks.yaml:27: T002.log[0].was_done_on: was_done_on is set but was is doing: remove was_done_on, or set was: done"),
    "was on a note": ("{date: 2022-07-01, note: 已督促, was: doing}",
                      "tasks.yaml:27: T002.log[0].was: was belongs to a status entry (it records what the entry replaced) and this entry sets no status"),
    "unit not responsible": ("{date: 2022-07-01, status: doing, unit: rsj, was: doing}",
                             "tasks.yaml:27: T002.log[0].unit: 'rsj' is not a responsible unit of T002 (responsible: xiufeng, diecai)"),
    "unit_was without unit": ("{date: 2022-07-01, status: doing, was: doing, unit_was: todo}",
                              "tasks.yaml:27: T002.log[0].unit_was: unit_was belongs to an entry that sets one unit's part: add unit: ID, or remove it"),
    "unit_was done without its date": ("{date: 2022-07-01, status: doing, unit: diecai, was: doing, unit_was: done}",
                                       "tasks.yaml:27: T002.log[0].unit_was: unit_was is done but unit_was_done_on is missing"),
    "unknown key in an entry": ("{date: 2022-07-01, status: doing, waz: doing}",
                                "tasks.yaml:27: T002.log[0].waz: unknown key 'waz' here (did you mean 'was'?)"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_LOG))
def test_the_replay_fields_are_checked(name: str, make_data: Callable[..., Path]) -> None:
    entry, expected = BROKEN_LOG[name]
    folder = make_data(tasks=_with_log(entry))
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1
    assert f"{folder}/{expected}" in result.stdout, result.stdout


def test_entries_as_the_commands_write_them_pass(make_data: Callable[..., Path]) -> None:
    text = _with_log("{date: 2022-07-01, status: done, unit: diecai, by: diecai, was: doing, unit_was: done, unit_was_done_on: 2022-06-25}")
    result = run("check", "--data", str(make_data(tasks=text)))
    assert result.exit_code == 0, result.stdout


CONFLICTED = TASKS.replace(
    "            status: doing\n",
    "<<<<<<< HEAD\n            status: blocked\n=======\n            status: done\n>>>>>>> 3f2a1c9 (T002 done)\n",
)


def test_conflict_markers_are_named_as_a_merge_conflict(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=CONFLICTED)
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1
    path = f"{folder}/tasks.yaml"
    assert result.stdout.splitlines() == [
        f"{path}:23: unresolved merge conflict from git (lines 23-27): keep the lines that are right, delete the "
        "marker lines (<<<<<<<, =======, >>>>>>>), then `git add` the file; or take one whole side with "
        f"`git checkout --ours -- {path}` (your version) or `git checkout --theirs -- {path}`",
    ]
    assert "not valid YAML" not in result.stdout + result.stderr


def test_every_command_says_so_and_an_update_is_refused(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=CONFLICTED)
    for args in (["tasks"], ["report", "monthly", "2022-06", "-f", "md"], ["note", "T001", "已督促", "--on", "2022-07-01"]):
        result = run(*args, "--data", str(folder))
        assert result.exit_code == 1, args
        assert f"{folder}/tasks.yaml:23: unresolved merge conflict from git (lines 23-27)" in result.stderr, args
    assert (folder / "tasks.yaml").read_text(encoding="utf-8") == CONFLICTED


def test_a_conflict_without_its_end_and_a_stray_end(make_data: Callable[..., Path]) -> None:
    unended = CONFLICTED.replace(">>>>>>> 3f2a1c9 (T002 done)\n", "")
    out = run("check", "--data", str(make_data(tasks=unended))).stdout
    assert "tasks.yaml:23: unresolved merge conflict from git (its >>>>>>> line is missing)" in out
    stray = TASKS + ">>>>>>> theirs\n"
    out = run("check", "--data", str(make_data(tasks=stray))).stdout
    assert "tasks.yaml:28: unresolved merge conflict from git (a >>>>>>> line without its <<<<<<< line)" in out
