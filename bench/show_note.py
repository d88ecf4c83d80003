"""``show`` of a task with a large note, at doubling sizes: is it linear?

    uv run python bench/show_note.py                 # 1, 2, 4, 8 MB; exits 1 if a doubling costs over 3x
    uv run python bench/show_note.py --write         # also rewrites the block in docs/performance.md

Each size is the built-in data with one log note of T001 made that long (Chinese text), run as
``python -m guilin_campaign show T001`` with the output to /dev/null (Rich's table, as piped) and
the cache off. CPU time (user + sys) of the child is measured, not wall time, so that other work
on the machine does not move the numbers much; median of three runs. Another checkout is timed
with ``PYTHONPATH=/other/src``, as for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- show-note:start -->", "<!-- show-note:end -->"
NOTE = "note: 经指挥部审定后印发, by: scjgj}"


def make_data(folder: Path, size: int) -> None:
    shutil.copytree(REPO / "data", folder)
    tasks = folder / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    note = "推进" * (size // 6)  # three bytes a character in UTF-8
    tasks.write_text(text.replace(NOTE, f"note: {note}, by: scjgj}}", 1), encoding="utf-8")


def cpu_seconds(folder: Path) -> tuple[float, int]:
    """CPU time and peak memory (KiB) of one ``show T001``."""
    env = dict(os.environ, GUILIN_CAMPAIGN_CACHE="off")
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen([sys.executable, "-m", "guilin_campaign", "show", "T001", "--data", str(folder)],
                                 stdout=sink, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"show failed: {child.stderr.read().decode() if child.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="note sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="rewrite the block in docs/performance.md")
    args = parser.parse_args()
    rows: list[str] = []
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in [int(s) for s in args.sizes.split(",")]:
            folder = Path(tmp) / f"{mb}mb"
            make_data(folder, mb * 1_000_000)
            runs = [cpu_seconds(folder) for _ in range(args.runs)]
            cpu = statistics.median(r[0] for r in runs)
            ratio = f"{cpu / times[-1]:.2f}x" if times else "—"
            times.append(cpu)
            rows.append(f"| {mb} MB | {cpu:.2f} s | {ratio} | {max(r[1] for r in runs) // 1024} MiB |")
    table = "\n".join(["| note | `show` CPU time | against half the size | peak memory |", "|---|---:|---:|---:|", *rows])
    print(table)
    if args.write:
        text = DOC.read_text(encoding="utf-8")
        DOC.write_text(re.sub(f"{START}.*{END}", f"{START}\n{table}\n{END}", text, flags=re.S), encoding="utf-8")
    worst = max((b / a for a, b in zip(times, times[1:], strict=False)), default=1.0)
    return 1 if worst > 3 else 0  # linear doubles; quadratic quadruples


if __name__ == "__main__":
    sys.exit(main())
