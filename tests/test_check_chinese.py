"""``check`` in Chinese: every problem of the corpus keeps its ``file:line: path:`` prefix and says
the rest in Chinese; a status or a unit written in Chinese is answered with the exact id to write;
a library error reaches the command line in the language asked for."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from guilin_campaign.lookup import require_unit
from guilin_campaign.problems import CampaignError
from tests.conftest import TASKS, UNITS, run
from tests.test_check import BROKEN_TASKS, BROKEN_UNITS

ZH = {"GUILIN_CAMPAIGN_LANG": "zh"}
CJK = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row: a sentence left untranslated. Quoted values, `commands`, and
# libyaml's own words (kept as it said them, in the brackets that name it) are not the program's.
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b")
_NOT_OURS = re.compile(r"'[^']*'|`[^`]*`|（YAML 解析器的原话：.*）")


def english_left(text: str) -> list[str]:
    """The runs of English words in ``text`` that are the program's own (none, in Chinese)."""
    return _ENGLISH.findall(_NOT_OURS.sub("", text))


CORPUS = [("tasks.yaml", name, text) for name, (text, _) in sorted(BROKEN_TASKS.items())]
CORPUS += [("units.yaml", name, text) for name, (text, _) in sorted(BROKEN_UNITS.items())]


@pytest.mark.parametrize(("file", "name", "text"), CORPUS, ids=[f"{f}:{n}" for f, n, _ in CORPUS])
def test_every_problem_of_the_corpus_in_chinese(make_data: Callable[..., Path], file: str, name: str, text: str) -> None:
    folder = make_data(**{file.removesuffix(".yaml"): text})
    said = run("check", "--data", str(folder), env=ZH)
    english = run("check", "--data", str(folder), "--format", "json")
    chinese = run("check", "--data", str(folder), "--format", "json", env=ZH)
    assert said.exit_code == english.exit_code == chinese.exit_code == 1
    en, zh = json.loads(english.stdout), json.loads(chinese.stdout)
    assert [{k: p[k] for k in ("file", "line", "path", "code")} for p in zh] == [{k: p[k] for k in ("file", "line", "path", "code")} for p in en]
    lines = said.stdout.splitlines()
    assert len(lines) == len(zh) >= 1
    for line, problem in zip(lines, zh, strict=True):
        where = f"{problem['file']}:{problem['line']}" if problem["line"] else problem["file"]
        prefix = f"{where}: {problem['path']}: " if problem["path"] else f"{where}: "
        assert line == prefix + problem["message"]
        assert problem["code"], line  # every problem is a catalogue message
        assert CJK.search(problem["message"]), line
        assert english_left(problem["message"]) == [], line


def test_the_english_and_chinese_json_differ_only_in_the_message(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=TASKS.replace("status: doing", "status: finished"))
    en = json.loads(run("check", "--data", str(folder), "--format", "json").stdout)
    zh = json.loads(run("check", "--data", str(folder), "--format", "json", env=ZH).stdout)
    assert en[0]["code"] == zh[0]["code"] == "value.not_allowed"
    assert en[0]["message"] == "'finished' is not allowed: input should be 'todo', 'doing', 'done' or 'blocked'"
    assert zh[0]["message"] == "不允许写 'finished'：应为 'todo', 'doing', 'done' 或 'blocked'"


# --- Chinese words in the files, answered with the id to write ------------------------------------

STATUS_WORDS = [("完成", "done"), ("已完成", "done"), ("推进中", "doing"), ("进行中", "doing"), ("未开始", "todo"), ("受阻", "blocked")]


@pytest.mark.parametrize(("word", "ident"), STATUS_WORDS)
def test_a_chinese_status_word_is_answered_with_the_id(make_data: Callable[..., Path], word: str, ident: str) -> None:
    folder = make_data(tasks=TASKS.replace("status: doing", f"status: {word}"))
    zh = run("check", "--data", str(folder), env=ZH)
    en = run("check", "--data", str(folder))
    assert zh.exit_code == en.exit_code == 1
    assert zh.stdout == f"{folder}/tasks.yaml:23: T002.status: 不允许写 '{word}'：文件里的状态写英文代号，请写 status: {ident}\n"
    assert en.stdout == f"{folder}/tasks.yaml:23: T002.status: '{word}' is not allowed: the file takes the status id, write status: {ident}\n"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("xiufeng: {status: done", "xiufeng: {status: 完成", "T002.progress.xiufeng.status: 不允许写 '完成'：文件里的状态写英文代号，请写 status: done"),
    ("status: doing\n", "status: doing\n            log: [{date: 2022-05-01, status: 推进中, was: 未开始}]\n",
     "T002.log[0].status: 不允许写 '推进中'：文件里的状态写英文代号，请写 status: doing"),
    ("status: doing\n", "status: doing\n            log: [{date: 2022-05-01, status: doing, was: 未开始}]\n",
     "T002.log[0].was: 不允许写 '未开始'：文件里的状态写英文代号，请写 was: todo"),
])
def test_a_status_word_anywhere_a_status_is_written(make_data: Callable[..., Path], old: str, new: str, expected: str) -> None:
    folder = make_data(tasks=TASKS.replace(old, new, 1))
    assert expected in run("check", "--data", str(folder), env=ZH).stdout


@pytest.mark.parametrize(("old", "new", "where", "write"), [
    ("owners: [scjgj]", "owners: [市市场监管局]", "tasks.yaml:14: T001.owners[0]", "'scjgj'（owners: [scjgj]）"),
    ("owners: [scjgj]", "owners: [scjgj, 市人社局]", "tasks.yaml:14: T001.owners[1]", "'rsj'（owners: [scjgj, rsj]）"),
    ("support: [rsj]", "support: [市人力资源社会保障局]", "tasks.yaml:21: T002.support[0]", "'rsj'（support: [rsj]）"),
    ("lead: scjgj", "lead: 市场监管", "tasks.yaml:2: campaign.lead", "'scjgj'（lead: scjgj）"),
    ("owners: [scjgj, counties]", "owners: [scjgj, 叠彩区]", "tasks.yaml:10: I01.owners[1]", "'diecai'（owners: [scjgj, diecai]）"),
    ("xiufeng: {status: done", "秀峰区: {status: done", "tasks.yaml:25: T002.progress.秀峰区", "'xiufeng'（xiufeng: ...）"),
    ("readings: {2022-06: 30000, 2022-07: 39000}}", "readings: {2022-06: 30000}, by_unit: {秀峰区人民政府: {readings: {2022-06: 1}}}}",
     "tasks.yaml:10: I01.by_unit.秀峰区人民政府", "'xiufeng'（xiufeng: ...）"),
    ("status: doing\n", "status: doing\n            log: [{date: 2022-05-01, status: doing, unit: 叠彩区, was: todo}]\n",
     "tasks.yaml:24: T002.log[0].unit", "'diecai'（unit: diecai）"),
    ("status: doing\n", "status: doing\n            extensions: [{to: 2022-07-31, reason: 汛期, on: 2022-06-20, unit: 秀峰区}]\n",
     "tasks.yaml:24: T002.extensions[0].unit", "'xiufeng'（unit: xiufeng）"),
])
def test_a_unit_by_its_chinese_name_is_answered_with_its_id(make_data: Callable[..., Path], old: str, new: str, where: str, write: str) -> None:
    folder = make_data(tasks=TASKS.replace(old, new, 1))
    result = run("check", "--data", str(folder), env=ZH)
    assert result.exit_code == 1
    lines = [line.removeprefix(f"{folder}/") for line in result.stdout.splitlines()]
    assert any(line.startswith(f"{where}: 不认识单位 ") and line.endswith(f"：文件里写单位代号 {write}") for line in lines), lines


def test_a_unit_kind_in_chinese_is_answered_with_the_id(make_data: Callable[..., Path]) -> None:
    folder = make_data(units=UNITS.replace("kind: county}", "kind: 县}", 1))
    assert run("check", "--data", str(folder), env=ZH).stdout == f"{folder}/units.yaml:4: xiufeng.kind: 不允许写 '县'：文件里写英文代号，请写 kind: county\n"


def test_a_group_member_by_its_chinese_name(make_data: Callable[..., Path]) -> None:
    folder = make_data(units=UNITS.replace("counties: [xiufeng, diecai]", "counties: [秀峰区, diecai]"))
    result = run("check", "--data", str(folder))
    assert f"{folder}/units.yaml:7: groups.counties[0]: unknown unit '秀峰区': write its id 'xiufeng' (counties: [xiufeng, diecai])" in result.stdout


def test_a_name_several_units_have_lists_the_candidates(make_data: Callable[..., Path]) -> None:
    units = UNITS.replace("groups:", "  - {id: rsj2, name: 市人社局驻区工作组, short: 市人社局, kind: department}\ngroups:")
    folder = make_data(units=units, tasks=TASKS.replace("support: [rsj]", "support: [市人社局]"))
    zh = run("check", "--data", str(folder), env=ZH).stdout
    en = run("check", "--data", str(folder)).stdout
    assert zh == (f"{folder}/tasks.yaml:21: T002.support[0]: 不认识单位 '市人社局'：有几个单位叫这个名字："
                  "rsj (市人力资源社会保障局), rsj2 (市人社局驻区工作组)；请写所指单位的代号\n")
    assert en == (f"{folder}/tasks.yaml:21: T002.support[0]: unknown unit '市人社局': several units have this name: "
                  "rsj (市人力资源社会保障局), rsj2 (市人社局驻区工作组); write the id of the one you mean\n")
    c = open_campaign(make_data(units=units))
    with pytest.raises(CampaignError) as err:
        require_unit(c, "市人社局")
    assert err.value.text("zh") == "'市人社局' 可以指多个单位：rsj（市人力资源社会保障局）、rsj2（市人社局驻区工作组）；请写其中一个的代号"
    assert require_unit(c, "市人力资源社会保障局") == ["rsj"] and require_unit(c, "秀峰区") == ["xiufeng"]


def test_a_unit_name_in_the_rules_is_answered_with_its_id(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    (folder / "rules.yaml").write_text("ranking:\n  exclude: [diecai, 秀峰区]\n", encoding="utf-8")
    result = run("check", "--data", str(folder), env=ZH)
    assert result.stdout == f"{folder}/rules.yaml:2: ranking.exclude[1]: 不认识单位 '秀峰区'：文件里写单位代号 'xiufeng'（exclude: [diecai, xiufeng]）\n"


# --- a library error through the command line, in both languages ---------------------------------

def test_a_library_error_is_said_in_the_language_asked_for(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    en = run("overdue", "--data", folder, "--unit", "diecia")
    zh = run("overdue", "--data", folder, "--unit", "diecia", env=ZH)
    assert en.exit_code == zh.exit_code == 2
    assert en.stderr == "error: unknown unit 'diecia' (did you mean 'diecai'?); units and groups are listed in units.yaml\n"
    assert zh.stderr.endswith("不认识单位 'diecia'（是不是想写 'diecai'？）；单位和单位组列在 units.yaml 里\n")


def test_bad_data_stops_a_view_with_its_problems_in_chinese(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=TASKS.replace("due: 2022-03-31", "due: 2022-02-30"))
    zh = run("summary", "--data", str(folder), env=ZH)
    assert zh.exit_code == 1 and zh.stdout == ""
    assert zh.stderr.startswith(f"{folder}/tasks.yaml:15: T001.due: 不是日期：'2022-02-30'（这个月没有这一天）\n")
    assert "数据中有 1 处问题；请按上面列出的文件和行号改正" in zh.stderr
