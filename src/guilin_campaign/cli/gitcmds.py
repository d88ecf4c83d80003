"""Git's side of the data: the merge driver git runs, and ``git-setup`` that tells git to run it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from guilin_campaign.catalogue import render, text
from guilin_campaign.cli.common import DataOpt, current_lang, data_folder


def merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASE", help="opt.merge.base")],
    ours: Annotated[Path, typer.Argument(metavar="OURS", help="opt.merge.ours")],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="opt.merge.theirs")],
    path: Annotated[str, typer.Argument(metavar="PATH", help="opt.merge.path")] = "",
) -> None:
    """Merge tasks.yaml or units.yaml record by record (git runs this; see git-setup). Exit 1 on a conflict."""
    from guilin_campaign.merge.gitfiles import merge_files

    # during `git merge` (and `git pull`), git names their commit in GITHEAD_<sha>; not in a rebase
    heads = sorted(key[len("GITHEAD_"):] for key in os.environ if key.startswith("GITHEAD_"))
    result = merge_files(base, ours, theirs, path, heads[0] if len(heads) == 1 else None)
    if not result.clean:
        where = path or str(ours)
        why = f" ({render(result.reason, current_lang())})" if result.reason else ""  # a catalogue message
        print(text("cli.merge.conflicts", current_lang(), where=where, conflicts=result.conflicts, why=why), file=sys.stderr)
        raise typer.Exit(1)


def git_setup(data: DataOpt = None) -> None:
    """Make git merge the data files with guilin-campaign's merge driver (once in each clone)."""
    from guilin_campaign.merge.gitfiles import setup_repository

    for line in setup_repository(data_folder(data, updating=True)):
        print(line)


COMMANDS = (merge_driver, git_setup)
