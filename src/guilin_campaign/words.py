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
}

STATUS: dict[str, str] = {"todo": "未开始", "doing": "推进中", "done": "已完成", "blocked": "受阻"}
LIGHT: dict[str, str] = {"red": "红", "yellow": "黄", "green": "绿"}
ROLE: dict[str, str] = {"responsible": "责任", "supporting": "配合"}
SCOPE: dict[str, str] = {"unit": "本单位", "city": "全市"}
PART: dict[str, str] = {"own": "本单位记录", "task": "同任务状态（无本单位记录）"}
PROBLEM_STATUS: dict[str, str] = {"open": "未解决", "solved": "已解决"}
LEVEL: dict[str, str] = {"region": "自治区", "city": "市级"}
INDICATOR_STATUS: dict[str, str] = {
    "achieved": "已完成", "on_track": "符合序时", "behind": "滞后", "no_data": "无数据", "not_reported": "未报",
}


def label(key: str) -> str:
    return LABELS.get(key, key)
