"""Time the ledger's commands at province scale (14 cities, 30,000 visits a year): cold and warm.

    uv run python bench/ledger_bench.py [--visits 30000] [--runs 3] [--keep DIR]

Makes a data folder with ``bench/generate.py 1000`` and ``bench/ledger_generate.py province``, then
times, as the installed console script started directly (output to /dev/null), each command with
the cache off (every file read and checked: "cold") and with it warm (a hit), and ``summary`` (which
does not read the ledger) as the yardstick of what the machine gives right now. The runs of each
round alternate between the commands, so that other work on a shared machine weighs on all alike;
the ratios are steadier than the seconds. Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
COMMANDS = {
    "summary (no ledger read)": ["summary"],
    "problems --open --as-of 2022-12-31": ["problems", "--open", "--as-of", "2022-12-31"],
    "report monthly 2022-12 -f json": ["report", "monthly", "2022-12", "-f", "json"],
    "visit add --dry-run (the write path)": ["visit", "add", "--on", "2022-12-20", "--team", "c01-1", "--entity", "某公司", "--dry-run"],
}


def program() -> list[str]:
    script = Path(sys.executable).parent / "guilin-campaign"
    return [str(script)] if script.exists() else [sys.executable, "-m", "guilin_campaign"]


def make_data(folder: Path, visits: int) -> None:
    subprocess.run([sys.executable, str(BENCH / "generate.py"), "1000", str(folder)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(BENCH / "ledger_generate.py"), "province", str(folder), str(visits)], check=True, stdout=subprocess.DEVNULL)


def once(args: list[str], folder: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([*program(), *args, "--data", str(folder)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return took


def measure(folder: Path, runs: int, cache: Path) -> dict[tuple[str, str], list[float]]:
    base = {k: v for k, v in os.environ.items() if k != "GUILIN_CAMPAIGN_DATA"} | {"GUILIN_CAMPAIGN_LANG": "en"}
    modes = {"cold": base | {"GUILIN_CAMPAIGN_CACHE": "off"}, "warm": base | {"GUILIN_CAMPAIGN_CACHE": str(cache)}}
    times: dict[tuple[str, str], list[float]] = {}
    for args in COMMANDS.values():  # fill the cache once
        once(args, folder, modes["warm"])
    for _ in range(runs):
        for name, args in COMMANDS.items():
            for mode, env in modes.items():
                times.setdefault((name, mode), []).append(once(args, folder, env))
    return times


def table(times: dict[tuple[str, str], list[float]]) -> str:
    yard = statistics.median(times[("summary (no ledger read)", "warm")])
    lines = ["| command | cold (cache off) | warm (cache hit) | warm / cold | warm / warm `summary` |", "|---|---:|---:|---:|---:|"]
    for name in COMMANDS:
        cold, warm = statistics.median(times[(name, "cold")]), statistics.median(times[(name, "warm")])
        lines.append(f"| `{name}` | {cold:.2f} s | {warm:.2f} s | {warm / cold:.2f} | {warm / yard:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the data here instead of a temporary folder")
    ns = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    try:
        folder = ns.keep or work / "data"
        if not (folder / "ledger").is_dir():
            make_data(folder, ns.visits)
        size = sum(p.stat().st_size for p in (folder / "ledger").iterdir())
        print(f"{ns.visits} visits, {len(list((folder / 'ledger').iterdir()))} ledger files, {size / 1e6:.1f} MB; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; median of {ns.runs}")
        print(table(measure(folder, ns.runs, work / "cache")))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
