"""One realistic decomposition table, built the same way as an .xlsx and as a .docx: a header
with synonyms and a remarks column, merged action/measure/indicator cells, several units to a cell
(、 ， and a space), every deadline form, a blank row inside a merge, a note row at the bottom."""

from __future__ import annotations

from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import load_campaign
from tests.tableimport.tables import Cell, Merge, write_docx, write_xlsx

TITLE = "桂林市“稳主体激活力攻坚战”任务分解表"
ROWS: list[list[Cell]] = [
    ["序号", "专项行动", "主要举措", "工作任务", "牵头单位", "配合单位", "完成时限", "指标", "目标值", "备注"],
    [1, "专项行动一：稳主体扩增量", "（一）深化商事制度改革", "制定新增市场主体目标分解方案", "市市场监管局", "各县（市、区）人民政府", "2023年6月底前", "新增市场主体户数", "66000户", None],
    [2, None, None, "各县（市、区）建立月度分析制度", "各县（市、区）人民政府", "市市场监管局、市人社局", "6月30日前", None, None, "按月报送"],
    [3, None, "（二）推进企业开办便利化", "压缩企业开办时间", "市行政审批局", "市市场监管局，市税务局", "2023.6", "企业开办时间", "≤1个工作日", None],
    [None] * 10,
    [4, "专项行动二：助企纾困解难", "（三）落实减税降费", "落实组合式税费支持政策", "市税务局", "市财政局 市人社局", "二季度", None, None, None],
    [5, None, None, "走访帮扶个体工商户", "秀峰区人民政府、阳朔县人民政府", None, "年底前", "市场主体净增长率", "8%", None],
    [6, None, None, "建立常态化帮扶机制", "市人社局", None, "长期坚持", None, None, None],
    [7, None, "（四）优化全周期服务", "推进包容审慎监管", "市市场监管局", None, "持续推进", None, None, None],
    [8, None, None, "清理拖欠中小企业账款", "市工业和信息化局", None, "尽快", None, None, None],
    ["注：1.各县（市、区）人民政府为责任单位的，由各县（市、区）分别落实。"] + [None] * 9,
]
MERGES: list[Merge] = [
    (1, 1, 4, 1), (5, 1, 9, 1),  # actions, the first over the blank row too
    (1, 2, 2, 2), (5, 2, 7, 2), (8, 2, 9, 2),  # measures
    (1, 7, 2, 7), (1, 8, 2, 8),  # one indicator and its target over two tasks
    (10, 0, 10, 9),  # the note row
]
COUNTIES = "各县（市、区）"
# title -> (owners, support, due, indicator names); units by full name, the group as COUNTIES
EXPECTED: dict[str, tuple[list[str], list[str], str | None, list[str]]] = {
    "制定新增市场主体目标分解方案": (["市市场监管局"], [COUNTIES], "2023-06-30", ["新增市场主体户数"]),
    "各县（市、区）建立月度分析制度": ([COUNTIES], ["市市场监管局", "市人社局"], "2023-06-30", ["新增市场主体户数"]),
    "压缩企业开办时间": (["市行政审批局"], ["市市场监管局", "市税务局"], "2023-06-30", ["企业开办时间"]),
    "落实组合式税费支持政策": (["市税务局"], ["市财政局", "市人社局"], "2023-06-30", []),
    "走访帮扶个体工商户": (["秀峰区人民政府", "阳朔县人民政府"], [], "2023-12-31", ["市场主体净增长率"]),
    "建立常态化帮扶机制": (["市人社局"], [], None, []),
    "推进包容审慎监管": (["市市场监管局"], [], None, []),
    "清理拖欠中小企业账款": (["市工业和信息化局"], [], None, []),
}


def realistic_xlsx(folder: Path) -> Path:
    return write_xlsx(folder / "分解表.xlsx", ROWS, MERGES, title=TITLE)


def realistic_docx(folder: Path) -> Path:
    # after an unrelated table, so the decomposition table is 表2
    return write_docx(folder / "方案.docx", ROWS, MERGES, title=TITLE, before=1)


def loaded(folder: Path) -> Campaign:
    result = load_campaign(folder)
    assert [str(p) for p in result.problems] == []
    assert result.campaign is not None
    return result.campaign


def records(c: Campaign) -> dict[str, tuple[list[str], list[str], str | None, list[str]]]:
    """Each task by title: its units by full name (a group by COUNTIES), due, indicator names."""
    def names(refs: list[str]) -> list[str]:
        return [COUNTIES if ref in c.groups else c.units[ref].name for ref in refs]

    out = {}
    for ref in c.tasks:
        t = ref.task
        inds = [c.indicator(i).indicator.name for i in t.indicators]  # type: ignore[union-attr]
        out[t.title] = (names(t.owners), names(t.support), t.due.isoformat() if t.due else None, inds)
    return out
