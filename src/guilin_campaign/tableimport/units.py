"""Turning the unit names of a table into unit ids: against the office's units.yaml (``--units``),
or as a new units.yaml built from the names found.

Nothing is matched to a best guess: a name is a unit's full name, its short name, or the start of
exactly one unit's name; the counties group is the group of every county government. A name that
fits none, or several, is refused with its cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from guilin_campaign.model import UnitsFile
from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.unitnames import county_short, is_counties, is_vague, looks_like_county

COUNTIES = "counties"


@dataclass(frozen=True)
class NewUnit:
    id: str
    name: str
    short: str | None
    kind: str


@dataclass(frozen=True)
class Match:
    ids: list[str] = field(default_factory=list)
    problem: str | None = None
    guess: str | None = None


@dataclass
class UnitBook:
    """What the names resolved to, and the units and groups a new units.yaml would hold."""

    matches: dict[str, Match]
    new_units: list[NewUnit]
    groups: dict[str, list[str]]
    guesses: list[str]  # guesses about the units themselves (kind, merged names), for the summary
    known_groups: set[str] = field(default_factory=set)  # the groups of ``--units``


def match_known(names: Iterable[str], units: UnitsFile) -> UnitBook:
    """Each name against ``--units``: full name, short name, id or group, or a unique prefix."""
    exact = {u.name: u.id for u in units.units} | {u.short: u.id for u in units.units if u.short}
    exact |= {u.id: u.id for u in units.units} | {g: g for g in units.groups}
    counties = [u.id for u in units.units if u.kind == "county"]
    group = next((g for g, members in units.groups.items() if set(members) == set(counties)), None)
    matches: dict[str, Match] = {}
    for name in dict.fromkeys(names):
        if name in exact:
            matches[name] = Match([exact[name]])
        elif is_counties(name):
            matches[name] = _known_counties(name, group, counties)
        else:
            matches[name] = _by_prefix(name, units)
    return UnitBook(matches, [], {}, [], set(units.groups))


def _known_counties(name: str, group: str | None, counties: list[str]) -> Match:
    if group is not None:
        return Match([group])
    if counties:
        return Match(counties, guess=words.UNIT_COUNTIES_LISTED.format(name=name, count=len(counties)))
    return Match(problem=words.UNIT_NO_COUNTIES.format(name=name))


def _by_prefix(name: str, units: UnitsFile) -> Match:
    found = {u.id: u for u in units.units if u.name.startswith(name) or (u.short or "").startswith(name)}
    if len(found) == 1:
        unit = next(iter(found.values()))
        return Match([unit.id], guess=words.UNIT_PREFIX.format(name=name, id=unit.id, full=unit.name))
    if found:
        return Match(problem=words.UNIT_AMBIGUOUS.format(name=name, ids="、".join(found)))
    return Match(problem=words.UNIT_UNKNOWN.format(name=name))


def build_new(names: Iterable[str]) -> UnitBook:
    """A new units.yaml from the names found, in order of first appearance: ids ``u01``, ``u02``...
    (the clerk renames them), kind guessed from the name, the counties group if the table names it."""
    ordered = list(dict.fromkeys(names))
    plain = [n for n in ordered if not is_counties(n) and not is_vague(n)]
    same = _prefix_merges(plain)
    book = UnitBook({}, [], {}, [])
    ids: dict[str, str] = {}
    width = max(2, len(str(len(plain))))
    for name in plain:
        if name in same:
            continue
        unit = _new_unit(f"u{len(ids) + 1:0{width}d}", name)
        ids[name] = unit.id
        book.new_units.append(unit)
        book.guesses.append(words.UNIT_NEW.format(id=unit.id, name=name, kind=words.KINDS[unit.kind]))
    for short, full in same.items():
        ids[short] = ids[full]
        book.guesses.append(words.UNIT_SAME.format(short=short, full=full, id=ids[full]))
    counties = [u.id for u in book.new_units if u.kind == "county"]
    for name in ordered:
        book.matches[name] = _new_match(name, ids, counties)
    named = [n for n in ordered if is_counties(n)]
    if counties and named:
        book.groups[COUNTIES] = counties
        book.guesses.append(words.UNIT_COUNTIES_FOUND.format(name=named[0], count=len(counties)))
    return book


def _new_match(name: str, ids: dict[str, str], counties: list[str]) -> Match:
    if name in ids:
        return Match([ids[name]])
    if is_counties(name):
        return Match([COUNTIES]) if counties else Match(problem=words.UNIT_NO_COUNTIES.format(name=name))
    return Match(problem=words.UNIT_VAGUE.format(name=name))


def _prefix_merges(names: list[str]) -> dict[str, str]:
    """``秀峰区`` beside ``秀峰区人民政府`` in the same table is that unit: a name that is the start of
    exactly one other name is taken as it."""
    out: dict[str, str] = {}
    for name in names:
        longer = [other for other in names if other != name and other.startswith(name)]
        if len(longer) == 1 and longer[0] not in out:
            out[name] = longer[0]
    return out


def _new_unit(unit_id: str, name: str) -> NewUnit:
    kind = "county" if looks_like_county(name) else "department"
    return NewUnit(unit_id, name, county_short(name) if kind == "county" else None, kind)
