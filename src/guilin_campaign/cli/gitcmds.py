"""Git's side of the data: the merge driver git runs, and ``git-setup`` that tells git to run it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from guilin_campaign.cli.common import DataOpt, current_lang, data_folder


def merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASE", help="The common ancestor's file (git's %O).")],
    ours: Annotated[Path, typer.Argument(metavar="OURS", help="Our file (git's %A); the result is written into it.")],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="Their file (git's %B).")],
    path: Annotated[str, typer.Argument(metavar="PATH", help="The file's path in the repository (git's %P).")] = "",
) -> None:
    """Merge tasks.yaml or units.yaml record by record (git runs this; see git-setup). Exit 1 on a conflict."""
    from guilin_campaign.catalogue import render
    from guilin_campaign.merge.gitfiles import merge_files

    # during `git merge` (and `git pull`), git names their commit in GITHEAD_<sha>; not in a rebase
    heads = sorted(key[len("GITHEAD_"):] for key in os.environ if key.startswith("GITHEAD_"))
    result = merge_files(base, ours, theirs, path, heads[0] if len(heads) == 1 else None)
    if not result.clean:
        where = path or str(ours)
        why = f" ({render(result.reason, current_lang())})" if result.reason else ""  # a catalogue message (issue 13)
        print(f"guilin-campaign: {where}: {result.conflicts} conflict(s) left between <<<<<<< and >>>>>>> lines{why}; "
              "keep the right lines, delete the markers, run `guilin-campaign check`, then `git add` and commit", file=sys.stderr)
        raise typer.Exit(1)


def git_setup(data: DataOpt = None) -> None:
    """Make git merge the data files with guilin-campaign's merge driver (once in each clone)."""
    from guilin_campaign.merge.gitfiles import setup_repository

    for line in setup_repository(data_folder(data, updating=True)):
        print(line)


COMMANDS = (merge_driver, git_setup)
