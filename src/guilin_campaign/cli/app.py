"""The command line: one Typer app; each command is a thin function in a module of its group."""

from __future__ import annotations

import gc
import os
import sys

import typer

from guilin_campaign.cli import browse, forms, gitcmds, importing, ledger, notice, rank, report, update, views, workflow
from guilin_campaign.cli.common import handled

app = typer.Typer(
    name="guilin-campaign",
    help="Campaign tracker for a command office: the task decomposition table, overdue work, indicators, reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

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
        print(f"guilin-campaign: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        print("Your data files were not changed. Set GUILIN_CAMPAIGN_DEBUG=1 to see details, and report it.", file=sys.stderr)
        sys.exit(3)
