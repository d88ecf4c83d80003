"""A listing written to a file (``-o FILE``): JSON, CSV, Markdown or a workbook that prints."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import CATALOGUE, Lang, msg, text
from guilin_campaign.cli.lang import current_lang
from guilin_campaign.listing import Listing
from guilin_campaign.problems import CampaignError, ErrorKind

SUFFIXES = {".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md", ".xlsx": "xlsx"}


@dataclass(frozen=True)
class About:
    """What a workbook's title rows say: the campaign, what the listing is, and its date.

    ``title`` is a catalogue key (``title.book_overdue``) with its ``values``, or plain text (an id)."""

    campaign: Campaign
    title: str
    as_of: date | None = None
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: Lang) -> str:
        return text(self.title, lang, **dict(self.values)) if self.title in CATALOGUE else self.title


def write_listings(fmt: str, json_data: Any, listings: Sequence[Listing], output: Path | None, about: About | None,
                   lang: Lang) -> None:
    from guilin_campaign.report.output import write_report

    if output is None:
        raise CampaignError(msg("cli.file.needs_file"), kind=ErrorKind.USAGE)
    if fmt == "table":  # the default: the file's suffix says which
        fmt = SUFFIXES.get(output.suffix.lower(), "")
        if not fmt:
            raise CampaignError(msg("cli.file.not_a_table", name=repr(output.name)), kind=ErrorKind.USAGE)
    data = _xlsx(listings, about, lang) if fmt == "xlsx" else _text(fmt, json_data, listings, lang).encode("utf-8")
    guarded = [about.campaign.tasks_file, about.campaign.units_file] if about else []
    write_report(output, data, guarded)
    print(text("cli.wrote", current_lang(), path=output), file=sys.stderr)


def _text(fmt: str, json_data: Any, listings: Sequence[Listing], lang: Lang) -> str:
    from guilin_campaign.render import text as render_text

    if fmt == "json":
        return render_text.to_json(json_data)
    if fmt == "csv":
        return render_text.to_csv(listings[0])
    return "\n".join(render_text.to_markdown(listing, lang) for listing in listings)


def _xlsx(listings: Sequence[Listing], about: About | None, lang: Lang) -> bytes:
    from guilin_campaign.office import load_words
    from guilin_campaign.render.listing_xlsx import listings_xlsx
    from guilin_campaign.render.xlsx_book import Heading

    if about is None:  # every command that offers xlsx says what it lists
        raise CampaignError(msg("cli.file.no_workbook"), kind=ErrorKind.USAGE)
    c = about.campaign
    office = load_words(c.folder, c.info).office
    return listings_xlsx(listings, Heading(c.info.name, about.text(lang), office, "", about.as_of), lang)
