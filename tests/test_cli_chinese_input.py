"""Chinese on the command line: status words and units by full or short name (an ambiguous name
refused with the candidates), in the views and the updates; and which language the CLI speaks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.lookup import STATUS_WORDS, status_id
from tests.conftest import UNITS, run

# A second unit whose short name is also 叠彩区: the name alone cannot say which.
AMBIGUOUS = UNITS.replace("groups:", "  - {id: diecai-cg, name: 叠彩区城市管理局, short: 叠彩区, kind: department}\ngroups:")


def _ids(result_stdout: str) -> list[str]:
    return [row["id"] for row in json.loads(result_stdout)]


@pytest.mark.parametrize(("word", "expected"), [
    ("未开始", []), ("推进中", ["T002"]), ("doing", ["T002"]), ("已完成", ["T001", "AH01"]), ("完成", ["T001", "AH01"]),
    ("done", ["T001", "AH01"]), ("受阻", []),
])
def test_tasks_status_takes_the_office_words(make_data: Callable[..., Path], word: str, expected: list[str]) -> None:
    result = run("tasks", "--status", word, "-f", "json", "--data", str(make_data()))
    assert result.exit_code == 0, result.output
    assert _ids(result.stdout) == expected


def test_an_unknown_status_word_is_refused_in_the_language(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    chinese = run("tasks", "--status", "进行", "--data", folder, "--lang", "zh")
    assert chinese.exit_code == 2
    assert "'进行' 不是任务状态；请写 未开始、推进中、已完成（完成）、受阻" in chinese.stderr
    english = run("tasks", "--status", "busy", "--data", folder)
    assert english.exit_code == 2 and "'busy' is not one of todo, doing, done, blocked" in english.stderr


def test_status_words_cover_every_status() -> None:
    assert set(STATUS_WORDS.values()) == {"todo", "doing", "done", "blocked"}
    assert status_id(" 受阻 ") == "blocked" and status_id("进行中") is None


@pytest.mark.parametrize("ref", ["xiufeng", "秀峰区", "秀峰区人民政府"])
def test_views_take_a_unit_by_id_full_or_short_name(make_data: Callable[..., Path], ref: str) -> None:
    folder = str(make_data())
    tasks = run("tasks", "--unit", ref, "-f", "json", "--data", folder)
    assert tasks.exit_code == 0 and _ids(tasks.stdout) == ["T002"]
    card = run("unit", ref, "-f", "json", "--as-of", "2022-07-10", "--data", folder)
    assert card.exit_code == 0 and json.loads(card.stdout)["unit"] == "xiufeng"
    overdue = run("overdue", "--unit", ref, "-f", "json", "--as-of", "2022-07-10", "--data", folder)
    assert overdue.exit_code == 0 and {row["unit"] for row in json.loads(overdue.stdout)} <= {"xiufeng"}


def test_an_ambiguous_name_is_refused_with_the_candidates(make_data: Callable[..., Path]) -> None:
    folder = str(make_data(units=AMBIGUOUS))
    for args in (("tasks", "--unit", "叠彩区"), ("overdue", "--unit", "叠彩区"), ("unit", "叠彩区"), ("notice", "叠彩区")):
        english = run(*args, "--data", folder)
        assert english.exit_code == 2, args
        assert english.stderr == ("error: '叠彩区' names more than one unit: diecai（叠彩区人民政府）、diecai-cg（叠彩区城市管理局）; "
                                  "write the id of one of them\n"), args
    chinese = run("tasks", "--unit", "叠彩区", "--data", folder, "--lang", "zh")
    assert chinese.stderr == "错误：'叠彩区' 可以指多个单位：diecai（叠彩区人民政府）、diecai-cg（叠彩区城市管理局）；请写其中一个的代号\n"
    # the full name is not ambiguous
    assert _ids(run("tasks", "--unit", "叠彩区人民政府", "-f", "json", "--data", folder).stdout) == ["T002"]


def test_an_unknown_unit_name_gets_the_closest_name(make_data: Callable[..., Path]) -> None:
    result = run("tasks", "--unit", "秀峰", "--data", str(make_data()), "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr == "错误：不认识单位 '秀峰'（是不是想写 '秀峰区'？）；单位和单位组列在 units.yaml 里\n"


@pytest.mark.parametrize("ref", ["叠彩区", "叠彩区人民政府"])
def test_done_takes_a_unit_name(make_data: Callable[..., Path], ref: str) -> None:
    folder = make_data()
    result = run("done", "T002", "--unit", ref, "--on", "2022-06-25", "--data", str(folder))
    assert result.exit_code == 0, result.output
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert "diecai: {status: done, done_on: 2022-06-25}" in text or "diecai:" in text.split("progress:")[1]
    assert "status: done" in text.split("id: T002")[1].split("- id:")[0]  # both counties done: the task is
    assert ref not in text  # the id is written, never the name


def test_every_update_with_a_unit_takes_its_name(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    data = ("--data", str(folder))
    assert run("block", "T002", "--unit", "叠彩区", "--note", "资金未到位", "--on", "2022-06-10", *data).exit_code == 0
    assert run("start", "T002", "--unit", "叠彩区人民政府", "--on", "2022-06-11", *data).exit_code == 0
    assert run("reopen", "T002", "--unit", "秀峰区", "--on", "2022-06-12", *data).exit_code == 0
    assert run("reading", "I01", "1200", "--month", "2022-08", "--unit", "市场监管", *data).exit_code == 0
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert "by_unit" in text and "scjgj" in text.split("by_unit")[1]
    log = text.split("id: T002")[1].split("adhoc:")[0]
    assert log.count("unit: diecai") == 2 and "unit: xiufeng" in log
    assert "unit: 叠彩区" not in log and "unit: 秀峰区" not in log


def test_an_ambiguous_name_in_an_update_changes_nothing(make_data: Callable[..., Path]) -> None:
    folder = make_data(units=AMBIGUOUS)
    before = (folder / "tasks.yaml").read_bytes()
    result = run("done", "T002", "--unit", "叠彩区", "--data", str(folder), "--lang", "zh")
    assert result.exit_code == 2
    assert "可以指多个单位：diecai（叠彩区人民政府）、diecai-cg（叠彩区城市管理局）" in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before


def test_reading_refuses_an_unknown_unit_name(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    before = (folder / "tasks.yaml").read_bytes()
    result = run("reading", "I01", "5", "--month", "2022-08", "--unit", "融安县", "--data", str(folder))
    assert result.exit_code == 2 and "unknown unit '融安县'" in result.stderr
    assert (folder / "tasks.yaml").read_bytes() == before


# --- which language: --lang, else GUILIN_CAMPAIGN_LANG, else the locale, else Chinese

NO_LANG = {"GUILIN_CAMPAIGN_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


@pytest.mark.parametrize(("args", "env", "chinese"), [
    (("--lang", "en", "check"), {"GUILIN_CAMPAIGN_LANG": "zh"}, False),
    (("check", "--lang", "en"), {"GUILIN_CAMPAIGN_LANG": "zh"}, False),
    (("check", "--lang=zh"), {"GUILIN_CAMPAIGN_LANG": "en"}, True),
    (("check",), {"GUILIN_CAMPAIGN_LANG": "zh", "LANG": "en_US.UTF-8"}, True),
    (("check",), {"GUILIN_CAMPAIGN_LANG": None, "LANG": "en_US.UTF-8"}, False),
    (("check",), {"GUILIN_CAMPAIGN_LANG": None, "LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, True),
    (("check",), NO_LANG, True),
])
def test_language_precedence(make_data: Callable[..., Path], args: tuple[str, ...], env: dict[str, str | None], chinese: bool) -> None:
    result = run(*args, "--data", str(make_data()), env=env)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("正常：" if chinese else "ok: "), result.stdout


def test_lang_after_a_note_separator_is_the_note(make_data: Callable[..., Path]) -> None:
    folder = make_data()
    result = run("note", "T002", "--on", "2022-06-01", "--data", str(folder), "--", "--lang")
    assert result.exit_code == 0 and "--lang" in (folder / "tasks.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "env", "expected"), [
    (("--lang", "fr", "check"), {"GUILIN_CAMPAIGN_LANG": "zh"}, "--lang：无法识别 'fr'；请写 zh（中文）或 en（英文）\n"),
    (("check", "--lang", "fr"), {"GUILIN_CAMPAIGN_LANG": "en"}, "--lang: 'fr' is not a language; write zh (Chinese) or en (English)\n"),
    (("check", "--lang"), NO_LANG, "--lang 后面要写 zh（中文）或 en（英文）\n"),
])
def test_a_bad_lang_exits_2_in_the_default_language(args: tuple[str, ...], env: dict[str, str | None], expected: str) -> None:
    result = run(*args, env=env)  # type: ignore[arg-type]
    assert result.exit_code == 2 and result.stderr == expected


def test_messages_of_the_cli_follow_the_language(make_data: Callable[..., Path]) -> None:
    folder = str(make_data())
    chinese = run("overdue", "--as-of", "2022-13-01", "--data", folder, "--lang", "zh")
    assert chinese.exit_code == 2 and chinese.stderr == "错误：--as-of：'2022-13-01' 不是日期；请写 YYYY-MM-DD\n"
    english = run("overdue", "--as-of", "2022-13-01", "--data", folder)
    assert english.stderr == "error: --as-of: not a date: '2022-13-01'; write YYYY-MM-DD\n"
    sample = run("done", "T001", "--data", "sample", "--lang", "zh")
    assert sample.exit_code == 2 and sample.stderr.startswith("错误：内置示例数据不能修改")
    dry = run("note", "T002", "已召开推进会", "--on", "2022-06-01", "--dry-run", "--data", folder, "--lang", "zh")
    assert dry.exit_code == 0 and dry.stderr.startswith("试运行：") and dry.stderr.endswith("；没有写入任何内容\n")


@pytest.mark.parametrize(("env", "args", "expected"), [
    ({"LANG": "en_US.UTF-8"}, (), "ok: "),
    ({"LANG": "en_US.UTF-8", "GUILIN_CAMPAIGN_LANG": "zh"}, (), "正常："),
    ({"LANG": "C.UTF-8"}, (), "正常："),
    ({"LANG": "C.UTF-8", "GUILIN_CAMPAIGN_LANG": "zh"}, ("--lang", "en"), "ok: "),
])
def test_language_precedence_in_a_process(make_data: Callable[..., Path], env: dict[str, str], args: tuple[str, ...],
                                          expected: str) -> None:
    import os
    import subprocess
    import sys

    base = {k: v for k, v in os.environ.items() if k not in ("GUILIN_CAMPAIGN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    done = subprocess.run([sys.executable, "-m", "guilin_campaign", "check", *args, "--data", str(make_data())],
                          env=base | env, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(expected)
