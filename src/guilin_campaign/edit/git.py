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
    # `commit -- paths` commits only those paths, leaving whatever else a clerk had staged
    _git(folder, ["commit", "--quiet", "-m", message, "--", *paths])
    return _git(folder, ["rev-parse", "--short", "HEAD"]).stdout.strip()


def require_work_tree(folder: Path) -> None:
    """Refuse early, before anything is written, when there is no repository to commit to."""
    inside = _git(folder, ["rev-parse", "--is-inside-work-tree"], check=False)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise CampaignError(f"{folder} is not inside a git repository: run `git init` there, or commit by hand")


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
