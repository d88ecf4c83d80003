"""Issue 19's read targets in one run, as ratios: the numbers docs/performance.md records.

``uv run python bench/targets.py [--before OLD_SRC]`` times, in one run on this machine:

- warm ``overdue`` (from the cache) at 10,000 and 100,000 tasks against ``task overdue`` on the same
  tasks (target at most 0.8x and 0.5x);
- warm ``overdue``, ``summary`` and ``check`` on the built-in data against the bare imports
  ``python -c "import typer, rich.console, pydantic, yaml"`` (target at most 0.8x);
- cold ``check`` (cache emptied) at 10,000 tasks against ``yaml.load(f, Loader=yaml.CSafeLoader)`` of
  the same file in a fresh interpreter (target at most 0.35x);
- the peak memory of cold ``check`` and warm ``overdue`` at 100,000 tasks (target under 512 MiB; one
  run each, with their wall times);
- an update, ``done T --note``, at each size against ``task N annotate`` on the same tasks (target at
  most 1.0x), each on a fresh copy of the data;
- growth from the smallest to the largest size given (target: at most 110x for 100x the data) of
  warm ``overdue``, cold ``check`` and ``done``.

Each pair is timed alternately, run after run, so that other work on the machine weighs on both
sides alike; ratios are of medians, of wall time and of CPU time (user+sys; steadier on a busy
machine). With ``--before OLD_SRC`` (a ``src`` folder of an older checkout) the same is timed for
that code too, first, with a cache folder of its own. It reuses bench/run.py's runner and data sets.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import BASELINE, DAY, REPO, Taskwarrior, Timing, dataset, open_task, our_command, run_once

START, END = "<!-- targets:start -->", "<!-- targets:end -->"
YAML_LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
Row = tuple[str, str, dict[str, tuple[Timing, Timing]]]  # target, goal, code name -> (ours, reference)


def alternate(ours: list[str], theirs: list[str], env: dict[str, str], their_env: dict[str, str], runs: int,
              before_ours: object = None, before_theirs: object = None) -> tuple[Timing, Timing]:
    """``runs`` runs of each, one after the other; ``before_ours``/``before_theirs`` (callables) run
    untimed before each run of that side."""
    a, b = Timing(), Timing()
    for _ in range(runs):
        if callable(before_ours):
            before_ours()
        run_once(ours, env, a)
        if callable(before_theirs):
            before_theirs()
        run_once(theirs, their_env, b)
    return a, b


def measure_code(name: str, env: dict[str, str], args: argparse.Namespace, tw: dict[int, Taskwarrior], rows: dict[str, Row]) -> None:
    cache = Path(env["GUILIN_CAMPAIGN_CACHE"])
    ours = our_command()

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def add(target: str, goal: str, pair: tuple[Timing, Timing]) -> None:
        rows.setdefault(target, (target, goal, {}))[2][name] = pair
        print(f"  {name:<7} {target:<52} {_ratio(pair, 'wall'):>6} wall {_ratio(pair, 'cpu'):>6} cpu "
              f"(ours {pair[0].wall * 1000:.0f} ms, {pair[0].rss:.0f} MiB)", flush=True)

    grown: dict[tuple[str, int], Timing] = {}  # (what, size) -> its timing, for the growth rows
    bare = [sys.executable, "-c", BASELINE]
    for command in ("overdue", "summary", "check"):
        argv = ours + [command, "--data", str(REPO / "data")] + (["--as-of", DAY] if command == "overdue" else [])
        run_once(argv, env, Timing())  # fills the cache
        add(f"warm `{command}`, built-in data / bare imports", "≤ 0.8", alternate(argv, bare, env, env, args.runs * 2))
    for n in args.sizes:
        folder = dataset(args.work, n)
        overdue = ours + ["overdue", "--data", str(folder), "--as-of", DAY]
        run_once(overdue, env, Timing())
        if n in tw:
            goal = "none" if n < 10_000 else "≤ 0.8" if n == 10_000 else "≤ 0.5"  # the sizes: 10,000 and 100,000
            pair = alternate(overdue, tw[n].task("overdue"), env, tw[n].env, args.runs)
            add(f"warm `overdue`, {n:,} tasks / `task overdue`", goal, pair)
            grown["warm `overdue`", n] = pair[0]
            pair = update_pair(ours, folder, args.work / "scratch", env, tw[n], args.runs if n <= 10_000 else 1)
            add(f"`done T --note`, {n:,} tasks / `task N annotate`", "none" if n < 10_000 else "≤ 1.0", pair)
            grown["`done`", n] = pair[0]
        check = ours + ["check", "--data", str(folder)]
        if n <= 10_000:
            load = [sys.executable, "-c", YAML_LOAD, str(folder / "tasks.yaml")]
            pair = alternate(check, load, env, env, args.runs, before_ours=empty_cache)
            add(f"cold `check`, {n:,} tasks / `yaml.load` (CSafeLoader)", "≤ 0.35" if n == 10_000 else "none", pair)
            grown["cold `check`", n] = pair[0]
        else:  # only its memory: PyYAML's own load of 60 MB takes minutes and gigabytes
            cold = Timing()
            empty_cache()
            run_once(check, env, cold)
            warm = Timing()
            run_once(overdue, env, warm)
            add(f"peak memory at {n:,} tasks: cold `check`, warm `overdue` (MiB)", "< 512", (cold, warm))
            grown["cold `check`", n] = cold
            memory_sweep(ours, folder, args.work / "scratch", env, add)
    small, large = min(args.sizes), max(args.sizes)
    for what in ("warm `overdue`", "cold `check`", "`done`"):
        if small < large and (what, small) in grown and (what, large) in grown:
            add(f"growth of {what}, {small:,} → {large:,} tasks", f"≤ {1.1 * large / small:.0f}",
                (grown[what, large], grown[what, small]))


SWEEP = (("check",), ("summary",), ("tasks", "-s", "doing"), ("indicators", "--as-of", DAY), ("unit", "lipu", "--as-of", DAY),
         ("report", "monthly", "2022-07", "-f", "md"))


def memory_sweep(ours: list[str], folder: Path, scratch: Path, env: dict[str, str], add: object) -> None:
    """Every everyday command once at this size, the cache warm: the peak memory target is for any command.
    The update runs on a fresh copy, twice: the first with the cache of the copy cold (the full path)."""
    for argv in SWEEP:
        run_once(ours + [*argv, "--data", str(folder)], env, Timing())  # the cache of every file it reads
        timing = Timing()
        run_once(ours + [*argv, "--data", str(folder)], env, timing)
        add(f"peak memory, warm `{' '.join(argv)}` (MiB)", "< 512", (timing, timing))  # type: ignore[operator]
    scratch.mkdir(parents=True, exist_ok=True)
    for name in ("tasks.yaml", "units.yaml"):
        shutil.copyfile(folder / name, scratch / name)
    done = ours + ["done", open_task(folder), "--on", DAY, "--note", "基准测试", "--data", str(scratch)]
    first, second = Timing(), Timing()
    run_once(done, env, first)
    run_once(ours + ["note", open_task(folder), "基准测试", "--on", DAY, "--data", str(scratch)], env, second)
    add("peak memory, `done` on a copy never read, then `note` (MiB)", "< 512", (first, second))  # type: ignore[operator]


def update_pair(ours: list[str], folder: Path, scratch: Path, env: dict[str, str], tw: Taskwarrior,
                runs: int, what: str = "done") -> tuple[Timing, Timing]:
    """``done`` of an open task with a note (or ``note``), and ``task N annotate``, each on a fresh
    copy, and ours with the cache warm for that copy: before each run the copy's cache entry and
    index of the records are put back as a read of the copy left them (the update rewrites them)."""
    cache = Path(env["GUILIN_CAMPAIGN_CACHE"])
    kept: dict[Path, bytes] = {}

    def fresh_copy() -> None:
        scratch.mkdir(parents=True, exist_ok=True)
        for name in ("tasks.yaml", "units.yaml"):
            shutil.copyfile(folder / name, scratch / name)
        for path, data in kept.items():
            path.write_bytes(data)

    fresh_copy()
    run_once(our_command() + ["check", "--data", str(scratch)], env, Timing())  # not timed: fills the cache for the copy
    kept.update({path: path.read_bytes() for path in warm_files(cache, scratch)})
    task = open_task(folder)
    if what == "note":
        update = ours + ["note", task, "基准测试", "--on", DAY, "--data", str(scratch)]
    else:
        update = ours + ["done", task, "--on", DAY, "--note", "基准测试", "--data", str(scratch)]
    annotate = tw.task(str(max(1, tw.pending // 2)), "annotate", "基准测试")
    return alternate(update, annotate, env, tw.copy_env(), runs, before_ours=fresh_copy, before_theirs=tw.fresh_copy)


def warm_files(cache: Path, folder: Path) -> list[Path]:
    """The cache's files for ``folder`` (its entry, and the index of its records if this code keeps one)."""
    import hashlib

    stem = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:32]  # as cache.entry_name
    return sorted(p for p in cache.glob(stem + ".*") if p.suffix in (".entry", ".spans"))


def _ratio(pair: tuple[Timing, Timing], what: str) -> str:
    ours, theirs = getattr(pair[0], what), getattr(pair[1], what)
    return f"{ours / theirs:.2f}x" if theirs else "—"


def report(rows: dict[str, Row], names: list[str], args: argparse.Namespace) -> str:
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             f"{date.today()}; median of {args.runs} alternating runs ({args.runs * 2} on the built-in data). Each cell: the ratio of wall times / of CPU times (user+sys), "
             "then our wall time and peak memory.", ""]
    lines += ["| target | goal | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for target, goal, by_name in rows.values():
        cells = []
        for name in names:
            pair = by_name.get(name)
            if pair is not None and target.startswith("growth"):
                cells.append(f"{_ratio(pair, 'wall')} / {_ratio(pair, 'cpu')} ({pair[1].wall:.2f} s → {pair[0].wall:.2f} s)")
                continue
            if pair is not None and target.startswith("peak memory"):
                cells.append(f"{pair[0].rss:.0f} / {pair[1].rss:.0f} MiB ({pair[0].wall:.1f} s / {pair[1].wall:.1f} s)")
                continue
            cells.append("—" if pair is None else
                         f"{_ratio(pair, 'wall')} / {_ratio(pair, 'cpu')} ({pair[0].wall * 1000:.0f} ms, {pair[0].rss:.0f} MiB)"
                         + (" FAILED" if pair[0].failed else ""))
        lines.append(f"| {target} | {goal} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_doc(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{block}{END}{tail}", encoding="utf-8")
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="the src folder of the code to compare with")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    if not shutil.which("task"):
        print("note: taskwarrior (`task`) is not installed: the comparisons with it are skipped")
    rows: dict[str, Row] = {}
    with tempfile.TemporaryDirectory(prefix="bench-targets-") as tmp:
        tw = {}
        if shutil.which("task"):
            for n in args.sizes:
                root = Path(tmp) / f"task-{n}"
                root.mkdir()
                tw[n] = Taskwarrior(dataset(args.work, n), root)
                tw[n].load()
        codes = ([("before", args.before)] if args.before else []) + [("after", None)]
        for name, src in codes:
            env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(Path(tmp) / f"cache-{name}")}
            if src is not None:
                env["PYTHONPATH"] = str(src.resolve())
            measure_code(name, env, args, tw, rows)
    text = report(rows, [name for name, _ in codes], args)
    print("\n" + text)
    if not args.no_write:
        write_doc(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
