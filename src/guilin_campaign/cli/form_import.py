"""``form import``: each returned workbook checked, then applied as one update (or refused whole);
several workbooks are independent. The command itself is in :mod:`guilin_campaign.cli.forms`."""

from __future__ import annotations

import os
import shlex
import sys
from datetime import date, datetime
from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang, msg, render, text
from guilin_campaign.cli.common import cache_folder, current_lang, load_data
from guilin_campaign.forms.apply import FormPlan, plan_import
from guilin_campaign.forms.changes import FormReading
from guilin_campaign.forms.imports import IMPORTS_FILE, ImportRecord, read_imports, record_import
from guilin_campaign.forms.summary import describe, visit_lines, who
from guilin_campaign.loading import TASKS_FILE, require_campaign
from guilin_campaign.problems import CampaignError
from guilin_campaign.report.periods import Period


def import_forms(folder: Path, files: list[Path], key: bytes, month: Period | None, dry_run: bool, commit: bool,
                 today: date) -> int:
    """Check and apply each workbook in turn; how many were refused."""
    from guilin_campaign.forms.reading import read_form

    lang = current_lang()
    if not dry_run:
        from guilin_campaign.write.fileio import require_writable

        require_writable(folder / TASKS_FILE)  # before reading any workbook: say it at once
    campaign, records = require_campaign(load_data(folder)), read_imports(folder)
    refused = 0
    for path in files:
        reading = read_form(path, campaign, key, month)
        if reading.problems:
            sys.stdout.write(describe(reading, campaign, lang))
            refused += 1
            continue
        plan = plan_import(reading, campaign, today)
        before = [r for r in records if (r.month, r.unit) == (reading.month, reading.unit)]
        if not plan.changes_data and before:
            print(text("forms.import.already", lang, file=str(path), who=who(reading, campaign), day=before[-1].imported.isoformat()))
            sys.stdout.write(visit_lines(reading, lang))
            continue
        if dry_run:
            sys.stdout.write(describe(reading, campaign, lang))
            continue
        if not _apply(folder, reading, plan, commit, campaign, lang):
            refused += 1
            continue
        campaign, records = require_campaign(load_data(folder)), read_imports(folder)  # the next form sees this one
    return refused


def _apply(folder: Path, reading: FormReading, plan: FormPlan, commit: bool, campaign: Campaign, lang: Lang) -> bool:
    from guilin_campaign.write.apply import apply
    from guilin_campaign.write.lock import Holder, work_dir

    holder = Holder(shlex.join(["guilin-campaign", *sys.argv[1:]]), datetime.now().astimezone().isoformat(timespec="seconds"))
    try:
        outcome = apply(folder, plan.change, commit=commit, cache_folder=cache_folder(os.environ), holder=holder,
                        on_wait=lambda message: print(render(message, current_lang()), file=sys.stderr),
                        then=lambda: _record(folder, plan.record, work_dir(folder)), also=(folder / IMPORTS_FILE,))
    except CampaignError as err:
        for problem in err.problems:
            print(problem.text(lang), file=sys.stderr)
        print(text("forms.import.not_applied", lang, file=str(reading.path), why=err.text(lang)), file=sys.stderr)
        return False
    if not reading.unchanged or reading.visits:
        sys.stdout.write(describe(reading, campaign, lang, applied=True))
    key = "forms.import.applied" if plan.changes_data else "forms.import.recorded"
    print(text(key, lang, file=str(reading.path), who=who(reading, campaign), tasks=plan.tasks,
               indicators=plan.indicators, rows=reading.rows, path=str(folder / TASKS_FILE)))
    if outcome.commit:
        print(text("forms.import.committed", lang, commit=outcome.commit, message=plan.change.message))
    return True


def _record(folder: Path, record: ImportRecord, tmp_dir: Path) -> None:
    """The record of the import, after the tasks file was written: if it cannot be written, say that the
    data is updated and that importing the form again records it (and changes nothing else)."""
    try:
        record_import(folder, record, tmp_dir)
    except CampaignError as err:
        raise CampaignError(msg("forms.import.unrecorded", path=str(folder / TASKS_FILE), why=err.message), err.problems) from None
