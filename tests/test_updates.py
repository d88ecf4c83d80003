"""Updates through the CLI: the exact lines each command changes, and what it refuses."""

from __future__ import annotations

import difflib
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TASKS, run


def _diff(before: bytes, after: bytes) -> list[str]:
    """The changed lines, as ``-``/``+`` lines without the file header."""
    old, new = before.decode("utf-8-sig").splitlines(keepends=True), after.decode("utf-8-sig").splitlines(keepends=True)
    return [line for line in difflib.ndiff(old, new) if line[:1] in "+-"]


@pytest.fixture
def crlf_bom(make_data: Callable[..., Path]) -> Path:
    folder = make_data()
    (folder / "tasks.yaml").write_bytes(b"\xef\xbb\xbf" + TASKS.replace("\n", "\r\n").encode())
    return folder


def _update(folder: Path, *args: str) -> list[str]:
    before = (folder / "tasks.yaml").read_bytes()
    result = run(*args, "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    after = (folder / "tasks.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\r\n") == after.count(b"\n") or b"\r\n" not in before  # CRLF kept everywhere
    return _diff(before, after)


def test_done_sets_done_on_beside_status_and_logs(crlf_bom: Path) -> None:
    _update(crlf_bom, "reopen", "T001", "--on", "2022-04-01")
    assert _update(crlf_bom, "done", "T001", "--on", "2022-07-15", "--note", "全部完成", "--by", "scjgj") == [
        "-             status: doing\r\n",
        "+             status: done\r\n",
        "+             done_on: 2022-07-15\r\n",
        "+               - {date: 2022-07-15, status: done, note: 全部完成, by: scjgj, was: doing}\r\n",
    ]


def test_reopen_removes_done_on(crlf_bom: Path) -> None:
    assert _update(crlf_bom, "reopen", "T001", "--on", "2022-04-02") == [
        "-             status: done\r\n",
        "+             status: doing\r\n",
        "-             done_on: 2022-03-28\r\n",
        "+             log:\r\n",
        "+               - {date: 2022-04-02, status: doing, was: done, was_done_on: 2022-03-28}\r\n",
    ]


def test_start_block_note_append_to_an_existing_log(crlf_bom: Path) -> None:
    _update(crlf_bom, "start", "T001", "--on", "2022-04-01")
    assert _update(crlf_bom, "block", "T001", "--note", "资金未到位", "--on", "2022-04-03") == [
        "-             status: doing\r\n",
        "+             status: blocked\r\n",
        "+               - {date: 2022-04-03, status: blocked, note: 资金未到位, was: doing}\r\n",
    ]
    assert _update(crlf_bom, "note", "T001", "已协调财政局", "--on", "2022-04-05", "--by", "scjgj") == [
        "+               - {date: 2022-04-05, note: 已协调财政局, by: scjgj}\r\n",
    ]


def test_adhoc_task_in_flow_style(crlf_bom: Path) -> None:
    assert _update(crlf_bom, "reopen", "AH01", "--on", "2022-04-20") == [
        "-   - {id: AH01, batch: 1, title: 迎检材料, owners: [scjgj], due: 2022-04-15, status: done, done_on: 2022-04-14}\r\n",
        "+   - {id: AH01, batch: 1, title: 迎检材料, owners: [scjgj], due: 2022-04-15, status: doing, log: [{date: 2022-04-20, status: doing, was: done, was_done_on: 2022-04-14}]}\r\n",
    ]


def test_unit_progress_completes_the_task_on_the_latest_date(crlf_bom: Path) -> None:
    assert _update(crlf_bom, "done", "T002", "--unit", "diecai", "--on", "2022-06-18") == [
        "-             status: doing\r\n",
        "+             status: done\r\n",
        "+             done_on: 2022-06-20\r\n",
        "+               diecai: {status: done, done_on: 2022-06-18}\r\n",
        "+             log:\r\n",
        "+               - {date: 2022-06-18, status: done, unit: diecai, by: diecai, was: doing}\r\n",
    ]
    # One unit reopening its part reopens the task.
    diff = _update(crlf_bom, "reopen", "T002", "--unit", "xiufeng", "--on", "2022-07-01")
    assert "+             status: doing\r\n" in diff and "-             done_on: 2022-06-20\r\n" in diff
    assert "+               xiufeng: {status: doing}\r\n" in diff


def test_readings_city_and_unit(crlf_bom: Path) -> None:
    assert _update(crlf_bom, "reading", "I01", "45000", "--month", "2022-08") == [
        "-           - {id: I01, name: 新增市场主体户数, key: true, target: 66000, unit: 户, owners: [scjgj, counties], readings: {2022-06: 30000, 2022-07: 39000}}\r\n",
        "+           - {id: I01, name: 新增市场主体户数, key: true, target: 66000, unit: 户, owners: [scjgj, counties], readings: {2022-06: 30000, 2022-07: 39000, 2022-08: 45000}}\r\n",
    ]
    diff = _update(crlf_bom, "reading", "I01", "-1.5", "--month", "2022-06", "--unit", "diecai")
    assert diff[1].endswith("readings: {2022-06: 30000, 2022-07: 39000, 2022-08: 45000}, by_unit: {diecai: {readings: {2022-06: -1.5}}}}\r\n")


def _refused(folder: Path, *args: str, code: int, message: str) -> None:
    before = (folder / "tasks.yaml").read_bytes()
    result = run(*args, "--data", str(folder))
    assert result.exit_code == code
    assert message in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before


def test_refusals_leave_the_file_untouched(crlf_bom: Path) -> None:
    _refused(crlf_bom, "done", "t001", code=2, message="unknown task 't001' (did you mean 'T001'?)")
    _refused(crlf_bom, "done", "T002", "--unit", "rsj", code=2, message="'rsj' is not a responsible unit of T002 (responsible: xiufeng, diecai)")
    _refused(crlf_bom, "done", "T002", code=2, message="T002 is tracked unit by unit and diecai not done yet: record each unit's part as done")
    _refused(crlf_bom, "done", "AH01", code=2, message="AH01 is already done (done_on 2022-04-14); to change the date, `reopen` it first")
    _refused(crlf_bom, "done", "T002", "--unit", "diecai", "--on", "2021-12-01", code=1, message="refused: T002 [diecai] done (2021-12-01) would leave the data invalid")
    _refused(crlf_bom, "done", "T002", "--on", "2022-13-01", code=2, message="--on: not a date: '2022-13-01'")
    _refused(crlf_bom, "block", "T002", code=2, message="Missing option '--note'")
    _refused(crlf_bom, "reading", "I09", "1", "--month", "2022-08", code=2, message="unknown indicator 'I09' (did you mean 'I01'?)")
    _refused(crlf_bom, "reading", "I01", "1", "--month", "2022-8", code=2, message="--month: '2022-8' is not a month")


@pytest.mark.parametrize("args", [
    ["done", "T002", "--unit", "diecai", "--on", "2022-07-01"],
    ["note", "T001", "归档", "--on", "2022-07-01"],
    ["reading", "I01", "1", "--month", "2022-08"],
])
def test_a_read_only_tasks_file_is_refused(make_data: Callable[..., Path], args: list[str]) -> None:
    folder = make_data()
    tasks = folder / "tasks.yaml"
    tasks.chmod(0o444)  # as root the mode bits, not the permission to write, must stop the update
    message = (
        f"error: {tasks} is read-only, so it was not changed; make it writable (`chmod u+w {tasks}`, "
        "or on Windows untick Read-only in the file's Properties) and run the command again\n"
    )
    _refused(folder, *args, code=1, message=message)
    assert stat.S_IMODE(tasks.stat().st_mode) == 0o444
    assert sorted(p.name for p in folder.iterdir()) == ["tasks.yaml", "units.yaml"]  # no temporary file


def test_a_read_only_tasks_file_still_shows_a_dry_run(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    (folder / "tasks.yaml").chmod(0o444)
    result = run("note", "T001", "归档", "--on", "2022-07-01", "--dry-run", "--data", str(folder))
    assert result.exit_code == 0 and "归档" in result.stdout


def test_dry_run_prints_the_diff_and_writes_nothing(crlf_bom: Path) -> None:
    before = (crlf_bom / "tasks.yaml").read_bytes()
    result = run("reopen", "T001", "--on", "2022-07-15", "--dry-run", "--data", str(crlf_bom))
    assert result.exit_code == 0
    shown = result.stdout.replace("\r\n", "\n")  # the runner's capture normalises line endings
    changed = [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert changed == [
        "-            status: done", "-            done_on: 2022-03-28", "+            status: doing",
        "+            log:", "+              - {date: 2022-07-15, status: doing, was: done, was_done_on: 2022-03-28}",
    ]
    assert "nothing was written" in result.stderr
    assert (crlf_bom / "tasks.yaml").read_bytes() == before


def test_an_update_is_not_applied_over_existing_problems(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=TASKS.replace("due: 2022-03-31", "due: 2022-02-30"))
    _refused(folder, "done", "T002", "--on", "2022-07-01", code=1, message="T001.due: not a date")


def test_a_locked_folder_is_refused(make_data: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from guilin_campaign.write import lock

    folder = make_data()
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    with lock.data_lock(folder):
        _refused(folder, "done", "T002", "--on", "2022-07-01", code=1, message="data folder is in use by another guilin-campaign command")


def test_updates_never_change_the_built_in_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import SAMPLE

    before = (SAMPLE / "tasks.yaml").read_bytes()
    monkeypatch.chdir(tmp_path)
    for args in (("--data", "sample"), ("--data", str(SAMPLE))):  # by name, and the folder itself
        result = run("done", "T031", "--on", "2022-07-30", *args, env={"GUILIN_CAMPAIGN_DATA": ""})
        assert result.exit_code == 2
        assert "updates never change the built-in sample" in result.stderr
    monkeypatch.chdir(SAMPLE.parent)  # a checkout's root: found as ./data, still the sample
    result = run("note", "T031", "x", env={"GUILIN_CAMPAIGN_DATA": ""})
    assert result.exit_code == 2 and "updates never change the built-in sample" in result.stderr
    assert (SAMPLE / "tasks.yaml").read_bytes() == before


def test_a_failed_commit_says_the_file_was_updated(make_data: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    folder = make_data()
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    identity = ["-c", "user.name=x", "-c", "user.email=x@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, "add", "."], cwd=folder, check=True)
    subprocess.run(["git", *identity, "commit", "-q", "-m", "任务分解表"], cwd=folder, check=True)
    # No identity anywhere: git refuses to commit after the file is written.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(folder / "none"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(folder))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    result = run("note", "T001", "归档", "--on", "2022-07-01", "--commit", "--data", str(folder))
    assert result.exit_code == 1
    assert "tasks.yaml was updated (T001 note (2022-07-01)) but not committed" in result.stderr
    assert "归档" in (folder / "tasks.yaml").read_text(encoding="utf-8")
