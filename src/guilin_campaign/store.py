"""Applying one update to the data folder: locked, checked before writing, written atomically.

Order matters: take the folder's lock; load and check the data as it is now (an update is not
applied over problems the clerk has not seen); make the edit; load and check the edited text; only
then write it (or show the diff) and, when asked, commit it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.edit.fileio import read_document, write_document
from guilin_campaign.edit.git import commit_change, require_work_tree
from guilin_campaign.edit.yamltext import EditError
from guilin_campaign.edit.lock import data_lock
from guilin_campaign.loading import load_campaign, open_campaign
from guilin_campaign.problems import CampaignError
from guilin_campaign.updates import Update

Change = Callable[[Campaign, str], Update]


@dataclass(frozen=True)
class Outcome:
    message: str
    diff: str
    written: bool
    commit: str | None = None


def apply(folder: Path, change: Change, dry_run: bool = False, commit: bool = False) -> Outcome:
    with data_lock(folder):
        campaign = open_campaign(folder)
        if commit and not dry_run:
            require_work_tree(folder)
        path = campaign.tasks_file
        doc = read_document(path)
        try:
            update = change(campaign, doc.text)
        except EditError as err:
            raise CampaignError(f"{path}: {err}; the file is unchanged") from None
        after = load_campaign(folder, tasks_text=update.new_text)
        if after.problems:
            raise CampaignError(f"refused: {update.message} would leave the data invalid; {path} is unchanged", after.problems)
        diff = "".join(difflib.unified_diff(
            doc.text.splitlines(keepends=True), update.new_text.splitlines(keepends=True), str(path), str(path)
        ))
        if dry_run:
            return Outcome(update.message, diff, written=False)
        write_document(path, doc, update.new_text)
        return Outcome(update.message, diff, True, commit_change(folder, [path], update.message) if commit else None)
