"""Refusing a name that is not what a ledger record needs, with what to write instead (catalogue messages)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.lookup import unit_by_name
from guilin_campaign.problems import CampaignError, ErrorKind


def closest(word: str, choices: Iterable[str]) -> Msg | str:
    """`` (did you mean 'scjgj'?)`` in the user's language, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return msg("ledger.did_you_mean", id=repr(close[0])) if close else ""


def unit_message(c: Campaign, ref: str) -> Msg | None:
    """Why ``ref`` is not a single unit's id, with what to write; None when it is one."""
    if ref in c.units:
        return None
    if ref in c.groups:
        return msg("ledger.unit_is_group", value=repr(ref))
    if (unit := unit_by_name(c, ref)) is not None:
        return msg("ledger.unit_by_name", value=repr(ref), id=repr(unit))
    return msg("ledger.unknown_unit", value=repr(ref), hint=closest(ref, c.units))


def require_unit(c: Campaign, ref: str, option: str) -> None:
    """A bad invocation (exit 2) unless ``ref`` is one unit's id."""
    if (why := unit_message(c, ref)) is not None:
        raise CampaignError(why, kind=ErrorKind.USAGE, option=option)
