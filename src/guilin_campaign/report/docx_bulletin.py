"""The monthly 通报 as blocks: masthead, title, addressees, 一、总体进展 二、先进单位 三、存在问题
四、下一步要求, the attachment list, signature and date, then the attachment tables.

Every figure comes from the :class:`~guilin_campaign.report.build.Report` the JSON report is made
from, so the prose and the JSON never disagree.
"""

from __future__ import annotations

from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para
from guilin_campaign.report import docx_parts as parts
from guilin_campaign.report.build import Report
from guilin_campaign.report.workflow import workflow_paras
from guilin_campaign.words import DOC_LANG, word


def bulletin_title(report: Report) -> str:
    return word("doc.bulletin.title", DOC_LANG, period=report.period.name(DOC_LANG), campaign=report.campaign)


def bulletin(report: Report, words: OfficeWords) -> list[Block]:
    return [
        *parts.masthead(report, words),
        Para("title", bulletin_title(report)),
        Para("addressee", words.addressees),
        Para("body", word("doc.bulletin.intro", DOC_LANG, period=report.period.name(DOC_LANG), campaign=report.campaign)),
        Para("h1", word("doc.bulletin.h1.progress", DOC_LANG)),
        Para("body", parts.counts_sentence(report) + _month_sentence(report)),
        Para("body", parts.indicator_sentence(report)),
        *workflow_paras(report.rows, "doc.when.month"),
        *_ledger(report),
        Para("h1", word("doc.bulletin.h1.leading", DOC_LANG)),
        *_leading(report),
        Para("h1", word("doc.bulletin.h1.problems", DOC_LANG)),
        *parts.problems(report, word("doc.when.month", DOC_LANG)),
        Para("h1", word("doc.bulletin.h1.requirements", DOC_LANG)),
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
    return word("doc.bulletin.month", DOC_LANG, month=month, done=done, last=last, done_before=done_before, trend=trend,
                gained=now["done"] - before["done"])


def _leading(report: Report) -> list[Block]:
    leaders = parts.leaders(report)
    out: list[Block] = []
    out.append(Para("body", parts.leaders_sentence(leaders, word("doc.when.month", DOC_LANG))))
    ahead = parts.ahead(report)
    key = [r for r in ahead if r["key"]]
    if key:
        named = parts.joined(parts.indicator_done(r) for r in key)
        out.append(Para("body", word("doc.bulletin.key_ahead", DOC_LANG, named=named, n=len(key), total=len(ahead))))
    elif ahead:
        out.append(Para("body", word("doc.all_ahead", DOC_LANG, total=len(ahead))))
    return out


def _ledger(report: Report) -> list[Block]:
    """查访帮扶 and the policy checklist, in 一、总体进展 (nothing without a ledger)."""
    if report.ledger is None:
        return []
    sentence, policy = report.ledger.sentence(DOC_LANG), report.ledger.policy_sentence(DOC_LANG)
    return [Para("body", word("doc.bulletin.ledger", DOC_LANG, sentence=sentence, policy=policy))]
