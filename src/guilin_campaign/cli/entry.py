"""The console entry point: it imports the app inside its own guard, so a Ctrl-C while the
libraries load (the first few tenths of a second) ends quietly too, not in a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from guilin_campaign.cli.app import main as run_app
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        sys.exit(130)
    run_app()
