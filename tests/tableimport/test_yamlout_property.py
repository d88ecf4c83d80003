"""Whatever text a cell holds, the files written read back (through the project's own loader) as
exactly that text: YAML's guesses (no, 2022-13-01, 010, ': ', '#', '&', a line break) never apply."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_campaign.loading import load_campaign
from guilin_campaign.tableimport.plan import ActionRec, MeasureRec, Plan, TaskRec
from guilin_campaign.tableimport.units import NewUnit, UnitBook
from guilin_campaign.tableimport.yamlout import CampaignHead, tasks_text, units_text

# cell text as the readers give it: trimmed, not empty; any character but surrogates
cell = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None)
@given(title=cell, name=cell, unit=cell, source=cell)
def test_any_cell_text_reads_back_as_written(title: str, name: str, unit: str, source: str) -> None:
    task = TaskRec("T001", title, ["u01"], [], None, f"完成时限：{title}（未能识别，请核对后补写 due）", [], f"分解表第{2}行")
    plan = Plan([ActionRec("A1", name, [MeasureRec("M01", name, [], [task])])],
                UnitBook({}, [NewUnit("u01", unit, None, "department")], {}, []), [], [], [], [])
    head = CampaignHead(name, name, "u01", date(2023, 1, 1), date(2023, 12, 31))
    result = load_campaign(Path("data"), tasks_text(plan, head, source), units_text(plan.book, source))
    assert [str(p) for p in result.problems] == []
    assert result.campaign is not None
    c = result.campaign
    assert (c.tasks[0].task.title, c.actions[0].name, c.actions[0].measures[0].name) == (title, name, name)
    assert (c.info.name, c.info.city, c.units["u01"].name) == (name, name, unit)
    assert c.tasks[0].task.due is None
