"""User-facing words in one place: column labels and statuses as the office says them.

JSON and CSV keep the English keys (stable for scripts); tables, Markdown and spreadsheets show
these labels.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "id": "编号", "title": "任务", "name": "名称", "kind": "类型", "short": "简称",
    "action": "专项行动", "measure": "举措", "owners": "责任单位", "support": "配合单位", "owner_names": "责任单位", "support_names": "配合单位",
    "due": "完成时限", "status": "状态", "done_on": "完成日期", "indicators": "关联指标",
    "unit": "单位", "role": "角色", "days_overdue": "逾期天数", "light": "灯号",
    "key": "重点", "target": "目标值", "actual": "当前值", "completion": "完成率",
    "time_progress": "序时进度", "better": "方向", "month": "月份", "measure_unit": "计量单位",
    "batch": "批次", "source": "交办来源", "assigned_on": "交办日期", "tasks": "任务数",
    "done": "已完成", "doing": "推进中", "todo": "未开始", "blocked": "受阻", "overdue": "逾期",
    "rate": "完成率", "rank": "排名", "count": "数量", "item": "项目", "value": "内容",
    "date": "日期", "note": "说明", "by": "填报", "done_in_period": "本期完成",
    "change": "较上期", "reading": "读数", "due_soon": "临期", "adhoc": "临时交办",
    "units": "成员单位", "actions": "专项行动", "measures": "举措", "key_indicators": "重点指标",
    "late": "超期完成", "unit_name": "单位名称", "task": "任务编号", "negative": "负增长", "next_due": "下一时限", "previous": "上期", "period": "期间",
    "days_left": "剩余天数", "scope": "口径", "indicator": "指标", "last_month": "最近数据月份",
    "part": "依据",
    "category": "类别", "category_name": "类别", "due_items": "应完成", "base": "基础分", "on_time": "按时完成",
    "returned": "退回", "extended": "延期", "adjustments": "加减分", "score": "得分", "excluded": "不参与排名", "on": "延期登记日", "to": "延期至", "reason": "理由", "approved_by": "批准人",
    # the field-visit ledger (查访台账)
    "raised_on": "提出日期", "text": "问题描述", "entity": "查访对象", "solved_on": "解决日期",
    "reopened": "重开次数", "team": "查访组", "team_name": "查访组", "credit_code": "统一社会信用代码", "found": "查访发现",
    "problems": "问题数", "level": "层级", "city_can": "市级可落实", "unit_names": "责任单位", "how": "解决方式",
    "visit": "查访编号",
    "form_status": "报送情况", "imported": "导入日期", "rows": "填报行数", "task_updates": "更新任务", "readings": "更新指标", "file": "文件名",
}

STATUS: dict[str, str] = {"todo": "未开始", "doing": "推进中", "done": "已完成", "blocked": "受阻"}
LIGHT: dict[str, str] = {"red": "红", "yellow": "黄", "green": "绿"}
ROLE: dict[str, str] = {"responsible": "责任", "supporting": "配合"}
SCOPE: dict[str, str] = {"unit": "本单位", "city": "全市"}
PART: dict[str, str] = {"own": "本单位记录", "task": "同任务状态（无本单位记录）"}
KIND: dict[str, str] = {"task": "任务", "indicator": "指标", "action": "专项行动", "measure": "举措", "unit": "单位", "group": "分组"}
PROBLEM_STATUS: dict[str, str] = {"open": "未解决", "solved": "已解决"}
LEVEL: dict[str, str] = {"region": "自治区", "city": "市级"}
INDICATOR_STATUS: dict[str, str] = {
    "achieved": "已完成", "on_track": "符合序时", "behind": "滞后", "no_data": "无数据", "not_reported": "未报",
}


# The report's own words: its titles, section names and the labels of its own columns. LABELS wins
# over REPORT_LABELS: a key there is only a fallback for one the shared words lack.
KIND_TITLE: dict[str, str] = {"monthly": "月度汇总", "quarterly": "季度小结"}
CITY = "全市"
NONE = "（无）"

REPORT_LABELS: dict[str, str] = {
    "current": "本期", "days_late": "超期天数", "late_units": "超期单位",
    "indicator": "指标", "indicator_name": "指标名称", "open_tasks": "未结任务数",
    "task_ids": "未结任务",
    "visits": "本期查访", "visits_total": "累计查访", "key_visits": "重点企业查访", "raised": "本期收集",
    "solved": "本期解决", "raised_total": "累计收集", "solved_total": "累计解决", "open": "未解决",
    "overdue_ids": "逾期问题",
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
    # 督办 (issue 14): numbered where they fall (see WORKFLOW_SECTIONS below)
    "adhoc_batches": ("临时交办任务办结情况（按批次）", "批次办结"),
    "extensions": ("本期延期", "本期延期"),
    "returns": ("本期退回", "本期退回"),
}
LEDGER_SECTIONS = ("ledger_teams", "ledger_categories", "ledger_units", "ledger_key", "ledger_policies")
# 督办 (issue 14): last, numbered where they fall (十一、… without a ledger, 十六、… with one), so the
# sections above keep their numbers; their own column words win over LABELS in these sections.
WORKFLOW_SECTIONS = ("adhoc_batches", "extensions", "returns")
WORKFLOW_LABELS = {"items": "事项数", "done": "已办结", "rate": "办结率", "was_due": "原时限", "to": "延期至", "reason": "理由",
                   "on": "延期登记日", "date": "退回日期", "unit_name": "单位", "by": "退回人", "approved_by": "批准人"}
ALL_UNITS = "全部责任单位"


# Titles of the views' tables, filled in by the queries (``title("overdue", late=2, as_of=...)``).
TITLES: dict[str, str] = {
    "tasks": "任务（{count} 项）",
    "summary": "{campaign}（{start} 至 {end}）",
    "summary_status": "任务·{status}",
    "overdue": "逾期任务 {late} 项（截至 {as_of}）",
    "overdue_soon": "逾期任务 {late} 项、{soon} 天内临期 {due_soon} 项（截至 {as_of}）",
    "indicators": "指标完成情况",
    "indicator_by_unit": "{id} {name} 各单位情况（截至 {as_of}）",
    "action_indicators": "{id} {name}（截至 {as_of}）",
    "scorecard_tasks": "{short} 的任务：红 {red} 项 · 黄 {yellow} 项 · 绿 {green} 项（截至 {as_of}）",
    "scorecard_indicators": "{short} 的指标",
    "scorecard_next": "{short} 接下来到期的任务",
    "notice_overdue": "逾期未完成的任务",
    "notice_soon": "{soon}天内到期的任务",
    "notice_readings": "{year}年{month}月未报送数据的指标",
    "show_progress": "各单位进度",
    "show_log": "记录",
    "show_extensions": "延期",
    "show_readings": "读数",
    "show_by_unit": "各单位最新读数",
    "show_members": "成员",
}
# The rows of ``summary``: (key, what the clerk reads).
SUMMARY_ITEMS = (
    ("actions", "专项行动"), ("measures", "举措"), ("indicators", "指标"), ("key_indicators", "其中重点指标"),
    ("tasks", "具体工作任务"), ("adhoc", "上级临时交办任务"), ("units", "成员单位"),
)


def title(key: str, **values: object) -> str:
    """A table's title from :data:`TITLES`."""
    return TITLES[key].format(**values)


def label(key: str) -> str:
    return LABELS.get(key, key)
