"""Workbooks and Word documents are byte-identical for the same data and period, whatever the clock."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SAMPLE

COMMANDS = [
    ["report", "monthly", "2022-06", "-o", "monthly.xlsx"],
    ["report", "quarterly", "2022-Q2", "-o", "quarterly.xlsx"],
    ["report", "monthly", "2022-06", "-o", "monthly.docx"],
    ["report", "quarterly", "2022-Q2", "-o", "quarterly.docx"],
    ["overdue", "--as-of", "2022-07-31", "-o", "overdue.xlsx"],
    ["tasks", "-o", "tasks.xlsx"],
    ["notice", "scjgj", "--as-of", "2022-07-31", "-o", "notice.docx"],
]
# Every command in one process: the library's clock is whatever the machine says at the time.
RUN = """
import json, sys
from guilin_campaign.cli.app import app
for args in json.loads(sys.argv[1]):
    app(args, standalone_mode=False)
"""


def _run_all(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    commands = [[*args[:-1], str(folder / args[-1]), "--data", str(SAMPLE)] for args in COMMANDS]
    subprocess.run([sys.executable, "-c", RUN, json.dumps(commands)], check=True, capture_output=True)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_two_runs_seconds_apart_write_the_same_bytes(tmp_path: Path) -> None:
    first = _run_all(tmp_path / "first")
    time.sleep(2.1)  # zip entry times have a resolution of two seconds
    second = _run_all(tmp_path / "second")
    assert sorted(first) == sorted(args[-1] for args in COMMANDS)
    for name, data in first.items():
        assert second[name] == data, name
