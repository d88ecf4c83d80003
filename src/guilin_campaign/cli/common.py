"""What every command shares: the data and format options, opening the data, printing results,
and turning a :class:`CampaignError` into a message and an exit code (the one place that does)."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

import typer

from guilin_campaign import cache
from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang, choose_lang
from guilin_campaign.datadir import locate
from guilin_campaign.listing import Listing
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, LoadResult, load_campaign, require_campaign
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.readfile import plain_file_problem

F = TypeVar("F", bound=Callable[..., Any])


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


DataOpt = Annotated[
    Path | None,
    typer.Option("--data", "-d", help="Data folder with tasks.yaml and units.yaml ('sample': the built-in sample) [default: $GUILIN_CAMPAIGN_DATA, else the nearest folder from here up holding tasks.yaml or data/tasks.yaml]", show_default=False),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE instead of printing (needed for xlsx), replacing it atomically.", show_default=False),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date the view is computed for, YYYY-MM-DD [default: today].", show_default=False),
]
SoonOpt = Annotated[int | None, typer.Option("--soon", min=0, metavar="N", help="A task is due soon when due within N days, the as-of day included (default: the rules' due_soon_days, 7).", show_default=False)]


LANG_META = "guilin_campaign.lang"


def current_lang() -> Lang:
    """The language the user chose for this run: ``--lang`` (kept in the root context's meta by
    the app), else the environment (:func:`guilin_campaign.catalogue.choose_lang`)."""
    from typer._click.globals import get_current_context  # Typer 0.29 vendors Click

    ctx = get_current_context(silent=True)
    chosen = ctx.find_root().meta.get(LANG_META) if ctx is not None else None
    return chosen if chosen in ("zh", "en") else choose_lang(None, os.environ)


def data_folder(data: Path | None, updating: bool = False) -> Path:
    """The data folder (see :func:`guilin_campaign.datadir.locate`); updates refuse the sample."""
    source = locate(data, os.environ, Path.cwd())
    if source.builtin and updating:
        raise CampaignError(
            "updates never change the built-in sample: create your own data folder with "
            "`guilin-campaign init DIR`, then run the command inside it (or pass --data DIR)",
            kind=ErrorKind.USAGE,
        )
    return source.folder


def load_data(folder: Path) -> LoadResult:
    """The data folder's load, through the cache (see :mod:`guilin_campaign.cache`); a progress
    line on a terminal while a long load runs (see :mod:`guilin_campaign.cli.progress`)."""
    from guilin_campaign.cli.progress import progress_line

    if any(plain_file_problem(folder / name) for name in (TASKS_FILE, UNITS_FILE)):
        return load_campaign(folder)  # a pipe, a device or a huge file: the loader refuses it, the cache never reads it
    with progress_line(sys.stderr, sys.stdout) as progress:
        return cache.load(folder, cache_folder(os.environ), notice=_note, progress=progress)


def _note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


def open_data(data: Path | None) -> Campaign:
    return require_campaign(load_data(data_folder(data)))


def cache_folder(environ: Mapping[str, str]) -> Path | None:
    """``$GUILIN_CAMPAIGN_CACHE`` (``off`` for none), else ``$XDG_CACHE_HOME/guilin-campaign``,
    else ``~/.cache/guilin-campaign``; none when no home folder is known."""
    value = environ.get("GUILIN_CAMPAIGN_CACHE", "").strip()
    if value.lower() in {"off", "no", "0", "false", "none"}:
        return None
    if value:
        return Path(value)
    if environ.get("XDG_CACHE_HOME"):
        return Path(environ["XDG_CACHE_HOME"]) / "guilin-campaign"
    try:
        return Path.home() / ".cache" / "guilin-campaign"
    except RuntimeError:  # no HOME and no user entry
        return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str | None, what: str = "--as-of") -> date:
    """A date argument; without one, today (read here, at the edge, never in the core)."""
    if text is None:
        return date.today()
    try:
        if not _ISO_DAY.fullmatch(text):  # fromisoformat would also take 20220630 or 2022-W26-4
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise CampaignError(f"{what}: not a date: {text!r}; write YYYY-MM-DD", kind=ErrorKind.USAGE) from None


def emit(fmt: Format, json_data: Any, listings: Sequence[Listing], output: Path | None = None, about: Any = None) -> None:
    """Print a result: ``json_data`` as JSON, ``listings`` as tables, CSV (the first) or Markdown;
    with ``output``, write it to that file instead (xlsx only so; ``about`` names the workbook:
    a :class:`guilin_campaign.cli.listing_file.About`)."""
    from guilin_campaign.render import text

    lang = current_lang()
    if output is not None or fmt is Format.xlsx:
        from guilin_campaign.cli.listing_file import write_listings

        write_listings(fmt.value, json_data, listings, output, about, lang)
        return
    if fmt is Format.json:
        sys.stdout.write(text.to_json(json_data))
    elif fmt is Format.csv:
        sys.stdout.write(text.to_csv(listings[0]))
    elif fmt is Format.md:
        sys.stdout.write("\n".join(text.to_markdown(listing, lang) for listing in listings))
    else:
        from guilin_campaign.render.plain import is_terminal, plain_listings

        plain = None if is_terminal(sys.stdout) else plain_listings(listings, lang)
        if plain is not None:
            sys.stdout.write(plain)  # what Rich would print, without importing it
            return
        from guilin_campaign.render.table import make_console, print_listings

        print_listings(listings, make_console(), lang)


# 0 success, 1 problems in the data / update refused / cannot write, 2 bad invocation.
EXIT_CODES = MappingProxyType({ErrorKind.DATA: 1, ErrorKind.REFUSED: 1, ErrorKind.ENVIRONMENT: 1, ErrorKind.USAGE: 2})


def handled(fn: F) -> F:
    """Run a command; a CampaignError becomes its problems and message on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CampaignError as err:
            lang = current_lang()
            for problem in err.problems:
                print(problem.text(lang), file=sys.stderr)
            option = f"--{err.option}: " if err.option else ""
            print(f"error: {option}{err.text(lang)}", file=sys.stderr)
            raise typer.Exit(EXIT_CODES[err.kind]) from None

    return wrapper  # type: ignore[return-value]
