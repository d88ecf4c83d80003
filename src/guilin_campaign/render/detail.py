"""The fields of one ``show`` item as a two-column table (项目, 内容) in the interface's words."""

from __future__ import annotations

from guilin_campaign.listing import Listing
from guilin_campaign.queries.show import Detail
from guilin_campaign.render.cells import display
from guilin_campaign.words import KIND, label


def field_listing(detail: Detail) -> Listing:
    """The item's fields that have a value, each labelled and shown as a cell would show it."""
    rows = [{"item": label(k), "value": display(k, v)} for k, v in detail.fields.items() if v not in (None, [], {})]
    return Listing.of(f"{KIND.get(detail.kind, detail.kind)} {detail.id}", "item value", rows)
