"""The monthly 通报 as blocks: masthead, title, addressees, 一、总体进展 二、先进单位 三、存在问题
四、下一步要求, the attachment list, signature and date, then the attachment tables.

Every figure comes from the :class:`~guilin_campaign.report.build.Report` the JSON report is made
from, so the prose and the JSON never disagree.
"""

from __future__ import annotations

from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para
from guilin_campaign.render.cells import display
from guilin_campaign.report import docx_parts as parts
from guilin_campaign.report.build import Report
from guilin_campaign.words import DOC_LANG


def bulletin_title(report: Report) -> str:
    return f"关于{report.period.label}{report.campaign}推进情况的通报"


def bulletin(report: Report, words: OfficeWords) -> list[Block]:
    return [
        *parts.masthead(report, words),
        Para("title", bulletin_title(report)),
        Para("addressee", words.addressees),
        Para("body", f"现将{report.period.label}{report.campaign}推进情况通报如下："),
        Para("h1", "一、总体进展"),
        Para("body", parts.counts_sentence(report) + _month_sentence(report)),
        Para("body", parts.indicator_sentence(report)),
        *_ledger(report),
        Para("h1", "二、先进单位"),
        *_leading(report),
        Para("h1", "三、存在问题"),
        *parts.problems(report, "本月"),
        Para("h1", "四、下一步要求"),
        *[Para("body", text) for text in words.requirements],
        *parts.closing(report, words),
        *parts.attachments(report),
    ]


def _month_sentence(report: Report) -> str:
    """This month's completions against last month's, and the change in tasks done."""
    done, done_before, trend = parts.completions_trend(report)
    now, before = report.headline.current, report.headline.previous
    month = report.period.index
    last = report.period.previous().index
    return (f"{month}月份完成任务{done}项，较{last}月份（{done_before}项）{trend}；"
            f"已完成任务累计较上月末增加{now['done'] - before['done']}项。")


def _leading(report: Report) -> list[Block]:
    leaders = parts.leaders(report)
    out: list[Block] = []
    if leaders:
        named = "、".join(f"{r['unit_name']}（完成率{display('rate', r['rate'], DOC_LANG)}）" for r in leaders)
        out.append(Para("body", f"从任务完成率看，{named}等{len(leaders)}个单位排名前列，且无逾期任务。"))
    else:
        out.append(Para("body", "本月没有完成率排名前三且无逾期任务的单位。"))
    ahead = parts.ahead(report)
    key = [r for r in ahead if r["key"]]
    if key:
        named = "、".join(f"{r['name']}（完成{display('completion', r['completion'], DOC_LANG)}）" for r in key)
        out.append(Para("body", f"重点指标中，{named}等{len(key)}项已完成全年目标或达到序时进度；"
                                f"全部指标中共有{len(ahead)}项已完成全年目标或达到序时进度。"))
    elif ahead:
        out.append(Para("body", f"全部指标中共有{len(ahead)}项已完成全年目标或达到序时进度。"))
    return out


def _ledger(report: Report) -> list[Block]:
    """查访帮扶 and the policy checklist, in 一、总体进展 (nothing without a ledger)."""
    if report.ledger is None:
        return []
    return [Para("body", f"查访帮扶方面，{report.ledger.sentence(DOC_LANG)}政策落实方面，{report.ledger.policy_sentence(DOC_LANG)}")]
