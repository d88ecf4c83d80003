"""What every Typer command shares: the data and format options, and :func:`handled`, which turns a
:class:`CampaignError` into a message and an exit code. The rest lives in
:mod:`guilin_campaign.cli.base`, without Typer, and is re-exported here."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from guilin_campaign.cli.base import EXIT_CODES as EXIT_CODES  # re-exported: commands import them from here
from guilin_campaign.cli.base import Format as Format
from guilin_campaign.cli.base import cache_folder as cache_folder
from guilin_campaign.cli.base import data_folder as data_folder
from guilin_campaign.cli.base import emit as emit
from guilin_campaign.cli.base import load_data as load_data
from guilin_campaign.cli.base import open_data as open_data
from guilin_campaign.cli.base import parse_date as parse_date
from guilin_campaign.cli.base import show_error
from guilin_campaign.cli.lang import LANG_META as LANG_META
from guilin_campaign.cli.lang import current_lang as current_lang
from guilin_campaign.problems import CampaignError

F = TypeVar("F", bound=Callable[..., Any])


DataOpt = Annotated[
    Path | None,
    typer.Option("--data", "-d", help="opt.data", show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="opt.output", show_default=False),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="opt.as_of", show_default=False),
]
SoonOpt = Annotated[int | None, typer.Option("--soon", min=0, metavar="N", help="opt.soon", show_default=False)]


def handled(fn: F) -> F:
    """Run a command; a CampaignError becomes its problems and message on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CampaignError as err:
            raise typer.Exit(show_error(err, current_lang())) from None

    return wrapper  # type: ignore[return-value]


def exit_with(code: int) -> None:
    """End a Typer command with ``code`` (a run of :mod:`.reads` or :mod:`.updates`), when it is not 0."""
    if code:
        raise typer.Exit(code)
