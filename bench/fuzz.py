"""The long fuzz run: COUNT mutants of the sample data (``tests/mutants.py``) through ``check``,
``overdue`` and ``report monthly``, in-process; prints every finding and a summary line.

    uv run python bench/fuzz.py 2000 --seed 1

Exits 1 when anything was found. The suite runs the same harness on a few dozen mutants
(tests/test_fuzz.py); the result of the last long run is in docs/performance.md ("Fuzzing").
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.mutants import FILES, findings, mutants, write  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many mutants")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-minutes", type=float, default=None, help="stop early after this long (the summary says how many ran)")
    args = parser.parse_args()
    os.environ.setdefault("GUILIN_CAMPAIGN_CACHE", tempfile.mkdtemp(prefix="fuzz-cache-"))
    originals = {name: (REPO / "data" / name).read_bytes() for name in FILES}
    kinds: collections.Counter[str] = collections.Counter()
    found: list[str] = []
    exits: list[int] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        ran = 0
        for n, mutant in enumerate(mutants(originals, args.count, args.seed)):
            if args.max_minutes is not None and time.perf_counter() - start > 60 * args.max_minutes:
                break
            if n and n % 50 == 0:
                print(f"... {n} mutants, {len(found)} finding(s)", file=sys.stderr, flush=True)
            ran += 1
            kinds[mutant.kind.split("+")[0]] += 1
            folder = Path(tmp) / f"m{n}"
            write(folder, originals, mutant)
            for finding in findings(folder, mutant, exits):
                found.append(f"#{n} {finding}")
                print(found[-1], flush=True)
    took = time.perf_counter() - start
    print(f"{ran} mutants (seed {args.seed}; {', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"3 commands each, {took:.0f} s; check refused {sum(exits[0::3])} of them, its problems all placed; "
          f"{len(found)} finding(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
