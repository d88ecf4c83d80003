"""``tasks``: the decomposition table, filtered by unit (groups expanded), status or action."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from guilin_campaign.cachecolumns import Columns, Days, columns_of
from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Lang, msg
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_unit
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.words import title

COLUMNS = "id action measure title owner_names support_names due status done_on"
ADHOC_COLUMNS = "batch id source assigned_on title owner_names support_names due status done_on"


def select_tasks(
    c: Campaign, unit: str | None = None, status: str | None = None, action: str | None = None,
    adhoc: bool = False, batch: int | None = None,
) -> Sequence[TaskRef] | Sequence[int]:
    """Tasks by unit, status and action; with ``adhoc`` (or ``batch``, or the action ``adhoc``) the
    ad-hoc tasks only, of that batch when given. From a cache hit's columns, the tasks' positions in
    ``c.tasks`` (what :func:`tasks_listing` takes either way)."""
    columns = columns_of(c)
    if columns is not None:
        return _select_columns(c, columns, unit, status, action, adhoc, batch)
    refs: Iterable[TaskRef] = c.tasks
    if adhoc or batch is not None or action == "adhoc":
        refs, action = _adhoc(c, batch), None
    if unit is not None:
        wanted = set(require_unit(c, unit))
        refs = [r for r in refs if wanted & set(c.responsible(r.task) + c.supporting(r.task))]
    if status is not None:
        refs = [r for r in refs if r.task.status == status]
    if action is not None:
        _require_action(action, [a.id for a in c.actions])
        refs = [r for r in refs if r.action is not None and r.action.id == action]
    return list(refs)


def _adhoc(c: Campaign, batch: int | None) -> list[TaskRef]:
    refs = [r for r in c.tasks if r.adhoc is not None]
    _require_batch(batch, {r.adhoc.batch for r in refs if r.adhoc is not None})
    return [r for r in refs if batch is None or (r.adhoc is not None and r.adhoc.batch == batch)]


def _require_batch(batch: int | None, known: set[int]) -> None:
    if batch is not None and batch not in known:
        batches = sorted(known)
        raise CampaignError(msg("workflow.no_such_batch", batch=batch, batches=", ".join(map(str, batches)) or "-"),
                            kind=ErrorKind.USAGE, option="batch")


def _require_action(action: str, known: list[str]) -> None:
    if action not in known:
        raise CampaignError(msg("query.unknown_action", action=repr(action), known=", ".join(known)), kind=ErrorKind.USAGE, option="action")


def _select_columns(
    c: Campaign, columns: Columns, unit: str | None, status: str | None, action: str | None, adhoc: bool, batch: int | None,
) -> list[int]:
    """:func:`select_tasks` on a cache hit's columns (:mod:`guilin_campaign.cachecolumns`)."""
    picked: Iterable[int] = range(len(columns.ids))
    if adhoc or batch is not None or action == "adhoc":
        _require_batch(batch, {b for b, _, _ in columns.adhoc.values()})
        picked, action = [i for i, (b, _, _) in columns.adhoc.items() if batch is None or b == batch], None
    if unit is not None:
        wanted = set(require_unit(c, unit))
        picked = [i for i in picked if not (wanted.isdisjoint(columns.responsible[i]) and wanted.isdisjoint(columns.supporting[i]))]
    if status is not None:
        picked = [i for i in picked if columns.statuses[i] == status]
    if action is not None:
        _require_action(action, columns.action_ids)
        picked = [i for i in picked if columns.actions[i] == action]
    return list(picked)


def task_row(c: Campaign, ref: TaskRef) -> Row:
    t = ref.task
    return {
        "id": t.id,
        "action": ref.action.id if ref.action else "adhoc",
        "measure": ref.measure.id if ref.measure else f"batch {ref.adhoc.batch}" if ref.adhoc else "",
        "title": t.title,
        "owners": t.owners,  # as written: unit ids and group names, for scripts
        "support": t.support,
        "owner_names": [c.unit_label(u) for u in t.owners],
        "support_names": [c.unit_label(u) for u in t.support],
        "due": t.due,
        "status": t.status,
        "done_on": t.done_on,
    } | ({"batch": ref.adhoc.batch, "source": ref.adhoc.source, "assigned_on": ref.adhoc.assigned_on} if ref.adhoc else {})


def column_task_row(columns: Columns, i: int, labels: dict[str, str], days: Days) -> Row:
    """:func:`task_row` of the task at ``i`` from a cache hit's columns."""
    owners, support, extra = columns.owners[i], columns.supports[i], columns.adhoc.get(i)
    action, day = columns.actions[i], days.of
    return {
        "id": columns.ids[i],
        "action": action or "adhoc",
        "measure": columns.measures[i] if action else f"batch {extra[0]}" if extra else "",
        "title": columns.titles[i],
        "owners": owners,
        "support": support,
        "owner_names": [labels.get(u, u) for u in owners],
        "support_names": [labels.get(u, u) for u in support],
        "due": day(columns.dues[i]),
        "status": columns.statuses[i],
        "done_on": day(columns.dones[i]),
    } | ({"batch": extra[0], "source": extra[1], "assigned_on": day(extra[2])} if extra else {})


def tasks_listing(c: Campaign, refs: Sequence[TaskRef] | Sequence[int], lang: Lang, adhoc: bool = False) -> Listing:
    """The table; ``adhoc``: the ad-hoc tasks' columns (batch, source, assigned_on). ``refs`` as
    :func:`select_tasks` gives them: task references, or positions in a cache hit's columns."""
    columns = columns_of(c)
    if columns is None:
        rows = [task_row(c, r) for r in refs if isinstance(r, TaskRef)]
    else:
        labels, days = {u: c.unit_label(u) for u in c.units}, Days()
        rows = [column_task_row(columns, i, labels, days) for i in refs if isinstance(i, int)]
    return Listing.of(title("tasks", lang, count=len(refs)), ADHOC_COLUMNS if adhoc else COLUMNS, rows)
