"""The report as Markdown: a title, the period line, then each section as a table."""

from __future__ import annotations

from guilin_campaign.catalogue import Lang
from guilin_campaign.render.text import md_text, to_markdown
from guilin_campaign.report.build import Report


def render_md(report: Report, lang: Lang) -> str:
    head = f"# {md_text(report.title(lang))}\n\n{md_text(report.subtitle(lang))}\n"
    return "\n".join([head, *(to_markdown(listing, lang, level=2) for listing in report.listings(lang).values())])
