"""The quarterly brief (季度小结) as blocks: 一、主要做法和成效 二、存在问题 三、下一步打算, from the
same report rows as the JSON report."""

from __future__ import annotations

from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para
from guilin_campaign.report import docx_parts as parts
from guilin_campaign.report.build import Report
from guilin_campaign.report.workflow import workflow_paras
from guilin_campaign.words import DOC_LANG, word


def brief_title(report: Report) -> str:
    return word("doc.brief.title", DOC_LANG, period=report.period.name(DOC_LANG), campaign=report.campaign)


def brief(report: Report, words: OfficeWords) -> list[Block]:
    return [
        *parts.masthead(report, words),
        Para("title", brief_title(report)),
        Para("addressee", words.addressees),
        Para("body", word("doc.brief.intro", DOC_LANG, period=report.period.name(DOC_LANG), campaign=report.campaign)),
        Para("h1", word("doc.brief.h1.done", DOC_LANG)),
        Para("h2", word("doc.brief.h2.tasks", DOC_LANG)),
        Para("body", parts.counts_sentence(report) + _quarter_sentence(report)),
        Para("h2", word("doc.brief.h2.indicators", DOC_LANG)),
        Para("body", parts.indicator_sentence(report) + _ahead_sentence(report)),
        Para("h2", word("doc.brief.h2.adhoc", DOC_LANG)),
        Para("body", _adhoc_sentence(report)),
        *workflow_paras(report.rows, "doc.when.quarter"),
        Para("h2", word("doc.brief.h2.leading", DOC_LANG)),
        Para("body", parts.leaders_sentence(parts.leaders(report), word("doc.when.quarter", DOC_LANG))),
        *_ledger(report),
        Para("h1", word("doc.brief.h1.problems", DOC_LANG)),
        *parts.problems(report, word("doc.when.quarter", DOC_LANG)),
        Para("h1", word("doc.brief.h1.plans", DOC_LANG)),
        *[Para("body", text) for text in words.plans],
        *parts.closing(report, words),
        *parts.attachments(report),
    ]


def _quarter_sentence(report: Report) -> str:
    now, before, trend = parts.completions_trend(report)
    return word("doc.brief.quarter", DOC_LANG, now=now, before=before, trend=trend)


def _ahead_sentence(report: Report) -> str:
    key = [r for r in parts.ahead(report) if r["key"]]
    if not key:
        return ""
    return word("doc.brief.key_ahead", DOC_LANG, named=parts.joined(r["name"] for r in key), n=len(key))


def _adhoc_sentence(report: Report) -> str:
    rows = report.rows["adhoc"]
    if not rows:
        return word("doc.brief.no_adhoc", DOC_LANG)
    done = sum(r["status"] == "done" for r in rows)
    late = sum(r["light"] == "red" for r in rows)
    return word("doc.brief.adhoc", DOC_LANG, n=len(rows), done=done, late=late)


def _ledger(report: Report) -> list[Block]:
    """（五）查访帮扶和政策落实, when the data folder has a ledger (nothing otherwise)."""
    if report.ledger is None:
        return []
    return [Para("h2", word("doc.brief.h2.ledger", DOC_LANG)),
            Para("body", report.ledger.sentence(DOC_LANG).replace("本期", "本季度") + report.ledger.policy_sentence(DOC_LANG))]
