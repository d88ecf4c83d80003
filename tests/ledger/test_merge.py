"""Two clones add visits and a pull merges them: other months by git's own line merge, the same
month (the same day, even) record by record through the merge driver (``ledger/*.yaml``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.ledger.load import load_ledger
from guilin_campaign.loading import open_campaign
from tests.conftest import run
from tests.gitenv import git, git_env
from tests.ledger.ledgerdata import JULY, LISTS, write_ledger

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
JUNE = "# 2022年6月查访台账\nvisits:\n  - {id: V0, date: 2022-06-30, team: scjgj, entity: 丙公司}\nproblems:\n"


@pytest.fixture
def clones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_data: Callable[..., Path]) -> tuple[Path, Path]:
    git_env(tmp_path, monkeypatch)
    own = write_ledger(make_data(folder="own"), {"2022-06.yaml": JUNE, "2022-07.yaml": JULY, "lists.yaml": LISTS})
    assert run("init", str(tmp_path / "office"), "--from", str(own)).exit_code == 0  # the ledger too, in the first commit
    git(tmp_path, "clone", "-q", "--bare", str(tmp_path / "office"), str(tmp_path / "origin.git"))
    pair = []
    for name in ("a", "b"):
        git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(tmp_path / name))
        assert run("git-setup", "--data", str(tmp_path / name)).exit_code == 0
        pair.append(tmp_path / name)
    return pair[0], pair[1]


def _add_visit(folder: Path, month: str, line: str) -> None:
    """Append a visit at the end of the month's visits, as a clerk types it."""
    path = folder / "ledger" / f"{month}.yaml"
    text = path.read_text(encoding="utf-8").replace("problems:\n", line + "\nproblems:\n", 1)
    path.write_text(text, encoding="utf-8")
    git(folder, "commit", "-q", "-am", f"查访 {month}")


def _pull(a: Path, b: Path) -> int:
    git(a, "push", "-q", "origin", "HEAD")
    branch = git(b, "branch", "--show-current").stdout.strip()
    return git(b, "pull", "-q", "--no-rebase", "--no-edit", "origin", branch, check=False).returncode


def _visit_ids(folder: Path) -> list[str]:
    ledger, problems = load_ledger(folder, open_campaign(folder))
    assert problems == [] and ledger is not None
    return [r.visit.id for r in ledger.visits]


def test_visits_added_to_different_months_merge_cleanly(clones: tuple[Path, Path]) -> None:
    a, b = clones
    _add_visit(a, "2022-06", "  - {id: V5, date: 2022-06-29, team: diecai, entity: 甲公司}")
    _add_visit(b, "2022-07", "  - {id: V6, date: 2022-07-05, team: xiufeng, entity: 乙公司}")
    assert _pull(a, b) == 0
    assert _visit_ids(b) == ["V0", "V5", "V1", "V2", "V6"]


def test_visits_added_to_the_same_day_by_two_clones_merge_record_by_record(clones: tuple[Path, Path]) -> None:
    a, b = clones
    _add_visit(a, "2022-07", "  - {id: V7, date: 2022-07-04, team: diecai, entity: 甲公司}  # 叠彩区录入")
    _add_visit(b, "2022-07", "  - {id: V8, date: 2022-07-04, team: xiufeng, entity: 乙公司}")
    assert _pull(a, b) == 0
    assert _visit_ids(b) == ["V0", "V1", "V2", "V7", "V8"]  # the driver puts theirs first, then ours
    text = (b / "ledger" / "2022-07.yaml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and "# 叠彩区录入" in text and text.startswith("# 2022年7月查访台账\n")
    assert run("check", "--data", str(b)).exit_code == 0


def test_the_same_visit_id_added_twice_is_a_conflict(clones: tuple[Path, Path]) -> None:
    a, b = clones
    _add_visit(a, "2022-07", "  - {id: V9, date: 2022-07-04, team: diecai, entity: 甲公司}")
    _add_visit(b, "2022-07", "  - {id: V9, date: 2022-07-04, team: xiufeng, entity: 乙公司}")
    assert _pull(a, b) != 0
    assert "<<<<<<<" in (b / "ledger" / "2022-07.yaml").read_text(encoding="utf-8")


def test_visit_add_in_two_clones_on_the_same_day_merges(clones: tuple[Path, Path]) -> None:
    """Through the command: each clone's `visit add --commit` gets its own id (the team is in it)
    and lands after the day's visits; the pull keeps both, and a third visit then takes the next id."""
    a, b = clones
    added = run("visit", "add", "--on", "2022-07-04", "--team", "diecai", "--entity", "甲公司", "--commit", "--data", str(a))
    assert added.exit_code == 0, added.stderr
    added = run("visit", "add", "--on", "2022-07-04", "--team", "xiufeng", "--entity", "乙公司", "--commit", "--data", str(b))
    assert added.exit_code == 0, added.stderr
    assert _pull(a, b) == 0
    assert _visit_ids(b) == ["V0", "V1", "V2", "V20220704-diecai-1", "V20220704-xiufeng-1"]
    again = run("visit", "add", "--on", "2022-07-04", "--team", "diecai", "--entity", "丙公司", "--data", str(b))
    assert again.exit_code == 0, again.stderr
    assert _visit_ids(b)[-1] == "V20220704-diecai-2"
    assert run("check", "--data", str(b)).exit_code == 0
