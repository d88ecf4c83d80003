"""What every command shares, without Typer: the data folder, opening the data, printing results,
and turning a :class:`CampaignError` into a message and an exit code (the one place that does).

Typer's commands (:mod:`guilin_campaign.cli.common` adds their option types) and the fast path
that runs the everyday commands without Typer (:mod:`guilin_campaign.cli.fast`) both call these.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from guilin_campaign.catalogue import Lang, msg
from guilin_campaign.catalogue import text as say
from guilin_campaign.cli.lang import current_lang
from guilin_campaign.datadir import locate
from guilin_campaign.problems import CampaignError, ErrorKind

if TYPE_CHECKING:  # imported where used: a read from the cache needs neither pydantic nor the models
    from guilin_campaign.campaign import Campaign
    from guilin_campaign.listing import Listing
    from guilin_campaign.loadresult import LoadResult


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


def data_folder(data: Path | None, updating: bool = False) -> Path:
    """The data folder (see :func:`guilin_campaign.datadir.locate`); updates refuse the sample."""
    source = locate(data, os.environ, Path.cwd())
    if source.builtin and updating:
        raise CampaignError(msg("cli.sample_read_only"), kind=ErrorKind.USAGE)
    return source.folder


def load_data(folder: Path, plain: bool = False) -> LoadResult:
    """The data folder's load, through the cache (see :mod:`guilin_campaign.cache`); a progress
    line on a terminal while a long load runs (see :mod:`guilin_campaign.cli.progress`).

    ``plain``: the command only reads the models' attributes, so a cache hit may hand it plain
    records (:mod:`guilin_campaign.cacheplain`), without importing pydantic or building a model."""
    from guilin_campaign import cache
    from guilin_campaign.cli.progress import progress_line
    from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE
    from guilin_campaign.readfile import plain_file_problem

    if any(plain_file_problem(folder / name) for name in (TASKS_FILE, UNITS_FILE)):
        from guilin_campaign.loading import load_campaign

        return load_campaign(folder)  # a pipe, a device or a huge file: the loader refuses it, the cache never reads it
    with progress_line(sys.stderr, sys.stdout, first=say("cli.progress.loading", current_lang())) as progress:
        return cache.load(folder, cache_folder(os.environ), notice=_note, progress=progress, plain=plain)


def _note(message: str) -> None:
    print(say("cli.note", current_lang(), text=message), file=sys.stderr)


def open_data(data: Path | None, plain: bool = False) -> Campaign:
    """The data's campaign, or its problems as a :class:`CampaignError`; ``plain`` as in :func:`load_data`."""
    from guilin_campaign.loadresult import require_campaign

    return require_campaign(load_data(data_folder(data), plain))


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
        raise CampaignError(msg("cli.not_a_date", what=what, value=repr(text)), kind=ErrorKind.USAGE) from None


def emit(fmt: Format, json_data: Any, listings: Sequence[Listing], output: Path | None = None, about: Any = None,
         lang: Lang | None = None) -> None:
    """Print a result: ``json_data`` as JSON, ``listings`` as tables, CSV (the first) or Markdown;
    with ``output``, write it to that file instead (xlsx only so; ``about`` names the workbook:
    a :class:`guilin_campaign.cli.listing_file.About`), in ``lang`` (else the run's)."""
    from guilin_campaign.render import text

    lang = lang or current_lang()
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




def show_error(err: CampaignError, lang: Lang) -> int:
    """Print ``err``'s problems and message on stderr; its exit code."""
    for problem in err.problems:
        print(problem.text(lang), file=sys.stderr)
    option = f"--{err.option}: " if err.option else ""
    print(say("cli.error", lang, text=option + err.text(lang)), file=sys.stderr)
    return EXIT_CODES[err.kind]


def internal_error(err: BaseException, lang: Lang) -> int:
    """The last line of defence: a bug said in one sentence and a hint, never a traceback."""
    print(say("cli.internal_error", lang, error=f"{type(err).__name__}: {err}"), file=sys.stderr)
    print(say("cli.internal_error_hint", lang), file=sys.stderr)
    return 3
