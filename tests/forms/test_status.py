"""form status before and after imports; --fail-if-missing; every format; form import --commit."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run
from tests.forms.kit import fill
from tests.forms.test_import import _data, _export, _import, key_env  # noqa: F401  (key_env: a fixture)
from tests.gitenv import git, git_env

TODAY = date.today().isoformat()


def _status(data: Path, *args: str) -> tuple[int, str]:
    result = run("form", "status", "2022-08", *args, "--data", str(data))
    return result.exit_code, result.stdout


def test_status_before_and_after_imports(tmp_path: Path, key_env: dict[str, str]) -> None:  # noqa: F811
    data = _data(tmp_path)
    code, before = _status(data, "-f", "json", "--fail-if-missing")
    assert code == 1  # nobody has reported yet
    rows = json.loads(before)
    assert rows["missing"] == ["scjgj", "rsj", "xiufeng", "diecai"] and rows["reported"] == 0
    forms = _export(data, tmp_path, key_env, "scjgj", "xiufeng")
    returned = fill(forms["2022-08-市场监管.xlsx"], {"任务进展": {"H4": "已完成", "I4": "2022/8/9"}, "指标数据": {"F4": "3,700"}},
                    tmp_path / "市场监管8月.xlsx")
    assert _import(data, key_env, returned, forms["2022-08-秀峰区.xlsx"])[0] == 0
    code, after = _status(data, "-f", "json", "--fail-if-missing")
    assert code == 1
    units = {r["unit"]: r for r in json.loads(after)["units"]}
    assert units["scjgj"] == {"unit": "scjgj", "unit_name": "市场监管", "reported": True, "form_status": "已报",
                              "imported": TODAY, "rows": 2, "task_updates": 1, "readings": 1, "imports": 1,
                              "file": "市场监管8月.xlsx"}
    assert units["xiufeng"]["reported"] and units["xiufeng"]["rows"] == 0  # a blank form is a report too
    assert json.loads(after)["missing"] == ["rsj", "diecai"]
    code, csv = _status(data, "-f", "csv")
    assert code == 0 and csv.splitlines()[0] == "unit,unit_name,form_status,imported,rows,task_updates,readings,file"
    assert "rsj,市人社局,未报,,,,," in csv.splitlines()
    code, md = _status(data, "-f", "md")
    assert md.startswith("## 2022年8月填报情况：应报 4，已报 2，未报 2\n")


def test_fail_if_missing_exits_0_once_everyone_reported(tmp_path: Path, key_env: dict[str, str]) -> None:  # noqa: F811
    data = _data(tmp_path)
    forms = _export(data, tmp_path, key_env)
    assert sorted(forms) == ["2022-08-叠彩区.xlsx", "2022-08-市人社局.xlsx", "2022-08-市场监管.xlsx", "2022-08-秀峰区.xlsx"]
    assert _import(data, key_env, *forms.values())[0] == 0
    code, out = _status(data, "--fail-if-missing")
    assert code == 0 and "已报 4，未报 0" in out


def test_status_as_a_workbook(tmp_path: Path, key_env: dict[str, str]) -> None:  # noqa: F811
    data = _data(tmp_path)
    form = _export(data, tmp_path, key_env, "rsj")["2022-08-市人社局.xlsx"]
    assert _import(data, key_env, fill(form, {"任务进展": {"J4": "已配合培训"}}, tmp_path / "rsj.xlsx"))[0] == 0
    target = tmp_path / "填报情况.xlsx"
    result = run("form", "status", "2022-08", "-f", "xlsx", "-o", str(target), "--data", str(data), "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    cells = [[c for c in row if c is not None] for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True)]
    assert ["单位名称", "报送情况", "导入日期", "填报行数", "更新任务", "更新指标", "文件名"] in cells  # names, not ids
    assert ["市人社局", "已报", TODAY, 1, 1, 0, "rsj.xlsx"] in cells
    assert ["叠彩区", "未报"] in cells and "2022年8月填报情况：应报 4，已报 1，未报 3" in cells[2]
    again = tmp_path / "again.xlsx"
    assert run("form", "status", "2022-08", "-o", str(again), "--data", str(data), "--lang", "zh").exit_code == 0
    assert again.read_bytes() == target.read_bytes()  # the same data, the same bytes


def test_a_damaged_record_of_imports_is_named(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "forms").mkdir()
    (data / "forms" / "imports.yaml").write_text("imports:\n  - {month: 2022-08, unit: rsj}\n", encoding="utf-8")
    result = run("form", "status", "2022-08", "--data", str(data))
    assert result.exit_code == 1
    assert f"{data / 'forms' / 'imports.yaml'}:2: imports[0]: each item reads {{month: 2022-08" in result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git_env(tmp_path, monkeypatch)
    data = _data(tmp_path)
    git(data, "init", "-q")
    git(data, "add", ".")
    git(data, "commit", "-q", "-m", "任务分解表")
    return data


def test_commit_makes_one_commit_per_workbook(repo: Path, tmp_path: Path, key_env: dict[str, str]) -> None:  # noqa: F811
    forms = _export(repo, tmp_path, key_env, "scjgj", "xiufeng")
    city = fill(forms["2022-08-市场监管.xlsx"], {"任务进展": {"H4": "已完成", "I4": "2022/8/9", "H5": "推进中"},
                                               "指标数据": {"F4": 3700}}, tmp_path / "a.xlsx")
    county = fill(forms["2022-08-秀峰区.xlsx"], {"指标数据": {"F4": 190}}, tmp_path / "b.xlsx")
    result = run("form", "import", str(city), str(county), "--commit", "--data", str(repo), env=key_env)
    assert result.exit_code == 0, result.stdout + result.stderr
    log = git(repo, "log", "--format=%s").stdout.splitlines()
    assert log == ["填报 2022-08 秀峰区: 0 项任务, 1 项指标", "填报 2022-08 市场监管: 2 项任务, 1 项指标", "任务分解表"]
    assert git(repo, "show", "--name-only", "--format=", "HEAD~1").stdout.split() == ["forms/imports.yaml", "tasks.yaml"]
    assert git(repo, "status", "--porcelain").stdout == ""


def test_commit_is_refused_over_a_pending_hand_edit(repo: Path, tmp_path: Path, key_env: dict[str, str]) -> None:  # noqa: F811
    form = _export(repo, tmp_path, key_env, "scjgj")["2022-08-市场监管.xlsx"]
    returned = fill(form, {"指标数据": {"F4": 3700}}, tmp_path / "a.xlsx")
    tasks = repo / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("target: 5000", "target: 5200"), encoding="utf-8")
    edited = tasks.read_bytes()
    result = run("form", "import", str(returned), "--commit", "--data", str(repo), env=key_env)
    assert result.exit_code == 1
    assert "has changes that are not committed" in result.stderr and "nothing was written" in result.stderr
    assert tasks.read_bytes() == edited and not (repo / "forms").exists()
    assert subprocess.run(["git", "-C", str(repo), "log", "--oneline"], capture_output=True, text=True).stdout.count("\n") == 1
