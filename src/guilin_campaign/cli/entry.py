"""The console entry point: it imports the app inside its own guard, so a Ctrl-C while the
libraries load (the first few tenths of a second) ends quietly too, not in a traceback. It also
refuses arguments that are not UTF-8 before anything reads them (a GBK terminal or script), and
runs the everyday commands without Typer when it can (:mod:`guilin_campaign.cli.fast`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from guilin_campaign.catalogue import Lang, choose_lang, msg, render
from guilin_campaign.catalogue import Msg as Message
from guilin_campaign.cli.lang import lang_in_args


def main() -> None:
    if (message := argv_problem(sys.argv[1:])) is not None:
        print(render(message, _lang(sys.argv[1:])), file=sys.stderr)
        sys.exit(2)
    try:
        from guilin_campaign.cli import fast

        if (code := fast.run(sys.argv[1:], os.environ)) is not None:
            sys.exit(code)
        from guilin_campaign.cli.app import main as run_app
    except KeyboardInterrupt:
        print(render(msg("cli.interrupted"), _lang(sys.argv[1:])), file=sys.stderr)
        sys.exit(130)
    run_app()


def _lang(args: Sequence[str]) -> Lang:
    """The language for a message said before the command line is parsed (a bad --lang: the environment's)."""
    try:
        return lang_in_args([a for a in args if _is_text(a)], os.environ)
    except ValueError:
        return choose_lang(None, os.environ)


def _is_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def argv_problem(args: list[str]) -> Message | None:
    """Python hands bytes that are not UTF-8 over as lone surrogates (``\\udcd2``); say which
    argument, what it probably was, and what to do, instead of a message about its consequence."""
    for number, arg in enumerate(args, start=1):
        if _is_text(arg):
            continue
        raw = arg.encode("utf-8", "surrogateescape")
        try:
            guess: Message | str = msg("cli.argv_gbk_guess", text=repr(raw.decode("gb18030")))
        except UnicodeDecodeError:
            guess = ""
        return msg("cli.argv_not_utf8", number=number, guess=guess)
    return None
