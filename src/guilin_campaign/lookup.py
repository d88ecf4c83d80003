"""Finding what the user named on the command line, with a "did you mean" when it is not there."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from guilin_campaign.campaign import Campaign, IndicatorRef, TaskRef
from guilin_campaign.catalogue import Msg, msg
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
    """The ids of every unit whose full or short Chinese name is ``text``, in the file's order."""
    text = text.strip()
    return [u.id for u in c.units.values() if text and text in (u.name, u.short)]


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


def candidates(c: Campaign, ids: list[str]) -> str:
    """``xiufeng (秀峰区人民政府), ...``: the units a name may mean, for a message."""
    return ", ".join(f"{i} ({c.units[i].name})" for i in ids)


def name_hint(c: Campaign, ref: str, write: Callable[[str], str] | None = None) -> Msg | None:
    """For a unit written by its Chinese full or short name: the id to write (or the candidates)."""
    named = units_named(c, ref)
    if len(named) > 1:
        return msg("check.unit_name_ambiguous", ref=repr(ref), candidates=candidates(c, named))
    if named:
        return msg("check.unit_name", ref=repr(ref), id=repr(named[0]), write=write(named[0]) if write else named[0])
    return None


def not_responsible(c: Campaign, unit: str, ref: TaskRef, owners: list[str], write: Callable[[str], str], label: str = "responsible") -> Msg:
    """A unit that is not responsible for the task; written by a responsible unit's name, its id."""
    named = [u for u in units_named(c, unit) if u in owners]
    if len(named) == 1:
        return msg("check.unit_name", ref=repr(unit), id=repr(named[0]), write=write(named[0]))
    listed = ", ".join(ref.task.owners if label == "owners" else owners)
    return msg(f"check.not_responsible_{label}", unit=repr(unit), task=ref.id, owners=listed)


def require_unit(c: Campaign, ref: str) -> list[str]:
    """The units a unit id, group name, or a unit's full or short name stands for."""
    if ref in c.groups:
        return c.expand([ref])
    return [unit_id(c, ref)]


def _unknown_unit(c: Campaign, ref: str) -> CampaignError:
    names = [*c.units, *c.groups, *(u.name for u in c.units.values()), *(u.short for u in c.units.values() if u.short)]
    import difflib  # only for a refusal: an update's fast path never needs it

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
    """Refuse an unknown id; ``what`` is ``task``, ``indicator`` or another ``lookup.unknown_<what>`` entry."""
    if ident not in known:
        from guilin_campaign.validation import suggestion  # only for a refusal: it imports pydantic

        raise CampaignError(msg(f"lookup.unknown_{what}", ident=repr(ident), hint=suggestion(ident, known)), kind=ErrorKind.USAGE)
