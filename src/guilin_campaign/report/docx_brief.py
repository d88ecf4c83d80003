"""The quarterly brief (季度小结) as blocks: 一、主要做法和成效 二、存在问题 三、下一步打算, from the
same report rows as the JSON report."""

from __future__ import annotations

from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para
from guilin_campaign.render.cells import display
from guilin_campaign.report import docx_parts as parts
from guilin_campaign.report.build import Report
from guilin_campaign.words import DOC_LANG


def brief_title(report: Report) -> str:
    return f"{report.period.label}{report.campaign}工作小结"


def brief(report: Report, words: OfficeWords) -> list[Block]:
    return [
        *parts.masthead(report, words),
        Para("title", brief_title(report)),
        Para("addressee", words.addressees),
        Para("body", f"{report.period.label}，{report.campaign}各成员单位对照任务分解表挂图作战、按月督导，现将本季度工作情况报告如下："),
        Para("h1", "一、主要做法和成效"),
        Para("h2", "（一）任务推进情况。"),
        Para("body", parts.counts_sentence(report) + _quarter_sentence(report)),
        Para("h2", "（二）指标完成情况。"),
        Para("body", parts.indicator_sentence(report) + _ahead_sentence(report)),
        Para("h2", "（三）上级临时交办任务办理情况。"),
        Para("body", _adhoc_sentence(report)),
        Para("h2", "（四）先进单位。"),
        Para("body", _leaders_sentence(report)),
        *_ledger(report),
        Para("h1", "二、存在问题"),
        *parts.problems(report, "本季度"),
        Para("h1", "三、下一步打算"),
        *[Para("body", text) for text in words.plans],
        *parts.closing(report, words),
        *parts.attachments(report),
    ]


def _quarter_sentence(report: Report) -> str:
    now, before, trend = parts.completions_trend(report)
    return f"本季度完成任务{now}项，较上季度（{before}项）{trend}。"


def _ahead_sentence(report: Report) -> str:
    key = [r for r in parts.ahead(report) if r["key"]]
    if not key:
        return ""
    return f"重点指标中，{'、'.join(r['name'] for r in key)}等{len(key)}项已完成全年目标或达到序时进度。"


def _adhoc_sentence(report: Report) -> str:
    rows = report.rows["adhoc"]
    if not rows:
        return "本季度无上级临时交办任务。"
    done = sum(r["status"] == "done" for r in rows)
    late = sum(r["light"] == "red" for r in rows)
    return f"本季度在办上级临时交办任务{len(rows)}项，已办结{done}项，逾期未办结{late}项。"


def _leaders_sentence(report: Report) -> str:
    leaders = parts.leaders(report)
    if not leaders:
        return "本季度没有完成率排名前三且无逾期任务的单位。"
    named = "、".join(f"{r['unit_name']}（完成率{display('rate', r['rate'], DOC_LANG)}）" for r in leaders)
    return f"从任务完成率看，{named}等{len(leaders)}个单位排名前列，且无逾期任务。"


def _ledger(report: Report) -> list[Block]:
    """（五）查访帮扶和政策落实, when the data folder has a ledger (nothing otherwise)."""
    if report.ledger is None:
        return []
    return [Para("h2", "（五）查访帮扶和政策落实情况。"),
            Para("body", report.ledger.sentence(DOC_LANG).replace("本期", "本季度") + report.ledger.policy_sentence(DOC_LANG))]
