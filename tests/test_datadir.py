"""Finding the data folder the way git finds .git; the sample only when named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.datadir import locate, sample_folder
from guilin_campaign.problems import CampaignError, ErrorKind
from tests.conftest import run

NO_ENV = {"GUILIN_CAMPAIGN_DATA": ""}


def first_task(*args: str) -> str:
    result = run("tasks", "-f", "json", *args, env=NO_ENV)
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)[0]["id"])


def test_found_from_a_nested_subfolder(make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_data(folder="office")
    nested = folder / "reports" / "2022"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert first_task() == "T001"
    assert locate(None, {}, nested).folder == folder


def test_found_in_a_data_folder_of_a_parent(make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_data(folder="repo/data")
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    assert locate(None, {}, Path.cwd()).folder == tmp_path / "repo" / "data"
    monkeypatch.chdir(tmp_path / "repo")
    assert locate(None, {}, Path.cwd()).folder == Path("data")  # named as before: data/tasks.yaml:42


def test_the_nearest_folder_wins(make_data: Callable[..., Path], tmp_path: Path) -> None:
    make_data(folder="outer")
    inner = make_data(folder="outer/inner")
    (inner / "sub").mkdir()
    assert locate(None, {}, inner / "sub").folder == inner


def test_found_in_a_folder_made_by_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", str(tmp_path / "office"), "--empty", "--no-git").exit_code == 0
    monkeypatch.chdir(tmp_path / "office")
    assert first_task() == "T001"
    checked = run("check", env=NO_ENV)
    assert checked.exit_code == 0 and checked.stdout.startswith("ok: tasks.yaml and units.yaml")


def test_no_data_anywhere_stops_with_exit_2_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (("summary",), ("report", "monthly", "2022-06", "-o", "out.md"), ("note", "T001", "x")):
        result = run(*args, env=NO_ENV)
        assert result.exit_code == 2, args
        assert f"no data folder found: looked for tasks.yaml (and data/tasks.yaml) in {tmp_path}" in result.stderr
        assert "create one with init" in result.stderr and "--data" in result.stderr
        assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_option_then_environment_then_lookup(make_data: Callable[..., Path], tmp_path: Path) -> None:
    option, env = make_data(folder="a"), make_data(folder="b")
    assert locate(option, {"GUILIN_CAMPAIGN_DATA": str(env)}, tmp_path).folder == option
    assert locate(None, {"GUILIN_CAMPAIGN_DATA": str(env)}, tmp_path).folder == env
    sample = locate(Path("sample"), {}, tmp_path)
    assert sample.builtin and sample.folder == sample_folder()
    with pytest.raises(CampaignError) as err:
        locate(None, {}, tmp_path)
    assert err.value.kind is ErrorKind.USAGE


def test_the_readmes_first_command_runs_from_a_checkouts_root(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import REPO

    monkeypatch.chdir(REPO)  # a fresh clone: its data/ folder is found, no option, no variable
    result = run("report", "monthly", "2022-06", "-f", "json", env=NO_ENV)
    assert result.exit_code == 0 and json.loads(result.stdout)["campaign"] == "稳主体激活力攻坚战"
