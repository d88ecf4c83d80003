"""Wiring the merge driver into a repository: ``.gitattributes`` lines and the repository's git config.

Git config is not part of a clone, so every clone runs ``git-setup`` once; ``.gitattributes`` is a
committed file and travels with the data.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from guilin_campaign.catalogue import msg
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE
from guilin_campaign.problems import CampaignError

DRIVER_NAME = "guilin-campaign"
# The ledger's month files merge record by record too: two clones adding visits to one month (docs/data-format.md).
ATTRIBUTES = "".join(f"{name} merge={DRIVER_NAME}\n" for name in (TASKS_FILE, UNITS_FILE, "ledger/*.yaml"))


def driver_command() -> str:
    """The command git runs: this very Python and package, so it works outside ``uv run`` too."""
    return f"{shlex.quote(sys.executable)} -m guilin_campaign merge-driver %O %A %B %P"


def configure(folder: Path) -> None:
    """Set the merge driver in the repository holding ``folder`` (its own config, not the user's)."""
    git(folder, ["config", f"merge.{DRIVER_NAME}.name", "guilin-campaign: tasks.yaml and units.yaml merged record by record"])
    git(folder, ["config", f"merge.{DRIVER_NAME}.driver", driver_command()])


def missing_attributes(existing: str) -> str:
    """The lines of :data:`ATTRIBUTES` that ``existing`` does not have yet."""
    have = {line.strip() for line in existing.splitlines()}
    return "".join(line + "\n" for line in ATTRIBUTES.splitlines() if line not in have)


def work_tree_top(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None (not in one, or no git)."""
    try:
        done = git(folder, ["rev-parse", "--show-toplevel"], check=False)
    except CampaignError:
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def git(folder: Path, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, encoding="utf-8", errors="replace"
        )
    except FileNotFoundError as err:
        raise CampaignError(msg("merge.no_git")) from err
    if check and done.returncode != 0:
        raise CampaignError(msg("merge.git_failed", command=args[0], folder=folder, said=done.stderr.strip() or done.stdout.strip()))
    return done
