"""Commands: ``form export MONTH`` and ``form import FILE... --dry-run`` (填报表)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from guilin_campaign.cli.common import DataOpt, data_folder, handled, load_data
from guilin_campaign.loadresult import require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.report.periods import parse_period

COMMANDS: tuple[Callable[..., Any], ...] = ()

form_app = typer.Typer(
    help="Each member unit's monthly form (填报表): export the workbooks, check the returned ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
TYPER_APPS = (("form", form_app),)

MonthArg = Annotated[str, typer.Argument(metavar="YYYY-MM", help="The month the forms report, e.g. 2022-08.")]
NOT_YET = ("applying returned forms to the data is not available yet (it comes with the new write path); "
           "check them with `form import FILE... --dry-run`, then enter the changes with the update commands")


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
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The folder the workbooks are written to (must exist).")],
    unit: Annotated[list[str] | None, typer.Option("--unit", "-u", metavar="UNIT", show_default=False,
                                                   help="Only this unit (an id of units.yaml); repeat for several [default: every unit that owes a report this month].")] = None,
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
    for made in export_forms(campaign, period, list(unit or []), output, key, words.office, words.form_due_day):
        print(f"wrote {made.path} ({made.tasks} 项任务, {made.indicators} 项指标)", file=sys.stderr)


@form_app.command("import")
@handled
def import_(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Returned workbooks (.xlsx).")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check each workbook and print what would change; write nothing.")] = False,
    month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", show_default=False,
                                              help="Refuse a form of any other month.")] = None,
    data: DataOpt = None,
) -> None:
    """Check returned forms: every problem with its sheet and cell, or what would change."""
    from guilin_campaign.forms.key import office_key
    from guilin_campaign.forms.reading import read_form
    from guilin_campaign.forms.summary import describe

    if not dry_run:
        raise CampaignError(NOT_YET, kind=ErrorKind.USAGE)
    expected = parse_period(month, "monthly") if month else None
    campaign = require_campaign(load_data(data_folder(data)))
    key = office_key(key_path(os.environ), create=False)
    refused = 0
    for path in files:
        reading = read_form(path, campaign, key, expected)
        refused += bool(reading.problems)
        sys.stdout.write(describe(reading, campaign))
    if refused:
        raise CampaignError(f"{refused} of {len(files)} workbook(s) refused; nothing was written", kind=ErrorKind.REFUSED)
    print("dry run: nothing was written", file=sys.stderr)
