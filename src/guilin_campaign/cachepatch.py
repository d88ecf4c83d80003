"""A cache hit for files an update's fast path wrote: the entry of the files before, with the edited
records put in.

The fast path (:mod:`guilin_campaign.write.fastpath`) edits one record and rewrites neither the
whole load nor its cache entry: it keeps, in the index of the new bytes
(:mod:`guilin_campaign.spanindex`), the key of the entry it started from (``base``) and each record
it edited since, as the data its lines read as (``patches``). A read of those bytes finds no entry
of their own, and :func:`patched` makes the hit: the base entry, each edited task replaced by its
record read as the model reads it (the models: pydantic itself; plain records:
:func:`guilin_campaign.taskrecord.task`, which reads what pydantic reads, or nothing). Nothing here
is trusted that is not signed by the user's key and keyed by these very bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from guilin_campaign import spanindex, taskrecord
from guilin_campaign.cachecolumns import ColumnCampaign
from guilin_campaign.cachefolder import CacheFolder
from guilin_campaign.campaign import Campaign
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, LoadResult
from guilin_campaign.yamlsyntax.sourcemap import Path as YamlPath

MOST = 256  # fast updates in a row before one takes the full path again (which writes a whole entry)


def encode(data: Any) -> Any:
    """A record's data as :mod:`marshal` keeps it: a date as a 1-tuple of its ordinal (the data
    read from YAML holds lists, never tuples)."""
    if isinstance(data, dict):
        return {k: encode(v) for k, v in data.items()}
    if isinstance(data, list):
        return [encode(v) for v in data]
    if isinstance(data, date):
        return (data.toordinal(),)
    return data


def decode(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: decode(v) for k, v in data.items()}
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, tuple):
        return date.fromordinal(data[0])
    return data


def patched(
    store: CacheFolder, entry: str, key: bytes, hashes: tuple[str, str], plain: bool,
    read_entry: Callable[[bytes], LoadResult | None],
) -> LoadResult | None:
    """The load of the files whose cache key is ``key`` (SHA-256 ``hashes``: tasks, units), made
    from the base entry and the patches their index holds; None if there is no such index or entry,
    or a record does not read (a miss: the files are loaded in full)."""
    patch = spanindex.read_patch(store, entry, key)
    if patch is None:
        return None
    base, _, patches = patch
    hit = read_entry(base)
    if hit is None or hit.problems or hit.campaign is None:
        return None
    c = hit.campaign
    if isinstance(c, ColumnCampaign):  # a plain hit: its columns now, its records only if read
        tasks = {task_id: _task(decode(data), adhoc, plain) for task_id, (adhoc, data) in patches.items()}
        if any(task is None for task in tasks.values()) or not c.put_tasks(tasks):
            return None
        return LoadResult(c, [], {**hit.read, TASKS_FILE: hashes[0], UNITS_FILE: hashes[1]})
    for task_id, (adhoc, data) in patches.items():
        ref = c.task(task_id)
        task = _task(decode(data), adhoc, plain)
        if ref is None or task is None:
            return None
        _put(c.model, ref.path, task)
    c = Campaign(c.folder, c.tasks_file, c.units_file, c.model, c.units_model, c.tasks_source, c.units_source)
    return LoadResult(c, [], {**hit.read, TASKS_FILE: hashes[0], UNITS_FILE: hashes[1]})


def _task(data: Any, adhoc: bool, plain: bool) -> Any:
    if plain:
        return taskrecord.task(data, adhoc)
    from pydantic import ValidationError

    from guilin_campaign.model import AdhocTask, Task

    try:
        return (AdhocTask if adhoc else Task).model_validate(data)
    except ValidationError:
        return None


def _put(model: Any, path: YamlPath, task: Any) -> None:
    """Put ``task`` at ``path`` (``actions, a, measures, m, tasks, i`` or ``adhoc, i``) of the model."""
    node = model
    for step in path[:-1]:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    node[path[-1]] = task
