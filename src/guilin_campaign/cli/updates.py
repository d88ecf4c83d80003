"""The status updates and notes (start, done, block, reopen, note) without Typer: each takes its
options as values and the run's language, applies the update, prints what it did and returns the
exit code. Typer's commands (:mod:`.update`) and the fast path (:mod:`.fast`) both run these."""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Union

from guilin_campaign.catalogue import Lang, msg, render
from guilin_campaign.catalogue import text as say
from guilin_campaign.cli.base import cache_folder, data_folder, parse_date
from guilin_campaign.loadresult import TASKS_FILE
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.vocab import Status
from guilin_campaign.write.lock import Holder

if TYPE_CHECKING:
    from guilin_campaign.campaign import Campaign
    from guilin_campaign.write.apply import Change
    from guilin_campaign.write.changes import Update
    from guilin_campaign.write.requests import RecordReading, SetStatus
    from guilin_campaign.yamlsyntax.records import Session


_EXAMPLES = {"TEXT": "guilin-campaign note T042 已召开推进会", "--note": "--note 已召开推进会", "--by": "--by scjgj", "--unit": "--unit lipu"}


def checked_text(value: str | None, option: str) -> str | None:
    """Text the log keeps (a note, a reason, a name): absent is fine, empty or blank is refused
    (an empty log entry, an empty reason, a name silently dropped)."""
    if value is not None and not value.strip():
        raise CampaignError(msg("cli.update.empty", option=option, example=_EXAMPLES[option]), kind=ErrorKind.USAGE)
    return value


def run(data: Path | None, change: Change, dry_run: bool, commit: bool, lang: Lang) -> int:
    """Apply ``change`` to the data folder and say what was done; 0 (a refusal is a :class:`CampaignError`)."""
    from guilin_campaign.write.apply import apply  # the update machinery: only when a command updates
    from guilin_campaign.write.fileio import require_writable

    folder = data_folder(data, updating=True)
    if not dry_run:
        require_writable(folder / TASKS_FILE)  # before the lock and the checks: say it at once
    from guilin_campaign.cli.progress import progress_line

    with progress_line(sys.stderr, sys.stdout, first=say("cli.progress.updating", lang)):  # a large file read in full
        outcome = apply(folder, change, dry_run=dry_run, commit=commit, cache_folder=cache_folder(os.environ),
                        holder=holder(), on_wait=lambda message: print(render(message, lang), file=sys.stderr))
    if dry_run:
        sys.stdout.write(outcome.diff)
        print(say("cli.update.dry_run", lang, message=outcome.message), file=sys.stderr)
        return 0
    print(say("cli.update.updated", lang, message=outcome.message, path=folder / "tasks.yaml"))
    if outcome.commit:
        print(say("cli.update.committed", lang, commit=outcome.commit))
    return 0


@dataclass(frozen=True)
class UnitNamed:
    """An update whose ``--unit`` may be a unit's full or short name (融安县): it is turned into the
    unit's id against the campaign the update is applied to (an unknown or ambiguous name: exit 2)."""

    change: Union[SetStatus, RecordReading]

    def __call__(self, c: Campaign, text: str, *, session: Session | None = None) -> Update:
        from guilin_campaign.lookup import unit_id

        unit = self.change.unit
        resolved = self.change if unit is None else replace(self.change, unit=unit_id(c, unit))
        return resolved(c, text, session=session)


def holder() -> Holder:
    """This command, as the lock file names it to a clerk who must wait for it."""
    from datetime import datetime

    return Holder(shlex.join(["guilin-campaign", *sys.argv[1:]]), datetime.now().astimezone().isoformat(timespec="seconds"))


def status(status: Status, task: str, unit: str | None, note: str | None, by: str | None, on: str | None,
           data: Path | None, dry_run: bool, commit: bool, lang: Lang) -> int:
    """Set a task's status (or one unit's part)."""
    from guilin_campaign.write.requests import SetStatus

    note, by, unit = checked_text(note, "--note"), checked_text(by, "--by"), checked_text(unit, "--unit")
    return run(data, UnitNamed(SetStatus(task, status, parse_date(on, "--on"), note, by, unit)), dry_run, commit, lang)


def note(task: str, text: str, by: str | None, on: str | None, data: Path | None, dry_run: bool, commit: bool,
         lang: Lang) -> int:
    """Append a progress note to a task's log."""
    from guilin_campaign.write.requests import AddNote

    text, by = checked_text(text, "TEXT") or "", checked_text(by, "--by")
    return run(data, AddNote(task, text, parse_date(on, "--on"), by), dry_run, commit, lang)
