"""Labels of columns and the names of coded values, shown in tables, reports and workbooks.

``label.<key>`` heads a column whose rows carry ``key`` (JSON and CSV keep the key itself);
``value.<domain>.<code>`` names a coded value (a status, a light, a role). The report's own wording
is in :mod:`.words_report`; the official documents' in :mod:`.words_docs`.
"""

from __future__ import annotations

_LABELS: dict[str, tuple[str, str]] = {
    "id": ("编号", "ID"), "title": ("任务", "Task"), "name": ("名称", "Name"), "kind": ("类型", "Type"),
    "short": ("简称", "Short name"), "action": ("专项行动", "Action"), "measure": ("举措", "Measure"),
    "owners": ("责任单位", "Responsible units"), "support": ("配合单位", "Supporting units"),
    "owner_names": ("责任单位", "Responsible units"), "support_names": ("配合单位", "Supporting units"),
    "due": ("完成时限", "Deadline"), "status": ("状态", "Status"), "done_on": ("完成日期", "Done on"),
    "indicators": ("关联指标", "Indicators"), "unit": ("单位", "Unit"), "role": ("角色", "Role"),
    "days_overdue": ("逾期天数", "Days overdue"), "light": ("灯号", "Light"), "key": ("重点", "Key"),
    "target": ("目标值", "Target"), "actual": ("当前值", "Actual"), "completion": ("完成率", "Completion"),
    "time_progress": ("序时进度", "Time-elapsed target"), "better": ("方向", "Direction"), "month": ("月份", "Month"),
    "measure_unit": ("计量单位", "Unit of measure"), "batch": ("批次", "Batch"), "source": ("交办来源", "Assigned by"),
    "assigned_on": ("交办日期", "Assigned on"), "tasks": ("任务数", "Tasks"), "done": ("已完成", "Done"),
    "doing": ("推进中", "In progress"), "todo": ("未开始", "Not started"), "blocked": ("受阻", "Blocked"),
    "overdue": ("逾期", "Overdue"), "rate": ("完成率", "Completion rate"), "rank": ("排名", "Rank"),
    "count": ("数量", "Count"), "item": ("项目", "Item"), "value": ("内容", "Value"), "date": ("日期", "Date"),
    "note": ("说明", "Note"), "by": ("填报", "Reported by"), "done_in_period": ("本期完成", "Done this period"),
    "change": ("较上期", "Change"), "reading": ("读数", "Reading"), "due_soon": ("临期", "Due soon"),
    "adhoc": ("临时交办", "Ad-hoc"), "units": ("成员单位", "Member units"), "actions": ("专项行动", "Actions"),
    "measures": ("举措", "Measures"), "key_indicators": ("重点指标", "Key indicators"), "late": ("超期完成", "Done late"),
    "unit_name": ("单位名称", "Unit name"), "task": ("任务编号", "Task ID"), "negative": ("负增长", "Negative"),
    "next_due": ("下一时限", "Next deadline"), "previous": ("上期", "Previous period"), "period": ("期间", "Period"),
    "days_left": ("剩余天数", "Days left"), "scope": ("口径", "Scope"), "indicator": ("指标", "Indicator"),
    "last_month": ("最近数据月份", "Last month reported"), "part": ("依据", "Based on"),
    "category": ("类别", "Category"), "category_name": ("类别", "Category"), "due_items": ("应完成", "Due"),
    "base": ("基础分", "Base score"), "on_time": ("按时完成", "On time"), "returned": ("退回", "Returned"),
    "extended": ("延期", "Extended"), "adjustments": ("加减分", "Adjustments"), "score": ("得分", "Score"),
    "excluded": ("不参与排名", "Not ranked"), "on": ("延期登记日", "Filed on"), "to": ("延期至", "Extended to"),
    "reason": ("理由", "Reason"), "approved_by": ("批准人", "Approved by"),
    # unit forms (form status)
    "form_status": ("报送情况", "Report"), "imported": ("导入日期", "Imported on"), "rows": ("填报行数", "Rows"),
    "task_updates": ("更新任务", "Tasks updated"), "readings": ("更新指标", "Readings"), "file": ("文件名", "File"),
    # the 督办 sections' own column words (issue 14): Column(key, label_key="wf.<key>")
    "wf.items": ("事项数", "Items"), "wf.done": ("已办结", "Done"), "wf.rate": ("办结率", "Done rate"),
    "wf.was_due": ("原时限", "Was due"), "wf.to": ("延期至", "Extended to"), "wf.reason": ("理由", "Reason"),
    "wf.on": ("延期登记日", "Recorded on"), "wf.date": ("退回日期", "Returned on"), "wf.unit_name": ("单位", "Unit"),
    "wf.by": ("退回人", "Returned by"), "wf.approved_by": ("批准人", "Approved by"),
    # the field-visit ledger (查访台账)
    "raised_on": ("提出日期", "Raised on"), "text": ("问题描述", "Problem"), "entity": ("查访对象", "Entity visited"),
    "solved_on": ("解决日期", "Solved on"), "reopened": ("重开次数", "Reopened"), "team": ("查访组", "Visit team"),
    "team_name": ("查访组", "Visit team"), "credit_code": ("统一社会信用代码", "Credit code"),
    "found": ("查访发现", "Findings"), "problems": ("问题数", "Problems"), "level": ("层级", "Level"),
    "city_can": ("市级可落实", "City can implement"), "unit_names": ("责任单位", "Responsible units"),
    "how": ("解决方式", "How solved"), "visit": ("查访编号", "Visit ID"),
    "policy_source": ("出处", "Source document"),
    # the report's own columns
    "current": ("本期", "This period"), "days_late": ("超期天数", "Days late"), "late_units": ("超期单位", "Late units"),
    "indicator_name": ("指标名称", "Indicator name"), "open_tasks": ("未结任务数", "Open tasks"),
    "task_ids": ("未结任务", "Open task IDs"), "visits": ("本期查访", "Visits this period"),
    "visits_total": ("累计查访", "Visits to date"), "key_visits": ("重点企业查访", "Key enterprise visits"),
    "raised": ("本期收集", "Raised this period"), "solved": ("本期解决", "Solved this period"),
    "raised_total": ("累计收集", "Raised to date"), "solved_total": ("累计解决", "Solved to date"),
    "open": ("未解决", "Open"), "overdue_ids": ("逾期问题", "Overdue problems"),
}

# Coded values as the clerk reads them: value.<domain>.<code>.
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "status": {"todo": ("未开始", "Not started"), "doing": ("推进中", "In progress"), "done": ("已完成", "Done"),
               "blocked": ("受阻", "Blocked")},
    "indicator_status": {"achieved": ("已完成", "Achieved"), "on_track": ("符合序时", "On pace"), "behind": ("滞后", "Behind"),
                         "no_data": ("无数据", "No data"), "not_reported": ("未报", "Not reported")},
    "problem_status": {"open": ("未解决", "Open"), "solved": ("已解决", "Solved")},
    "light": {"red": ("红", "red"), "yellow": ("黄", "yellow"), "green": ("绿", "green")},
    "role": {"responsible": ("责任", "owner"), "supporting": ("配合", "support")},
    "scope": {"unit": ("本单位", "own"), "city": ("全市", "city")},
    "part": {"own": ("本单位记录", "own record"), "task": ("同任务状态（无本单位记录）", "the task's status (no own record)")},
    "kind": {"task": ("任务", "Task"), "indicator": ("指标", "Indicator"), "action": ("专项行动", "Action"),
             "measure": ("举措", "Measure"), "unit": ("单位", "Unit"), "group": ("分组", "Group")},
    "level": {"region": ("自治区", "region"), "city": ("市级", "city")},
    "category": {"department": ("市直部门", "City departments"), "county": ("县（市、区）", "Counties and districts")},
}

ENTRIES: dict[str, tuple[str, str]] = (
    {f"label.{key}": pair for key, pair in _LABELS.items()}
    | {f"value.{domain}.{code}": pair for domain, names in _VALUES.items() for code, pair in names.items()}
)
