"""The fast path: the everyday commands run without Typer, when their command line is plain.

Importing Typer and declaring every command costs about as much as a whole ``overdue`` read from the
cache, at any size. So :mod:`.entry` first hands the arguments to :func:`run`: when they name one of
the commands below and every argument is one it declares, in a form read here the way Click reads it
(``--name value``, ``--name=value``, ``-n value``, flags, the positional arguments in order,
``--lang`` anywhere), it runs the same code Typer's command runs (:mod:`.reads`, :mod:`.updates`)
and returns the exit code. Anything else (``--help``, a missing or unknown option, a value Click
would refuse, shell completion) returns ``None`` and Typer takes the whole command line, so every
message about a bad command line is Click's own. ``GUILIN_CAMPAIGN_NO_FAST=1`` turns the fast path off.

The declarations here mirror Typer's; tests/test_fast_path.py holds them to Typer's commands and
runs every fast command both ways.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guilin_campaign.catalogue import Lang
from guilin_campaign.cli.lang import lang_in_args

_FORMATS = ("table", "json", "csv", "md", "xlsx")
_NUMBER = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Opt:
    names: tuple[str, ...]  # "--data", "-d"
    dest: str  # the parameter's name in Typer's command
    kind: str  # text, path, flag, int0 (an int >= 0), int1 (>= 1), format, check_format (text, json)


@dataclass(frozen=True)
class Command:
    args: tuple[str, ...]  # the positional parameters, in order
    opts: tuple[Opt, ...]
    run: Callable[[dict[str, Any], Lang], int | None]  # None: leave it to Typer after all
    required: tuple[str, ...] = ()  # options Typer requires


DATA, OUTPUT = Opt(("--data", "-d"), "data", "path"), Opt(("--output", "-o"), "output", "path")
FORMAT = Opt(("--format", "-f"), "fmt", "format")
_UPDATE_OPTS = (Opt(("--by",), "by", "text"), Opt(("--on",), "on", "text"), DATA,
                Opt(("--dry-run",), "dry_run", "flag"), Opt(("--commit",), "commit", "flag"))
_STATUS_OPTS = (Opt(("--unit", "-u"), "unit", "text"), Opt(("--note", "-n"), "note", "text"), *_UPDATE_OPTS)


def _overdue(o: dict[str, Any], lang: Lang) -> int:
    from guilin_campaign.cli import reads

    return reads.overdue(o["data"], o["fmt"], o["as_of"], o["unit"], o["soon"], o["support"], o["fail_if_any"],
                         o["output"], lang)


def _check(o: dict[str, Any], lang: Lang) -> int:
    from guilin_campaign.cli import reads

    return reads.check(o["data"], o["fmt"] or "text", lang)


def _summary(o: dict[str, Any], lang: Lang) -> int:
    from guilin_campaign.cli import reads

    return reads.summary(o["data"], o["fmt"], o["output"], lang)


def _tasks(o: dict[str, Any], lang: Lang) -> int | None:
    from guilin_campaign.cli import reads
    from guilin_campaign.lookup import status_id

    wanted = None if o["status"] is None else status_id(o["status"])
    if o["status"] is not None and wanted is None:
        return None  # Click's message about a bad --status
    return reads.tasks(o["data"], o["fmt"], o["unit"], wanted, o["action"], o["output"], o["adhoc"], o["batch"], lang)


def _status(status: str) -> Callable[[dict[str, Any], Lang], int]:
    def run(o: dict[str, Any], lang: Lang) -> int:
        from guilin_campaign.cli import updates

        return updates.status(status, o["task"], o["unit"], o["note"], o["by"], o["on"], o["data"],  # type: ignore[arg-type]
                              o["dry_run"], o["commit"], lang)

    return run


def _note(o: dict[str, Any], lang: Lang) -> int:
    from guilin_campaign.cli import updates

    return updates.note(o["task"], o["text"], o["by"], o["on"], o["data"], o["dry_run"], o["commit"], lang)


COMMANDS: Mapping[str, Command] = {
    "check": Command((), (DATA, Opt(("--format", "-f"), "fmt", "check_format")), _check),
    "overdue": Command((), (DATA, FORMAT, Opt(("--as-of",), "as_of", "text"), Opt(("--unit", "-u"), "unit", "text"),
                            Opt(("--soon",), "soon", "int0"), Opt(("--support",), "support", "flag"),
                            Opt(("--fail-if-any",), "fail_if_any", "flag"), OUTPUT), _overdue),
    "summary": Command((), (DATA, FORMAT, OUTPUT), _summary),
    "tasks": Command((), (DATA, FORMAT, Opt(("--unit", "-u"), "unit", "text"), Opt(("--status", "-s"), "status", "text"),
                          Opt(("--action", "-a"), "action", "text"), OUTPUT, Opt(("--adhoc",), "adhoc", "flag"),
                          Opt(("--batch", "-b"), "batch", "int1")), _tasks),
    "start": Command(("task",), _STATUS_OPTS, _status("doing")),
    "done": Command(("task",), _STATUS_OPTS, _status("done")),
    "reopen": Command(("task",), _STATUS_OPTS, _status("doing")),
    "block": Command(("task",), _STATUS_OPTS, _status("blocked"), required=("note",)),
    "note": Command(("task", "text"), _UPDATE_OPTS, _note),
}


def run(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Run the command line without Typer and return its exit code, or ``None`` for Typer to run it."""
    if environ.get("GUILIN_CAMPAIGN_NO_FAST") or any(name.startswith("_GUILIN_CAMPAIGN_COMPLETE") for name in environ):
        return None
    try:
        lang = lang_in_args(argv, environ)
    except ValueError:
        return None  # Click's message about --lang
    found = parse(argv)
    if found is None:
        return None
    command, values = found
    gc.disable()  # as cli.app.main does, for the same reason
    return _guarded(lambda: command.run(values, lang), lang, environ)


def parse(argv: Sequence[str]) -> tuple[Command, dict[str, Any]] | None:
    """The command and its parameters' values, or ``None`` when Typer should read the line."""
    args = _without_lang(argv)
    if not args or args[0] not in COMMANDS:
        return None
    command = COMMANDS[args[0]]
    by_name = {name: opt for opt in command.opts for name in opt.names}
    values: dict[str, Any] = {opt.dest: False if opt.kind == "flag" else None for opt in command.opts}
    given: set[str] = set()
    positional: list[str] = []
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            continue
        name, eq, inline = arg.partition("=")
        opt = by_name.get(name if name.startswith("--") else arg)
        if opt is None or opt.dest in given or (eq and (opt.kind == "flag" or not name.startswith("--"))):
            return None  # unknown, repeated, or a form Click reads otherwise: Click's own message
        given.add(opt.dest)
        if opt.kind == "flag":
            values[opt.dest] = True
            continue
        if not eq:
            if not rest:
                return None
            inline = rest.pop(0)
        value = _value(opt.kind, inline)
        if value is None:
            return None
        values[opt.dest] = value
    if len(positional) != len(command.args) or any(r not in given for r in command.required):
        return None
    values.update(zip(command.args, positional, strict=True))
    if FORMAT in command.opts and values["fmt"] is None:
        values["fmt"] = _format("table")  # Typer's default
    return command, values


def _without_lang(argv: Sequence[str]) -> list[str]:
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            out.append(arg)
    return out


def _value(kind: str, text: str) -> Any:
    """``text`` as Click would convert it for an option of ``kind``; ``None`` when Click might refuse it
    or read it otherwise (then Typer reads the whole line)."""
    if not text or text.startswith("-"):
        return None
    if kind == "text":
        return text
    if kind == "path":
        return None if os.path.exists(text) and not os.access(text, os.R_OK) else Path(text)  # Click: "not readable"
    if kind in ("int0", "int1"):
        return int(text) if _NUMBER.fullmatch(text) and int(text) >= (kind == "int1") else None
    if kind == "check_format":
        return text if text in ("text", "json") else None
    return _format(text) if text in _FORMATS else None


def _format(text: str) -> Any:
    from guilin_campaign.cli.base import Format

    return Format(text)


def _guarded(work: Callable[[], int | None], lang: Lang, environ: Mapping[str, str]) -> int | None:
    """``work``'s exit code; its :class:`CampaignError` said as Typer's commands say it
    (:func:`.base.show_error`), and no traceback for anything else (as :func:`.app.main`)."""
    from guilin_campaign.cli.base import internal_error, show_error
    from guilin_campaign.problems import CampaignError

    try:
        return work()
    except CampaignError as err:
        return show_error(err, lang)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is left to flush at exit goes nowhere
        return 1
    except Exception as err:
        if environ.get("GUILIN_CAMPAIGN_DEBUG"):
            raise
        return internal_error(err, lang)
