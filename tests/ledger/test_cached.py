"""The ledger through the cache: a hit is the ledger a read gives, and anything changed, doctored or
foreign is a miss (the campaign cache's rules, docs/security.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.ledger import load as ledger_load
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.ledger.cached import load_ledger_cached
from guilin_campaign.loading import open_campaign
from guilin_campaign.problems import Problem
from tests.conftest import SAMPLE, UNITS, run
from tests.ledger.ledgerdata import JULY, write_ledger

MakeData = Callable[..., Path]


def _load(folder: Path, cache: Path) -> tuple[Ledger | None, list[Problem]]:
    return load_ledger_cached(folder, open_campaign(folder), cache)


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read the files: not a cache hit")

    monkeypatch.setattr(ledger_load, "load_ledger", refuse)


def test_a_hit_is_the_ledger_a_read_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read, problems = ledger_load.load_ledger(SAMPLE, open_campaign(SAMPLE))
    assert problems == [] and read is not None
    assert _load(SAMPLE, tmp_path / "cache") == (read, [])  # a miss, kept
    _no_reading(monkeypatch)
    hit, problems = _load(SAMPLE, tmp_path / "cache")
    assert problems == [] and hit == read
    assert [r.where for r in hit.problems] == [r.where for r in read.problems]  # lines for messages kept
    assert hit.visit("V20220701-jrb-1") == read.visit("V20220701-jrb-1")


@pytest.mark.parametrize("change", ["month", "new file"])
def test_a_changed_file_or_unit_is_a_miss(make_data: MakeData, tmp_path: Path, change: str) -> None:
    folder = write_ledger(make_data())
    cache = tmp_path / "cache"
    first, _ = _load(folder, cache)
    assert first is not None
    if change == "month":
        (folder / "ledger" / "2022-07.yaml").write_text(JULY.replace("招工难", "缺电"), encoding="utf-8")
    else:
        (folder / "ledger" / "2022-08.yaml").write_text("visits:\n  - {id: V9, date: 2022-08-01, team: rsj, entity: 某公司}\n", encoding="utf-8")
    again, problems = _load(folder, cache)
    assert problems == [] and again is not None and again != first
    assert again == ledger_load.load_ledger(folder, open_campaign(folder))[0]


def test_units_changed_are_a_miss_checked_again(make_data: MakeData, tmp_path: Path) -> None:
    folder = write_ledger(make_data())
    assert _load(folder, tmp_path / "cache")[1] == []
    (folder / "units.yaml").write_text(UNITS.replace("diecai", "diecai2"), encoding="utf-8")
    _, problems = _load(folder, tmp_path / "cache")
    assert [p.path for p in problems] == ["P3.unit"]  # the ledger's unit diecai is no longer a unit


def test_a_doctored_entry_is_never_used(make_data: MakeData, tmp_path: Path) -> None:
    folder = write_ledger(make_data())
    cache = tmp_path / "cache"
    _load(folder, cache)
    entry = next(cache.glob("*.ledger"))
    raw = entry.read_bytes()
    entry.write_bytes(raw.replace("招工难".encode(), "缺电了".encode()))  # same length, signature no longer matches
    ledger, _ = _load(folder, cache)
    assert ledger is not None and ledger.visit("V2") is not None
    assert ledger.visit("V2").found == "招工难"  # type: ignore[union-attr]


def test_a_ledger_with_problems_is_not_kept(make_data: MakeData, tmp_path: Path) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": JULY.replace("unit: diecai", "unit: nobody")})
    for _ in range(2):
        _, problems = _load(folder, tmp_path / "cache")
        assert [p.path for p in problems] == ["P3.unit"]
    assert list((tmp_path / "cache").glob("*.ledger")) == []


def test_commands_give_the_same_output_from_the_cache(make_data: MakeData) -> None:
    folder = write_ledger(make_data())
    args = ("problems", "--as-of", "2022-07-31", "-f", "json", "--data", str(folder))
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    assert run(*args).stdout == first.stdout
    report = ("report", "monthly", "2022-07", "--as-of", "2022-07-31", "-f", "md", "--data", str(folder))
    assert run(*report).stdout == run(*report, env={"GUILIN_CAMPAIGN_CACHE": "off"}).stdout
