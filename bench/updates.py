"""Issue 19's update target alone: ``done T --note`` and ``note T`` against ``task N annotate``.

``uv run python bench/updates.py --sizes 10000,100000 --runs 9`` times each pair alternately, run
after run, each on a fresh copy of the data with the cache warm for it (see
:func:`targets.update_pair`), and prints the ratios of the medians (wall and CPU), our median
times and our peak memory. It uses bench/run.py's data sets and taskwarrior set-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import REPO, Taskwarrior, dataset, our_command
from targets import update_pair


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--what", default="done,note")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--direct", action="store_true", help="run bench/update_direct.py, not the CLI")
    args = parser.parse_args()
    if not shutil.which("task"):
        print("taskwarrior (`task`) is not installed")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-updates-") as tmp:
        env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(Path(tmp) / "cache")}
        for n in [int(s) for s in args.sizes.split(",") if s]:
            folder = dataset(args.work, n)
            root = Path(tmp) / f"task-{n}"
            root.mkdir()
            tw = Taskwarrior(folder, root)
            tw.load()
            for what in args.what.split(","):
                command = [sys.executable, str(Path(__file__).with_name("update_direct.py"))] if args.direct else our_command()
                ours, theirs = update_pair(command, folder, args.work / "scratch", env, tw, args.runs, what)
                print(f"{n:>7,} {what:<5} / task annotate: {ours.wall / theirs.wall:5.2f}x wall {ours.cpu / theirs.cpu:5.2f}x cpu"
                      f"  ours {ours.wall * 1000:6.0f} ms (cpu {ours.cpu * 1000:.0f} ms, {ours.rss:.0f} MiB)"
                      f"  task {theirs.wall * 1000:6.0f} ms ({theirs.rss:.0f} MiB) {ours.failed}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
