"""Finding what the user named on the command line, with a "did you mean" when it is not there."""

from __future__ import annotations

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.problems import CampaignError, ErrorKind


def unit_by_name(c: Campaign, text: str) -> str | None:
    """The id of the unit whose full or short Chinese name is ``text``."""
    return next((u.id for u in c.units.values() if text in (u.name, u.short)), None)


def require_unit(c: Campaign, ref: str) -> list[str]:
    """The units a unit id, group name, or a unit's Chinese name stands for."""
    if ref in c.units or ref in c.groups:
        return c.expand([ref])
    if (unit := unit_by_name(c, ref)) is not None:
        return [unit]
    from guilin_campaign.validation import did_you_mean  # only for a refusal: it imports pydantic

    hint = did_you_mean(ref, list(c.units) + list(c.groups))
    raise CampaignError(f"unknown unit {ref!r}{hint}; units and groups are listed in units.yaml", kind=ErrorKind.USAGE)


def require_task(c: Campaign, task_id: str) -> TaskRef:
    ref = c.task(task_id)
    if ref is None:
        require_id(c, task_id, "task", [r.id for r in c.tasks])
    assert ref is not None
    return ref


def require_indicator(c: Campaign, indicator_id: str) -> IndicatorRef:
    ref = c.indicator(indicator_id)
    if ref is None:
        require_id(c, indicator_id, "indicator", [r.id for r in c.indicators])
    assert ref is not None
    return ref


def require_id(c: Campaign, ident: str, what: str, known: list[str]) -> None:
    if ident not in known:
        from guilin_campaign.validation import did_you_mean

        raise CampaignError(f"unknown {what} {ident!r}{did_you_mean(ident, known)}", kind=ErrorKind.USAGE)
