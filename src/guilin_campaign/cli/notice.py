"""Command: ``notice UNIT`` / ``notice --all -o DIR``: the 催办单 to each unit that owes something."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from guilin_campaign.catalogue import msg, text
from guilin_campaign.cli.common import AsOfOpt, DataOpt, current_lang, open_data, parse_date
from guilin_campaign.cli.options import choice
from guilin_campaign.problems import CampaignError, ErrorKind

if TYPE_CHECKING:
    from guilin_campaign.campaign import Campaign
    from guilin_campaign.office import OfficeWords
    from guilin_campaign.queries.notice import Notice


class NoticeFormat(StrEnum):
    docx = "docx"
    md = "md"


def notice(
    unit: Annotated[Optional[str], typer.Argument(metavar="UNIT", help="opt.notice.unit", show_default=False)] = None,
    every: Annotated[bool, typer.Option("--all", help="opt.notice.all")] = False,
    data: DataOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[Optional[NoticeFormat], typer.Option("--format", "-f", parser=choice(NoticeFormat), show_default=False,
                                                        help="opt.notice.format")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", show_default=False, help="opt.notice.output")] = None,
    soon: Annotated[Optional[int], typer.Option("--soon", min=0, metavar="N", show_default=False, help="opt.notice.soon")] = None,
    office: Annotated[Optional[str], typer.Option("--office", metavar="NAME", show_default=False, help="opt.notice.office")] = None,
) -> None:
    """催办单 (督办通知单): what a unit owes at a date (overdue, due soon, missing readings) and by when to answer."""
    from guilin_campaign.office import load_words
    from guilin_campaign.queries import notice as query

    if (unit is None) == (not every) or (every and output is None):
        raise CampaignError(msg("cli.notice.usage"), kind=ErrorKind.USAGE)
    day, c = parse_date(as_of), open_data(data)
    words = load_words(c.folder, c.info).with_options(office, None)
    if soon is None:
        from guilin_campaign.rules import require_rules

        soon = require_rules(c.folder, c).lights.due_soon_days
    if unit is not None:
        _one(query.unit_notice(c, unit, day, soon, words.reply_days), words, fmt, output, c)
        return
    assert output is not None
    _all(query.all_notices(c, day, soon, words.reply_days), words, fmt, output, c)


def _one(n: Notice, words: OfficeWords, fmt: NoticeFormat | None, output: Path | None, c: Campaign) -> None:
    from guilin_campaign.render.notice_doc import render_notice

    if not n.owes:
        print(text("cli.notice.nothing", current_lang(), name=n.name, day=n.as_of), file=sys.stderr)
        return
    chosen = fmt.value if fmt else ("md" if output is None else _suffix(output))
    if output is None and chosen == "md":
        sys.stdout.write(render_notice(n, words, c.info.name, "md").decode("utf-8"))
        return
    from guilin_campaign.render.notice_doc import file_name

    _write(output or Path(file_name(n, chosen)), render_notice(n, words, c.info.name, chosen), c)


def _all(notices: list[Notice], words: OfficeWords, fmt: NoticeFormat | None, folder: Path, c: Campaign) -> None:
    from guilin_campaign.render.notice_doc import file_name, render_notice

    chosen = fmt.value if fmt else "docx"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CampaignError(msg("cli.notice.no_folder", folder=folder, reason=err.strerror)) from None
    owing = [n for n in notices if n.owes]
    for n in owing:
        _write(folder / file_name(n, chosen), render_notice(n, words, c.info.name, chosen), c)
    clear = [n.short for n in notices if not n.owes]
    lang = current_lang()
    print(text("cli.notice.summary", lang, owing=len(owing), files=len(owing), clear=len(clear),
               names="、".join(clear) or text("cli.notice.none", lang)), file=sys.stderr)


def _suffix(path: Path) -> str:
    if path.suffix.lower() in (".docx", ".md"):
        return path.suffix.lower()[1:]
    raise CampaignError(msg("cli.notice.suffix", name=repr(path.name)), kind=ErrorKind.USAGE)


def _write(path: Path, data: bytes, c: Campaign) -> None:
    from guilin_campaign.report.output import write_report

    write_report(path, data, [c.tasks_file, c.units_file])
    print(text("cli.wrote", current_lang(), path=path), file=sys.stderr)


COMMANDS: tuple[Callable[..., Any], ...] = (notice,)
