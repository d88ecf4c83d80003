"""Words only the report uses: its titles, section names and the labels of its own columns.

Labels the other views share come from :mod:`guilin_campaign.words` and win over these: a key
here is only a fallback for one the shared words lack.
"""

from __future__ import annotations

from dataclasses import dataclass

from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.words import LABELS, label

KIND_TITLE = {"monthly": "月度汇总", "quarterly": "季度小结"}
CITY = "全市"
NONE = "（无）"

REPORT_LABELS: dict[str, str] = {
    "current": "本期", "days_late": "超期天数", "late_units": "超期单位",
    "indicator": "指标", "indicator_name": "指标名称", "open_tasks": "未结任务数",
    "task_ids": "未结任务",
    "visits": "本期查访", "visits_total": "累计查访", "key_visits": "重点企业查访", "raised": "本期收集",
    "solved": "本期解决", "raised_total": "累计收集", "solved_total": "累计解决", "open": "未解决",
    "overdue_ids": "逾期问题", "source": "出处",
}

HEADLINE_ITEMS = (
    ("total", "任务总数"), ("done", "已完成"), ("doing", "推进中"), ("todo", "未开始"),
    ("blocked", "受阻"), ("overdue", "逾期"), ("done_in_period", "本期完成"),
)

# Section key (JSON key) -> (heading, spreadsheet sheet name); in the order the report gives them.
SECTIONS: dict[str, tuple[str, str]] = {
    "tasks": ("一、总体进展", "总体进展"),
    "completed": ("二、本期完成任务", "本期完成"),
    "late": ("三、其中超期完成", "超期完成"),
    "overdue": ("四、逾期任务（按单位）", "逾期任务"),
    "units": ("五、成员单位排名", "单位排名"),
    "indicators": ("六、指标完成情况（重点指标在前）", "指标完成情况"),
    "negative": ("七、负增长预警（本期读数为负）", "负增长预警"),
    "adhoc": ("八、上级临时交办任务（按批次）", "临时交办"),
    "not_reported": ("九、本期未报送单位", "未报送单位"),
    "wall_chart": ("十、挂图作战", "挂图作战"),
    # 查访 (the ledger): only when the data folder has one (docs/data-format.md, "The ledger")
    "ledger_teams": ("十一、查访情况（按查访组）", "查访情况"),
    "ledger_categories": ("十二、查访问题（按类别）", "查访问题分类"),
    "ledger_units": ("十三、未解决问题（按责任单位）", "未解决问题"),
    "ledger_key": ("十四、重点企业帮扶", "重点企业"),
    "ledger_policies": ("十五、政策落实清单", "政策落实"),
}
LEDGER_SECTIONS = ("ledger_teams", "ledger_categories", "ledger_units", "ledger_key", "ledger_policies")


@dataclass(frozen=True)
class TitledColumn(Column):
    """A column whose heading is given (report-only words, action names on the wall chart)."""

    text: str = ""

    @property
    def label(self) -> str:
        return self.text or super().label


def report_listing(title: str, keys: str, rows: list[Row], numeric: str = "") -> Listing:
    """Like :meth:`Listing.of`, with the report's own labels for keys the shared words lack."""
    nums = set(numeric.split())
    columns: list[Column] = [TitledColumn(k, k in nums, label(k) if k in LABELS else REPORT_LABELS.get(k, k)) for k in keys.split()]
    return Listing(title, columns, rows)
