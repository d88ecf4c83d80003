"""The fast path (cli/fast.py) runs the everyday commands without Typer, and says and does exactly
what Typer's commands do: its declarations match Typer's, every command line below gives the same
output, messages, exit code and files both ways, and a fast run imports no Typer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from guilin_campaign.cli import fast
from guilin_campaign.cli.app import app

SAMPLE = Path(__file__).parent.parent / "data"


def _click_params(name: str) -> tuple[set[tuple[str, ...]], list[str], dict[str, Any]]:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    options = {tuple(sorted(p.opts)) for p in command.params if p.param_type_name == "option" and p.name != "lang"}
    args = [p.name for p in command.params if p.param_type_name == "argument"]
    kinds = {p.name: p for p in command.params}
    return options, args, kinds


@pytest.mark.parametrize("name", sorted(fast.COMMANDS))
def test_the_declarations_are_typers(name: str) -> None:
    """Each fast command declares the very options and arguments of Typer's command, of the same kind."""
    options, args, params = _click_params(name)
    declared = fast.COMMANDS[name]
    assert {tuple(sorted(o.names)) for o in declared.opts} == options
    assert list(declared.args) == args
    for opt in declared.opts:
        param = params[opt.dest]
        assert param.is_flag == (opt.kind == "flag"), opt
        if opt.kind in ("int0", "int1"):
            assert param.type.min == (opt.kind == "int1"), opt
        assert (opt.dest in declared.required) == param.required, opt


def _run(args: list[str], cwd: Path, cache: Path, fast_path: bool, lang: str = "en") -> tuple[int, str, str]:
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(cache), "GUILIN_CAMPAIGN_LANG": lang}
    env.pop("GUILIN_CAMPAIGN_NO_FAST", None)
    if not fast_path:
        env["GUILIN_CAMPAIGN_NO_FAST"] = "1"
    done = subprocess.run([sys.executable, "-m", "guilin_campaign", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)
    return done.returncode, done.stdout, done.stderr


READS = [
    ["check"],
    ["check", "-f", "json", "--lang", "zh"],
    ["check", "--format=text"],
    ["check", "-f", "table"],
    ["overdue", "--as-of", "2022-07-31"],
    ["overdue", "--as-of=2022-07-31", "-f", "json", "--support"],
    ["overdue", "--as-of", "2022-07-31", "--format=csv", "-u", "lipu", "--soon", "10"],
    ["overdue", "--as-of", "2022-07-31", "-f", "md", "--fail-if-any", "--lang", "zh"],
    ["--lang", "zh", "overdue", "--as-of", "2022-07-31", "--unit", "荔浦市"],
    ["overdue", "--as-of", "2022-07-31", "-o", "out.xlsx"],
    ["overdue", "--as-of", "2022-02-30"],
    ["overdue", "--as-of", "2022-07-31", "--unit", "nobody"],
    ["overdue", "--as-of", "2022-07-31", "--soon", "-1"],
    ["overdue", "--as-of", "2022-07-31", "--soon", "x"],
    ["overdue", "--as-of", "2022-07-31", "-f", "xml"],
    ["overdue", "--bogus"],
    ["overdue", "--as-of"],
    ["overdue", "--help"],
    ["summary"],
    ["summary", "-f", "json", "--lang", "zh"],
    ["summary", "extra"],
    ["tasks", "-s", "推进中", "--unit", "lipu"],
    ["tasks", "--status", "doing", "-a", "adhoc", "-f", "csv"],
    ["tasks", "--adhoc", "-b", "2"],
    ["tasks", "-b", "0"],
    ["tasks", "-s", "maybe"],
    ["tasks", "-f", "md", "-o", "tasks.md"],
]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_read_says_the_same_both_ways(args: list[str], tmp_path: Path) -> None:
    for side in ("fast", "typer"):
        shutil.copytree(SAMPLE, tmp_path / side / "data")
    outcomes = []
    for side in ("fast", "typer"):
        cwd = tmp_path / side
        outcomes.append((_run([*args, "--data", "data"], cwd, tmp_path / "cache", side == "fast"),
                         sorted((p.name, p.read_bytes()) for p in cwd.iterdir() if p.is_file())))
    assert outcomes[0] == outcomes[1]


UPDATES = [
    ["done", "T007", "--on", "2022-07-20", "--note", "已完成：验收"],
    ["done", "T007", "--on", "2022-07-20", "--dry-run"],
    ["done", "T001", "--on", "2022-07-20"],
    ["start", "T002", "--on", "2022-07-20", "-u", "lipu", "--by", "张三"],
    ["block", "T003", "--on", "2022-07-20", "-n", "资金未到位"],
    ["block", "T003", "--on", "2022-07-20"],
    ["reopen", "T004", "--on", "2022-07-20"],
    ["note", "T005", "召开推进会", "--on", "2022-07-20"],
    ["note", "T005", "-x", "--on", "2022-07-20"],
    ["note", "T005", " ", "--on", "2022-07-20"],
    ["done", "T999", "--on", "2022-07-20"],
    ["done", "T001", "--on", "yesterday"],
]


@pytest.mark.parametrize("args", UPDATES, ids=" ".join)
def test_an_update_does_the_same_both_ways(args: list[str], tmp_path: Path) -> None:
    results = []
    for side in ("fast", "typer"):
        shutil.copytree(SAMPLE, tmp_path / side / "data")
        outcome = _run([*args, "--data", "data"], tmp_path / side, tmp_path / f"cache-{side}", side == "fast")
        results.append((outcome, (tmp_path / side / "data" / "tasks.yaml").read_bytes()))
    assert results[0] == results[1]


def test_each_fast_command_runs_without_typer(tmp_path: Path) -> None:
    """The point of the fast path: a plain command line imports neither Typer nor its Click."""
    code = ("import sys, runpy; sys.argv = ['guilin-campaign', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('guilin_campaign', run_name='__main__')\n"
            "except SystemExit as stop:\n    print('exit', stop.code, sorted(m for m in sys.modules if m.startswith('typer')), file=sys.stderr)\n")
    shutil.copytree(SAMPLE, tmp_path / "data")
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(tmp_path / "cache"), "GUILIN_CAMPAIGN_LANG": "en"}
    for args in (["check"], ["summary"], ["overdue", "--as-of", "2022-07-31"], ["tasks", "-s", "done"],
                 ["note", "T005", "推进会", "--on", "2022-07-20"]):
        done = subprocess.run([sys.executable, "-c", code, *args, "--data", str(tmp_path / "data")], capture_output=True,
                              text=True, env=env, timeout=120)
        assert done.stderr.splitlines()[-1] == "exit 0 []", (args, done.stderr)


@pytest.mark.parametrize("argv", [["overdue", "--help"], ["--version"], ["overdue", "--", "x"], ["overdue", "-d", "a", "-d", "b"],
                                  ["overdue", "-ddata"], ["overdue", "--support=yes"], ["overdue", "--lang", "fr"], ["nothing"], []])
def test_anything_unusual_is_left_to_typer(argv: list[str]) -> None:
    assert fast.run(argv, {}) is None


def test_the_switch_turns_it_off() -> None:
    assert fast.parse(["summary"]) is not None
    assert fast.run(["summary"], {"GUILIN_CAMPAIGN_NO_FAST": "1"}) is None
    assert fast.run(["summary"], {"_GUILIN_CAMPAIGN_COMPLETE": "bash_complete"}) is None


@pytest.mark.parametrize("args", [["check"], ["check", "-f", "json"], ["overdue", "--as-of", "2022-07-31"]], ids=" ".join)
def test_broken_data_reads_the_same_both_ways(args: list[str], tmp_path: Path) -> None:
    outcomes = []
    for side in ("fast", "typer"):
        shutil.copytree(SAMPLE, tmp_path / side / "data")
        tasks = tmp_path / side / "data" / "tasks.yaml"
        tasks.write_text(tasks.read_text(encoding="utf-8").replace("- id: T007", "- id: T003", 1), encoding="utf-8")
        outcomes.append(_run([*args, "--data", "data"], tmp_path / side, tmp_path / f"cache-{side}", side == "fast", "zh"))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 1 and "T003" in outcomes[0][1] + outcomes[0][2]
