"""Commands: ``form export MONTH`` and ``form import FILE... --dry-run`` (填报表)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg, text
from guilin_campaign.cli.common import DataOpt, Format, OutputOpt, current_lang, data_folder, emit, handled, load_data
from guilin_campaign.cli.options import FormatOpt
from guilin_campaign.loadresult import require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.periods import parse_period

COMMANDS: tuple[Callable[..., Any], ...] = ()

form_app = typer.Typer(
    help="cmd.form",
    no_args_is_help=True,
    rich_markup_mode=None,
)
TYPER_APPS = (("form", form_app),)

MonthArg = Annotated[str, typer.Argument(metavar="YYYY-MM", help="opt.form.month")]


def key_path(environ: Mapping[str, str]) -> Path:
    """``$GUILIN_CAMPAIGN_FORM_KEY``, else ``$XDG_CONFIG_HOME/guilin-campaign/form.key``, else
    ``~/.config/guilin-campaign/form.key``."""
    if environ.get("GUILIN_CAMPAIGN_FORM_KEY", "").strip():
        return Path(environ["GUILIN_CAMPAIGN_FORM_KEY"].strip())
    config = Path(environ["XDG_CONFIG_HOME"]) if environ.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return config / "guilin-campaign" / "form.key"


@form_app.command("export")
@handled
def export(
    month: MonthArg,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="opt.form.export.output")],
    unit: Annotated[list[str] | None, typer.Option("--unit", "-u", metavar="UNIT", show_default=False,
                                                   help="opt.form.export.unit")] = None,
    data: DataOpt = None,
) -> None:
    """Write one form per unit, named MONTH-<unit short name>.xlsx."""
    from guilin_campaign.forms.export import export_forms
    from guilin_campaign.forms.key import office_key
    from guilin_campaign.office import load_words

    period = parse_period(month, "monthly")
    folder = data_folder(data)
    campaign = require_campaign(load_data(folder))
    words = load_words(folder, campaign.info)
    key = office_key(key_path(os.environ), create=True)
    categories = _categories(folder, campaign)
    for made in export_forms(campaign, period, list(unit or []), output, key, words.office, words.form_due_day, categories):
        print(text("forms.export.wrote", current_lang(), path=made.path, tasks=made.tasks, indicators=made.indicators),
              file=sys.stderr)


def _categories(folder: Path, campaign: Campaign) -> tuple[str, ...]:
    """The ledger's problem categories, for a county's 查访记录 sheet (the defaults without a ledger)."""
    from guilin_campaign.ledger.load import open_ledger
    from guilin_campaign.ledger.model import DEFAULT_CATEGORIES

    ledger = open_ledger(folder, campaign)
    return tuple(ledger.categories) if ledger is not None else DEFAULT_CATEGORIES


@form_app.command("import")
@handled
def import_(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="opt.form.import.files")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="opt.form.import.dry_run")] = False,
    month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", show_default=False,
                                              help="opt.form.import.month")] = None,
    commit: Annotated[bool, typer.Option("--commit", help="opt.form.import.commit")] = False,
    data: DataOpt = None,
) -> None:
    """Check returned forms and apply each one (all or nothing per workbook); --dry-run only checks."""
    from datetime import date

    from guilin_campaign.cli.form_import import import_forms
    from guilin_campaign.forms.key import office_key

    expected = parse_period(month, "monthly") if month else None
    folder = data_folder(data, updating=not dry_run)
    key = office_key(key_path(os.environ), create=False)
    refused = import_forms(folder, files, key, expected, dry_run, commit, date.today())
    lang = current_lang()
    if refused:
        said = "forms.import.refused_dry" if dry_run else "forms.import.refused"
        raise CampaignError(msg(said, refused=refused, total=len(files)), kind=ErrorKind.REFUSED)
    if dry_run:
        print(text("forms.import.dry_run", lang), file=sys.stderr)


@form_app.command("status", help="cmd.form.status")
@handled
def status(
    month: MonthArg,
    fail_if_missing: Annotated[bool, typer.Option("--fail-if-missing", help="opt.form.status.fail_if_missing")] = False,
    fmt: FormatOpt = Format.table,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Which units owing a form this month have returned it (imported when, how many rows), and who has not (未报)."""
    from guilin_campaign.cli.listing_file import About
    from guilin_campaign.forms.imports import read_imports
    from guilin_campaign.forms.status import status_json, status_listing, status_rows

    period = parse_period(month, "monthly")
    folder = data_folder(data)
    campaign = require_campaign(load_data(folder))
    rows = status_rows(campaign, period, read_imports(folder))
    emit(fmt, status_json(period, rows), [status_listing(period, rows)], output, About(campaign, f"{period.label}填报情况"))
    if fail_if_missing and not all(r["reported"] for r in rows):
        raise typer.Exit(1)
