"""From raw rows to the records of a new tasks.yaml: ids, units, deadlines, indicators, and every
guess, refusal (written without the value) and error (nothing written) with its cell."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.deadline import Deadline, read_deadline
from guilin_campaign.tableimport.indicators import IndicatorRec, new_indicator, read_target
from guilin_campaign.tableimport.rows import Named, RawRow, Rows
from guilin_campaign.tableimport.units import UnitBook


@dataclass
class TaskRec:
    id: str
    title: str
    owners: list[str]
    support: list[str]
    due: date | None
    due_note: str | None  # the deadline as written, when it is not a date (a comment beside the task)
    indicators: list[str]
    label: str


@dataclass
class MeasureRec:
    id: str
    name: str
    indicators: list[IndicatorRec] = field(default_factory=list)
    tasks: list[TaskRec] = field(default_factory=list)


@dataclass
class ActionRec:
    id: str
    name: str
    measures: list[MeasureRec] = field(default_factory=list)


@dataclass
class Plan:
    actions: list[ActionRec]
    book: UnitBook
    guesses: list[str]
    refusals: list[str]
    errors: list[str]
    skipped: list[str]
    year: int | None = None
    last_year: int | None = None
    failed: set[tuple[str, str]] = field(default_factory=set)  # indicators refused once, not again

    def tasks(self) -> list[TaskRec]:
        return [t for a in self.actions for m in a.measures for t in m.tasks]

    def indicators(self) -> list[IndicatorRec]:
        return [i for a in self.actions for m in a.measures for i in m.indicators]

    def measures(self) -> list[MeasureRec]:
        return [m for a in self.actions for m in a.measures]


def build_plan(rows: Rows, book_for: Callable[[Iterable[str]], UnitBook], year: int | None, fallback: str) -> Plan:
    book = book_for(n.name for r in rows.rows for n in r.owners + r.support)
    plan = Plan([], book, list(rows.guesses) + list(book.guesses), list(rows.refusals), [], list(rows.skipped))
    plan.guesses += _match_guesses(rows, book)
    deadlines = [_deadline(r, year, plan) for r in rows.rows]
    years = sorted(d.due.year for d in deadlines if d.due is not None)
    plan.year = year if year is not None else (years[0] if years else None)
    plan.last_year = max([plan.year or 0] + years) or None
    counts = {"A": 0, "M": 0, "I": 0, "T": 0}
    widths = _widths(rows.rows)
    actions: dict[str, ActionRec] = {}
    measures: dict[tuple[str, str], MeasureRec] = {}
    for raw, deadline in zip(rows.rows, deadlines, strict=False):
        action_name = raw.action or fallback
        if action_name not in actions:
            counts["A"] += 1
            actions[action_name] = ActionRec(f"A{counts['A']}", action_name)
            plan.actions.append(actions[action_name])
        key = (action_name, raw.measure or action_name)
        if key not in measures:
            counts["M"] += 1
            measures[key] = MeasureRec(f"M{counts['M']:0{widths['M']}d}", key[1])
            actions[action_name].measures.append(measures[key])
        counts["T"] += 1
        _add_task(raw, deadline, f"T{counts['T']:0{widths['T']}d}", measures[key], plan, counts, widths)
    for ind in plan.indicators():
        ind.owners = list(dict.fromkeys(o for t in plan.tasks() if ind.id in t.indicators for o in t.owners))
    return plan


def _widths(raws: list[RawRow]) -> dict[str, int]:
    n = len(raws)
    return {"M": max(2, len(str(n))), "I": max(2, len(str(n))), "T": max(3, len(str(n)))}


def _deadline(raw: RawRow, year: int | None, plan: Plan) -> Deadline:
    if not raw.due_at:
        return Deadline()
    d = read_deadline(raw.due, year)
    if d.problem:
        plan.refusals.append(f"{raw.due_at}: {d.problem}")
    if d.guess:
        plan.guesses.append(f"{raw.due_at}: {d.guess}")
    return d


def _add_task(raw: RawRow, deadline: Deadline, task_id: str, measure: MeasureRec, plan: Plan,
              counts: dict[str, int], widths: dict[str, int]) -> None:
    owners = _ids(raw.owners, plan)
    support = [s for s in _ids(raw.support, plan) if s not in owners]
    if not owners and not any(plan.book.matches[n.name].problem for n in raw.owners):
        plan.errors.append(f"{raw.owners_at or raw.task_at}: {words.NO_OWNERS}")
    note = None
    if deadline.due is None and raw.due_at:
        written = str(raw.due).strip() if raw.due is not None else ""
        note = (words.ONGOING_NOTE if deadline.ongoing else words.UNREAD_NOTE).format(text=written)
    linked = _indicators(raw, measure, plan, counts, widths)
    measure.tasks.append(TaskRec(task_id, raw.task, owners, support, deadline.due, note, linked, raw.label))


def _ids(names: list[Named], plan: Plan) -> list[str]:
    ids: list[str] = []
    for named in names:
        match = plan.book.matches[named.name]
        if match.problem:
            plan.errors.append(f"{named.at}: {match.problem}")
        ids += match.ids
    return list(dict.fromkeys(ids))


def _indicators(raw: RawRow, measure: MeasureRec, plan: Plan, counts: dict[str, int], widths: dict[str, int]) -> list[str]:
    if not raw.indicators:
        return []
    targets = raw.targets if len(raw.targets) == len(raw.indicators) else []
    if not targets and any(t is not None for t in raw.targets):
        plan.refusals.append(f"{raw.target_at}: " + words.TARGETS_MISMATCH.format(n=len(raw.indicators), m=len(raw.targets)))
    linked: list[str] = []
    for i, name in enumerate(raw.indicators):
        known = next((ind for ind in measure.indicators if ind.name == name), None)
        if known is None and (measure.id, name) not in plan.failed:
            known = _new_indicator(raw, name, targets[i] if targets else None, measure, plan, counts, widths)
        if known is not None:
            linked.append(known.id)
    return linked


def _new_indicator(raw: RawRow, name: str, target_value: object, measure: MeasureRec, plan: Plan,
                   counts: dict[str, int], widths: dict[str, int]) -> IndicatorRec | None:
    target = read_target(target_value)  # type: ignore[arg-type]
    if target.value is None:
        plan.refusals.append(f"{raw.target_at}: " + words.INDICATOR_SKIPPED.format(name=name, why=target.problem))
        plan.failed.add((measure.id, name))
        return None
    counts["I"] += 1
    ind = new_indicator(f"I{counts['I']:0{widths['I']}d}", name, target, raw.indicator_at, plan.guesses)
    measure.indicators.append(ind)
    return ind


def _match_guesses(rows: Rows, book: UnitBook) -> list[str]:
    seen = dict.fromkeys(n.name for r in rows.rows for n in r.owners + r.support)
    return [g for name in seen if (g := book.matches[name].guess) is not None]


def campaign_lead(plan: Plan) -> str | None:
    """The unit named first most often: the office's own bureau leads the most tasks."""
    groups = set(plan.book.groups) | plan.book.known_groups
    firsts = Counter(next((o for o in t.owners if o not in groups), None) for t in plan.tasks())
    firsts.pop(None, None)
    return firsts.most_common(1)[0][0] if firsts else None
