"""Finding what the user named on the command line, with a "did you mean" when it is not there."""

from __future__ import annotations

from guilin_campaign.campaign import Campaign
from guilin_campaign.problems import CampaignError
from guilin_campaign.validation import did_you_mean


def require_unit(c: Campaign, ref: str) -> list[str]:
    """The units a unit id, group name, or a unit's Chinese name stands for."""
    if ref in c.units or ref in c.groups:
        return c.expand([ref])
    by_name = [u.id for u in c.units.values() if ref in (u.name, u.short)]
    if by_name:
        return by_name
    hint = did_you_mean(ref, list(c.units) + list(c.groups))
    raise CampaignError(f"unknown unit {ref!r}{hint}; units and groups are listed in units.yaml", exit_code=2)


def require_id(c: Campaign, ident: str, what: str, known: list[str]) -> None:
    if ident not in known:
        raise CampaignError(f"unknown {what} {ident!r}{did_you_mean(ident, known)}", exit_code=2)
