"""The 督办 workflow commands: add task, add adhoc, extend, return, adjust.

Each writes through the safe write path: the exact lines it adds (like their neighbours), and the
refusals with their exit codes, the file left byte for byte as it was.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import open_campaign
from tests.conftest import SAMPLE, TASKS, run
from tests.gitenv import git, git_env


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("tasks.yaml", "units.yaml"):
        shutil.copyfile(SAMPLE / name, folder / name)
    return folder


def changed(result_stdout: str) -> list[str]:
    """The added and removed lines of a diff."""
    return [line for line in result_stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def refused(folder: Path, code: int, *args: str) -> str:
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = run(*args, "--data", str(folder))
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    return result.stderr


# --- add task / add adhoc -------------------------------------------------------------------------

def test_add_task_goes_after_the_measures_last_task_with_the_next_id(sample: Path) -> None:
    out = ok("add", "task", "--measure", "M02", "--title", "推行电子营业执照跨部门应用", "--owners", "scjgj,xzspj",
             "--support", "sws", "--due", "2022-09-30", "--data", str(sample), "--dry-run")
    assert out.splitlines()[2:6] == [
        "@@ -255,6 +255,12 @@",
        "               lipu: {status: done, done_on: 2022-04-20}",
        "             log:",
        "               - {date: 2022-04-29, status: done, note: 17个县（市、区）企业开办专区全部设立, by: xzspj}",
    ]
    assert changed(out) == [
        "+          - id: T099", "+            title: 推行电子营业执照跨部门应用", "+            owners: [scjgj, xzspj]",
        "+            support: [sws]", "+            due: 2022-09-30", "+            status: todo",
    ]
    assert out.splitlines()[-3] == "       - id: M03"
    assert (sample / "tasks.yaml").read_bytes() == (SAMPLE / "tasks.yaml").read_bytes()  # a dry run
    result = run("add", "task", "-m", "M02", "--title", "推行电子营业执照跨部门应用", "--owners", "scjgj", "--owners", "xzspj",
                 "--support", "sws", "--due", "2022-09-30", "--data", str(sample))
    assert result.exit_code == 0 and result.stdout == f"T099 added (M02): {sample / 'tasks.yaml'} updated\n"
    ref = open_campaign(sample).task("T099")
    assert ref is not None and ref.measure is not None and ref.measure.id == "M02"
    assert ref.task.owners == ["scjgj", "xzspj"] and ref.task.status == "todo"


def test_add_adhoc_to_an_existing_batch_and_to_the_next(sample: Path) -> None:
    out = ok("add", "adhoc", "--batch", "12", "--title", "报送迎检材料清单", "--owners", "scjgj", "--due", "2022-08-12",
             "--source", "国务院第九次大督查迎检", "--received", "2022-08-01", "--data", str(sample))
    assert out == f"AH06 added (batch 12): {sample / 'tasks.yaml'} updated\n"
    text = (sample / "tasks.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "  - id: AH06\n    batch: 12\n    source: 国务院第九次大督查迎检\n    assigned_on: 2022-08-01\n"
        "    title: 报送迎检材料清单\n    owners: [scjgj]\n    due: 2022-08-12\n    status: todo\n")
    # Batch 4 exists: its new item goes right after AH02, before AH03 of batch 7, with the next id.
    out = ok("add", "adhoc", "-b", "4", "--title", "补报一季度数据", "--owners", "scjgj", "--due", "2022-04-30",
             "--id", "AH10", "--data", str(sample), "--dry-run")
    assert changed(out) == ["+  - id: AH10", "+    batch: 4", "+    title: 补报一季度数据", "+    owners: [scjgj]",
                            "+    due: 2022-04-30", "+    status: todo"]
    assert out.splitlines()[-3] == "   - id: AH03"
    # The next batch is 13.
    assert [r.id for r in open_campaign(sample).tasks if r.adhoc is not None][-1] == "AH06"
    ok("add", "adhoc", "-b", "13", "--title", "报送三季度情况", "--owners", "scjgj", "--due", "2022-09-20", "--data", str(sample))
    last = [r for r in open_campaign(sample).tasks if r.adhoc is not None][-1]
    assert (last.id, last.adhoc.batch if last.adhoc else None) == ("AH07", 13)


def test_a_flow_style_neighbour_gives_a_flow_line_and_crlf_is_kept(make_data: Callable[..., Path]) -> None:
    data = make_data(tasks=TASKS.replace("\n", "\r\n"))
    ok("add", "adhoc", "-b", "1", "--title", "补充材料", "--owners", "rsj,counties", "--due", "2022-05-10", "--data", str(data))
    raw = (data / "tasks.yaml").read_bytes().decode("utf-8")
    assert raw.endswith("\r\n  - {id: AH02, batch: 1, title: 补充材料, owners: [rsj, counties], due: 2022-05-10, status: todo}\r\n")
    assert raw.count("\r\n") == raw.count("\n")


def test_a_measure_without_tasks_and_a_file_without_adhoc_get_the_key(make_data: Callable[..., Path]) -> None:
    tasks = TASKS.split("adhoc:")[0] + "      - id: M02\n        name: 新举措\n"
    tasks = tasks.replace("      - id: M02\n        name: 新举措\n", "")
    tasks = tasks.replace("        indicators:\n", "").replace(
        "          - {id: I01, name: 新增市场主体户数, key: true, target: 66000, unit: 户, owners: [scjgj, counties], readings: {2022-06: 30000, 2022-07: 39000}}\n", "")
    tasks = tasks.replace("    measures:\n", "    measures:\n      - id: M00\n        name: 空举措\n")
    data = make_data(tasks=tasks)
    ok("add", "task", "-m", "M00", "--title", "第一项任务", "--owners", "scjgj", "--due", "2022-08-31", "--data", str(data))
    ok("add", "adhoc", "-b", "1", "--title", "第一批", "--owners", "scjgj", "--due", "2022-08-31", "--data", str(data))
    text = (data / "tasks.yaml").read_text(encoding="utf-8")
    assert "      - id: M00\n        name: 空举措\n        tasks:\n          - id: T003\n            title: 第一项任务\n" in text
    assert text.endswith("adhoc:\n  - id: AH01\n    batch: 1\n    title: 第一批\n    owners: [scjgj]\n    due: 2022-08-31\n    status: todo\n")
    assert run("check", "--data", str(data)).exit_code == 0


@pytest.mark.parametrize(("args", "code", "said"), [
    (("add", "adhoc", "-b", "2", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01"), 2,
     "error: --batch: there is no batch 2: the batches are 1, 4, 7, 11, 12, and a new batch is number 13\n"),
    (("add", "adhoc", "-b", "14", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01"), 2, "a new batch is number 13"),
    (("add", "adhoc", "-b", "0", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01"), 2, "'0' is not a batch number"),
    (("add", "task", "-m", "M99", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01"), 2,
     "error: --measure: unknown measure 'M99' (did you mean 'M19'?); measures are listed in tasks.yaml (e.g. M02)\n"),
    (("add", "task", "-m", "M02", "--title", "x", "--owners", "scjgjj", "--due", "2022-08-01"), 2,
     "error: unknown unit 'scjgjj' (did you mean 'scjgj'?); units and groups are listed in units.yaml\n"),
    (("add", "task", "-m", "M02", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01", "--id", "I04"), 2,
     "error: --id: the id I04 is taken: give another, or leave out --id for the next free one\n"),
    (("add", "task", "-m", "M02", "--title", "x", "--owners", "scjgj", "--due", "2023-01-01"), 2,
     "error: --due: 2023-01-01 is outside the campaign (2022-01-01 to 2022-12-31)\n"),
    (("add", "task", "-m", "M02", "--title", " ", "--owners", "scjgj", "--due", "2022-08-01"), 2, "--title is empty"),
    (("add", "adhoc", "-b", "12", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01", "--received", "2022-08-02"), 2,
     "error: --received: the day it was assigned (2022-08-02) is after its deadline (2022-08-01)\n"),
])
def test_add_refusals(sample: Path, args: tuple[str, ...], code: int, said: str) -> None:
    stderr = refused(sample, code, *args)
    assert stderr == said if said.startswith("error:") else said in stderr


# --- extend -------------------------------------------------------------------------------------

def test_extend_appends_an_extension_and_moves_the_deadline_in_force(sample: Path) -> None:
    out = ok("extend", "T085", "--to", "2022-10-31", "--reason", "待省厅批复", "--approved-by", "王主任", "--on", "2022-07-10",
             "--data", str(sample), "--dry-run")
    assert changed(out) == ["+            extensions:", '+              - {to: 2022-10-31, reason: 待省厅批复, on: 2022-07-10, approved_by: 王主任}']
    ok("extend", "T085", "--to", "2022-10-31", "--reason", "待省厅批复", "--on", "2022-07-10", "--data", str(sample))
    rows = run("overdue", "--as-of", "2022-07-31", "-f", "json", "--data", str(sample)).stdout
    assert '"T085"' not in rows  # due 07-15, extended on 07-10 to 10-31: not overdue
    # A second extension, for the one unit, goes under the first.
    out = ok("extend", "T085", "--to", "2022-11-30", "--reason", "系统改造", "--unit", "fgw", "--on", "2022-10-20",
             "--data", str(sample), "--dry-run")
    assert changed(out) == ['+              - {to: 2022-11-30, reason: 系统改造, on: 2022-10-20, unit: fgw}']


def test_an_extension_not_after_the_deadline_in_force_is_refused_with_exit_1(sample: Path) -> None:
    said = refused(sample, 1, "extend", "T085", "--to", "2022-07-15", "--reason", "x", "--on", "2022-07-10")
    assert said == ("error: refused: the extension of T085 to 2022-07-15 is not after its deadline in force (2022-07-15): "
                    "write a later date; nothing was written\n")
    ok("extend", "T085", "--to", "2022-09-30", "--reason", "待批复", "--on", "2022-07-10", "--data", str(sample))
    # Now 09-30 is in force: 08-31, though after the original due date, is before it.
    said = refused(sample, 1, "extend", "T085", "--to", "2022-08-31", "--reason", "x", "--on", "2022-07-20")
    assert "not after its deadline in force (2022-09-30)" in said


def test_extend_refusals(sample: Path) -> None:
    assert "T003 has no due date to extend" in refused(sample, 1, "extend", "T003", "--to", "2022-09-30", "--reason", "x")
    assert "T001 is already done" in refused(sample, 1, "extend", "T001", "--to", "2022-09-30", "--reason", "x", "--on", "2022-03-01")
    said = refused(sample, 2, "extend", "T085", "--to", "2022-09-30", "--reason", "x", "--unit", "lipu")
    assert said == "error: --unit: 'lipu' is not a responsible unit of T085 (responsible: fgw)\n"
    assert refused(sample, 2, "extend", "T999", "--to", "2022-09-30", "--reason", "x").startswith("error: unknown task 'T999'")
    assert "--reason is empty" in refused(sample, 2, "extend", "T085", "--to", "2022-09-30", "--reason", "")


# --- return -------------------------------------------------------------------------------------

def test_return_opens_a_done_task_with_a_returned_entry(sample: Path) -> None:
    out = ok("return", "T001", "--reason", "分解方案未经审定", "--on", "2022-08-02", "--data", str(sample), "--dry-run")
    assert changed(out) == [
        "-            status: done", "-            done_on: 2022-02-25", "+            status: doing",
        "+              - {date: 2022-08-02, status: doing, returned: true, note: 分解方案未经审定, was: done, was_done_on: 2022-02-25}",
    ]
    result = run("return", "T001", "--reason", "分解方案未经审定", "--on", "2022-08-02", "--data", str(sample))
    assert result.stdout == f"T001 returned (2022-08-02): {sample / 'tasks.yaml'} updated\n"
    ref = open_campaign(sample).task("T001")
    assert ref is not None and ref.task.status == "doing" and ref.task.log[-1].returned


def test_return_of_one_units_part(sample: Path) -> None:
    out = ok("return", "T002", "--unit", "xiufeng", "--reason", "台账不全", "--on", "2022-08-02", "--data", str(sample), "--dry-run")
    assert changed(out) == [
        "-            status: done", "-            done_on: 2022-04-08", "+            status: doing",
        "-              xiufeng: {status: done, done_on: 2022-03-25}", "+              xiufeng: {status: doing}",
        "+              - {date: 2022-08-02, status: doing, unit: xiufeng, returned: true, note: 台账不全, was: done, "
        "was_done_on: 2022-04-08, unit_was: done, unit_was_done_on: 2022-03-25}",
    ]


def test_a_return_of_a_task_that_is_not_done_is_refused_with_exit_1(sample: Path) -> None:
    said = refused(sample, 1, "return", "T031", "--reason", "材料不全")
    assert said == ("error: refused: T031 is not done (status doing), so there is no completion to send back; "
                    "nothing was written\n")
    said = refused(sample, 2, "return", "T002", "--reason", "x")
    assert said == "error: --unit: T002 is tracked unit by unit: name the part to send back with --unit\n"
    said = refused(sample, 2, "return", "T001", "--reason", "x", "--on", "2022-02-20")
    assert said == "error: --on: the return (2022-02-20) is dated before T001 was done (2022-02-25)\n"


def test_refusals_in_chinese(sample: Path) -> None:
    before = (sample / "tasks.yaml").read_bytes()
    result = run("return", "T031", "--reason", "材料不全", "--data", str(sample), env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 1
    assert result.stderr == "错误：拒绝：T031 未报完成（状态 doing），无可退回；未写入任何内容\n"
    result = run("add", "adhoc", "-b", "2", "--title", "x", "--owners", "scjgj", "--due", "2022-08-01", "--data", str(sample),
                 env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 2 and result.stderr == "错误：--batch: 没有第 2 批：现有批次 1, 4, 7, 11, 12，新批次只能是第 13 批\n"
    assert (sample / "tasks.yaml").read_bytes() == before


# --- adjust -------------------------------------------------------------------------------------

def test_adjust_makes_rules_yaml_then_appends_keeping_what_is_there(sample: Path) -> None:
    out = ok("adjust", "xiufeng", "--points", "2", "--reason", "通报表扬", "--month", "2022-07", "--data", str(sample))
    assert out == f"adjust xiufeng +2 (2022-07): {sample / 'rules.yaml'} updated\n"
    assert (sample / "rules.yaml").read_text(encoding="utf-8") == (
        "adjustments:\n  - {unit: xiufeng, month: 2022-07, points: 2, reason: 通报表扬}\n")
    (sample / "rules.yaml").write_text("# 本办考核规则\nlights: {due_soon_days: 3}\n", encoding="utf-8")
    out = ok("adjust", "lipu", "--points", "-0.5", "--reason", "通报批评", "--on", "2022-07-20", "--by", "督查科", "--data", str(sample))
    assert (sample / "rules.yaml").read_text(encoding="utf-8") == (
        "# 本办考核规则\nlights: {due_soon_days: 3}\nadjustments:\n"
        "  - {unit: lipu, month: 2022-07, points: -0.5, reason: 通报批评, by: 督查科}\n")
    ok("adjust", "lipu", "--points", "1", "--reason", "补报及时", "--month", "2022-08", "--data", str(sample))
    assert (sample / "rules.yaml").read_text(encoding="utf-8").endswith(
        "by: 督查科}\n  - {unit: lipu, month: 2022-08, points: 1, reason: 补报及时}\n")
    rank = run("rank", "2022-07", "-f", "json", "--data", str(sample)).stdout
    assert '"unit": "lipu"' in rank and '"adjustments": -0.5' in rank


def test_adjust_refusals(sample: Path) -> None:
    assert "unknown unit 'xiufengg'" in refused(sample, 2, "adjust", "xiufengg", "--points", "1", "--reason", "x")
    assert "'2分' is not a number of points" in refused(sample, 2, "adjust", "lipu", "--points", "2分", "--reason", "x")
    assert "'2022-7' is not a month" in refused(sample, 2, "adjust", "lipu", "--points", "1", "--reason", "x", "--month", "2022-7")
    (sample / "rules.yaml").write_text("lights: {due_soon_days: -1}\n", encoding="utf-8")
    said = refused(sample, 1, "adjust", "lipu", "--points", "1", "--reason", "x")
    assert "rules.yaml:1: lights.due_soon_days" in said and "has problems: fix them first" in said


def test_dry_run_of_adjust_writes_nothing(sample: Path) -> None:
    result = run("adjust", "lipu", "--points", "1", "--reason", "x", "--month", "2022-07", "--dry-run", "--data", str(sample))
    assert result.exit_code == 0 and not (sample / "rules.yaml").exists()
    assert changed(result.stdout) == ["+adjustments:", "+  - {unit: lipu, month: 2022-07, points: 1, reason: x}"]
    assert result.stderr == "dry run: adjust lipu +1 (2022-07); nothing was written\n"


# --- --commit: that file alone --------------------------------------------------------------------

def test_commit_holds_only_the_changed_file(sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git_env(tmp_path, monkeypatch)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "任务分解表")
    (tmp_path / "staged.txt").write_text("草稿\n", encoding="utf-8")
    git(tmp_path, "add", "staged.txt")
    for args in (("extend", "T085", "--to", "2022-10-31", "--reason", "待批复", "--on", "2022-07-10"),
                 ("return", "T001", "--reason", "未审定", "--on", "2022-08-02"),
                 ("add", "adhoc", "-b", "13", "--title", "新批次", "--owners", "scjgj", "--due", "2022-09-01"),
                 ("adjust", "lipu", "--points", "1", "--reason", "表扬", "--month", "2022-08")):
        result = run(*args, "--commit", "--data", str(sample))
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[1].startswith("committed ")
        files = git(tmp_path, "show", "--name-only", "--format=%s", "HEAD").stdout.split()
        assert files[-1] == ("data/rules.yaml" if args[0] == "adjust" else "data/tasks.yaml"), files
    log = git(tmp_path, "log", "--format=%s").stdout.splitlines()
    assert log[:4] == ["adjust lipu +1 (2022-08)", "AH06 added (batch 13)", "T001 returned (2022-08-02)",
                       "T085 extended to 2022-10-31 (2022-07-10)"]
    assert subprocess.run(["git", "-C", str(tmp_path), "diff", "--cached", "--name-only"], capture_output=True, text=True,
                          check=True).stdout == "staged.txt\n"


# --- tasks --adhoc / --batch ----------------------------------------------------------------------

def test_tasks_lists_the_adhoc_tasks_by_batch(sample: Path) -> None:
    csv = run("tasks", "--adhoc", "-f", "csv", "--data", str(sample)).stdout.splitlines()
    assert csv[0] == "batch,id,source,assigned_on,title,owner_names,support_names,due,status,done_on"
    assert [line.split(",")[:2] for line in csv[1:]] == [["1", "AH01"], ["4", "AH02"], ["7", "AH03"], ["11", "AH04"], ["12", "AH05"]]
    assert run("tasks", "--action", "adhoc", "-f", "csv", "--data", str(sample)).stdout.splitlines() == csv
    one = run("tasks", "--batch", "12", "-f", "csv", "--data", str(sample)).stdout.splitlines()
    assert one[1:] == ["12,AH05,国务院第九次大督查迎检,2022-07-25,准备稳主体激活力工作汇报材料和典型案例,市场监管 市人社局,,2022-08-10,doing,"]
    result = run("tasks", "--batch", "2", "--data", str(sample))
    assert result.exit_code == 2
    assert result.stderr == "error: --batch: there is no batch 2 of ad-hoc tasks: the batches are 1, 4, 7, 11, 12\n"


def test_units_by_chinese_name_are_written_as_ids(sample: Path) -> None:
    """The clerk types 市发改委 or 秀峰区人民政府; the file gets fgw and xiufeng; an unknown name is refused."""
    out = ok("extend", "T085", "--to", "2022-11-30", "--reason", "系统改造", "--unit", "市发改委", "--on", "2022-07-10",
             "--data", str(sample), "--dry-run")
    assert changed(out)[-1].endswith("{to: 2022-11-30, reason: 系统改造, on: 2022-07-10, unit: fgw}")
    out = ok("return", "T002", "--unit", "秀峰区人民政府", "--reason", "台账不全", "--on", "2022-08-02", "--data", str(sample), "--dry-run")
    assert "+              xiufeng: {status: doing}" in changed(out)
    ok("adjust", "荔浦市", "--points", "1", "--reason", "通报表扬", "--month", "2022-07", "--data", str(sample))
    assert "{unit: lipu, month: 2022-07" in (sample / "rules.yaml").read_text(encoding="utf-8")
    assert "unknown unit" in refused(sample, 2, "return", "T002", "--unit", "荔浦县", "--reason", "x", "--on", "2022-08-02")
