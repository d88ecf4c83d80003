"""A unit's 催办单 (督办通知单) as blocks, then as Word (GB/T 9704 layout) or Markdown."""

from __future__ import annotations

import re

from guilin_campaign.listing import Listing
from guilin_campaign.office import OfficeWords
from guilin_campaign.queries.notice import Notice
from guilin_campaign.render.blocks import Block, Para, Table, chinese_date, markdown
from guilin_campaign.render.cells import display
from guilin_campaign.words import DOC_LANG, word

TITLE = word("doc.notice.title", DOC_LANG)
SERIAL = "一二三"
# relative column widths (a table fills the 156 mm text width): a date or a four-character header
# never wraps, the task's title takes what is left
WIDTHS = {"task": 7, "title": 18, "due": 10, "days_overdue": 7, "days_left": 7, "status": 6,
          "id": 5, "name": 18, "scope": 5, "last_month": 9}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def file_name(notice: Notice, fmt: str) -> str:
    """``催办单-2022-07-31-市人社局.docx``: by the unit's short name, safe on every file system."""
    short = _UNSAFE.sub("_", notice.short).strip(". ") or notice.unit
    return f"{TITLE}-{notice.as_of.isoformat()}-{short}.{fmt}"


def notice_blocks(notice: Notice, words: OfficeWords, campaign: str) -> list[Block]:
    blocks: list[Block] = [
        Para("title", TITLE),
        Para("addressee", word("doc.notice.addressee", DOC_LANG, name=notice.name)),
        Para("body", word("doc.notice.intro", DOC_LANG, campaign=campaign, date=chinese_date(notice.as_of))),
    ]
    sections = [(listing, len(listing.rows)) for listing in notice.listings(DOC_LANG) if listing.rows]
    for i, (listing, count) in enumerate(sections):
        blocks += [Para("h1", word("doc.notice.h1", DOC_LANG, serial=SERIAL[i], title=listing.title, n=count)), _table(listing)]
    blocks += [
        Para("body", _reply(notice, words)),
        Para("signature", words.signature),
        Para("date", chinese_date(notice.as_of)),
    ]
    return blocks


def _reply(notice: Notice, words: OfficeWords) -> str:
    asks = ([word("doc.notice.ask_overdue", DOC_LANG)] if notice.overdue else []) \
        + ([word("doc.notice.ask_readings", DOC_LANG)] if notice.readings else [])
    sep = word("doc.notice.ask_sep", DOC_LANG)
    tail = word("doc.notice.tail_asks", DOC_LANG, asks=sep.join(asks)) if asks else word("doc.notice.tail", DOC_LANG)
    return word("doc.notice.reply", DOC_LANG, date=chinese_date(notice.reply_by), office=words.office, tail=tail)


def _table(listing: Listing) -> Table:
    return Table(
        [c.heading(DOC_LANG) for c in listing.columns],
        [[display(c.key, row.get(c.key), DOC_LANG) or "—" for c in listing.columns] for row in listing.rows],
        [c.numeric for c in listing.columns],
        [WIDTHS.get(c.key, 2) for c in listing.columns],
    )


def render_notice(notice: Notice, words: OfficeWords, campaign: str, fmt: str) -> bytes:
    blocks = notice_blocks(notice, words, campaign)
    if fmt == "md":
        return markdown(blocks).encode("utf-8")
    from guilin_campaign.render.docx_layout import docx_bytes

    return docx_bytes(blocks, f"{TITLE} {notice.short}", notice.as_of)
