"""Applying one update to the data folder: locked, checked before writing, written atomically.

Order matters: take the folder's lock; load and check the data as it is now (an update is not
applied over problems the clerk has not seen); make the edit; load and check the edited text, and
compare it with the data before outside the edited record; only then write it (or show the diff)
and, when asked, commit it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from guilin_campaign import cache
from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, gc_paused, require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.readfile import NotAPlainFile, read_plain
from guilin_campaign.write.changes import Update
from guilin_campaign.write.lock import Holder
from guilin_campaign.yamlsyntax.decode import decode
from guilin_campaign.yamlsyntax.sourcemap import Path as YamlPath
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

if TYPE_CHECKING:
    from guilin_campaign.yamlsyntax.records import Session

class Change(Protocol):
    """An update to make: the new text of the tasks file from the loaded campaign and its text,
    each edit through ``session`` (see :func:`guilin_campaign.yamlsyntax.records.session`)."""

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update: ...


@dataclass(frozen=True)
class Outcome:
    message: str
    diff: str
    written: bool
    commit: str | None = None


def apply(
    folder: Path, change: Change, dry_run: bool = False, commit: bool = False, cache_folder: Path | None = None,
    holder: Holder = Holder(), on_wait: Callable[[Msg], None] | None = None,
    then: Callable[[], None] | None = None, also: tuple[Path, ...] = (),
) -> Outcome:
    """Apply ``change`` to the tasks file; the checked load of the new text goes to the cache, if any.

    ``then``, if given, runs after the write, still holding the lock (it writes a file of its own, e.g.
    the record of an imported form), and the commit holds the files ``also`` names besides the tasks
    file (each refused beforehand, like the tasks file, when it has changes of its own).

    The write is a compare-and-swap: if the file on disk is no longer the one read (an editor saved
    it meanwhile, or another command ran after someone deleted the lock file), nothing is written
    and the update is made once more on the file as it now is; if it changes again, it is refused.
    ``holder`` and ``on_wait`` go to the lock (:func:`~guilin_campaign.write.lock.data_lock`).
    """
    from guilin_campaign.write.fileio import FileChanged

    for attempt in (1, 2):
        try:
            if attempt == 1 and not (then or also):
                fast = _fast(folder, change, dry_run, commit and not dry_run, cache_folder, holder, on_wait)
                if fast is not None:
                    return fast
            return _apply_once(folder, change, dry_run, commit, cache_folder, holder, on_wait, then, also)
        except FileChanged:
            if attempt == 2:
                raise CampaignError(msg("update.changed_twice", path=folder / TASKS_FILE)) from None
    raise AssertionError("unreachable")


def _fast(folder: Path, change: Change, dry_run: bool, commit: bool, cache_folder: Path | None, holder: Holder,
          on_wait: Callable[[Msg], None] | None) -> Outcome | None:
    """The update by :mod:`~guilin_campaign.write.fastpath` (one record edited and checked alone), or None."""
    from guilin_campaign.write import fastpath

    committed: list[str | None] = []
    fast = fastpath.run(folder, change, cache_folder, holder, on_wait,
                        (lambda made: committed.append(_commit(folder, made.message))) if commit else None, dry_run)
    return None if fast is None else Outcome(fast.message, fast.diff, not dry_run, committed[0] if committed else None)


def _apply_once(
    folder: Path, change: Change, dry_run: bool, commit: bool, cache_folder: Path | None,
    holder: Holder, on_wait: Callable[[Msg], None] | None,
    then: Callable[[], None] | None = None, also: tuple[Path, ...] = (),
) -> Outcome:
    """One try at :func:`apply`; raises :class:`~guilin_campaign.write.fileio.FileChanged` when the
    file changed since it was read."""
    # What an update needs besides loading is imported here: the read-only commands never pay for it.
    from guilin_campaign.loading import load_campaign  # the models and pydantic: not on the fast path
    from guilin_campaign.write.fileio import read_document, write_document
    from guilin_campaign.write.git import require_clean
    from guilin_campaign.write.lock import data_lock, work_dir
    from guilin_campaign.write.textdiff import unified_diff
    from guilin_campaign.yamlsyntax.editor import EditError
    from guilin_campaign.yamlsyntax.records import session

    # A dry run writes nothing, so it needs no lock (and works on a read-only disk).
    with (nullcontext() if dry_run else data_lock(folder, holder=holder, on_wait=on_wait)), gc_paused():
        path = folder / TASKS_FILE
        doc = read_document(path)  # read once: the load below and the edit work on this text
        campaign = require_campaign(load_campaign(folder, tasks_text=doc.text))
        if commit and not dry_run:
            require_clean(folder, [path, folder / UNITS_FILE, *also])  # the commit holds this update and nothing else
        try:
            edits = session(doc.text, campaign.tasks_source)
            update = change(campaign, doc.text, session=edits)
        except EditError as err:
            raise CampaignError(msg("update.edit_refused", path=path, said=err.message)) from None
        before, touched = campaign.tasks_source.data, edits.touched
        del campaign, edits  # the models and line maps are not needed any more: free them before reading the new text
        units_raw = _read_bytes(folder / UNITS_FILE)
        units_text = None if units_raw is None else decode(units_raw, "")[0]  # None: the loader says why
        after = load_campaign(folder, tasks_text=update.new_text, units_text=units_text)
        if after.problems or after.campaign is None:
            raise CampaignError(msg("update.invalid", update=update.message, path=path), after.problems, kind=ErrorKind.REFUSED)
        if not unchanged_outside(before, after.campaign.tasks_source.data, touched):
            raise CampaignError(msg("update.other_data", update=update.message, path=path), kind=ErrorKind.REFUSED)
        source = after.campaign.tasks_source  # for the index of the records (spanindex), after the write
        after.campaign.tasks_source = after.campaign.units_source = SourceMap(None)  # as the cache keeps it
        del before
        diff = unified_diff(doc.text, update.new_text, str(path))
        if dry_run:
            return Outcome(update.message, diff, written=False)
        written = write_document(path, doc, update.new_text, tmp_dir=work_dir(folder))  # refused if the file changed
        if units_raw is not None and units_text is not None:
            # Keyed by the very bytes just loaded: a later hand edit of either file is a miss.
            cache.remember(folder, cache_folder, after, written, units_raw)
            from guilin_campaign.checking import remember_campaign

            remember_campaign(folder, cache_folder, after, written, units_raw)  # the next check's campaign part
            _keep_index(folder, cache_folder, after.campaign, source, written, units_raw)
        del after, source
        if then is not None:
            then()
        if not commit:
            return Outcome(update.message, diff, True)
        return Outcome(update.message, diff, True, _commit(folder, update.message, also))


def _commit(folder: Path, message: str, also: tuple[Path, ...] = ()) -> str | None:
    """Commit the tasks file (and ``also``) just written; the short hash, or None if nothing changed."""
    from guilin_campaign.write.git import commit_change

    path = folder / TASKS_FILE
    try:
        return commit_change(folder, [path, *also], message)
    except CampaignError as err:
        # The write stands: running the update again would log it twice.
        raise CampaignError(msg("update.not_committed", path=path, update=message, said=err.message)) from None


def _keep_index(folder: Path, cache_folder: Path | None, c: Campaign, source: SourceMap, raw: bytes, units: bytes) -> None:
    """The index of the records of the bytes just written, for the next update's fast path."""
    from io import BytesIO

    from guilin_campaign import spanindex
    from guilin_campaign.cachefolder import open_if_safe
    from guilin_campaign.loadresult import digest

    store = open_if_safe(cache_folder)
    if store is None:
        return
    try:
        with BytesIO(raw) as lines:
            index = spanindex.build(lines, c, source)
        spanindex.write(store, cache.entry_name(folder), cache.entry_key(folder, digest(raw), digest(units)), index)
    finally:
        store.close()


def unchanged_outside(old: Any, new: Any, records: list[YamlPath]) -> bool:
    """``new`` equals ``old`` except inside ``records`` (each edited and checked on its own lines).

    The comparison runs at C speed (``==`` on whole subtrees), descending only towards the records.
    """
    if not records:
        return True
    if isinstance(old, dict) and isinstance(new, dict) and list(old) == list(new):
        keys: Any = old.keys()
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        keys = range(len(old))
    else:
        return False
    for key in keys:
        inner = [p[1:] for p in records if p[0] == key]
        if not inner:
            if old[key] != new[key]:
                return False
        elif all(inner) and not unchanged_outside(old[key], new[key], inner):
            return False
    return True


def _read_bytes(path: Path) -> bytes | None:
    try:
        return read_plain(path)
    except (OSError, NotAPlainFile):
        return None
