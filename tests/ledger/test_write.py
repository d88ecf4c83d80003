"""The ledger's write commands: visit add, problem add / solve / reopen, each diff exact, every refusal
with its exit code and message, the month file created when absent, and past reports unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run
from tests.ledger.ledgerdata import JULY, LISTS, write_ledger

MakeData = Callable[..., Path]


@pytest.fixture
def folder(make_data: MakeData) -> Path:
    return write_ledger(make_data())


def _ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _month(folder: Path, month: str = "2022-07") -> str:
    return (folder / "ledger" / f"{month}.yaml").read_text(encoding="utf-8")


def test_visit_add_goes_after_the_visits_of_its_day_with_the_next_id(folder: Path) -> None:
    out = _ok("visit", "add", "--on", "2022-07-04", "--team", "xiufeng", "--entity", "桂林某某茶业有限公司",
              "--credit-code", "91350100M000100Y43", "--key", "--found", "用电负荷不足", "--data", str(folder))
    assert out == f"V20220704-xiufeng-1 visit added (2022-07-04): {folder / 'ledger' / '2022-07.yaml'} updated\n"
    new = "  - {id: V20220704-xiufeng-1, date: 2022-07-04, team: xiufeng, entity: 桂林某某茶业有限公司, credit_code: 91350100M000100Y43, key: true, found: 用电负荷不足}\n"
    assert _month(folder) == JULY.replace("problems:\n", new + "problems:\n", 1)
    _ok("visit", "add", "--on", "2022-07-04", "--team", "xiufeng", "--entity", "某某店", "--data", str(folder))
    assert "  - {id: V20220704-xiufeng-2, date: 2022-07-04, team: xiufeng, entity: 某某店}\n" in _month(folder)


def test_a_visit_between_days_follows_the_earlier_day(make_data: MakeData) -> None:
    july = JULY.replace("problems:\n", "  # 7月9日\n  - {id: V3, date: 2022-07-09, team: scjgj, entity: 丁公司}\nproblems:\n", 1)
    folder = write_ledger(make_data(), {"2022-07.yaml": july, "lists.yaml": LISTS})
    _ok("visit", "add", "--on", "2022-07-05", "--team", "diecai", "--entity", "戊公司", "--data", str(folder))
    assert "found: 招工难}\n  - {id: V20220705-diecai-1, date: 2022-07-05, team: diecai, entity: 戊公司}\n  # 7月9日\n" in _month(folder)


def test_a_digits_only_credit_code_is_written_in_quotes(folder: Path) -> None:
    code = "913501000000000051"
    _ok("visit", "add", "--on", "2022-07-04", "--team", "rsj", "--entity", "某公司", "--credit-code", code, "--data", str(folder))
    assert f'credit_code: "{code}"' in _month(folder)  # quoted: YAML would read a number
    assert run("check", "--data", str(folder)).exit_code == 0


def test_the_month_file_is_created_when_absent_and_problems_get_the_next_number(folder: Path) -> None:
    _ok("visit", "add", "--on", "2022-08-02", "--team", "scjgj", "--entity", "某公司", "--data", str(folder))
    out = _ok("problem", "add", "--on", "2022-08-03", "--category", "资金缺口", "--unit", "rsj", "--due", "2022-08-20",
              "--text", "申请贷款", "--visit", "V20220802-scjgj-1", "--data", str(folder))
    assert out.startswith("P2208-0001 problem added (2022-08-03)")  # P1..P3 do not follow the P<yymm>-<n> habit
    assert _month(folder, "2022-08") == (
        "# 2022年8月查访台账：查访记录（visits）和收集的问题（problems）\n\n"
        "visits:\n"
        "  - {id: V20220802-scjgj-1, date: 2022-08-02, team: scjgj, entity: 某公司}\n"
        "problems:\n"
        "  - id: P2208-0001\n    raised_on: 2022-08-03\n    visit: V20220802-scjgj-1\n    category: 资金缺口\n"
        "    text: 申请贷款\n    unit: rsj\n    due: 2022-08-20\n    status: open\n"
    )
    assert _month(folder) == JULY  # nothing else touched
    _ok("problem", "add", "--on", "2022-08-04", "--category", "供电", "--unit", "diecai", "--due", "2022-08-04",
        "--text", "变压器增容", "--data", str(folder))
    assert _month(folder, "2022-08").endswith("  - id: P2208-0002\n    raised_on: 2022-08-04\n    category: 供电\n"
                                              "    text: 变压器增容\n    unit: diecai\n    due: 2022-08-04\n    status: open\n")


def test_problem_solve_sets_status_day_and_how_where_it_was_raised(folder: Path) -> None:
    out = _ok("problem", "solve", "P2", "--on", "2022-08-01", "--how", "组织专场招聘会", "--data", str(folder))
    assert out.startswith("P2 solved (2022-08-01): ")
    assert _month(folder) == JULY.replace("    due: 2022-07-15\n    status: open\n",
                                          "    due: 2022-07-15\n    status: solved\n    solved_on: 2022-08-01\n    how: 组织专场招聘会\n")
    assert not (folder / "ledger" / "2022-08.yaml").exists()


def test_problem_reopen_keeps_the_solution_it_sets_aside(folder: Path) -> None:
    _ok("problem", "reopen", "P1", "--on", "2022-07-25", "--reason", "企业反映仍未放款", "--data", str(folder))
    assert _month(folder) == JULY.replace(
        "    status: solved\n    solved_on: 2022-07-20\n    how: 对接银行发放贷款\n",
        "    status: open\n    reopened:\n      - {date: 2022-07-25, reason: 企业反映仍未放款, was_solved_on: 2022-07-20, was_how: 对接银行发放贷款}\n", 1)
    _ok("problem", "reopen", "P3", "--on", "2022-07-30", "--reason", "再次停电", "--data", str(folder))
    assert ("      - {date: 2022-07-18, reason: 企业反映仍未通电, was_solved_on: 2022-07-10, was_how: 已报装}\n"
            "      - {date: 2022-07-30, reason: 再次停电, was_solved_on: 2022-07-28, was_how: 完成增容}\n") in _month(folder)


def test_a_report_of_a_past_month_is_byte_identical_after_solve_and_reopen(folder: Path) -> None:
    before = _ok("report", "monthly", "2022-07", "--as-of", "2022-07-31", "-f", "json", "--data", str(folder))
    _ok("problem", "reopen", "P3", "--on", "2022-08-02", "--reason", "再次停电", "--data", str(folder))
    _ok("problem", "solve", "P2", "--on", "2022-08-03", "--how", "已招满", "--data", str(folder))
    _ok("problem", "reopen", "P2", "--on", "2022-08-05", "--reason", "又缺人", "--data", str(folder))
    assert _ok("report", "monthly", "2022-07", "--as-of", "2022-07-31", "-f", "json", "--data", str(folder)) == before
    august = _ok("problems", "--as-of", "2022-08-04", "--open", "-f", "csv", "--data", str(folder))
    assert [line.split(",")[0] for line in august.splitlines()[1:]] == ["P3"]  # P2 solved on the 3rd, P3 reopened on the 2nd


def test_dry_run_prints_the_diff_and_writes_nothing(folder: Path) -> None:
    result = run("problem", "solve", "P2", "--on", "2022-07-15", "--how", "已招满", "--dry-run", "--data", str(folder))
    assert result.exit_code == 0, result.stderr
    name = folder / "ledger" / "2022-07.yaml"
    assert result.stdout.startswith(f"--- {name}\n+++ {name}\n@@ ")
    assert "-    status: open\n+    status: solved\n+    solved_on: 2022-07-15\n+    how: 已招满\n" in result.stdout
    assert result.stderr == "dry run: P2 solved (2022-07-15); nothing was written\n"
    assert _month(folder) == JULY
    result = run("visit", "add", "--on", "2022-09-01", "--team", "rsj", "--entity", "某公司", "--dry-run", "--data", str(folder))
    assert result.exit_code == 0 and "+  - {id: V20220901-rsj-1" in result.stdout
    assert not (folder / "ledger" / "2022-09.yaml").exists()


REFUSALS = [
    (["visit", "add", "--on", "2022-07-04", "--team", "xiufen", "--entity", "x"], 2,
     "error: --team: unknown unit 'xiufen' (did you mean 'xiufeng'?); units are listed in units.yaml"),
    (["visit", "add", "--on", "2022-07-04", "--team", "counties", "--entity", "x"], 2,
     "error: --team: 'counties' is a group; write a single unit id here"),
    (["visit", "add", "--on", "2022-07-04", "--team", "秀峰区", "--entity", "x"], 2, "error: --team: unknown unit '秀峰区': write its id 'xiufeng'"),
    (["visit", "add", "--on", "2023-01-01", "--team", "rsj", "--entity", "x"], 2,
     "error: --on: 2023-01-01 is outside the campaign (2022-01-01 to 2022-12-31): write a date within it"),
    (["visit", "add", "--on", "2022-07-04", "--team", "rsj", "--entity", "x", "--credit-code", "91350100M000100Y44"], 2,
     "error: --credit-code: '91350100M000100Y44': the check character (the 18th) should be '3', not '4'"),
    (["visit", "add", "--on", "2022-07-04", "--team", "rsj", "--entity", " "], 2, "error: --entity is empty: write the text"),
    (["problem", "add", "--on", "2022-07-04", "--category", "资金", "--unit", "rsj", "--due", "2022-07-30", "--text", "t"], 2,
     "error: --category: 资金 is not a category (did you mean '资金缺口'?): write one of 资金缺口、土地确权、采矿许可、供电、招工、租金减免、其他, or add it to ledger/lists.yaml first"),
    (["problem", "add", "--on", "2022-07-04", "--category", "其他", "--unit", "hr", "--due", "2022-07-30", "--text", "t"], 2,
     "error: --unit: unknown unit 'hr'; units are listed in units.yaml"),
    (["problem", "add", "--on", "2022-07-04", "--category", "其他", "--unit", "rsj", "--due", "2022-07-01", "--text", "t"], 2,
     "error: --due: the deadline 2022-07-01 is before the day the problem is raised (2022-07-04)"),
    (["problem", "add", "--on", "2022-07-04", "--category", "其他", "--unit", "rsj", "--due", "2022-07-30", "--text", "t", "--visit", "V9"], 2,
     "error: --visit: no visit V9 in the ledger: write the id of a recorded visit (see guilin-campaign visits), or leave --visit out"),
    (["problem", "add", "--on", "2022-07-03", "--category", "其他", "--unit", "rsj", "--due", "2022-07-30", "--text", "t", "--visit", "V1"], 2,
     "error: --on: raised on 2022-07-03, before its visit V1 (2022-07-04)"),
    (["problem", "solve", "P1", "--on", "2022-07-25", "--how", "x"], 2,
     "error: P1 is already solved (on 2022-07-20); to change the day or how, `problem reopen` it first"),
    (["problem", "solve", "P2", "--on", "2022-07-03", "--how", "x"], 2,
     "error: --on: P2 was raised or last reopened on 2022-07-04; it cannot be solved on 2022-07-03, before that"),
    (["problem", "solve", "P-3", "--on", "2022-07-25", "--how", "x"], 2, "error: no problem P-3 in the ledger (did you mean 'P3'?): see the ids with guilin-campaign problems"),
    (["problem", "reopen", "P2", "--on", "2022-07-25", "--reason", "x"], 2, "error: P2 is open, not solved: there is nothing to reopen"),
    (["problem", "reopen", "P1", "--on", "2022-07-19", "--reason", "x"], 2,
     "error: --on: P1 was solved on 2022-07-20; it cannot be reopened on 2022-07-19, before that"),
    (["problem", "reopen", "P1", "--on", "2022-13-01", "--reason", "x"], 2, "--on: not a date: '2022-13-01'; write YYYY-MM-DD"),
]


@pytest.mark.parametrize(("args", "code", "said"), REFUSALS)
def test_each_refusal_has_its_exit_code_and_says_what_to_write(folder: Path, args: list[str], code: int, said: str) -> None:
    result = run(*args, "--data", str(folder))
    assert result.exit_code == code, result.stderr
    assert said in result.stderr
    assert _month(folder) == JULY and sorted(p.name for p in (folder / "ledger").iterdir()) == ["2022-07.yaml", "lists.yaml"]


def test_refusals_speak_chinese_by_default(folder: Path) -> None:
    result = run("problem", "reopen", "P2", "--on", "2022-07-25", "--reason", "x", "--data", str(folder), env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert result.exit_code == 2 and result.stderr == "错误：P2 尚未办结，无需重开\n"
    out = _ok("problem", "solve", "P2", "--on", "2022-07-25", "--how", "x", "--data", str(folder), env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert out == f"P2 solved (2022-07-25)：已写入 {folder / 'ledger' / '2022-07.yaml'}\n"


def test_a_ledger_with_problems_is_not_updated(make_data: MakeData) -> None:
    folder = write_ledger(make_data(), {"2022-07.yaml": JULY.replace("unit: diecai", "unit: nobody"), "lists.yaml": LISTS})
    result = run("visit", "add", "--on", "2022-07-04", "--team", "rsj", "--entity", "x", "--data", str(folder))
    assert result.exit_code == 1
    assert "2022-07.yaml:29: P3.unit: unknown unit 'nobody'" in result.stderr
    assert "1 problem(s) in the ledger: fix them first" in result.stderr


def test_a_data_folder_without_a_ledger_starts_one(make_data: MakeData) -> None:
    folder = make_data()
    _ok("problem", "add", "--on", "2022-07-04", "--category", "租金减免", "--unit", "rsj", "--due", "2022-07-30", "--text", "减免租金", "--data", str(folder))
    assert [p.name for p in (folder / "ledger").iterdir()] == ["2022-07.yaml"]
    assert "P2207-0001" in _ok("problems", "--as-of", "2022-07-31", "-f", "csv", "--data", str(folder))


def test_crlf_and_bom_are_kept(make_data: MakeData) -> None:
    folder = make_data()
    base = folder / "ledger"
    base.mkdir()
    (base / "2022-07.yaml").write_bytes(b"\xef\xbb\xbf" + JULY.replace("\n", "\r\n").encode("utf-8"))
    _ok("problem", "solve", "P2", "--on", "2022-07-15", "--how", "已招满", "--data", str(folder))
    raw = (base / "2022-07.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert "    status: solved\r\n    solved_on: 2022-07-15\r\n    how: 已招满\r\n" in raw.decode("utf-8-sig")


def test_commit_commits_only_the_month_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    from tests.gitenv import git, git_env

    git_env(tmp_path, monkeypatch)
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "start")
    (folder / "tasks.yaml").write_text((folder / "tasks.yaml").read_text(encoding="utf-8") + "# 手工改动\n", encoding="utf-8")
    out = _ok("visit", "add", "--on", "2022-08-01", "--team", "rsj", "--entity", "某公司", "--commit", "--data", str(folder))
    assert "committed " in out
    assert git(folder, "log", "-1", "--format=%s").stdout == "V20220801-rsj-1 visit added (2022-08-01)\n"
    assert git(folder, "show", "--name-only", "--format=", "HEAD").stdout == "ledger/2022-08.yaml\n"
    assert git(folder, "status", "--porcelain").stdout == " M tasks.yaml\n"  # the hand edit is left alone
    (folder / "ledger" / "2022-07.yaml").write_text(JULY + "# 手工改动\n", encoding="utf-8")
    result = run("problem", "solve", "P2", "--on", "2022-07-15", "--how", "x", "--commit", "--data", str(folder))
    assert result.exit_code == 1 and "has changes that are not committed" in result.stderr
