"""A form's identity: campaign, unit, month, version, every row's id and locked texts and the value of
each answerable field when the form was made; signed with the office key (HMAC-SHA256), so that the
hidden sheet cannot be edited into another unit's or month's form without the key."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.forms.layout import FORM_VERSION
from guilin_campaign.forms.rows import FormRows

_DOMAIN = b"guilin-campaign form\x00"


def identity_of(campaign: Campaign, rows: FormRows) -> dict[str, Any]:
    visits = {"visits": {"rows": rows.visits, "categories": list(rows.categories)}} if rows.visits else {}
    return visits | {
        "version": FORM_VERSION,
        "campaign": campaign.info.name,
        "start": campaign.info.start.isoformat(),
        "unit": rows.unit,
        "month": rows.month.code,
        "tasks": [{"id": t.id, "part": t.part, "role": t.role, "locked": t.locked, "status": t.status,
                   "done_on": t.done_on.isoformat() if t.done_on else None} for t in rows.tasks],
        "indicators": [{"id": i.id, "by_unit": i.by_unit, "locked": i.locked, "value": i.value}
                       for i in rows.indicators],
    }


def encode(identity: dict[str, Any]) -> str:
    """One canonical text: the same identity always gives the same text (and signature)."""
    return json.dumps(identity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sign(text: str, key: bytes) -> str:
    return hmac.new(key, _DOMAIN + text.encode("utf-8"), hashlib.sha256).hexdigest()


def verified(text: str, signature: str, key: bytes) -> dict[str, Any] | None:
    """The identity when ``signature`` is the office key's over ``text``; None otherwise."""
    if not hmac.compare_digest(sign(text, key), signature.strip()):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
