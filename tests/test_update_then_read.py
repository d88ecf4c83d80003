"""After an update, every read shows it: the cache an update leaves behind (issue 19: a fast update
patches it instead of loading the file again) answers exactly as the files read afresh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent.parent / "data"
READS = (["overdue", "--as-of", "2022-07-31", "-f", "json"], ["overdue", "--as-of", "2022-07-31", "--support"],
         ["summary", "-f", "json"], ["tasks", "-f", "csv"], ["tasks", "-s", "done"], ["check"], ["show", "T007", "-f", "json"],
         ["report", "monthly", "2022-07", "-f", "json"])
UPDATES = (["done", "T007", "--on", "2022-07-20", "--note", "验收完成"], ["start", "T002", "--on", "2022-07-21", "-u", "lipu"],
           ["note", "T005", "召开推进会", "--on", "2022-07-22"], ["block", "T003", "--on", "2022-07-23", "-n", "资金未到位"],
           ["reopen", "T007", "--on", "2022-07-24"])


def _run(args: list[str], data: Path, cache: str) -> tuple[int, str, str]:
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": cache, "GUILIN_CAMPAIGN_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "guilin_campaign", *args, "--data", str(data)], capture_output=True,
                          text=True, env=env, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("warm_first", [True, False], ids=["cache warm", "cache cold"])
def test_every_read_after_each_update_is_what_the_files_say(tmp_path: Path, warm_first: bool) -> None:
    data, cache = tmp_path / "data", str(tmp_path / "cache")
    shutil.copytree(SAMPLE, data)
    if warm_first:
        assert _run(["overdue", "--as-of", "2022-07-31"], data, cache)[0] == 0
    for update in UPDATES:
        assert _run(update, data, cache)[0] == 0, update
        for read in READS:
            assert _run(read, data, cache) == _run(read, data, "off"), (update, read)
