"""The console entry point: it imports the app inside its own guard, so a Ctrl-C while the
libraries load (the first few tenths of a second) ends quietly too, not in a traceback. It also
refuses arguments that are not UTF-8 before anything reads them (a GBK terminal or script)."""

from __future__ import annotations

import sys


def main() -> None:
    if (message := argv_problem(sys.argv[1:])) is not None:
        print(f"guilin-campaign: {message}", file=sys.stderr)
        sys.exit(2)
    try:
        from guilin_campaign.cli.app import main as run_app
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        sys.exit(130)
    run_app()


def argv_problem(args: list[str]) -> str | None:
    """Python hands bytes that are not UTF-8 over as lone surrogates (``\\udcd2``); say which
    argument, what it probably was, and what to do, instead of a message about its consequence."""
    for number, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raw = arg.encode("utf-8", "surrogateescape")
            try:
                guess = f": its bytes read as GBK/GB18030 give {raw.decode('gb18030')!r}"
            except UnicodeDecodeError:
                guess = ""
            return (f"argument {number} is not UTF-8 text{guess}. Set the terminal (or save the script) "
                    "to UTF-8, e.g. `export LANG=zh_CN.UTF-8`, and run the command again; nothing was changed.")
    return None
