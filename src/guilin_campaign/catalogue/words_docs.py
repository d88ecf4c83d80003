"""The official documents' wording: the monthly 通报, the quarterly brief and the 催办单 (``doc.*``).

These documents go to Chinese offices and follow GB/T 9704, so the program writes them in Chinese
whatever the interface's language (:data:`guilin_campaign.words.DOC_LANG`); the English is kept
beside each sentence so that the wording is reviewed in one place and could be used one day.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "doc.date": ("{year}年{month}月{day}日", "{year}-{month}-{day}"),
    "doc.issue": ("第{n}期", "No. {n}"),
    "doc.list_sep": ("、", ", "),
    "doc.group_sep": ("；", "; "),
    "doc.when.month": ("本月", "this month"),
    "doc.when.quarter": ("本季度", "this quarter"),
    "doc.workflow.extended": ("批准延期{n}项（{ids}）", "{n} extension(s) approved ({ids})"),
    "doc.workflow.returned": ("退回已报完成事项{n}次（{ids}）", "{n} claimed completion(s) returned ({ids})"),
    "doc.workflow.sentence": ("{when}{parts}，延期和退回事项均按新的时限跟踪督办。",
                              "{when}: {parts}; extended and returned items are followed up against their new deadlines."),
    "doc.workflow.clause_sep": ("，", "; "),
    "doc.workflow.more": ("{ids}等", "{ids} and others"),
    "doc.h2": ("（{serial}）{head}", "({serial}) {head}"),
    # the 通报
    "doc.bulletin.title": ("关于{period}{campaign}推进情况的通报", "Bulletin on the progress of {campaign}, {period}"),
    "doc.bulletin.intro": ("现将{period}{campaign}推进情况通报如下：", "The progress of {campaign} in {period} is reported as follows:"),
    "doc.bulletin.h1.progress": ("一、总体进展", "1. Overall progress"),
    "doc.bulletin.h1.leading": ("二、先进单位", "2. Leading units"),
    "doc.bulletin.h1.problems": ("三、存在问题", "3. Problems"),
    "doc.bulletin.h1.requirements": ("四、下一步要求", "4. Requirements for the next step"),
    "doc.bulletin.month": ("{month}月份完成任务{done}项，较{last}月份（{done_before}项）{trend}；已完成任务累计较上月末增加{gained}项。",
                           "{done} tasks were completed in month {month}, against {done_before} in month {last} ({trend}); "
                           "{gained} more tasks are done than at the end of last month."),
    "doc.bulletin.key_ahead": ("重点指标中，{named}等{n}项已完成全年目标或达到序时进度；全部指标中共有{total}项已完成全年目标或达到序时进度。",
                               "Of the key indicators, {n} have met the year's target or the time-elapsed target ({named}); "
                               "of all indicators, {total}."),
    "doc.bulletin.ledger": ("查访帮扶方面，{sentence}政策落实方面，{policy}", "Field visits: {sentence} Policies: {policy}"),
    "doc.leaders": ("从任务完成率看，{named}等{n}个单位排名前列，且无逾期任务。",
                    "By completion rate, {n} units lead with nothing overdue: {named}."),
    "doc.no_leaders": ("{when}没有完成率排名前三且无逾期任务的单位。", "No unit in the first three by completion rate was free of overdue tasks {when}."),
    "doc.leader": ("{name}（完成率{rate}）", "{name} ({rate} done)"),
    "doc.indicator_done": ("{name}（完成{completion}）", "{name} ({completion})"),
    "doc.all_ahead": ("全部指标中共有{total}项已完成全年目标或达到序时进度。", "Of all indicators, {total} have met the year's target or the time-elapsed target."),
    # the quarterly brief
    "doc.brief.title": ("{period}{campaign}工作小结", "{campaign}: brief for {period}"),
    "doc.brief.intro": ("{period}，{campaign}各成员单位对照任务分解表挂图作战、按月督导，现将本季度工作情况报告如下：",
                        "In {period} the member units of {campaign} worked by the wall chart against the task decomposition "
                        "table under monthly supervision; the quarter's work is reported as follows:"),
    "doc.brief.h1.done": ("一、主要做法和成效", "1. What was done and achieved"),
    "doc.brief.h2.tasks": ("（一）任务推进情况。", "(1) Tasks."),
    "doc.brief.h2.indicators": ("（二）指标完成情况。", "(2) Indicators."),
    "doc.brief.h2.adhoc": ("（三）上级临时交办任务办理情况。", "(3) Ad-hoc assignments from above."),
    "doc.brief.h2.leading": ("（四）先进单位。", "(4) Leading units."),
    "doc.brief.h2.ledger": ("（五）查访帮扶和政策落实情况。", "(5) Field visits and policies."),
    "doc.brief.h1.problems": ("二、存在问题", "2. Problems"),
    "doc.brief.h1.plans": ("三、下一步打算", "3. Plans for the next step"),
    "doc.brief.quarter": ("本季度完成任务{now}项，较上季度（{before}项）{trend}。",
                          "{now} tasks were completed this quarter, against {before} last quarter ({trend})."),
    "doc.brief.key_ahead": ("重点指标中，{named}等{n}项已完成全年目标或达到序时进度。",
                            "Of the key indicators, {n} have met the year's target or the time-elapsed target: {named}."),
    "doc.brief.no_adhoc": ("本季度无上级临时交办任务。", "No ad-hoc assignments from above were open this quarter."),
    "doc.brief.adhoc": ("本季度在办上级临时交办任务{n}项，已办结{done}项，逾期未办结{late}项。",
                        "{n} ad-hoc assignments from above were open this quarter: {done} done, {late} overdue."),
    # shared parts
    "doc.counts": ("截至{date}，任务分解表{total}项具体工作任务中，已完成{done}项，占{done_share}；推进中{doing}项，占{doing_share}；"
                   "未开始{todo}项，占{todo_share}；受阻{blocked}项；逾期未完成{overdue}项。",
                   "As of {date}, of the {total} tasks of the task decomposition table {done} are done ({done_share}), "
                   "{doing} in progress ({doing_share}), {todo} not started ({todo_share}), {blocked} blocked and {overdue} overdue."),
    "doc.trend.up": ("增加{n}项", "up {n}"),
    "doc.trend.down": ("减少{n}项", "down {n}"),
    "doc.trend.same": ("持平", "unchanged"),
    "doc.indicators": ("{total}项指标中，已完成全年目标{achieved}项，达到序时进度{on_track}项，滞后于序时进度（{progress}）{behind}项，暂无数据{no_data}项。",
                       "Of {total} indicators, {achieved} have met the year's target, {on_track} the time-elapsed target, "
                       "{behind} are behind it ({progress}) and {no_data} have no data yet."),
    "doc.problem.overdue": ("部分任务逾期未完成。", "Some tasks are overdue."),
    "doc.problem.behind": ("部分指标滞后于序时进度。", "Some indicators are behind the time-elapsed target."),
    "doc.problem.negative": ("部分地区指标出现负增长。", "Some places show negative growth."),
    "doc.problem.silent": ("部分单位{when}未报送工作进展。", "Some units did not report their progress {when}."),
    "doc.problem.none": ("{when}未发现逾期任务、滞后指标、负增长和未报送情况。",
                         "No overdue tasks, lagging indicators, negative growth or missing reports {when}."),
    "doc.overdue.item": ("{task}“{title}”逾期{days}天，涉及{units}", "{task} “{title}” overdue {days} days, owed by {units}"),
    "doc.overdue": ("截至{date}，有{n}项任务逾期未完成，涉及{units}个单位：{named}。", "As of {date}, {n} tasks are overdue, owed by {units} units: {named}."),
    "doc.behind": ("有{n}项指标滞后于序时进度（{progress}）：{named}。", "{n} indicators are behind the time-elapsed target ({progress}): {named}."),
    "doc.negative.item": ("{unit}（{month}，{reading}）", "{unit} ({month}, {reading})"),
    "doc.negative.group": ("{name}：{items}", "{name}: {items}"),
    "doc.negative": ("共{n}个读数为负：{named}。", "{n} readings are negative: {named}."),
    "doc.silent": ("{names}等{n}个单位未报送。", "{n} units did not report: {names}."),
    "doc.attachments.first": ("附件：{i}．{name}", "Attachments: {i}. {name}"),
    "doc.attachments.next": ("　　　{i}．{name}", "             {i}. {name}"),
    "doc.attachment": ("附件{i}", "Attachment {i}"),
    "doc.attachment.title": ("{period}{title}", "{title}, {period}"),
    "doc.att.units": ("成员单位任务完成情况排名", "Member units ranked by completion"),
    "doc.att.overdue": ("逾期任务清单", "Overdue tasks"),
    "doc.att.indicators": ("指标完成情况", "Indicators"),
    "doc.att.ledger_categories": ("查访问题分类统计", "Problems from field visits by category"),
    "doc.att.ledger_units": ("未解决查访问题（按责任单位）", "Open problems from field visits (by responsible unit)"),
    # the 催办单
    "doc.notice.title": ("催办单", "Reminder notice"),
    "doc.notice.addressee": ("{name}：", "To {name}:"),
    "doc.notice.intro": ("根据{campaign}任务分解表，截至{date}，你单位有以下事项需抓紧办理：",
                         "Under the task decomposition table of {campaign}, as of {date} your unit has the following to attend to without delay:"),
    "doc.notice.h1": ("{serial}、{title}（{n}项）", "{serial}. {title} ({n})"),
    "doc.notice.ask_overdue": ("逾期任务请说明原因、整改措施和完成时限", "for overdue tasks, state the reasons, the remedial measures and the completion dates"),
    "doc.notice.ask_readings": ("缺报的指标数据请一并补报", "send the missing indicator readings as well"),
    "doc.notice.ask_sep": ("，", "; "),
    "doc.notice.reply": ("请于{date}前将上述事项的办理情况书面报送{office}{tail}", "Please report on the above in writing to {office} before {date}{tail}"),
    "doc.notice.tail_asks": ("；{asks}。", "; {asks}."),
    "doc.notice.tail": ("。", "."),
}
