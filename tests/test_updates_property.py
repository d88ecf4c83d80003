"""Random sequences of updates keep the file valid and leave every other task byte-identical."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_campaign.loading import load_campaign
from guilin_campaign.model import Task
from guilin_campaign.problems import CampaignError
from guilin_campaign.write import changes
from tests.conftest import TASKS, UNITS

OPS = st.tuples(
    st.sampled_from(["doing", "done", "blocked", "note"]),
    st.sampled_from(["T001", "T002", "AH01"]),
    st.sampled_from([None, "xiufeng", "diecai"]),
    st.integers(0, 300),
    st.text(alphabet="完成推进中abc: #'\"-", max_size=10),
)


def _span(text: str, folder: Path, task_id: str) -> tuple[int, int]:
    """Lines [first, last) of a task: from its own line to the next task or the end."""
    c = load_campaign(folder, tasks_text=text).campaign
    assert c is not None
    starts = sorted(c.tasks_source.line(ref.path) or 0 for ref in c.tasks)
    first = c.tasks_source.line(c.task(task_id).path) or 0  # type: ignore[union-attr]
    later = [s for s in starts if s > first]
    return first, (later[0] if later else len(text.splitlines()) + 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=1, max_size=6), crlf=st.booleans())
def test_random_updates(tmp_path: Path, ops: list[tuple[str, str, str | None, int, str]], crlf: bool) -> None:
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
    text = TASKS.replace("\n", "\r\n") if crlf else TASKS
    for op, task, unit, days, note in ops:
        c = load_campaign(folder, tasks_text=text).campaign
        assert c is not None
        on = date(2022, 1, 1) + timedelta(days=days)
        ref = c.task(task)
        assert ref is not None
        owners = c.responsible(ref.task)
        if unit is not None and unit not in owners:
            unit = None
        refusal = _expected_refusal(ref.task, owners, op, unit)
        try:
            if op == "note":
                new = changes.add_note(c, text, task, note or "备注", on).new_text
            else:
                new = changes.set_status(c, text, task, op, on, note=note or None, unit=unit).new_text  # type: ignore[arg-type]
        except CampaignError as err:
            assert refusal is not None and refusal in err.text("en"), err.text("en")
            continue
        assert refusal is None or refusal == "every responsible unit is done", refusal
        problems = load_campaign(folder, tasks_text=new).problems
        if refusal:  # the whole task reopened while every unit's part is done: store.apply refuses it
            assert [p.message.split(" (")[0] for p in problems] == [refusal]
            continue
        assert problems == []
        first, end = _span(text, folder, task)
        old_lines, new_lines = text.splitlines(keepends=True), new.splitlines(keepends=True)
        grown = len(new_lines) - len(old_lines)
        assert new_lines[: first - 1] == old_lines[: first - 1]
        assert new_lines[end - 1 + grown :] == old_lines[end - 1 :]
        assert all(line.endswith("\r\n") for line in new_lines) if crlf else "\r" not in new
        text = new


def _expected_refusal(task: Task, owners: list[str], op: str, unit: str | None) -> str | None:
    """What the update must refuse with, predicted from the state before it (None: it must apply)."""
    part = task.progress.get(unit) if unit is not None else task
    if op == "done" and part is not None and part.status == "done":
        return "is already done"
    parts_done = [task.progress.get(u) is not None and task.progress[u].status == "done" for u in owners]
    if op == "done" and unit is None and task.progress and not all(parts_done):
        return "tracked unit by unit"
    if op in ("doing", "blocked") and unit is None and task.progress and all(parts_done):
        return "every responsible unit is done"
    return None
