"""The help of the program and of each command (``cmd.<command path>``): the first sentence is the
one-line summary in the command list (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "app.help": (
        "督办工作台账工具：任务分解表、逾期任务、指标、报表。用 --lang zh|en 选择界面语言。",
        "Campaign tracker for a command office: the task decomposition table, overdue work, indicators, reports.",
    ),
    # browse.py
    "cmd.check": ("检查两个数据文件及其相互引用；有问题时退出码为 1。",
                  "Validate both files and the references between them; exit 1 if anything is wrong."),
    "cmd.summary": ("总体情况：专项行动、举措、指标、任务、单位的数量，以及各状态的任务数。",
                    "Counts of actions, measures, indicators, tasks and units, and tasks by status."),
    "cmd.tasks": ("列出任务分解表中的任务。可按单位、状态或专项行动筛选。",
                  "List tasks of the decomposition table, filtered by unit, status or action."),
    "cmd.show": ("查看一项任务、举措、专项行动、指标、单位或单位组的全部情况。",
                 "Show one task, measure, action, indicator, unit or group with everything about it."),
    "cmd.init": ("新建数据文件夹。默认放入内置示例（或用 --from、--empty），并写好 .gitignore、.gitattributes 和 git 仓库（从不覆盖已有文件）。",
                 "Make a data folder: the built-in sample (or --from, --empty), .gitignore, .gitattributes, git (never overwrites)."),
    # update.py
    "cmd.start": ("把任务（或某一责任单位承担的部分）标为推进中（doing）。",
                  "Mark a task (or one unit's part) as in progress (doing)."),
    "cmd.done": ("把任务（或某一责任单位承担的部分）标为已完成。完成日期取 --on（默认今天），写入 done_on。",
                 "Mark a task (or one unit's part) done on --on (default today); sets done_on."),
    "cmd.block": ("把任务（或某一责任单位承担的部分）标为受阻，并写明原因。",
                  "Mark a task (or one unit's part) blocked, with the reason."),
    "cmd.reopen": ("重新打开任务（或某一责任单位承担的部分）。状态回到推进中，删除 done_on。",
                   "Reopen a task (or one unit's part): back to doing, done_on removed."),
    "cmd.note": ("在任务的进展记录中追加一条说明，不改变状态。",
                 "Append a progress note to a task's log without changing its status."),
    "cmd.reading": ("记录指标某月的数值（全市数值，或某一单位的数值）。",
                    "Record an indicator's reading for a month (the city value, or one unit's)."),
    # views.py
    "cmd.overdue": ("按单位列出逾期任务（单位组展开），含逾期天数、所属举措和单位的角色。",
                    "Overdue tasks per unit (groups expanded), with days overdue, measure and the unit's role."),
    "cmd.indicators": ("按专项行动列出指标：目标值、实际值、对照序时进度的完成情况和状态。",
                       "Indicators by action: target, actual, completion against time progress (序时进度), status."),
    "cmd.unit": ("单位工作情况：按红黄绿灯列出其任务、其指标，以及接下来要完成的事项。",
                 "One unit's scorecard: its tasks by light, its indicators, and what it owes next."),
    # ledger.py
    "cmd.problems": ("查访问题：单位、类别、整改时限、状态和红黄绿灯。",
                     "Problems found on field visits (查访问题): unit, category, deadline, status and light."),
    "cmd.visits": ("查访记录：日期、查访组、查访对象、是否重点企业、发现的情况。",
                   "Field visits (查访记录): date, team, entity visited, key enterprise, what was found."),
    "cmd.policies": ("政策落实清单：每项政策、落实单位，以及是否已落实。",
                     "The policy checklist (政策落实清单): each policy, its units and whether it is implemented."),
    # rank.py
    "cmd.rank": ("考核排名：各单位在 MONTH 月的得分、各项得分构成和分类排名。",
                 "Each unit's score for MONTH, its components and its rank per category (考核排名)."),
    # notice.py
    "cmd.notice": ("催办单（督办通知单）：某单位截至某日尚欠的事项（逾期、临期、未报指标数值）和回复时限。",
                   "催办单 (督办通知单): what a unit owes at a date (overdue, due soon, missing readings) and by when to answer."),
    # gitcmds.py
    "cmd.merge-driver": ("逐条记录合并 tasks.yaml 或 units.yaml（由 git 调用，见 git-setup）。有冲突时退出码为 1。",
                         "Merge tasks.yaml or units.yaml record by record (git runs this; see git-setup). Exit 1 on a conflict."),
    "cmd.git-setup": ("让 git 用本工具的合并程序合并数据文件（每个克隆的仓库做一次）。",
                      "Make git merge the data files with guilin-campaign's merge driver (once in each clone)."),
    # report.py
    "cmd.report": ("月度汇总和季度小结，显示在终端或写入文件。",
                   "Monthly summary (月度汇总) and quarterly brief (季度小结), for the terminal or a file."),
    "cmd.report.monthly": ("月度汇总：该月的汇总，默认截至月末（可用 --as-of 指定）；输出 docx 时为通报。",
                           "月度汇总: the month's summary, as of its last day unless --as-of says otherwise; as docx, the 通报."),
    "cmd.report.quarterly": ("季度小结：该季度的小结，默认截至季末（可用 --as-of 指定）。",
                             "季度小结: the quarter's brief, as of its last day unless --as-of says otherwise."),
    # importing.py
    "cmd.import": ("从本办自己的任务分解表（.xlsx，或 .docx 中的表格）开始一项攻坚行动。",
                   "Start a campaign from the office's own 任务分解表 (.xlsx or a table in a .docx)."),
    "cmd.import.table": ("读取任务分解表，写出能通过 check 的 tasks.yaml 和 units.yaml，并打印中文摘要。",
                         "Read a 任务分解表 and write tasks.yaml and units.yaml that pass `check`; print a summary in Chinese."),
    # forms.py
    "cmd.form": ("各成员单位的月度填报表：导出工作簿，检查交回的工作簿。",
                 "Each member unit's monthly form (填报表): export the workbooks, check the returned ones."),
    "cmd.form.export": ("每个单位写出一份填报表，文件名为 MONTH-单位简称.xlsx。",
                        "Write one form per unit, named MONTH-<unit short name>.xlsx."),
    "cmd.form.import": ("检查交回的填报表：列出每个问题所在的工作表和单元格，或将要做的改动。",
                        "Check returned forms: every problem with its sheet and cell, or what would change."),
}
