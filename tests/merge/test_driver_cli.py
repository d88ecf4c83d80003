"""The merge-driver command as git runs it, and git-setup on an existing repository."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

from tests.conftest import TASKS, UNITS, run
from tests.gitenv import git, git_env


def write_sides(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> list[str]:
    paths = []
    for name, data in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    return paths


def test_a_clean_merge_is_written_into_ours_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.yaml").write_text(UNITS, encoding="utf-8")
    ours = TASKS.replace("title: 推行企业开办一日办结", "title: 推行企业开办一日办结（改）")
    theirs = TASKS.replace("30000, 2022-07: 39000}", "30000, 2022-07: 39000, 2022-08: 46000}")
    paths = write_sides(tmp_path, codecs.BOM_UTF8 + TASKS.encode(), codecs.BOM_UTF8 + ours.encode(), theirs.encode())
    result = run("merge-driver", *paths, str(tmp_path / "data" / "tasks.yaml"))
    assert result.exit_code == 0, result.stderr
    expected = ours.replace("30000, 2022-07: 39000}", "30000, 2022-07: 39000, 2022-08: 46000}")
    assert (tmp_path / "ours").read_bytes() == codecs.BOM_UTF8 + expected.encode()  # ours' BOM kept


def test_a_merge_that_fails_check_with_the_other_file_is_a_conflict(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "units.yaml").write_text(UNITS, encoding="utf-8")
    # each side alone is valid; together the id X1 is used twice (a task and an ad-hoc task)
    ours = TASKS + "  - {id: X1, batch: 2, title: 迎检, owners: [scjgj], due: 2022-05-15}\n"
    theirs = TASKS.replace("    measures:\n", "    measures:\n      - id: X1\n        name: 新举措\n")
    paths = write_sides(tmp_path, TASKS.encode(), ours.encode(), theirs.encode())
    result = run("merge-driver", *paths, str(tmp_path / "data" / "tasks.yaml"))
    assert result.exit_code == 1
    assert "1 conflict(s) left between <<<<<<< and >>>>>>> lines" in result.stderr
    assert "the merged file would not pass check:" in result.stderr and "X1" in result.stderr
    assert (tmp_path / "ours").read_text(encoding="utf-8") == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n"


def test_a_side_that_is_not_utf8_keeps_both_sides_bytes(tmp_path: Path) -> None:
    gbk = TASKS.replace("推行", "推行（改）").encode("gb18030")
    paths = write_sides(tmp_path, TASKS.encode(), gbk, TASKS.encode())
    result = run("merge-driver", *paths, "tasks.yaml")
    assert result.exit_code == 1 and "not UTF-8" in result.stderr
    assert (tmp_path / "ours").read_bytes() == b"<<<<<<< ours\n" + gbk + b"\n=======\n" + TASKS.encode() + b"\n>>>>>>> theirs\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_setup_adds_only_the_missing_attributes_and_sets_the_driver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    git(tmp_path, "init", "-q")
    (tmp_path / "data").mkdir()
    for name, text in (("tasks.yaml", TASKS), ("units.yaml", UNITS)):
        (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    (tmp_path / "data" / ".gitattributes").write_text("*.xlsx binary\ntasks.yaml merge=guilin-campaign", encoding="utf-8")
    result = run("git-setup", "--data", str(tmp_path / "data"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "data" / ".gitattributes").read_text(encoding="utf-8") == (
        "*.xlsx binary\ntasks.yaml merge=guilin-campaign\nunits.yaml merge=guilin-campaign\nledger/*.yaml merge=guilin-campaign\n")
    assert git(tmp_path, "check-attr", "merge", "data/units.yaml").stdout == "data/units.yaml: merge: guilin-campaign\n"
    assert "-m guilin_campaign merge-driver %O %A %B %P" in git(tmp_path, "config", "merge.guilin-campaign.driver").stdout
    again = run("git-setup", "--data", str(tmp_path / "data"))
    assert again.exit_code == 0 and "already names the merge driver" in again.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_setup_outside_a_repository_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    (tmp_path / "tasks.yaml").write_text(TASKS, encoding="utf-8")
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    result = run("git-setup", "--data", str(tmp_path))
    assert result.exit_code == 1 and "is not inside a git repository: run `git init` there first" in result.stderr
    assert not (tmp_path / ".gitattributes").exists()
