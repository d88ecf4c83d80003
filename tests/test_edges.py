"""Edges found by review: each once ended in a traceback or could hurt the clerk's data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TASKS, run

# The read path of a view: it must not pay for openpyxl (the whole core's layering is in tests/structure).
READ_PATH = ["yamlsyntax.read", "model", "loading", "checks", "campaign", "dates", "queries.overdue", "queries.indicators",
        "queries.scorecard", "queries.show", "queries.summary", "write.changes", "write.apply", "report.build", "datadir",
        "initdata", "merge.driver", "merge.gitfiles"]


def test_the_read_path_does_not_import_openpyxl() -> None:
    code = ("import sys\n" + "".join(f"import guilin_campaign.{m}\n" for m in READ_PATH)
            + "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click', 'openpyxl'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"


@pytest.mark.parametrize("value", ["nan", "inf", "1e400"])
def test_a_reading_must_be_finite(make_data: Callable[..., Path], value: str) -> None:
    folder = make_data()
    before = (folder / "tasks.yaml").read_bytes()
    result = run("reading", "I01", value, "--month", "2022-08", "--data", str(folder))
    assert result.exit_code == 2 and f"VALUE: {value!r} is " in result.stderr  # not a number, or too large
    assert (folder / "tasks.yaml").read_bytes() == before


def test_init_into_an_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("init", str(blocker / "sub"))
    assert result.exit_code == 1 and "cannot create the data folder" in result.stderr


def test_a_huge_soon_window(make_data: Callable[..., Path]) -> None:
    result = run("overdue", "--data", str(make_data()), "--as-of", "2022-06-01", "--soon", "3000000", "-f", "json")
    assert result.exit_code == 0 and '"light": "yellow"' in result.stdout


@pytest.mark.parametrize("text", ["20220630", "2022-W26-4", "2022-6-30"])
def test_dates_are_written_yyyy_mm_dd(make_data: Callable[..., Path], text: str) -> None:
    result = run("overdue", "--data", str(make_data()), "--as-of", text)
    assert result.exit_code == 2 and f"--as-of: not a date: '{text}'; write YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("period", ["0001-01", "1899-12"])
def test_report_years_out_of_range_are_usage_errors(make_data: Callable[..., Path], period: str) -> None:
    result = run("report", "monthly", period, "--data", str(make_data()))
    assert result.exit_code == 2 and "not a month" in result.stderr


def test_xlsx_as_of_before_1980(make_data: Callable[..., Path], tmp_path: Path) -> None:
    result = run("report", "monthly", "2022-06", "--as-of", "1979-12-31", "--data", str(make_data()), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.stderr


def test_empty_collections_mean_none(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.replace("            status: doing\n", "            status: doing\n            log:\n            indicators:\n")
    result = run("check", "--data", str(make_data(tasks=tasks)))
    assert result.exit_code == 0, result.stdout
    folder = make_data(tasks=tasks)
    assert run("note", "T002", "已推进", "--on", "2022-07-01", "--data", str(folder)).exit_code == 0
    assert "            log:\n              - {date: 2022-07-01, note: 已推进}\n" in (folder / "tasks.yaml").read_text(encoding="utf-8")


def test_a_symlinked_tasks_file_stays_a_link(make_data: Callable[..., Path], tmp_path: Path) -> None:
    real = make_data(folder="real")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "tasks.yaml").symlink_to(real / "tasks.yaml")
    (linked / "units.yaml").symlink_to(real / "units.yaml")
    assert run("note", "T001", "已归档", "--on", "2022-07-01", "--data", str(linked)).exit_code == 0
    assert (linked / "tasks.yaml").is_symlink()
    assert "已归档" in (real / "tasks.yaml").read_text(encoding="utf-8")


def test_ctrl_c_while_the_app_loads_ends_quietly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import types

    from guilin_campaign.cli import entry

    class Loading(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt  # as if Ctrl-C came while the app's imports ran

    monkeypatch.setitem(sys.modules, "guilin_campaign.cli.app", Loading("guilin_campaign.cli.app"))
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert stop.value.code == 130 and capsys.readouterr().err == "interrupted; nothing was changed\n"
