from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.cli.app import app
from tests.conftest import SAMPLE, run

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}  # this test reads the Chinese interface


def test_summary_of_the_built_in_data_has_the_seed_counts() -> None:
    result = run("summary", "--data", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    counts = {k: data[k] for k in ("actions", "measures", "indicators", "key_indicators", "tasks", "adhoc", "units")}
    assert counts == {"actions": 6, "measures": 25, "indicators": 31, "key_indicators": 11, "tasks": 98, "adhoc": 5, "units": 35}
    assert sum(data["by_status"].values()) == 98


def test_built_in_units_are_18_departments_and_17_counties() -> None:
    from guilin_campaign.loading import open_campaign

    c = open_campaign(SAMPLE)
    kinds = [u.kind for u in c.units.values()]
    assert (kinds.count("department"), kinds.count("county")) == (18, 17)
    assert len(c.groups["counties"]) == 17


def test_summary_table(make_data: Callable[..., Path]) -> None:
    result = run("summary", "--data", str(make_data()), env=ZH)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "稳主体激活力攻坚战（2022-01-01 至 2022-12-31）"
    assert any(line.split() == ["具体工作任务", "2"] for line in lines)
    assert "\x1b[" not in result.stdout  # piped: no colour codes


def test_tasks_filters(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    ids = lambda *args: [r["id"] for r in json.loads(run("tasks", "--data", folder, "-f", "json", *args).stdout)]  # noqa: E731
    assert ids() == ["T001", "T002", "AH01"]
    assert ids("--unit", "diecai") == ["T002"]  # via the group
    assert ids("--unit", "counties") == ["T002"]
    assert ids("--unit", "rsj") == ["T002"]  # supporting
    assert ids("--unit", "市人社局") == ["T002"]  # by its short name
    assert ids("--status", "done") == ["T001", "AH01"]
    assert ids("--action", "A1") == ["T001", "T002"]


def test_tasks_bad_arguments_exit_2(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    result = run("tasks", "--data", folder, "--unit", "diecia")
    assert result.exit_code == 2 and "unknown unit 'diecia' (did you mean 'diecai'?)" in result.stderr
    assert run("tasks", "--data", folder, "--status", "finished").exit_code == 2
    assert run("tasks", "--data", folder, "--action", "A9").exit_code == 2
    assert run("tasks", "--data", folder, "--format", "xml").exit_code == 2


def test_tasks_csv_and_markdown(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    csv = run("tasks", "--data", folder, "-f", "csv", "--status", "done", env=ZH).stdout
    assert csv.splitlines() == [
        "id,action,measure,title,owner_names,support_names,due,status,done_on",
        "T001,A1,M01,推行企业开办一日办结,市场监管,,2022-03-31,done,2022-03-28",
        "AH01,adhoc,batch 1,迎检材料,市场监管,,2022-04-15,done,2022-04-14",
    ]
    md = run("tasks", "--data", folder, "-f", "md", "--unit", "rsj", env=ZH).stdout
    assert "| 编号 | 专项行动 | 举措 | 任务 |" in md
    assert "| T002 | A1 | M01 | 各县区落实个体工商户扶持 | counties | 市人社局 | 2022-06-30 | 推进中 |  |" in md


def test_show_task_indicator_unit_group(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    task = json.loads(run("show", "T002", "--data", folder, "-f", "json").stdout)
    assert task["owners"] == ["xiufeng", "diecai"] and task["support"] == ["rsj"]
    assert [(r["unit"], r["part"]) for r in task["sections"]["progress"]] == [("xiufeng", "own"), ("diecai", "task")]
    indicator = json.loads(run("show", "I01", "--data", folder, "-f", "json").stdout)
    assert indicator["type"] == "indicator" and indicator["kind"] == "total" and indicator["target"] == 66000
    assert [r["id"] for r in json.loads(run("show", "rsj", "--data", folder, "-f", "json").stdout)["sections"]["tasks"]] == ["T002"]
    assert json.loads(run("show", "counties", "--data", folder, "-f", "json").stdout)["units"] == ["xiufeng", "diecai"]
    assert json.loads(run("show", "市人社局", "--data", folder, "-f", "json").stdout)["id"] == "rsj"
    rows = json.loads(run("tasks", "--data", folder, "-f", "json", "--unit", "rsj").stdout)
    assert (rows[0]["owners"], rows[0]["owner_names"], rows[0]["support"]) == (["counties"], ["counties"], ["rsj"])
    assert json.loads(run("show", "M01", "--data", folder, "-f", "json").stdout)["indicators"] == ["I01"]
    missing = run("show", "t001", "--data", folder)
    assert missing.exit_code == 2 and "unknown id 't001' (did you mean 'T001'?)" in missing.stderr


def test_data_location_order(make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    option = make_data(folder="opt")
    env = make_data(folder="env", tasks=(option / "tasks.yaml").read_text(encoding="utf-8").replace("T001", "E001"))
    monkeypatch.chdir(tmp_path)
    first = lambda **kw: json.loads(run("tasks", "-f", "json", **kw).stdout)[0]["id"]  # noqa: E731
    assert first(env={"GUILIN_CAMPAIGN_DATA": str(env)}) == "E001"
    assert json.loads(run("tasks", "-f", "json", "--data", str(option), env={"GUILIN_CAMPAIGN_DATA": str(env)}).stdout)[0]["id"] == "T001"
    make_data(folder="data", tasks=(option / "tasks.yaml").read_text(encoding="utf-8").replace("T001", "D001"))
    assert first(env={"GUILIN_CAMPAIGN_DATA": ""}) == "D001"  # ./data, not the built-in sample


def test_built_in_sample_only_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    by_option = run("summary", "-f", "json", "--data", "sample", env={"GUILIN_CAMPAIGN_DATA": ""})
    by_env = run("summary", "-f", "json", env={"GUILIN_CAMPAIGN_DATA": "sample"})
    for result in (by_option, by_env):
        assert result.exit_code == 0 and json.loads(result.stdout)["tasks"] == 98


def test_init_copies_the_sample_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "office"
    result = run("init", str(target), "--no-git")
    assert result.exit_code == 0
    assert (target / "tasks.yaml").read_bytes() == (SAMPLE / "tasks.yaml").read_bytes()
    assert (target / ".gitignore").read_text() == ".guilin-campaign/\n"  # the lock's work folder
    (target / "tasks.yaml").write_text("mine", encoding="utf-8")
    again = run("init", str(target), "--no-git")
    assert again.exit_code == 1 and "already exists; nothing was written" in again.stderr
    assert (target / "tasks.yaml").read_text(encoding="utf-8") == "mine"


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    import typer.main

    click_group = typer.main.get_command(app)
    out = []
    stack = [(prefix, click_group)]
    while stack:
        path, cmd = stack.pop()
        subs = getattr(cmd, "commands", {})
        for name, sub in subs.items():
            out.append((path + (name,), sub))
            stack.append((path + (name,), sub))
    return out


def test_every_command_has_help_and_is_documented() -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (SAMPLE.parent / "docs").rglob("*.md"))
    commands = list(_commands(app))
    # the walk must find every command, or this test would pass over nothing
    names = {" ".join(path) for path, _ in commands}
    assert {"check", "overdue", "done", "reading", "report monthly", "report quarterly"} <= names and len(names) >= 15
    for path, cmd in commands:
        assert getattr(cmd, "help", None), f"{' '.join(path)} has no help text"
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert f"guilin-campaign {' '.join(path)}" in docs, f"{' '.join(path)} is not in docs/"
