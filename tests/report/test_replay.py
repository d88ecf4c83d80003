"""A past period's report never changes through later updates: the log keeps what each status
entry replaced, and the report undoes the entries dated after its dates (report/replay.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import load_campaign
from guilin_campaign.model import Task
from guilin_campaign.problems import CampaignError
from guilin_campaign.render.table import make_console, print_listings
from guilin_campaign.report.build import Report, build_report
from guilin_campaign.report.output import render
from guilin_campaign.report.periods import parse_period
from guilin_campaign.report.replay import campaign_at, task_at
from guilin_campaign.report.tasks import status_at
from guilin_campaign.write import changes
from guilin_campaign.write.extend_return import ExtendTask, ReturnTask
from guilin_campaign.write.records_add import AddAdhoc
from tests.conftest import UNITS
from tests.report.sample import TASKS

D = date.fromisoformat
MakeData = Callable[..., Path]


def load(folder: Path, text: str) -> Campaign:
    result = load_campaign(folder, tasks_text=text)
    assert result.campaign is not None and not result.problems, result.problems
    return result.campaign


def table(report: Report) -> bytes:
    out = StringIO()
    print_listings(report.listings("zh").values(), make_console(out), "zh")
    return out.getvalue().encode("utf-8")


def every_format(c: Campaign, period: str) -> dict[str, bytes]:
    kind = "quarterly" if "Q" in period else "monthly"
    report = build_report(c, parse_period(period, kind))
    return {fmt: render(report, fmt, "zh") for fmt in ("md", "html", "json", "xlsx")} | {"table": table(report)}


def status(c: Campaign, task_id: str, day: str) -> str:
    ref = c.task(task_id)
    assert ref is not None
    return status_at(campaign_at(c, D(day)).task(task_id).task, D(day), c.info.start)  # type: ignore[union-attr]


def test_a_first_log_entry_after_the_month_keeps_the_month_as_it_was(make_data: MakeData) -> None:
    """The issue's July: T004 (todo, no log) and AH01 (doing, no log) are blocked and started in July."""
    folder = make_data(tasks=TASKS)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    c = load(folder, text)
    june = every_format(c, "2022-06")
    text = changes.set_status(c, text, "AH01", "blocked", D("2022-07-03"), note="待批复").new_text
    text = changes.set_status(load(folder, text), text, "T004", "doing", D("2022-07-04")).new_text
    after = load(folder, text)
    assert status(after, "AH01", "2022-06-30") == "doing"  # without `was` this read todo
    assert status(after, "AH01", "2022-07-31") == "blocked"
    assert status(after, "T004", "2022-06-30") == "todo"
    assert every_format(after, "2022-06") == june


def test_a_reopen_keeps_the_month_it_was_done_in(make_data: MakeData) -> None:
    """Done in July, reopened in September: July's report still lists it in 本期完成."""
    folder = make_data(tasks=TASKS)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    text = changes.set_status(load(folder, text), text, "T004", "done", D("2022-07-15")).new_text
    july = every_format(load(folder, text), "2022-07")
    assert b'"id": "T004"' in july["json"]
    text = changes.set_status(load(folder, text), text, "T004", "doing", D("2022-09-02"), note="退回").new_text
    assert "{date: 2022-09-02, status: doing, note: 退回, was: done, was_done_on: 2022-07-15}" in text
    after = load(folder, text)
    assert every_format(after, "2022-07") == july
    assert status(after, "T004", "2022-09-30") == "doing"


def test_a_units_part_is_undone_with_the_task(make_data: MakeData) -> None:
    folder = make_data(tasks=TASKS)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    june = every_format(load(folder, text), "2022-06")
    text = changes.set_status(load(folder, text), text, "T002", "done", D("2022-07-08"), unit="diecai").new_text
    assert "{date: 2022-07-08, status: done, unit: diecai, by: diecai, was: doing, unit_was: doing}" in text
    after = load(folder, text)
    t002 = after.task("T002").task  # type: ignore[union-attr]
    assert (t002.status, t002.done_on) == ("done", D("2022-07-08"))
    then = task_at(t002, D("2022-06-30"))
    assert (then.status, then.done_on, then.progress["diecai"].status) == ("doing", None, "doing")
    assert every_format(after, "2022-06") == june


def test_a_unit_without_an_entry_of_its_own_loses_it_when_undone(make_data: MakeData) -> None:
    folder = make_data(tasks=TASKS)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    text = changes.set_status(load(folder, text), text, "T004", "doing", D("2022-07-08"), unit="rsj").new_text
    t004 = load(folder, text).task("T004").task  # type: ignore[union-attr]
    assert t004.log[-1].unit_was is None and t004.progress["rsj"].status == "doing"
    assert task_at(t004, D("2022-07-07")).progress == {}
    assert task_at(t004, D("2022-07-08")) is t004


def test_a_units_entry_is_not_read_as_the_tasks_status(make_data: MakeData) -> None:
    """Blocking diecai's part leaves the task doing: July reads the record, not the entry's status."""
    folder = make_data(tasks=TASKS)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    text = changes.set_status(load(folder, text), text, "T002", "blocked", D("2022-07-08"), unit="diecai", note="缺编").new_text
    after = load(folder, text)
    assert after.task("T002").task.status == "doing"  # type: ignore[union-attr]
    assert status(after, "T002", "2022-07-31") == "doing"


def test_entries_without_was_keep_todays_reading() -> None:
    """A hand-written status entry after the day stops the undoing; the old rules read the rest."""
    old = Task.model_validate({"id": "T1", "title": "x", "owners": ["a"], "status": "blocked", "log": [
        {"date": "2022-05-01", "status": "doing"}, {"date": "2022-07-02", "status": "blocked"}]})
    assert task_at(old, D("2022-06-30")) is old
    assert status_at(old, D("2022-06-30")) == "doing" and status_at(old, D("2022-04-30")) == "todo"
    newer = old.model_copy(update={"status": "done", "done_on": D("2022-08-01"), "log": old.log + [
        Task.model_validate({"id": "x", "title": "x", "owners": ["a"], "log": [
            {"date": "2022-08-01", "status": "done", "was": "blocked"}]}).log[0]]})
    undone = task_at(newer, D("2022-07-31"))
    assert (undone.status, undone.done_on, len(undone.log)) == ("blocked", None, 2)
    assert task_at(newer, D("2022-06-30")).log == old.log  # stops at the hand-written July entry
    assert status_at(task_at(newer, D("2022-06-30")), D("2022-06-30")) == "doing"


# -- the property: random dated updates after a period leave its report byte-identical ----------

TASK_IDS = ["T001", "T002", "T003", "T004", "T005", "T006", "T007", "AH01", "AH02", "AH03", "AH04"]
OPS = st.tuples(
    st.sampled_from(["doing", "done", "blocked", "reopen", "note", "reading", "return", "extend", "adhoc"]),
    st.sampled_from(TASK_IDS),
    st.sampled_from([None, None, "xiufeng", "diecai", "scjgj", "rsj"]),
    st.integers(1, 180),  # days after the period's end
    st.integers(-3, 60),
)
# An entry an older version (or a clerk) wrote after June, without `was`: undoing stops there.
HAND_WRITTEN = TASKS.replace(
    "          - {id: T004, title: 开展政策宣讲, owners: [scjgj, rsj], due: 2022-07-05}\n",
    "          - {id: T004, title: 开展政策宣讲, owners: [scjgj, rsj], due: 2022-07-05, status: doing,\n"
    "             log: [{date: 2022-07-02, status: doing, by: scjgj}]}\n",
)


def _apply(c: Campaign, text: str, op: tuple[str, str, str | None, int, int], end: date) -> str:
    what, task_id, unit, days, value = op
    on = end + timedelta(days=days)
    if what == "note":
        return changes.add_note(c, text, task_id, f"进展{value}", on, by=unit).new_text
    if what == "reading":
        month = f"{on.year:04d}-{on.month:02d}"
        return changes.record_reading(c, text, "I01", value, month, unit=unit if unit in ("xiufeng", "diecai") else None).new_text
    if what == "return":
        return ReturnTask(task_id, f"退回{value}", on, unit)(c, text).new_text
    if what == "extend":
        return ExtendTask(task_id, on + timedelta(days=value), f"延期{value}", on, unit)(c, text).new_text
    if what == "adhoc":  # new work assigned after the period (its batch: the first, or the next)
        return AddAdhoc(1 if value % 2 else 4, f"交办{value}", (unit or "scjgj",), on + timedelta(days=value), received=on)(c, text).new_text
    status = "doing" if what == "reopen" else what
    return changes.set_status(c, text, task_id, status, on, note="退回" if what == "reopen" else None, unit=unit).new_text  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=1, max_size=8), period=st.sampled_from(["2022-06", "2022-Q2"]),
       base=st.sampled_from([TASKS, HAND_WRITTEN]))
def test_updates_after_a_period_leave_its_report_byte_identical(
    tmp_path: Path, ops: list[tuple[str, str, str | None, int, int]], period: str, base: str
) -> None:
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
    text = base
    first = every_format(load(folder, text), period)
    for op in ops:
        c = load(folder, text)
        try:
            new = _apply(c, text, op, D("2022-06-30"))
        except CampaignError:
            continue  # refused (not a responsible unit, done twice, parts still open): nothing changes
        result = load_campaign(folder, tasks_text=new)
        if result.problems:
            continue  # the update command refuses what would not pass check
        text = new
    assert every_format(load(folder, text), period) == first
