"""Mutated sample files (tests/mutants.py) never end in a traceback, an exit code other than 0 or
1, a refusal without the file, or a problem without its line. bench/fuzz.py runs thousands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.mutants import FILES, MUTATIONS, Mutant, findings, mutants, write

ORIGINALS = {name: (SAMPLE / name).read_bytes() for name in FILES}
COUNT = 40  # about half a second each on the sample (three commands): the CI run stays near 20 s


def test_mutants_of_the_sample_are_answered_with_the_file_and_line(tmp_path: Path) -> None:
    found: list[str] = []
    exits: list[int] = []
    kinds: set[str] = set()
    for n, mutant in enumerate(mutants(ORIGINALS, COUNT, seed=20221)):
        kinds.add(mutant.kind.split("+")[0])
        write(tmp_path / f"m{n}", ORIGINALS, mutant)
        found += [f"#{n} {f}" for f in findings(tmp_path / f"m{n}", mutant, exits)]
    assert found == []
    assert kinds == set(MUTATIONS)
    assert 0 < sum(exits[0::3]) < COUNT  # some mutants are refused by check, some still pass


def test_the_harness_reports_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import guilin_campaign.queries.overdue as overdue

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(overdue, "overdue", boom)
    mutant = Mutant("tasks.yaml", "none", ORIGINALS["tasks.yaml"])
    write(tmp_path, ORIGINALS, mutant)
    assert [f for f in findings(tmp_path, mutant) if "ZeroDivisionError: planted" in f]


@pytest.mark.parametrize(("kind", "data", "where"), [
    ("utf-16", ORIGINALS["tasks.yaml"].decode("utf-8").encode("utf-16"), "tasks.yaml"),
    ("control", ORIGINALS["units.yaml"].replace(b"kind: department", b"kind: depart\x1bment", 1), "units.yaml:"),
    ("truncate", ORIGINALS["tasks.yaml"][: len(ORIGINALS["tasks.yaml"]) // 3], "tasks.yaml:"),
])
def test_mutants_through_the_console_script(tmp_path: Path, kind: str, data: bytes, where: str) -> None:
    mutant = Mutant(where.rstrip(":"), kind, data)
    write(tmp_path, ORIGINALS, mutant)
    proc = subprocess.run([sys.executable, "-m", "guilin_campaign", "check", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert f"{tmp_path / where}" in proc.stdout
