"""The report as a Word document: the monthly 通报 or the quarterly brief, laid out by GB/T 9704."""

from __future__ import annotations

from guilin_campaign.office import OfficeWords
from guilin_campaign.render.blocks import Block, Para
from guilin_campaign.report.build import Report


def report_blocks(report: Report, words: OfficeWords) -> list[Block]:
    """The words of the document; :func:`render_docx` lays them out."""
    if report.period.kind == "monthly":
        from guilin_campaign.report.docx_bulletin import bulletin

        return bulletin(report, words)
    from guilin_campaign.report.docx_brief import brief

    return brief(report, words)


def render_docx(report: Report, words: OfficeWords) -> bytes:
    from guilin_campaign.render.docx_layout import docx_bytes

    blocks = report_blocks(report, words)
    title = next(b.text for b in blocks if isinstance(b, Para) and b.kind == "title")
    return docx_bytes(blocks, title, report.as_of)
