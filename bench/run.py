"""Time whole guilin-campaign commands at 1,000, 10,000 and 100,000 tasks, beside taskwarrior.

Run from the repository: ``uv run python bench/run.py`` (see bench/README.md). Each command is run as
the installed console script (or ``python -m guilin_campaign``) with this interpreter, never through
``uv run``; each run's wall time, CPU time and peak memory (``ru_maxrss`` from ``wait4``) are taken
for that child alone. Prints the tables and, unless ``--smoke`` or ``--no-write``, writes them into
docs/performance.md between the ``bench:start``/``bench:end`` markers (the text around them is kept).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import AS_OF

REPO = Path(__file__).resolve().parents[1]
BASELINE = "import typer, rich.console, pydantic, yaml"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
DAY = AS_OF.isoformat()


@dataclass
class Timing:
    """Several runs of one command: wall and CPU seconds, peak resident memory in MiB."""

    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss: float = 0.0
    failed: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(self.walls) if self.walls else float("nan")

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus) if self.cpus else float("nan")


def run_once(argv: list[str], env: dict[str, str], timing: Timing) -> None:
    """One run; stdout goes to /dev/null (as a pipe to a file would), stderr is kept for a failure."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            timing.failed = f"exit {proc.returncode}: {' | '.join(tail)}"
    timing.walls.append(wall)
    timing.cpus.append(usage.ru_utime + usage.ru_stime)
    timing.rss = max(timing.rss, usage.ru_maxrss / 1024)


def measure(argv: list[str], env: dict[str, str], runs: int, prepare: object = None) -> Timing:
    timing = Timing()
    if prepare == "warm":
        run_once(argv, env, Timing())  # not timed: fills the cache
    for _ in range(runs):
        if callable(prepare):
            prepare()  # not timed: a fresh copy of the data for a command that writes
        run_once(argv, env, timing)
    return timing


def our_command() -> list[str]:
    script = Path(sys.executable).with_name("guilin-campaign")
    return [str(script)] if script.exists() and not os.environ.get("BENCH_MODULE") else [sys.executable, "-m", "guilin_campaign"]


def dataset(work: Path, n: int) -> Path:
    """The generated campaign of ``n`` tasks, made once and kept (stamped with the generator's text)."""
    folder = work / f"{n}"
    stamp = folder / "generator.stamp"
    source = (Path(__file__).parent / "generate.py").read_bytes()
    if not stamp.exists() or stamp.read_bytes() != source:
        started = time.perf_counter()
        # in a child, like everything big: a child's ru_maxrss starts at its parent's size
        subprocess.run([sys.executable, str(Path(__file__).with_name("generate.py")), str(n), str(folder)], check=True)
        stamp.write_bytes(source)
        print(f"generated {n:,} tasks in {folder} ({time.perf_counter() - started:.1f} s)", flush=True)
    return folder


def open_task(folder: Path) -> str:
    """A planned task that is not done, near the middle of the file: the one ``done`` marks."""
    return (folder / "done-task.txt").read_text(encoding="utf-8").strip()


def our_commands(folder: Path, scratch: Path, task: str, cache: Path) -> dict[str, tuple[list[str], object]]:
    """Name -> (arguments, preparation before each run).

    Each read command twice: ``(cold)`` with the cache emptied before each run (a first read, or a
    read after the files changed: the files are parsed, checked and the cache written), and plain,
    read from the cache (warmed by an untimed run first). ``done`` marks ``task`` on a fresh copy,
    with the cache warm for it: its entry and index of the records, as an untimed ``check`` of the
    copy left them, are put back before each run (the update rewrites them).
    """
    data = ["--data", str(folder)]

    def fresh_copy() -> None:
        scratch.mkdir(parents=True, exist_ok=True)
        for name in ("tasks.yaml", "units.yaml"):
            shutil.copyfile(folder / name, scratch / name)

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    reads = {
        "check": ["check", *data],
        "summary": ["summary", *data],
        "overdue": ["overdue", *data, "--as-of", DAY],
        "indicators": ["indicators", *data, "--as-of", DAY],
        "report monthly": ["report", "monthly", AS_OF.strftime("%Y-%m"), *data],
    }
    commands: dict[str, tuple[list[str], object]] = {f"{name} (cold)": (argv, empty_cache) for name, argv in reads.items()}
    commands |= {name: (argv, "warm") for name, argv in reads.items()}
    kept: dict[Path, bytes] = {}

    def fresh_copy_warm() -> None:
        fresh_copy()
        if not kept:  # the first time: a read of the copy fills the cache
            subprocess.run([*our_command(), "check", "--data", str(scratch)], capture_output=True, check=False,
                           env={**os.environ, "GUILIN_CAMPAIGN_CACHE": str(cache)})
            stem = hashlib.sha256(os.fsencode(os.path.abspath(scratch))).hexdigest()[:32]  # as cache.entry_name
            kept.update({p: p.read_bytes() for p in cache.glob(stem + ".*") if p.suffix in (".entry", ".spans")})
        for path, data in kept.items():
            path.write_bytes(data)

    commands["done"] = (["done", task, "--on", DAY, "--note", "基准测试", "--data", str(scratch)], fresh_copy_warm)
    return commands


def taskwarrior_json(folder: Path, out: Path) -> int:
    """Write the tasks as taskwarrior's import format; the number of pending tasks."""
    records = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))
    shift = date.today() - AS_OF  # `task overdue` is relative to now: our --as-of is moved to today
    stamp = lambda day: (date.fromisoformat(day) + shift).strftime("%Y%m%dT000000Z")  # noqa: E731
    rows = []
    for r in records:
        row = {"description": r["description"], "project": r["project"], "tags": r["tags"],
               "entry": stamp("2022-01-01"), "status": "completed" if r["done_on"] else "pending"}
        if r["due"]:
            row["due"] = stamp(r["due"])
        if r["done_on"]:
            row["end"] = stamp(r["done_on"])
        rows.append(row)
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return sum(1 for r in rows if r["status"] == "pending")


class Taskwarrior:
    """The same tasks in a temporary TASKDATA, its due dates moved so that today is the as-of day."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.root = root
        self.data, self.copy = root / "data", root / "copy"
        self.rc = root / "taskrc"
        self.rc.write_text(f"data.location={self.data}\nconfirmation=off\nhooks=off\nnews.version=99.99.99\n", encoding="utf-8")
        self.env = {**os.environ, "TASKRC": str(self.rc), "TASKDATA": str(self.data)}
        # In a child: a child's ru_maxrss starts at its parent's size, so the runner stays small.
        done = subprocess.run([sys.executable, __file__, "--taskwarrior-json", str(folder), str(root / "import.json")],
                              check=True, capture_output=True, text=True)
        self.pending = int(done.stdout)

    def task(self, *args: str) -> list[str]:
        return ["task", f"rc:{self.rc}", "rc.confirmation=off", "rc.hooks=off", *args]

    def load(self) -> float:
        self.data.mkdir()
        started = time.perf_counter()
        subprocess.run(self.task("import", str(self.root / "import.json")), env=self.env, check=True, capture_output=True)
        return time.perf_counter() - started

    def fresh_copy(self) -> None:
        shutil.rmtree(self.copy, ignore_errors=True)
        shutil.copytree(self.data, self.copy)

    def copy_env(self) -> dict[str, str]:
        return {**self.env, "TASKDATA": str(self.copy)}


def run_size(n: int, args: argparse.Namespace, env: dict[str, str], results: dict[str, dict[int, Timing]], notes: list[str]) -> None:
    folder = dataset(args.work, n)
    ours = our_command()
    scratch = args.work / "scratch"
    for name, (argv, prepare) in our_commands(folder, scratch, open_task(folder), Path(env["GUILIN_CAMPAIGN_CACHE"])).items():
        if f"{name}@{n}" in args.skip:
            continue
        timing = measure(ours + argv, env, args.runs, prepare)
        results.setdefault(name, {})[n] = timing
        print(f"  {n:>7,} {name:<15} {timing.wall:8.3f} s  cpu {timing.cpu:7.3f} s  {timing.rss:7.1f} MiB  {timing.failed}", flush=True)
    if n in args.taskwarrior_sizes and shutil.which("task"):
        with tempfile.TemporaryDirectory(prefix="bench-task-") as tmp:
            tw = Taskwarrior(folder, Path(tmp))
            notes.append(f"taskwarrior import of {n:,} tasks: {tw.load():.1f} s (not timed against us)")
            overdue = measure(tw.task("overdue"), tw.env, args.runs)
            middle = str(max(1, tw.pending // 2))
            annotate = measure(tw.task(middle, "annotate", "基准测试"), tw.copy_env(), args.runs, tw.fresh_copy)
        results.setdefault("task overdue", {})[n] = overdue
        results.setdefault("task N annotate", {})[n] = annotate
        for name, timing in (("task overdue", overdue), ("task N annotate", annotate)):
            print(f"  {n:>7,} {name:<15} {timing.wall:8.3f} s  cpu {timing.cpu:7.3f} s  {timing.rss:7.1f} MiB  {timing.failed}", flush=True)


def run_builtin(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Timing]:
    """The start-up target: each command on the built-in data (data/) beside the bare imports."""
    out = {"bare imports": measure([sys.executable, "-c", BASELINE], env, args.runs * 2)}
    commands = our_commands(REPO / "data", args.work / "scratch-builtin", _open_builtin_task(), Path(env["GUILIN_CAMPAIGN_CACHE"]))
    for name, (argv, prepare) in commands.items():
        out[name] = measure(our_command() + argv, env, args.runs * 2, prepare)
    for name, timing in out.items():
        print(f"  builtin {name:<15} {timing.wall:8.3f} s  cpu {timing.cpu:7.3f} s  {timing.rss:7.1f} MiB  {timing.failed}", flush=True)
    return out


def _open_builtin_task() -> str:
    """A task of the built-in data in progress (asked of the program: the runner stays small)."""
    listed = subprocess.run(our_command() + ["tasks", "--data", str(REPO / "data"), "--status", "doing", "-f", "csv"],
                            capture_output=True, text=True, check=True, env={**os.environ, "GUILIN_CAMPAIGN_CACHE": "off"})
    return listed.stdout.splitlines()[1].split(",", 1)[0]


# --- the report --------------------------------------------------------------------------------


def _label(name: str) -> str:
    """``check (cold)`` -> ```check` (cold)``: the command in code, the mode in words."""
    return f"`{name[:-7]}` (cold)" if name.endswith(" (cold)") else f"`{name}`"


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def report(results: dict[str, dict[int, Timing]], builtin: dict[str, Timing], sizes: list[int], args: argparse.Namespace, notes: list[str]) -> str:
    runs = f"{args.runs} runs" + (f" ({args.runs_largest} at {sizes[-1]:,})" if len(sizes) > 1 else "")
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{_task_version()}; {date.today()}; median of {runs} per command, wall time "
             f"(CPU time user+sys in brackets); peak memory is the child's max RSS.", ""]
    lines += ["| command | " + " | ".join(f"{n:,} tasks" for n in sizes) + " | peak memory at " + f"{sizes[-1]:,} tasks |",
              "|---|" + "---:|" * len(sizes) + "---:|"]
    for name, by_size in results.items():
        cells = [f"{_fmt(by_size[n].wall)} ({_fmt(by_size[n].cpu)})" + (" FAILED" if by_size[n].failed else "") if n in by_size else "—" for n in sizes]
        peak = f"{by_size[sizes[-1]].rss:.0f} MiB" if sizes[-1] in by_size else "—"
        lines.append(f"| {_label(name)} | " + " | ".join(cells) + f" | {peak} |")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        lines += ["", f"Growth from {first:,} to {last:,} tasks ({last // first}x the data; target: at most {last // first * 1.1:.0f}x):", ""]
        lines += [f"- {_label(name)}: {by[last].wall / by[first].wall:.1f}x" for name, by in results.items()
                  if first in by and last in by and not name.startswith("task ")]
    pairs = [("overdue", "task overdue"), ("overdue (cold)", "task overdue"), ("done", "task N annotate")]
    ratio_lines = [f"- {n:,} tasks: {_label(ours)} / {_label(theirs)} = {results[ours][n].wall / results[theirs][n].wall:.2f}"
                   for ours, theirs in pairs for n in sizes
                   if n in results.get(theirs, {}) and n in results.get(ours, {})]
    if ratio_lines:
        lines += ["", "Ours / taskwarrior's, wall time (below 1 means we are faster):", "", *ratio_lines]
    elif not shutil.which("task"):
        lines += ["", "taskwarrior (`task`) is not installed: no comparison in this run."]
    if builtin:
        base = builtin["bare imports"].wall
        lines += ["", f"At the built-in size (data/, about 100 tasks), beside `python -c \"{BASELINE}\"` "
                  f"({_fmt(base)}; target: within 1.3x):", ""]
        lines += [f"- {_label(name)}: {_fmt(t.wall)}, {t.wall / base:.2f}x" for name, t in builtin.items() if name != "bare imports"]
    if notes:
        lines += ["", *[f"Note: {note}." for note in notes]]
    return "\n".join(lines) + "\n"


def _task_version() -> str:
    if not shutil.which("task"):
        return "taskwarrior not installed"
    done = subprocess.run(["task", "--version"], capture_output=True, text=True)
    return f"taskwarrior {done.stdout.strip()}"


def write_doc(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{block}{END}{tail}", encoding="utf-8")
    print(f"wrote {path}")


def main() -> int:
    if sys.argv[1:2] == ["--taskwarrior-json"]:
        print(taskwarrior_json(Path(sys.argv[2]), Path(sys.argv[3])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated task counts")
    parser.add_argument("--runs", type=int, default=5, help="runs per command (the median is shown)")
    parser.add_argument("--runs-largest", type=int, default=3, help="runs per command at the largest size")
    parser.add_argument("--taskwarrior-sizes", default="1000,10000,100000", help="sizes loaded into taskwarrior too")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out", help="where data sets are kept")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "performance.md")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch docs/performance.md")
    parser.add_argument("--no-builtin", action="store_true", help="skip the start-up comparison on data/")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME@SIZE", help="leave out one command at one size, e.g. done@100000")
    parser.add_argument("--smoke", action="store_true", help="CI: 1,000 tasks, one run, no taskwarrior, no docs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.taskwarrior_sizes = {int(s) for s in args.taskwarrior_sizes.split(",") if s}
    if args.smoke:
        sizes, args.runs, args.runs_largest, args.taskwarrior_sizes, args.no_write, args.no_builtin = [1000], 1, 1, set(), True, True
    if args.taskwarrior_sizes and not shutil.which("task"):
        print("note: taskwarrior (`task`) is not installed; skipping the comparison (apt-get install taskwarrior)")
    args.work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(args.work / "cache")}
    results: dict[str, dict[int, Timing]] = {}
    notes: list[str] = []
    started = time.perf_counter()
    for n in sizes:
        runs = args.runs
        if n == max(sizes) and len(sizes) > 1:
            args.runs = args.runs_largest
        run_size(n, args, env, results, notes)
        args.runs = runs
    builtin = {} if args.no_builtin else run_builtin(args, env)
    text = report(results, builtin, sizes, args, notes)
    print("\n" + text)
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    if not args.no_write:
        write_doc(args.out, text)
    failed = [f"{name} at {n:,}: {t.failed}" for name, by in results.items() for n, t in by.items() if t.failed]
    failed += [f"{name} on data/: {t.failed}" for name, t in builtin.items() if t.failed]
    for line in failed:
        print(f"FAILED: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
