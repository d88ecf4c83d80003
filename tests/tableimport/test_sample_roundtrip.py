"""The built-in Guilin sample, exported to a decomposition-table workbook by the test, imports
back to the same tasks, owners, supporting units and deadlines (ids compared by title and names)."""

from __future__ import annotations

from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import open_campaign
from guilin_campaign.tableimport.run import ImportOptions, import_table
from tests.conftest import SAMPLE
from tests.tableimport.realistic import loaded
from tests.tableimport.tables import export_sample


def _by_title(c: Campaign, group_word: str = "") -> dict[str, tuple[object, ...]]:
    """Each task by title: its measure and action names, owners and support by full name, due."""
    def names(refs: list[str]) -> tuple[str, ...]:
        if group_word:  # the counties compared by what the table says, not by their members
            return tuple(n for r in refs for n in ([group_word] if r == "counties" else [c.units[u].name for u in c.expand([r])]))
        return tuple(c.units[u].name for u in c.expand(refs))

    return {r.task.title: (r.action.name if r.action else None, r.measure.name if r.measure else None,
                           names(r.task.owners), names(r.task.support), r.task.due)
            for r in c.tasks if r.adhoc is None}


def test_the_sample_imports_back_against_its_own_units(tmp_path: Path) -> None:
    sample = open_campaign(SAMPLE)
    book = export_sample(sample, tmp_path / "任务分解表.xlsx")
    result = import_table(ImportOptions(book, tmp_path / "data", units=SAMPLE / "units.yaml"))
    assert result.errors == []
    back = loaded(tmp_path / "data")
    assert _by_title(back) == _by_title(sample)
    assert len(back.tasks) == 98
    assert [len(a.measures) for a in back.actions] == [len(a.measures) for a in sample.actions]
    assert (back.info.name, back.info.city, back.info.lead) == (sample.info.name, sample.info.city, "scjgj")
    assert (tmp_path / "data" / "units.yaml").read_bytes() == (SAMPLE / "units.yaml").read_bytes()
    assert not any("未识别" in line or "错误" in line for line in result.summary)


def test_the_sample_imports_back_with_new_units(tmp_path: Path) -> None:
    sample = open_campaign(SAMPLE)
    book = export_sample(sample, tmp_path / "任务分解表.xlsx")
    result = import_table(ImportOptions(book, tmp_path / "data"))
    assert result.errors == []
    back = loaded(tmp_path / "data")
    assert _by_title(back, "各县（市、区）") == _by_title(sample, "各县（市、区）")
    assert all(u.kind == sample_kind for u in back.units.values()
               for sample_kind in [next(s.kind for s in sample.units.values() if s.name == u.name)])
