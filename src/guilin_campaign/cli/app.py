"""The command line: one Typer app; each command is a thin function in a module of its group."""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated, Optional

import typer

from guilin_campaign.cli import browse, forms, gitcmds, importing, ledger, notice, rank, report, update, views, workflow
from guilin_campaign.cli.common import handled
from guilin_campaign.cli.lang import lang_in_args
from guilin_campaign.cli.localize import LocalGroup

app = typer.Typer(
    name="guilin-campaign",
    help="app.help",  # every help is a catalogue key, put in the user's language by cli.localize
    cls=LocalGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"guilin-campaign {version('guilin-campaign')}")
        raise typer.Exit()


@app.callback()
def _program(
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="zh|en", help="opt.lang", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version, help="opt.version")] = False,
) -> None:
    """The program's own options. ``--lang`` is read before Click parses (cli.localize) and is
    accepted by every command; here it is only declared, for the help and the completion."""


# Each module lists its commands in COMMANDS, in the order --help shows them.
for module in (browse, update, views, ledger, rank, report, notice, importing, gitcmds, forms, workflow):
    for command in module.COMMANDS:
        name = command.__name__.rstrip("_").replace("_", "-")
        app.command(name=name, context_settings=getattr(command, "context_settings", None),
                    cls=getattr(command, "command_class", None))(handled(command))
    # A module may also add a group of sub-commands (``report monthly``, ``report quarterly``).
    for name, group in getattr(module, "TYPER_APPS", ()):
        app.add_typer(group, name=name)


def main() -> None:
    """Console entry point: no Python traceback reaches the user, even for a bug."""
    # One command is a short-lived process whose objects (the parsed files, the models, the rows)
    # all live until it exits: after the load the cyclic collector would only scan them again
    # (0.15 s of `overdue` at 10,000 tasks), and the little cyclic garbage there is goes at exit.
    gc.disable()
    try:
        app()
    except Exception as err:  # the last line of defence (re-raised only under GUILIN_CAMPAIGN_DEBUG)
        if os.environ.get("GUILIN_CAMPAIGN_DEBUG"):
            raise
        from guilin_campaign.catalogue import choose_lang
        from guilin_campaign.cli.base import internal_error

        try:  # the click context is gone by now: the language from the arguments again
            lang = lang_in_args(sys.argv[1:], os.environ)
        except ValueError:
            lang = choose_lang(None, os.environ)
        internal_error(err, lang)
        sys.exit(3)
