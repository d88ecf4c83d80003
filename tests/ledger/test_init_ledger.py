"""`init` copies the ledger (month files and lists.yaml): from the sample, or from --from once it passes check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLE, run
from tests.ledger.ledgerdata import JULY, LISTS, write_ledger

MakeData = Callable[..., Path]


def test_init_from_a_folder_copies_its_ledger_byte_for_byte(make_data: MakeData, tmp_path: Path) -> None:
    own = write_ledger(make_data(folder="own"), {"2022-07.yaml": JULY.replace("\n", "\r\n"), "lists.yaml": LISTS})
    result = run("init", str(tmp_path / "office"), "--from", str(own), "--no-git")
    assert result.exit_code == 0, result.stderr
    copied = tmp_path / "office" / "ledger"
    assert sorted(p.name for p in copied.iterdir()) == ["2022-07.yaml", "lists.yaml"]
    for name in ("2022-07.yaml", "lists.yaml"):
        assert (copied / name).read_bytes() == (own / "ledger" / name).read_bytes()
    assert f"created {copied / '2022-07.yaml'}" in result.stdout
    assert run("problems", "--as-of", "2022-07-31", "--data", str(tmp_path / "office")).exit_code == 0


def test_init_of_the_sample_copies_its_ledger(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "office"), "--no-git").exit_code == 0
    names = sorted(p.name for p in (SAMPLE / "ledger").iterdir())
    assert sorted(p.name for p in (tmp_path / "office" / "ledger").iterdir()) == names


def test_a_ledger_that_fails_check_is_not_copied(make_data: MakeData, tmp_path: Path) -> None:
    own = write_ledger(make_data(folder="own"), {"2022-07.yaml": JULY.replace("team: scjgj", "team: nobody")})
    result = run("init", str(tmp_path / "office"), "--from", str(own), "--no-git")
    assert result.exit_code == 1
    assert "2022-07.yaml:5: V2.team: unknown unit 'nobody'" in result.stderr
    assert "does not pass check (1 problem(s)); nothing was copied" in result.stderr
    assert not (tmp_path / "office").exists() or list((tmp_path / "office").iterdir()) == []


def test_an_existing_ledger_folder_is_never_written_into(make_data: MakeData, tmp_path: Path) -> None:
    own = write_ledger(make_data(folder="own"))
    target = tmp_path / "office"
    (target / "ledger").mkdir(parents=True)
    result = run("init", str(target), "--from", str(own), "--no-git")
    assert result.exit_code == 1 and f"{target / 'ledger'} already exists; nothing was written" in result.stderr
    assert list((target / "ledger").iterdir()) == [] and not (target / "tasks.yaml").exists()
