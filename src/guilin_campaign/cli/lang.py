"""The run's language, where every part of the command line finds it (see :mod:`.localize`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from guilin_campaign.catalogue import Lang, choose_lang

LANG_META = "guilin_campaign.lang"


def current_lang() -> Lang:
    """The language the user chose for this run: ``--lang`` (kept in the root context's meta by
    :class:`guilin_campaign.cli.localize.LocalGroup`), else the environment
    (:func:`guilin_campaign.catalogue.choose_lang`)."""
    click_globals = sys.modules.get("typer._click.globals")  # Typer vendors Click; the fast path never imports it
    ctx = click_globals.get_current_context(silent=True) if click_globals is not None else None
    chosen = ctx.find_root().meta.get(LANG_META) if ctx is not None else None
    return chosen if chosen in ("zh", "en") else choose_lang(None, os.environ)


def lang_in_args(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The run's language: the last ``--lang X`` / ``--lang=X`` before ``--``, else the environment
    (:func:`guilin_campaign.catalogue.choose_lang`). Raises ``ValueError`` (with the value, empty
    when it is missing) for a value other than zh/en."""
    chosen: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang":
            if i + 1 >= len(args):
                raise ValueError("")
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg[len("--lang="):]
    return choose_lang(chosen, environ)
