"""The corpus of broken files: each is answered with its file, line and what to do, exit 1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TASKS, UNITS, run


def _replace(old: str, new: str, text: str = TASKS) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


BROKEN_TASKS = {
    "status read as boolean": (
        _replace("status: doing", "status: no"),
        "tasks.yaml:23: T002.status: 'no' is not allowed (YAML reads it as a yes/no word): input should be 'todo', 'doing', 'done' or 'blocked'",
    ),
    "impossible date": (_replace("due: 2022-03-31", "due: 2022-02-30"), "tasks.yaml:15: T001.due: not a date: '2022-02-30'"),
    "duplicate key": (_replace("due: 2022-03-31", "due: 2022-03-31\n            due: 2022-04-01"), "tasks.yaml:16: T001.due: duplicate key 'due' (first at line 15)"),
    "alias": (_replace("owners: [scjgj]\n", "owners: &o [scjgj]\n") .replace("owners: [counties]", "owners: *o"), "tasks.yaml:20: T002.owners: aliases"),
    "python tag": (_replace("title: 推行企业开办一日办结", "title: !!python/object:os.system x"), "tasks.yaml:13: T001.title: tag"),
    "unknown key": (_replace("due: 2022-03-31", "deu: 2022-03-31"), "tasks.yaml:15: T001.deu: unknown key 'deu' here (did you mean 'due'?); see docs/data-format.md"),
    "bad status": (_replace("status: doing", "status: finished"), "tasks.yaml:23: T002.status: 'finished' is not allowed"),
    "missing title": (_replace("            title: 推行企业开办一日办结\n", ""), "tasks.yaml:12: T001.title: missing key 'title'"),
    "unknown unit": (_replace("owners: [scjgj]", "owners: [scjjg]"), "tasks.yaml:14: T001.owners[0]: unknown unit or group 'scjjg' (did you mean 'scjgj'?)"),
    "unit by name": (_replace("owners: [scjgj]", "owners: [市市场监管局]"), "tasks.yaml:14: T001.owners[0]: unknown unit '市市场监管局': write its id 'scjgj'"),
    "unknown indicator": (_replace("due: 2022-03-31", "due: 2022-03-31\n            indicators: [I02]"), "tasks.yaml:16: T001.indicators[0]: unknown indicator 'I02' (did you mean 'I01'?)"),
    "duplicate id": (_replace("id: T002", "id: T001"), "tasks.yaml:18: T001.id: duplicate id 'T001' (first at line 12)"),
    "done without done_on": (_replace("            done_on: 2022-03-28\n", ""), "tasks.yaml:16: T001.status: status is done but done_on is missing"),
    "done_on before campaign": (_replace("done_on: 2022-03-28", "done_on: 2021-12-28"), "tasks.yaml:17: T001.done_on: done_on 2021-12-28 is before the campaign starts"),
    "progress of a non-owner": (_replace("xiufeng: {status: done", "rsj: {status: done"), "tasks.yaml:25: T002.progress.rsj: 'rsj' is not a responsible unit of T002"),
    "impossible month": (_replace("2022-06: 30000", "2022-13: 30000"), "tasks.yaml:10: I01.readings.2022-13: '2022-13' is not a month: write YYYY-MM"),
    "campaign ends before start": (_replace("end: 2022-12-31", "end: 2021-12-31"), "tasks.yaml:2: campaign.end: the campaign ends (2021-12-31) before it starts"),
    "unknown lead": (_replace("lead: scjgj", "lead: nobody"), "tasks.yaml:2: campaign.lead: unknown unit or group 'nobody'"),
    "syntax error": (_replace("owners: [scjgj]", "owners: [scjgj"), "tasks.yaml:15: not valid YAML"),
    "full-width colon": (_replace("title: 推行企业开办一日办结", "title： 推行企业开办一日办结"), "tasks.yaml:14: not valid YAML: while scanning a simple key could not find expected ':' (a full-width colon '：' is near"),
    "key: yes": (_replace("key: true", "key: yes"), "tasks.yaml:10: I01.key: write true or false, not 'yes'"),
    "batch in a planned task": (_replace("due: 2022-03-31", "batch: 3\n            due: 2022-03-31"), "tasks.yaml:15: T001.batch: unknown key 'batch' here (batch, source and assigned_on belong to ad-hoc tasks)"),
    "month key without dash": (_replace("2022-06: 30000", "202206: 30000"), "tasks.yaml:10: I01.readings[202206]: 202206 is not a month key: write YYYY-MM, e.g. 2022-07"),
    "number with its unit": (_replace("target: 66000", "target: 66000户"), "tasks.yaml:10: I01.target: '66000户' is not a number: write digits only (the unit, like 户, goes in `unit:`)"),
    "no owners": (_replace("owners: [scjgj]", "owners: []"), "tasks.yaml:14: T001.owners: write at least one (like [scjgj])"),
    "group as the lead": (_replace("lead: scjgj", "lead: counties"), "tasks.yaml:2: campaign.lead: 'counties' is a group; here write a single unit id"),
    "group under by_unit": (_replace("readings: {2022-06: 30000, 2022-07: 39000}}", "readings: {2022-06: 30000}, by_unit: {counties: {readings: {2022-06: 1}}}}"), "tasks.yaml:10: I01.by_unit.counties: 'counties' is a group; here write a single unit id"),
    "progress as a word": (_replace("xiufeng: {status: done, done_on: 2022-06-20}", "xiufeng: done"), "tasks.yaml:25: T002.progress.xiufeng: expected keys (like {status: done, done_on: 2022-07-15}), got 'done'"),
    "all units done, task not": (_replace("xiufeng: {status: done, done_on: 2022-06-20}", "xiufeng: {status: done, done_on: 2022-06-20}\n              diecai: {status: done, done_on: 2022-06-25}"), "tasks.yaml:23: T002.status: every responsible unit is done (the last on 2022-06-25) but the task is doing: set status: done and done_on: 2022-06-25"),
    "task done, a unit not": (_replace("status: doing", "status: done\n            done_on: 2022-06-30"), "tasks.yaml:23: T002.status: the task is done but these units' parts are not: diecai; mark them done under progress"),
    "yes as a title": (_replace("title: 推行企业开办一日办结", "title: yes"), "tasks.yaml:13: T001.title: 'yes' is read by YAML as true/false: write it in quotes ('yes') if you mean the text"),
    "date as a title": (_replace("title: 推行企业开办一日办结", "title: 2022-02-28"), "tasks.yaml:13: T001.title: expected text, got '2022-02-28': put it in quotes if it is text"),
    "log entry as text": (_replace("status: doing\n", "status: doing\n            log: [2022-05-01 起草方案]\n"), "tasks.yaml:24: T002.log[0]: expected keys (like {date: 2022-07-15, note: 已完成, by: scjgj}), got '2022-05-01 起草方案'"),
    "due under an indicator": (_replace("key: true,", "key: true, due: 2022-12-31,"), "tasks.yaml:10: I01.due: unknown key 'due' here; see docs/data-format.md"),
    "shared parts done without dates": (_replace("xiufeng: {status: done, done_on: 2022-06-20}", "xiufeng: {status: done}\n              diecai: {status: done}"), "tasks.yaml:25: T002.progress.xiufeng.status: status is done but done_on is missing"),
    "top-level list": ("- a\n- b\n", "tasks.yaml:1: expected keys (campaign:, actions: ...), not a single value or a list"),
    "empty file": ("", "tasks.yaml: the file is empty; it should start with campaign:, actions:"),
    "only comments": ("# 空文件\n", "tasks.yaml: the file is empty"),
}

BROKEN_UNITS = {
    "group named like a unit": (UNITS.replace("counties:", "rsj:"), "units.yaml:7: groups.rsj: group name 'rsj' is also a unit id"),
    "unknown group member": (UNITS.replace("[xiufeng, diecai]", "[xiufeng, diecia]"), "units.yaml:7: groups.counties[1]: unknown unit 'diecia' (did you mean 'diecai'?)"),
    "bad unit id": (UNITS.replace("id: rsj", "id: RSJ"), "units.yaml:3: RSJ.id: 'RSJ': a unit id uses only lowercase letters a-z, digits and '-'"),
    "bad kind": (UNITS.replace("kind: county}", "kind: 县}", 1), "units.yaml:4: xiufeng.kind: '县' is not allowed"),
    "duplicate unit": (UNITS.replace("id: rsj", "id: scjgj"), "units.yaml:3: scjgj.id: duplicate unit id 'scjgj' (first at line 2); give it a new id"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_TASKS))
def test_broken_tasks_file(name: str, make_data: Callable[..., Path]) -> None:
    text, expected = BROKEN_TASKS[name]
    folder = make_data(tasks=text)
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1
    assert f"{folder}/{expected}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(BROKEN_UNITS))
def test_broken_units_file(name: str, make_data: Callable[..., Path]) -> None:
    text, expected = BROKEN_UNITS[name]
    folder = make_data(units=text)
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1
    assert f"{folder}/{expected}" in result.stdout


def test_every_problem_is_collected(make_data: Callable[..., Path]) -> None:
    text = _replace("owners: [scjgj]", "owners: [scjjg]", _replace("2022-06: 30000", "2022-13: 30000"))
    result = run("check", "--data", str(make_data(tasks=text)))
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0].rsplit("/", 1)[1] for line in lines] == ["tasks.yaml:10", "tasks.yaml:14"]


def test_parse_and_model_problems_are_reported_together(make_data: Callable[..., Path]) -> None:
    text = _replace("due: 2022-03-31", "due: 2022-02-30", _replace("status: doing", "status: finished"))
    result = run("check", "--data", str(make_data(tasks=text)))
    assert "T001.due: not a date" in result.stdout and "T002.status: 'finished' is not allowed" in result.stdout


def test_missing_file(tmp_path: Path) -> None:
    result = run("check", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert f"{tmp_path}/nowhere/tasks.yaml: file not found (create it, or make a new data folder with init)" in result.stdout


def test_binary_and_gbk_files(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    (folder / "tasks.yaml").write_bytes(TASKS.encode("gb18030"))
    result = run("check", "--data", str(folder))
    assert result.exit_code == 1 and "not UTF-8 text. It looks like GBK/GB18030" in result.stdout
    (folder / "tasks.yaml").write_bytes(b"\x00\x01\xff\xfe" * 10)
    assert run("check", "--data", str(folder)).exit_code == 1


def test_json_problems(make_data: Callable[..., Path]) -> None:
    import json

    folder = make_data(tasks=_replace("due: 2022-03-31", "due: 2022-02-30"))
    result = run("check", "--data", str(folder), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "file": f"{folder}/tasks.yaml", "line": 15, "path": "T001.due",
        "message": "not a date: '2022-02-30' (day is out of range for month)", "code": "date.impossible",
    }]


def test_clean_data(make_data: Callable[..., Path]) -> None:
    result = run("check", "--data", str(make_data()))
    assert result.exit_code == 0
    assert result.stdout.endswith("2 tasks, 1 ad-hoc tasks, 1 indicators, 4 units, no problems\n")
    assert run("check", "--data", str(make_data()), "--format", "json").stdout == "[]\n"


def test_other_commands_answer_bad_data_the_same_way(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=_replace("due: 2022-03-31", "due: 2022-02-30"))
    for command in ("summary", "tasks"):
        result = run(command, "--data", str(folder))
        assert result.exit_code == 1
        assert f"{folder}/tasks.yaml:15: T001.due: not a date" in result.stderr
        assert result.stdout == ""
