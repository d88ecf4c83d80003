"""``tasks``: the decomposition table, filtered by unit (groups expanded), status or action."""

from __future__ import annotations

from collections.abc import Iterable

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
) -> list[TaskRef]:
    """Tasks by unit, status and action; with ``adhoc`` (or ``batch``, or the action ``adhoc``) the
    ad-hoc tasks only, of that batch when given."""
    refs: Iterable[TaskRef] = c.tasks
    if adhoc or batch is not None or action == "adhoc":
        refs, action = _adhoc(c, batch), None
    if unit is not None:
        wanted = set(require_unit(c, unit))
        refs = [r for r in refs if wanted & set(c.responsible(r.task) + c.supporting(r.task))]
    if status is not None:
        refs = [r for r in refs if r.task.status == status]
    if action is not None:
        if action not in {a.id for a in c.actions}:
            raise CampaignError(msg("query.unknown_action", action=repr(action), known=", ".join(a.id for a in c.actions)), kind=ErrorKind.USAGE, option="action")
        refs = [r for r in refs if r.action is not None and r.action.id == action]
    return list(refs)


def _adhoc(c: Campaign, batch: int | None) -> list[TaskRef]:
    refs = [r for r in c.tasks if r.adhoc is not None]
    batches = sorted({r.adhoc.batch for r in refs if r.adhoc is not None})
    if batch is not None and batch not in batches:
        raise CampaignError(msg("workflow.no_such_batch", batch=batch, batches=", ".join(map(str, batches)) or "-"),
                            kind=ErrorKind.USAGE, option="batch")
    return [r for r in refs if batch is None or (r.adhoc is not None and r.adhoc.batch == batch)]


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


def tasks_listing(c: Campaign, refs: list[TaskRef], lang: Lang, adhoc: bool = False) -> Listing:
    """The table; ``adhoc``: the ad-hoc tasks' columns (batch, source, assigned_on)."""
    return Listing.of(title("tasks", lang, count=len(refs)), ADHOC_COLUMNS if adhoc else COLUMNS, [task_row(c, r) for r in refs])
