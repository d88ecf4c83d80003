"""Finding what the user named on the command line, with a "did you mean" when it is not there."""

from __future__ import annotations

import difflib
from types import MappingProxyType

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.vocab import STATUSES, Status

# What a clerk types for a status: the office's words, and the ids the files use.
STATUS_WORDS: MappingProxyType[str, Status] = MappingProxyType(
    dict[str, Status]({"未开始": "todo", "推进中": "doing", "已完成": "done", "完成": "done", "受阻": "blocked"}) | {s: s for s in STATUSES}
)


def status_id(text: str) -> Status | None:
    """The status id a word stands for (``推进中`` or ``doing``), or None."""
    return STATUS_WORDS.get(text.strip())


def unit_by_name(c: Campaign, text: str) -> str | None:
    """The id of the (first) unit whose full or short Chinese name is ``text``."""
    return next((u.id for u in c.units.values() if text in (u.name, u.short)), None)


def units_named(c: Campaign, text: str) -> list[str]:
    """Every unit whose full or short name is ``text`` (more than one: the name is ambiguous)."""
    return [u.id for u in c.units.values() if text in (u.name, u.short)]


def unit_id(c: Campaign, ref: str) -> str:
    """The one unit ``ref`` names: its id, its full name or its short name. A name that fits several
    units is refused with them all; an unknown one with the closest id or name."""
    if ref in c.units:
        return ref
    named = units_named(c, ref)
    if len(named) == 1:
        return named[0]
    if named:
        candidates = "、".join(f"{u}（{c.units[u].name}）" for u in named)
        raise CampaignError(msg("lookup.ambiguous_unit", ref=repr(ref), candidates=candidates), kind=ErrorKind.USAGE)
    raise _unknown_unit(c, ref)


def require_unit(c: Campaign, ref: str) -> list[str]:
    """The units a unit id, group name, or a unit's full or short name stands for."""
    if ref in c.groups:
        return c.expand([ref])
    return [unit_id(c, ref)]


def _unknown_unit(c: Campaign, ref: str) -> CampaignError:
    names = [*c.units, *c.groups, *(u.name for u in c.units.values()), *(u.short for u in c.units.values() if u.short)]
    close = difflib.get_close_matches(ref, names, n=1, cutoff=0.6)
    hint = msg("lookup.did_you_mean", names=repr(close[0])) if close else ""
    return CampaignError(msg("lookup.unknown_unit", ref=repr(ref), hint=hint), kind=ErrorKind.USAGE)


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
