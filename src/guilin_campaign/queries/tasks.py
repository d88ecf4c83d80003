"""``tasks``: the decomposition table, filtered by unit (groups expanded), status or action."""

from __future__ import annotations

from collections.abc import Iterable

from guilin_campaign.campaign import Campaign, TaskRef
from guilin_campaign.catalogue import Lang
from guilin_campaign.listing import Listing, Row
from guilin_campaign.lookup import require_unit
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.words import title

COLUMNS = "id action measure title owner_names support_names due status done_on"


def select_tasks(
    c: Campaign, unit: str | None = None, status: str | None = None, action: str | None = None
) -> list[TaskRef]:
    refs: Iterable[TaskRef] = c.tasks
    if unit is not None:
        wanted = set(require_unit(c, unit))
        refs = [r for r in refs if wanted & set(c.responsible(r.task) + c.supporting(r.task))]
    if status is not None:
        refs = [r for r in refs if r.task.status == status]
    if action is not None:
        if action not in {a.id for a in c.actions}:
            raise CampaignError(f"unknown action {action!r}; actions are {', '.join(a.id for a in c.actions)}", kind=ErrorKind.USAGE)
        refs = [r for r in refs if r.action is not None and r.action.id == action]
    return list(refs)


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
    }


def tasks_listing(c: Campaign, refs: list[TaskRef], lang: Lang) -> Listing:
    return Listing.of(title("tasks", lang, count=len(refs)), COLUMNS, [task_row(c, r) for r in refs])
