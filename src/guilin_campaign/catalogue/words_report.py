"""The views' table titles and the report's wording: its title, sections, sheets and sentences.

``title.<view>`` titles a view's table; ``section.<key>`` / ``sheet.<key>`` are a report section's
heading and its spreadsheet sheet; ``headline.<key>`` and ``summary.<key>`` are the rows of the
report's first table and of ``summary``; ``rep.*`` is the rest of the report's wording.
"""

from __future__ import annotations

_TITLES: dict[str, tuple[str, str]] = {
    "tasks": ("任务（{count} 项）", "Tasks ({count})"),
    "summary": ("{campaign}（{start} 至 {end}）", "{campaign} ({start} to {end})"),
    "summary_status": ("任务·{status}", "Tasks · {status}"),
    "overdue": ("逾期任务 {late} 项（截至 {as_of}）", "Overdue tasks: {late} (as of {as_of})"),
    "overdue_soon": ("逾期任务 {late} 项、{soon} 天内临期 {due_soon} 项（截至 {as_of}）",
                     "Overdue tasks: {late}; due within {soon} days: {due_soon} (as of {as_of})"),
    "indicators": ("指标完成情况", "Indicators"),
    "indicator_by_unit": ("{id} {name} 各单位情况（截至 {as_of}）", "{id} {name} by unit (as of {as_of})"),
    "action_indicators": ("{id} {name}（截至 {as_of}）", "{id} {name} (as of {as_of})"),
    "scorecard_tasks": ("{short} 的任务：红 {red} 项 · 黄 {yellow} 项 · 绿 {green} 项（截至 {as_of}）",
                        "Tasks of {short}: red {red} · yellow {yellow} · green {green} (as of {as_of})"),
    "scorecard_indicators": ("{short} 的指标", "Indicators of {short}"),
    "scorecard_next": ("{short} 接下来到期的任务", "Next deadlines of {short}"),
    "notice_overdue": ("逾期未完成的任务", "Overdue tasks not done"),
    "notice_soon": ("{soon}天内到期的任务", "Tasks due within {soon} days"),
    "notice_readings": ("{year}年{month}月未报送数据的指标", "Indicators without a reading for {year}-{month}"),
    "show_progress": ("各单位进度", "Progress by unit"),
    "show_log": ("记录", "Log"),
    "show_extensions": ("延期", "Extensions"),
    "show_readings": ("读数", "Readings"),
    "show_by_unit": ("各单位最新读数", "Latest reading by unit"),
    "show_members": ("成员", "Members"),
    "show_item": ("{kind} {id}", "{kind} {id}"),
    "rank": ("{category} {month} 考核排名（截至 {as_of}）", "{category}: scores and ranks for {month} (as of {as_of})"),
    "rank_all": ("{month} 考核排名", "Scores and ranks for {month}"),
    "problems": ("查访问题 {count} 个，其中逾期未解决 {late} 个（截至 {as_of}）",
                 "Problems from field visits: {count}, of which open and overdue: {late} (as of {as_of})"),
    "visits": ("查访记录 {count} 次，其中重点企业 {key} 次", "Field visits: {count}, of which to key enterprises: {key}"),
    "visits_month": ("查访记录 {count} 次，其中重点企业 {key} 次（{month}）",
                     "Field visits: {count}, of which to key enterprises: {key} ({month})"),
    "policies": ("政策落实清单（截至 {as_of}）：{sentence}", "Policy checklist (as of {as_of}): {sentence}"),
    # a workbook's title row, for the listings written with -o FILE.xlsx
    "book_overdue": ("逾期任务", "Overdue tasks"),
    "book_indicators": ("指标完成情况", "Indicators"),
    "book_indicator_by_unit": ("指标分单位情况", "Indicator by unit"),
    "book_unit": ("{short}工作情况", "Work of {short}"),
    "book_summary": ("总体情况", "Overview"),
    "book_tasks": ("任务分解表", "Task decomposition table"),
    "book_problems": ("查访问题", "Problems from field visits"),
    "book_visits": ("查访记录", "Field visits"),
    "book_policies": ("政策落实清单", "Policy checklist"),
}

_SUMMARY: dict[str, tuple[str, str]] = {
    "actions": ("专项行动", "Special actions"), "measures": ("举措", "Measures"), "indicators": ("指标", "Indicators"),
    "key_indicators": ("其中重点指标", "of which key indicators"), "tasks": ("具体工作任务", "Work tasks"),
    "adhoc": ("上级临时交办任务", "Ad-hoc assignments from above"), "units": ("成员单位", "Member units"),
}

_HEADLINE: dict[str, tuple[str, str]] = {
    "total": ("任务总数", "Tasks in all"), "done": ("已完成", "Done"), "doing": ("推进中", "In progress"),
    "todo": ("未开始", "Not started"), "blocked": ("受阻", "Blocked"), "overdue": ("逾期", "Overdue"),
    "done_in_period": ("本期完成", "Done this period"),
}

# Section key -> ((heading zh, heading en), (sheet zh, sheet en)).
_SECTIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "tasks": (("一、总体进展", "1. Overall progress"), ("总体进展", "Overall progress")),
    "completed": (("二、本期完成任务", "2. Tasks completed this period"), ("本期完成", "Completed")),
    "late": (("三、其中超期完成", "3. Of which completed late"), ("超期完成", "Completed late")),
    "overdue": (("四、逾期任务（按单位）", "4. Overdue tasks (by unit)"), ("逾期任务", "Overdue tasks")),
    "units": (("五、成员单位排名", "5. Ranking of member units"), ("单位排名", "Unit ranking")),
    "indicators": (("六、指标完成情况（重点指标在前）", "6. Indicators (key indicators first)"), ("指标完成情况", "Indicators")),
    "negative": (("七、负增长预警（本期读数为负）", "7. Negative growth alerts (negative readings this period)"),
                 ("负增长预警", "Negative growth")),
    "adhoc": (("八、上级临时交办任务（按批次）", "8. Ad-hoc assignments from above (by batch)"), ("临时交办", "Ad-hoc")),
    "not_reported": (("九、本期未报送单位", "9. Units that did not report this period"), ("未报送单位", "Not reported")),
    "wall_chart": (("十、挂图作战", "10. Wall chart"), ("挂图作战", "Wall chart")),
    "ledger_teams": (("十一、查访情况（按查访组）", "11. Field visits (by visit team)"), ("查访情况", "Field visits")),
    "ledger_categories": (("十二、查访问题（按类别）", "12. Problems found (by category)"), ("查访问题分类", "Problem categories")),
    "ledger_units": (("十三、未解决问题（按责任单位）", "13. Open problems (by responsible unit)"), ("未解决问题", "Open problems")),
    "ledger_key": (("十四、重点企业帮扶", "14. Help for key enterprises"), ("重点企业", "Key enterprises")),
    "ledger_policies": (("十五、政策落实清单", "15. Policy checklist"), ("政策落实", "Policies")),
    # 督办 (issue 14): numbered where they fall (rep.numbered), after the sections above
    "adhoc_batches": (("临时交办任务办结情况（按批次）", "Ad-hoc assignments completed (by batch)"), ("批次办结", "Batches")),
    "extensions": (("本期延期", "Extensions this period"), ("本期延期", "Extensions")),
    "returns": (("本期退回", "Returns this period"), ("本期退回", "Returns")),
}

# What a section's rows count, after its heading: rep.counted.<what> (English gives the number alone:
# no "1 tasks").
_COUNTED: dict[str, tuple[str, str]] = {
    "tasks": ("{heading}（{n} 项）", "{heading} ({n})"),
    "rows": ("{heading}（{n} 条）", "{heading} ({n})"),
    "units": ("{heading}（{n} 个单位）", "{heading} ({n})"),
    "teams": ("{heading}（{n} 个查访组）", "{heading} ({n})"),
    "categories": ("{heading}（{n} 类）", "{heading} ({n})"),
    "enterprises": ("{heading}（{n} 家）", "{heading} ({n})"),
    "policies": ("{heading}（{n} 项）", "{heading} ({n})"),
    "batches": ("{heading}（{n} 批）", "{heading} ({n})"),
    "times": ("{heading}（{n} 次）", "{heading} ({n})"),
}

_REPORT: dict[str, tuple[str, str]] = {
    "numbered": ("{n}、{heading}", "{n}. {heading}"),
    "all_units": ("全部责任单位", "all responsible units"),
    # the 督办 sections' own column words (label keys wf.<key>)

    "kind.monthly": ("月度汇总", "Monthly summary"),
    "kind.quarterly": ("季度小结", "Quarterly brief"),
    "title": ("{kind} {period}", "{kind}: {period}"),
    "period.monthly": ("{year}年{month}", "{month} {year}"),
    "period.quarterly": ("{year}年{quarter}", "{quarter} {year}"),
    "subtitle": ("{campaign} · 统计期间 {start} 至 {end} · 截至 {as_of} · 序时进度 {progress}",
                 "{campaign} · period {start} to {end} · as of {as_of} · time-elapsed target {progress}"),
    "span": ("{start} 至 {end}", "{start} to {end}"),
    "tasks_heading": ("{heading}（截至 {as_of}；上期截至 {previous}）", "{heading} (as of {as_of}; previous period as of {previous})"),
    "indicators_heading": ("{heading}（滞后于序时进度：{behind}）", "{heading} (behind the time-elapsed target: {behind})"),
    "wall_heading": ("{heading}（单位 × 专项行动，格内为灯号 完成/任务）", "{heading} (units × actions; each cell: light done/tasks)"),
    "with_sentence": ("{heading}：{sentence}", "{heading}: {sentence}"),
    "none": ("（无）", "(none)"),
    "none_behind": ("无", "none"),
    "city": ("全市", "Citywide"),
    "list_sep": ("、", ", "),
    "progress": ("完成情况", "Progress"),
    "bar_tip": ("完成率 {completion}，序时进度 {time_progress}", "completion {completion}, time-elapsed target {time_progress}"),
    "wall_tip": ("{name} {action}：{light}灯，完成 {done}/{tasks}", "{name} {action}: {light}, {done}/{tasks} done"),
    "wall_legend": ("格内为 完成/任务 数；颜色为该单位在该行动中各任务的最差灯号（红：逾期，黄：临期，绿：正常）。",
                    "Each cell: tasks done / tasks; its colour is the worst light of the unit's tasks in the action "
                    "(red: overdue, yellow: due soon, green: on track)."),
    "ledger_sentence": (
        "本期查访市场主体{visits}次（累计{visits_total}次），收集问题{raised}个、解决{solved}个"
        "（累计收集{raised_total}个、解决{solved_total}个），未解决{open}个，其中逾期{overdue}个；"
        "帮扶重点企业{key_enterprises}家，解决其问题{key_solved}个。",
        "This period {visits} visits to market entities ({visits_total} to date); {raised} problems raised and {solved} "
        "solved ({raised_total} raised and {solved_total} solved to date); {open} open, {overdue} of them overdue; "
        "{key_enterprises} key enterprises helped, {key_solved} of their problems solved."),
    "policy_region": ("{source}中市级可落实{to_implement}项，已落实{done}项", "{source}: {to_implement} to implement at city level, {done} implemented"),
    "policy_city": ("{source}已落实{done}项", "{source}: {done} implemented"),
    "policy_sep": ("；", "; "),
    "policy_end": ("{parts}。", "{parts}."),
    "policy_empty": ("政策落实清单为空。", "The policy checklist is empty."),
    # a workbook's lines above each table
    "book_office": ("填报单位：{office}", "Reporting office: {office}"),
    "book_period": ("　　统计期间：{period}", "    Period: {period}"),
    "book_day": ("　　截至：{as_of}　　制表日期：{as_of}", "    As of: {as_of}    Made on: {as_of}"),
    "book_footer": ("第 &P 页 共 &N 页", "Page &P of &N"),
    "book_sheet": ("表", "Table"),
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_QUARTERS = "一二三四"

ENTRIES: dict[str, tuple[str, str]] = (
    {f"title.{key}": pair for key, pair in _TITLES.items()}
    | {f"summary.{key}": pair for key, pair in _SUMMARY.items()}
    | {f"headline.{key}": pair for key, pair in _HEADLINE.items()}
    | {f"section.{key}": heading for key, (heading, _) in _SECTIONS.items()}
    | {f"sheet.{key}": sheet for key, (_, sheet) in _SECTIONS.items()}
    | {f"rep.counted.{key}": pair for key, pair in _COUNTED.items()}
    | {f"rep.{key}": pair for key, pair in _REPORT.items()}
    | {f"rep.month.{i}": (f"{i}月", name) for i, name in enumerate(_MONTHS, start=1)}
    | {f"rep.quarter.{i}": (f"第{q}季度", f"Q{i}") for i, q in enumerate(_QUARTERS, start=1)}
)
