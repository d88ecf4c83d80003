"""Applying one ledger update (a visit, a problem, a solution, a reopening) to its month file.

The same path as :func:`guilin_campaign.write.apply.apply` takes for the tasks file: the data
folder's lock; the campaign and the ledger loaded and checked as they are now (an update is not
made over problems the clerk has not seen); the edit of the one month file, each step checked by
the editor; the whole ledger loaded again with the new text, which must pass every check and hold
the new record as asked (the read-back); then a compare-and-swap write through a temporary file
(a month file that is new must still be absent), and with ``commit`` a commit of that file alone.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.ledger.load import LEDGER_DIR, load_ledger
from guilin_campaign.loading import gc_paused, load_campaign, require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.write.apply import Outcome
from guilin_campaign.write.changes import Update
from guilin_campaign.write.fileio import Document, FileChanged, read_document, write_atomic, write_document
from guilin_campaign.write.lock import Holder


@dataclass(frozen=True)
class LedgerOutcome(Outcome):
    file: Path | None = None  # the month file the update wrote (or would write)


class LedgerChange(Protocol):
    """An update of the ledger (see :mod:`guilin_campaign.write.ledger_records`)."""

    def month(self, c: Campaign, ledger: Ledger) -> str: ...

    def __call__(self, c: Campaign, ledger: Ledger, text: str) -> Update: ...

    def landed(self, after: Ledger, update: Update) -> bool: ...


def apply_ledger(
    folder: Path, change: LedgerChange, dry_run: bool = False, commit: bool = False,
    holder: Holder = Holder(), on_wait: Callable[[Msg], None] | None = None,
) -> LedgerOutcome:
    """Apply ``change``; a month file that changed meanwhile is read again once, then refused."""
    for attempt in (1, 2):
        try:
            return _apply_once(folder, change, dry_run, commit, holder, on_wait)
        except FileChanged as err:
            if attempt == 2:
                raise CampaignError(msg("ledger.changed_twice", error=err.message), kind=ErrorKind.REFUSED) from None
    raise AssertionError("unreachable")


def _apply_once(
    folder: Path, change: LedgerChange, dry_run: bool, commit: bool,
    holder: Holder, on_wait: Callable[[Msg], None] | None,
) -> LedgerOutcome:
    from guilin_campaign.write.git import commit_change, require_clean
    from guilin_campaign.write.lock import data_lock
    from guilin_campaign.write.textdiff import unified_diff
    from guilin_campaign.yamlsyntax.editor import EditError

    with (nullcontext() if dry_run else data_lock(folder, holder=holder, on_wait=on_wait)), gc_paused():
        campaign = require_campaign(load_campaign(folder))
        ledger = _checked_ledger(folder, campaign)
        path = folder / LEDGER_DIR / f"{change.month(campaign, ledger)}.yaml"
        doc = read_document(path) if path.exists() or path.is_symlink() else None
        if commit and not dry_run:
            require_clean(folder, [path])  # the commit holds this update and nothing else
        old_text = doc.text if doc is not None else _new_file_text(path)
        try:
            update = change(campaign, ledger, old_text)
        except EditError as err:
            raise CampaignError(msg("ledger.cannot_edit", file=path, error=str(err)), kind=ErrorKind.REFUSED) from None
        _read_back(folder, campaign, change, path, update)
        diff = unified_diff(doc.text if doc is not None else "", update.new_text, str(path))
        if dry_run:
            return LedgerOutcome(update.message, diff, written=False, file=path)
        _write(folder, path, doc, update.new_text)
        if not commit:
            return LedgerOutcome(update.message, diff, True, file=path)
        try:
            return LedgerOutcome(update.message, diff, True, commit_change(folder, [path], update.message), path)
        except CampaignError as err:
            raise CampaignError(msg("ledger.not_committed", file=path, change=update.message, error=err.message)) from None


def _checked_ledger(folder: Path, campaign: Campaign) -> Ledger:
    ledger, problems = load_ledger(folder, campaign)
    if problems:
        raise CampaignError(msg("ledger.fix_first", count=len(problems)), problems, kind=ErrorKind.REFUSED)
    return ledger if ledger is not None else Ledger(folder)


def _new_file_text(path: Path) -> str:
    from guilin_campaign.write.ledger_text import month_header

    return month_header(path.stem)


def _read_back(folder: Path, campaign: Campaign, change: LedgerChange, path: Path, update: Update) -> None:
    """The ledger with the new text passes every check and holds the record as asked."""
    after, problems = load_ledger(folder, campaign, {path: update.new_text})
    if problems or after is None:
        raise CampaignError(msg("ledger.would_be_invalid", change=update.message, file=path), problems, kind=ErrorKind.REFUSED)
    if not change.landed(after, update):
        raise CampaignError(msg("ledger.read_back_failed", change=update.message, file=path), kind=ErrorKind.REFUSED)


def _write(folder: Path, path: Path, doc: Document | None, text: str) -> None:
    from guilin_campaign.write.lock import work_dir

    if doc is not None:
        write_document(path, doc, text, tmp_dir=work_dir(folder))  # refused if the file changed
        return
    try:
        path.parent.mkdir(exist_ok=True)  # the first record starts the ledger
    except OSError as err:
        raise CampaignError(msg("ledger.cannot_create", file=path.parent, error=err.strerror or str(err))) from None

    def still_absent() -> None:
        if path.exists() or path.is_symlink():
            raise FileChanged(f"{path} was created while the update ran; it was not replaced")

    write_atomic(path, text.encode("utf-8"), tmp_dir=work_dir(folder), verify=still_absent)
