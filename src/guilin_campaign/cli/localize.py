"""The command line in the user's language.

The language is chosen once per run, before Click parses anything (:func:`lang_in_args`:
``--lang`` anywhere before a ``--``, else :func:`guilin_campaign.catalogue.choose_lang`), and kept
in the root context's meta (``LANG_META``) where :func:`guilin_campaign.cli.common.current_lang`
reads it. :class:`LocalGroup` is the program's root group: when it runs it walks the command tree
Typer has just built (a new one for each run) and puts in each command's help the catalogue entry
``cmd.<command path>`` and in each parameter's help the entry its declaration names
(``help="opt.extend.to"``); Click's own words go through :mod:`guilin_campaign.cli.clickwords`.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from typer._click.core import Command, Context
from typer._click.exceptions import ClickException
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup
from typer.exceptions import Abort

from guilin_campaign.catalogue import CATALOGUE, Lang, choose_lang, text
from guilin_campaign.cli.clickwords import LocalFormatter, show_error
from guilin_campaign.cli.lang import LANG_META, lang_in_args

ROOT_KEY = "app.help"
# Typer's completion options, named by the parameter; their help is Typer's English.
_PARAM_KEYS = MappingProxyType({"install_completion": "opt.install_completion", "show_completion": "opt.show_completion"})


class LocalContext(Context):
    """A context whose help formatter writes Click's words in the run's language."""

    formatter_class = LocalFormatter

    def make_formatter(self) -> HelpFormatter:
        formatter = super().make_formatter()
        if isinstance(formatter, LocalFormatter):
            formatter.lang = self.find_root().meta.get(LANG_META) or choose_lang(None, os.environ)
        return formatter


class LocalGroup(TyperGroup):
    """The root command: chooses the language, localizes the tree, shows Click's errors in it."""

    run_lang: Lang | None = None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        try:
            lang = lang_in_args(argv, os.environ)
        except ValueError as err:
            said = text("cli.bad_lang", choose_lang(None, os.environ), value=repr(str(err))) if str(err) else \
                text("cli.lang_needs_value", choose_lang(None, os.environ))
            print(said, file=sys.stderr)
            sys.exit(2)
        self.run_lang = lang
        localize(self, lang)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(argv, prog_name, complete_var, False, windows_expand_args, **extra)
        except ClickException as err:
            show_error(err, lang)
            sys.exit(err.exit_code)
        except Abort:
            print(text("click.aborted", lang), file=sys.stderr)
            sys.exit(1)
        # not standalone, Click returns a command's exit code (typer.Exit) instead of exiting
        sys.exit(result if isinstance(result, int) else 0)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        ctx.meta[LANG_META] = self.run_lang or choose_lang(None, os.environ)
        return super().parse_args(ctx, args)


def localize(root: Command, lang: Lang) -> None:
    """Every command's and parameter's help in ``lang``; ``--lang`` accepted by every command."""
    lang_option = next((p for p in root.params if p.name == "lang"), None)
    for path, command in walk(root, ()):
        command.context_class = LocalContext
        key = f"cmd.{'.'.join(path)}" if path else ROOT_KEY
        if key in CATALOGUE:
            command.help = text(key, lang)
            command.short_help = summary(command.help)
        for param in command.params:
            _localize_param(param, lang)
        if path and lang_option is not None and not any(p.name == "lang" for p in command.params):
            passed = copy.copy(lang_option)  # parsed here too (the value was read before), not passed on
            passed.expose_value = False
            command.params.append(passed)


def _localize_param(param: Any, lang: Lang) -> None:
    key = getattr(param, "help_key", None) or _PARAM_KEYS.get(param.name or "") or getattr(param, "help", None)
    if isinstance(key, str) and key in CATALOGUE:
        param.help_key = key
        param.help = text(key, lang)


def walk(command: Command, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Command]]:
    """The command and every command under it, each with its path of names (the root's is empty)."""
    out = [(path, command)]
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            out += walk(sub, (*path, name))
    return out


_SENTENCE_END = re.compile(r"(?<=。)|(?<=\.)\s")


def summary(help_text: str) -> str:
    """The first sentence: the one-line summary in the list of commands."""
    return _SENTENCE_END.split(help_text.strip(), maxsplit=1)[0].strip()
