"""Random updates on two sides, each through the update functions, merge like applying both in turn.

Side A and side B change statuses of different tasks and units' parts, readings of different months,
and both add notes anywhere. The merge is clean (or, when the two sides together break a rule of
``check``, a whole-file conflict) and holds the same data as A's updates followed by B's, log
entries compared in date order.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from guilin_campaign.catalogue import render
from guilin_campaign.loading import load_campaign
from guilin_campaign.merge.driver import merge_texts
from guilin_campaign.problems import CampaignError
from guilin_campaign.write import changes
from guilin_campaign.yamlsyntax.read import parse
from tests.merge.test_git_merge import TASKS, UNITS

TARGETS = {"a": [("T001", None), ("T002", "diecai")], "b": [("T002", "yongfu"), ("T003", None)]}
MONTHS = {"a": ["2022-08", "2022-10"], "b": ["2022-09", "2022-11"]}
THIRD = """\
          - id: T003
            title: 第三项
            owners: [scjgj]
            status: todo
"""


def ops(side: str) -> st.SearchStrategy[list[tuple[Any, ...]]]:
    status = st.tuples(st.just("status"), st.sampled_from(["doing", "done", "blocked"]), st.sampled_from(TARGETS[side]), st.integers(0, 120))
    # each side's notes are its own (an identical entry added on both sides is one entry, as in git)
    note = st.tuples(st.just("note"), st.text(alphabet="丙: #'x", max_size=6).map(lambda t: ("甲" if side == "a" else "乙") + t), st.sampled_from(["T001", "T002", "T003"]), st.integers(0, 120))
    reading = st.tuples(st.just("reading"), st.integers(-50, 50000), st.sampled_from(MONTHS[side]), st.sampled_from([None, "xiufeng"]))
    return st.lists(st.one_of(status, note, reading), max_size=5)


def apply(folder: Path, text: str, op: tuple[Any, ...]) -> str:
    c = load_campaign(folder, tasks_text=text).campaign
    assert c is not None
    try:
        if op[0] == "status":
            (task, unit), on = op[2], date(2022, 7, 1) + timedelta(days=op[3])
            new = changes.set_status(c, text, task, op[1], on, unit=unit).new_text
        elif op[0] == "note":
            new = changes.add_note(c, text, op[2], op[1], date(2022, 7, 1) + timedelta(days=op[3])).new_text
        else:
            new = changes.record_reading(c, text, "I01", float(op[1]), op[2], unit=op[3]).new_text
    except CampaignError:
        return text  # refused (done twice, ...): as the command would
    return new if not load_campaign(folder, tasks_text=new).problems else text


# What a status entry replaced is recorded by each side against its own history (report/replay.py):
# A then B in turn can see a task-level status that neither side of a merge ever had (every county's
# part done at once), so these keys may differ; every entry and every other field must be the same.
RELATIVE = ("was", "was_done_on", "unit_was", "unit_was_done_on")


def data(text: str) -> Any:
    parsed = parse(text, "tasks.yaml").data
    for action in parsed["actions"]:
        for measure in action["measures"]:
            for task in measure["tasks"]:
                if task.get("log"):
                    entries = [{k: v for k, v in e.items() if k not in RELATIVE} for e in task["log"]]
                    task["log"] = sorted(entries, key=lambda e: (str(e["date"]), repr(sorted(e.items()))))
    return parsed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a_ops=ops("a"), b_ops=ops("b"))
@example(  # every county's part done only when both sides are applied in turn
    a_ops=[("status", "done", ("T002", "diecai"), 0)],
    b_ops=[("status", "done", ("T002", "yongfu"), 0), ("status", "doing", ("T002", "yongfu"), 0)],
)
def test_independent_updates_merge_like_both_in_turn(tmp_path: Path, a_ops: list[tuple[Any, ...]], b_ops: list[tuple[Any, ...]]) -> None:
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
    base = TASKS + THIRD
    ours, theirs = base, base
    for op in a_ops:
        ours = apply(folder, ours, op)
    for op in b_ops:
        theirs = apply(folder, theirs, op)
    both = ours
    for op in b_ops:
        both = apply(folder, both, op)

    result = merge_texts(base, theirs, ours, check=lambda text: load_campaign(folder, tasks_text=text).problems)

    event("clean" if result.clean else "check refused")
    event("both sides changed" if ours != base and theirs != base else "one side or none")
    if not result.clean:
        assert "would not pass check" in render(result.reason, "en"), result.text
        return
    assert data(result.text) == data(both)
    assert "<<<<<<<" not in result.text
