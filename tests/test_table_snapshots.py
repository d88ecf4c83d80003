"""The terminal tables of the built-in sample at 80 and 120 columns, in Chinese: snapshots, and
the promises behind them (no line wider than the terminal; ids, dates and numbers never split).

Regenerate with ``UPDATE_SNAPSHOTS=1 uv run pytest tests/test_table_snapshots.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import run

SNAPSHOTS = Path(__file__).parent / "snapshots"
DAY = "2022-07-31"
COMMANDS = {
    "tasks": ("tasks", "--action", "A1"),
    "overdue": ("overdue", "--as-of", DAY, "--soon", "7"),
    "indicators": ("indicators", "--as-of", DAY, "--key"),
}
# The columns of ids, dates and numbers each table shows.
WHOLE = {"tasks": ("id", "action", "measure", "due", "done_on"), "overdue": ("task", "measure", "due", "done_on", "days_overdue"),
         "indicators": ("id", "month")}
# A terminal of that width that takes no colour (TERM=dumb): the text a person sees, no escape codes.
TERMINAL = {"TTY_COMPATIBLE": "1", "TERM": "dumb", "NO_COLOR": "1", "LINES": "25"}  # Rich takes COLUMNS of a dumb terminal with LINES


def _table(command: str, width: int, lang: str = "zh") -> str:
    result = run(*COMMANDS[command], "--data", "sample", env={"GUILIN_CAMPAIGN_LANG": lang, "COLUMNS": str(width), **TERMINAL})
    assert result.exit_code == 0, result.stderr
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"


def _values(command: str) -> list[str]:
    """The ids, dates and numbers the table must show whole: from the command's own JSON."""
    rows = json.loads(run(*COMMANDS[command], "--data", "sample", "-f", "json").stdout)
    return sorted({str(row[k]) for row in rows for k in WHOLE[command] if row.get(k)})


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_table_matches_its_snapshot(command: str, width: int) -> None:
    got = _table(command, width)
    snapshot = SNAPSHOTS / f"{command}-{width}.zh.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {snapshot}")
    assert got == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_line_is_wider_than_the_terminal_and_nothing_is_split(command: str, width: int, lang: str) -> None:
    text = _table(command, width, lang)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    words = set(re.findall(r"[0-9A-Za-z][0-9A-Za-z.:,%/-]*", text))
    for value in _values(command):
        assert value in words, f"{value} is split or missing at {width} columns"


def test_long_titles_wrap_inside_their_column() -> None:
    """At 80 columns the overdue table's longest title takes several lines, each in the title's column."""
    lines = _table("overdue", 80).splitlines()
    first = next(i for i, line in enumerate(lines) if "梳理查访" in line)
    column = lines[first].index("梳理查访")
    continued = lines[first + 1]
    assert continued[:column].strip() == "" and continued[column:].strip()  # the title goes on below, in place
