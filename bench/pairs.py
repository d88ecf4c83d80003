"""Warm ``overdue`` (and ``summary``, ``tasks``) against ``task overdue``, in alternating pairs.

``uv run python bench/pairs.py --sizes 10000,100000 --runs 7 [--before OLD_SRC]``: for each size,
our command from the cache (warmed first) and ``task overdue`` on the same tasks, one after the
other, ``--runs`` times; prints the median wall and CPU time of each, their ratios and our peak
memory. A quicker loop than ``targets.py`` for the read path alone (it reuses run.py's helpers).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import DAY, REPO, Taskwarrior, Timing, dataset, our_command, run_once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--commands", default="overdue", help="overdue,summary,tasks")
    parser.add_argument("--before", type=Path, help="the src folder of the code to compare with")
    parser.add_argument("--src", type=Path, help="the src folder of the code to time (default: the installed one)")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--taskdata", type=Path, help="a folder to keep taskwarrior's data in between runs")
    parser.add_argument("--readpath", action="store_true", help="time bench/readpath.py (no CLI) instead of the command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pairs-") as tmp:
        envs = {"after": {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(Path(tmp) / "cache-after")}}
        if args.src:
            envs["after"]["PYTHONPATH"] = str(args.src.resolve())
        if args.before:
            envs["before"] = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(Path(tmp) / "cache-before"),
                              "PYTHONPATH": str(args.before.resolve())}
        for n in (int(s) for s in args.sizes.split(",")):
            folder = dataset(args.work, n)
            root = (args.taskdata or Path(tmp)) / f"task-{n}"
            fresh = not root.exists()
            root.mkdir(parents=True, exist_ok=True)
            tw = Taskwarrior(folder, root)
            if fresh:
                tw.load()
            for command in args.commands.split(","):
                argv = our_command() + [command, "--data", str(folder)] + (["--as-of", DAY] if command == "overdue" else [])
                if args.readpath:
                    argv = [sys.executable, str(Path(__file__).with_name("readpath.py")), str(folder), DAY, command]
                theirs = tw.task("overdue")
                for name, env in envs.items():
                    run_once(argv, env, Timing())  # fills the cache
                    ours, them = Timing(), Timing()
                    for _ in range(args.runs):
                        run_once(argv, env, ours)
                        run_once(theirs, tw.env, them)
                    print(f"{n:>7,} {command:<8} {name:<6} ours {ours.wall * 1000:6.0f} ms (cpu {ours.cpu * 1000:5.0f}, "
                          f"{ours.rss:4.0f} MiB)  task overdue {them.wall * 1000:6.0f} ms (cpu {them.cpu * 1000:5.0f})  "
                          f"ratio {ours.wall / them.wall:.2f}x wall, {ours.cpu / them.cpu:.2f}x cpu {ours.failed}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
