"""The fields of one ``show`` item as a two-column table (项目, 内容) in the interface's words."""

from __future__ import annotations

from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing
from guilin_campaign.queries.show import Detail
from guilin_campaign.render.cells import display
from guilin_campaign.words import label, title, value_name


def field_listing(detail: Detail, lang: Lang) -> Listing:
    """The item's fields that have a value, each labelled and shown as a cell would show it."""
    rows = [{"item": label(k, lang), "value": display(k, v, lang)} for k, v in detail.fields.items() if v not in (None, [], {})]
    return Listing.of(title("show_item", lang, kind=value_name("kind", detail.kind, lang), id=detail.id), "item value", rows)
