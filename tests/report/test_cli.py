"""``report monthly`` and ``report quarterly`` through the CLI: formats, files, and the exit codes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from guilin_campaign.write import fileio
from tests.conftest import run
from tests.report.sample import TASKS

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface

MakeData = Callable[..., Path]


@pytest.fixture
def data(make_data: MakeData) -> str:
    return str(make_data(tasks=TASKS))


def test_help_for_the_group_and_each_command() -> None:
    assert "monthly" in run("report", "--help").stdout and "quarterly" in run("report", "--help").stdout
    for command in ("monthly", "quarterly"):
        result = run("report", command, "--help")
        assert result.exit_code == 0 and "--output" in result.stdout and "--as-of" in result.stdout


def test_without_output_the_report_prints_as_tables(data: str) -> None:
    result = run("report", "monthly", "2022-06", "--data", data, env=ZH)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("月度汇总 2022年6月\n")
    for heading in ("一、总体进展", "五、成员单位排名", "十、挂图作战"):
        assert heading in out
    assert out.index("一、总体进展") < out.index("二、本期完成任务") < out.index("九、本期未报送单位")


def test_json_to_stdout(data: str) -> None:
    result = run("report", "quarterly", "2022-Q2", "--data", data, "--format", "json")
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    assert (got["period"], got["as_of"], got["tasks"]["done_in_period"]) == ("2022-Q2", "2022-06-30", 3)


def test_as_of_overrides_the_last_day(data: str) -> None:
    got = json.loads(run("report", "monthly", "2022-06", "--data", data, "-f", "json", "--as-of", "2022-06-20").stdout)
    assert got["as_of"] == "2022-06-20" and got["tasks"]["done"] == 2


@pytest.mark.parametrize(("suffix", "check"), [
    (".md", lambda p: p.read_text(encoding="utf-8").startswith("# 月度汇总 2022年6月")),
    (".json", lambda p: json.loads(p.read_text(encoding="utf-8"))["period"] == "2022-06"),
    (".html", lambda p: p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")),
    (".xlsx", lambda p: openpyxl.load_workbook(p).sheetnames[0] == "总体进展"),
])
def test_output_file_format_follows_its_suffix(data: str, tmp_path: Path, suffix: str, check: Callable[[Path], bool]) -> None:
    target = tmp_path / f"月报{suffix}"
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(target), env=ZH)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and f"已写入 {target}" in result.stderr
    assert check(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_format_wins_over_the_suffix_and_files_are_replaced(data: str, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    assert run("report", "monthly", "2022-06", "--data", data, "-o", str(target), "-f", "md", env=ZH).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 月度汇总")
    assert target.stat().st_mode & 0o777 == 0o640  # the file's permissions are kept


def test_same_data_same_file(data: str, tmp_path: Path) -> None:
    for name in ("a.xlsx", "b.xlsx", "a.md", "b.md"):
        assert run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / name)).exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


@pytest.mark.parametrize(("command", "text", "example"), [
    ("monthly", "2022-13", "e.g. 2022-06"), ("monthly", "June", "e.g. 2022-06"), ("quarterly", "2022-Q5", "e.g. 2022-Q2"),
])
def test_bad_period_exits_2_with_an_example(data: str, command: str, text: str, example: str) -> None:
    result = run("report", command, text, "--data", data)
    assert result.exit_code == 2
    assert result.stdout == "" and example in result.stderr and "Traceback" not in result.stderr


def test_xlsx_to_the_terminal_is_refused(data: str) -> None:
    result = run("report", "monthly", "2022-06", "--data", data, "-f", "xlsx")
    assert result.exit_code == 2 and "--output: a workbook cannot be printed to the terminal; name an output file, FILE.xlsx" in result.stderr and result.stdout == ""


def test_unknown_suffix_without_format_is_refused(data: str, tmp_path: Path) -> None:
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / "report.txt"))
    assert result.exit_code == 2 and "--output: cannot tell the format from 'report.txt'; name it .md, .html, .json, .xlsx or .docx, or name the format" in result.stderr


def test_a_missing_folder_is_a_clear_error(data: str, tmp_path: Path) -> None:
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / "nope" / "r.md"))
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {tmp_path / 'nope' / 'r.md'}: the folder {tmp_path / 'nope'} does not exist\n"


def test_a_file_where_the_folder_should_be(data: str, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("", encoding="utf-8")
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / "plain" / "r.md"))
    assert result.exit_code == 1 and "is not a folder" in result.stderr


def test_an_unwritable_folder_is_a_clear_error(data: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fileio, "mkstemp", refuse)  # as root, chmod would not stop the write
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 1
    assert f"r.md: cannot write (Permission denied), it is unchanged. You may not write in the folder {tmp_path}: make it writable" in result.stderr
    assert not (tmp_path / "r.md").exists()


def test_a_failed_replace_leaves_no_temp_file_and_the_old_report(data: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", fail)
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(target))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["data", "r.md"]


def test_a_read_only_report_is_not_replaced(data: str, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(target))
    assert result.exit_code == 1 and f"{target} is read-only, so it was not changed" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"


def test_bad_data_is_reported_not_a_traceback(make_data: MakeData) -> None:
    folder = make_data(tasks=TASKS.replace("due: 2022-05-31", "due: 2022-13-01"))
    result = run("report", "monthly", "2022-06", "--data", str(folder))
    assert result.exit_code == 1 and "not a date" in result.stderr


def test_a_report_never_overwrites_the_data_or_a_device(data: str, tmp_path: Path) -> None:
    tasks = Path(data) / "tasks.yaml"
    before = tasks.read_bytes()
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tasks), "-f", "json")
    assert result.exit_code == 2 and "is a data file of the campaign" in result.stderr
    assert tasks.read_bytes() == before
    (tmp_path / "dir.md").mkdir()
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(tmp_path / "dir.md"))
    assert result.exit_code == 1 and "it is not a regular file" in result.stderr


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "to nowhere"])
def test_a_report_through_a_symlink_is_refused(data: str, tmp_path: Path, dangling: bool) -> None:
    real = tmp_path / "outside" / "real.md"
    real.parent.mkdir()
    if not dangling:
        real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = run("report", "monthly", "2022-06", "--data", data, "-o", str(link))
    assert result.exit_code == 1
    assert f"refused: {link} is a symbolic link (to {real}); it was not followed and nothing was written" in result.stderr
    assert link.is_symlink() and os.listdir(real.parent) == ([] if dangling else ["real.md"])
    assert dangling or real.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["data", "link.md", "outside"]  # no temporary file left


def test_a_report_over_a_data_file_is_refused_by_any_name(data: str, tmp_path: Path) -> None:
    tasks = Path(data) / "tasks.yaml"
    before = tasks.read_bytes()
    (tmp_path / "hard.md").hardlink_to(tasks)  # the same file by another name
    for target in (tasks, Path(data) / ".." / "data" / "units.yaml", tmp_path / "hard.md"):
        result = run("report", "monthly", "2022-06", "--data", data, "-o", str(target), "--format", "md")
        assert result.exit_code == 2 and f"refused: {target} is a data file of the campaign" in result.stderr
    assert tasks.read_bytes() == before


def test_an_existing_report_is_replaced(data: str, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("last month's", encoding="utf-8")
    assert run("report", "monthly", "2022-06", "--data", data, "-o", str(target), env=ZH).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 月度汇总") and not target.is_symlink()
