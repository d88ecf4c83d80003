"""Values the clerk writes: numbers kept exactly or refused with the line, empty text refused,
readings only under a unit that owns the indicator, arguments that are not UTF-8 named as such."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign import numbers
from guilin_campaign.catalogue import render
from guilin_campaign.cli.entry import argv_problem
from guilin_campaign.loading import load_campaign
from tests.conftest import TASKS, run

TARGET = "target: 66000"


def _problems(make_data: Callable[..., Path], tasks: str) -> list[str]:
    return [p.text("en") for p in load_campaign(make_data(tasks=tasks)).problems]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("written", "says"), [
    ("true", "true is not a number"),
    ("false", "false is not a number"),
    ("1_000", "write the number without '_' (like 1000)"),
    ("'1_000'", "write the number without '_'"),
    ("123456789012345678901234567890", "more than 15 significant digits"),
    ("'123456789012345678901234567890'", "more than 15 significant digits"),
    ("1.2345678901234567", "more than 15 significant digits"),
    ("9" * 5000, "(5000 characters) has more than 15 significant digits"),
    ("1.0e20", "too large to be kept exactly"),
])
def test_numbers_that_cannot_be_kept_exactly_are_refused_at_their_line(make_data: Callable[..., Path], written: str, says: str) -> None:
    tasks = TASKS.replace(TARGET, f"target: {written}")
    problems = _problems(make_data, tasks)
    line = _line_of(TASKS, TARGET)
    assert len(problems) == 1, problems
    assert f"tasks.yaml:{line}: I01.target: " in problems[0] and says in problems[0]


def test_batch_true_is_not_batch_1(make_data: Callable[..., Path]) -> None:
    problems = _problems(make_data, TASKS.replace("batch: 1,", "batch: true,"))
    assert len(problems) == 1 and "AH01.batch: true is not a number" in problems[0]


def test_numbers_within_the_rules_are_read_as_written(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.replace(TARGET, "target: 999999999999999").replace("2022-07: 39000", "2022-07: 0.123456789012345")
    result = load_campaign(make_data(tasks=tasks))
    assert result.problems == []
    assert result.campaign is not None
    ind = result.campaign.indicators[0].indicator
    assert ind.target == 999999999999999 and repr(ind.readings["2022-07"]) == "0.123456789012345"


def test_a_zero_target_of_a_growing_total_is_refused_elsewhere_defined(make_data: Callable[..., Path]) -> None:
    line = _line_of(TASKS, TARGET)
    problems = _problems(make_data, TASKS.replace(TARGET, "target: 0"))
    assert len(problems) == 1 and f"tasks.yaml:{line}: I01.target: a target of 0 for a total that should grow" in problems[0]
    assert _problems(make_data, TASKS.replace(TARGET, "target: 0, better: lower")) == []
    assert _problems(make_data, TASKS.replace(TARGET, "target: 0, kind: rate")) == []


def test_number_rules_on_text() -> None:
    assert numbers.problem("66000") is None and numbers.problem("-0.5") is None and numbers.problem("1e5") is None
    assert numbers.parse("-1.5") == -1.5 and numbers.parse("1500") == 1500 and isinstance(numbers.parse("1500.0"), int)
    assert numbers.problem("0.0") is None and numbers.problem("-0") is None
    for bad in ("66,000", "4100户", "1_000", "nan", "inf", "123456789012345678", "", "1e-400", "1e" + "9" * 5000):
        with pytest.raises(ValueError):
            numbers.parse(bad)


@pytest.mark.parametrize("value", ["123456789012345678901234567890", "1_000", "1e20", "66,000", "nan"])
def test_a_reading_on_the_command_line_follows_the_same_rules(make_data: Callable[..., Path], value: str) -> None:
    folder = make_data()
    before = (folder / "tasks.yaml").read_bytes()
    result = run("reading", "I01", value, "--month", "2022-08", "--data", str(folder))
    assert result.exit_code == 2 and "VALUE: " in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before


def test_a_reading_under_a_unit_that_does_not_own_the_indicator_is_refused(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    before = (folder / "tasks.yaml").read_bytes()
    result = run("reading", "I01", "5", "--month", "2022-08", "--unit", "rsj", "--data", str(folder))
    assert result.exit_code == 2
    assert "'rsj' does not own I01" in result.stderr and "its owners are scjgj, xiufeng, diecai" in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before
    assert run("reading", "I01", "5", "--month", "2022-08", "--unit", "diecai", "--data", str(folder)).exit_code == 0


@pytest.mark.parametrize("args", [
    ["note", "T002", ""], ["note", "T002", "  "], ["block", "T002", "--note", ""], ["block", "T002", "--note", " \t"],
    ["note", "T002", "ok", "--by", ""], ["done", "T001", "--unit", ""], ["start", "T002", "--by", " "],
])
def test_empty_text_is_refused_with_exit_2(make_data: Callable[..., Path], args: list[str]) -> None:
    folder = make_data()
    before = (folder / "tasks.yaml").read_bytes()
    result = run(*args, "--data", str(folder))
    assert result.exit_code == 2 and "is empty: write the text" in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before


def test_a_note_starting_with_a_dash_says_how_to_pass_it(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    result = run("note", "T002", "-3户未完成", "--data", str(folder))
    assert result.exit_code == 2 and "No such option: -3" in result.stderr
    assert "guilin-campaign note ID [OPTIONS] -- -3户未完成" in " ".join(result.stderr.split())
    assert run("note", "T002", "--data", str(folder), "--", "-3户未完成").exit_code == 0
    assert run("block", "T002", "--note=-3户", "--data", str(folder)).exit_code == 0
    assert "-3户未完成" in (folder / "tasks.yaml").read_text(encoding="utf-8")


def test_an_argument_that_is_not_utf8_is_named() -> None:
    gbk = "已完成".encode("gb18030").decode("utf-8", "surrogateescape")
    message = argv_problem(["note", "T002", gbk])
    assert message is not None
    said = render(message, "en")
    assert said.startswith("guilin-campaign: argument 3 is not UTF-8 text") and "'已完成'" in said
    assert render(message, "zh").startswith("guilin-campaign：第 3 个参数不是 UTF-8 文本") and "'已完成'" in render(message, "zh")
    assert argv_problem(["note", "T002", "已完成"]) is None


def test_an_argument_that_is_not_utf8_exits_2_in_a_process(tmp_path: Path) -> None:
    code = "import sys; from guilin_campaign.cli.entry import main; main()"
    proc = subprocess.run([sys.executable, "-c", code, "show", "已完成".encode("gb18030")], capture_output=True, cwd=tmp_path)
    assert proc.returncode == 2
    assert b"argument 2 is not UTF-8 text" in proc.stderr and b"Traceback" not in proc.stderr
