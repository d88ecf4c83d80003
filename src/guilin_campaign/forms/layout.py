"""Where everything sits in a form: sheet names, header texts, columns. Export and import share them."""

from __future__ import annotations

FORM_VERSION = 1
GUIDE_SHEET = "填报说明"
TASK_SHEET = "任务进展"
INDICATOR_SHEET = "指标数据"
HIDDEN_SHEET = "表单信息"  # veryHidden: the dropdown lists, the identity and its signature

TASK_LOCKED = ("编号", "专项行动", "举措", "任务", "完成时限", "角色", "当前状态")
TASK_ANSWERS = ("本月状态", "完成日期", "进展情况", "存在问题")
INDICATOR_LOCKED = ("编号", "指标", "计量单位", "目标", "上月数值")
INDICATOR_ANSWERS = ("本月数值",)
# 查访记录 (a county's visits and the problems found on them): numbered blank rows to fill.
VISIT_SHEET = "查访记录"
VISIT_LOCKED = ("序号",)
VISIT_ANSWERS = ("查访日期", "查访对象", "统一社会信用代码", "重点企业", "查访发现", "问题类别", "问题描述", "责任单位", "办结时限")
VISIT_ROWS = 20
YES_NO = {"是": True, "否": False}
HEAD_ROW = 3  # title, the unit and month line, then the header

STATUS_WORDS = {"未开始": "todo", "推进中": "doing", "已完成": "done", "受阻": "blocked"}
WORD_OF = {v: k for k, v in STATUS_WORDS.items()}
ROLE_LEAD, ROLE_OWNER, ROLE_SUPPORT = "牵头", "责任", "配合"

# The hidden sheet: the status list in column A, the identity (JSON, in chunks) in column C.
LIST_RANGE = f"'{HIDDEN_SHEET}'!$A$1:$A${len(STATUS_WORDS)}"
SIGNATURE_CELL = "B1"
CHUNK_COLUMN = 3
CHUNK_SIZE = 8000  # well under Excel's 32,767 characters a cell
YES_NO_RANGE = f"'{HIDDEN_SHEET}'!$D$1:$D${len(YES_NO)}"
CATEGORY_COLUMN = 5  # E: the ledger's problem categories, for the 问题类别 dropdown
