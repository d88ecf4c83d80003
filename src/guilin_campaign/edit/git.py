"""Committing one change to the data folder's git history, and nothing else that is staged."""

from __future__ import annotations

import subprocess
from pathlib import Path

from guilin_campaign.problems import CampaignError


def commit_change(folder: Path, files: list[Path], message: str) -> str | None:
    """Commit ``files`` with ``message``; the short hash, or ``None`` if they had no changes."""
    require_work_tree(folder)
    paths = [str(Path(f).resolve()) for f in files]  # git's own paths are resolved too
    _git(folder, ["add", "--", *paths])
    if _git(folder, ["diff", "--cached", "--quiet", "--", *paths], check=False).returncode == 0:
        return None
    # `--only`: just those paths, leaving whatever else a clerk had staged out of the commit
    _git(folder, ["commit", "--quiet", "--only", "-m", message, "--", *paths])
    return _git(folder, ["rev-parse", "--short", "HEAD"]).stdout.strip()


def require_work_tree(folder: Path) -> None:
    """Refuse early, before anything is written, when there is no repository to commit to."""
    inside = _git(folder, ["rev-parse", "--is-inside-work-tree"], check=False)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise CampaignError(f"{folder} is not inside a git repository: run `git init` there, or commit by hand")


def require_clean(folder: Path, files: list[Path]) -> None:
    """Refuse, before anything is written, when a data file has changes of its own that are not
    committed (staged or not), is not yet in git, or is ignored by it: the commit of an update
    must hold that update and nothing else."""
    require_work_tree(folder)
    for file in files:
        path = str(Path(file).resolve())
        status = _git(folder, ["status", "--porcelain", "--ignored", "--untracked-files=all", "--", path]).stdout
        if status.strip():
            raise CampaignError(_UNCLEAN.get(status[:2], _UNCLEAN[""]).format(file=file))


_UNCLEAN = {
    "??": "refused: {file} is not in git yet, so a commit of this update would hold the whole file: "
          "commit it first (git add {file} && git commit), then run the update again; nothing was written",
    "!!": "refused: {file} is ignored by git (.gitignore), so the update cannot be committed: "
          "take it out of .gitignore and commit it, or run the update without --commit; nothing was written",
    "": "refused: {file} has changes that are not committed (a hand edit, staged or not), and --commit must "
        "commit this update alone: commit them first (git commit {file}) or put them aside (git stash), "
        "then run the update again; nothing was written",
}


def _git(folder: Path, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, encoding="utf-8", errors="replace"
        )
    except FileNotFoundError as err:
        raise CampaignError("git is not installed (or not on PATH): install git, or commit by hand") from err
    if check and done.returncode != 0:
        raise CampaignError(f"git {args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done
