"""Git for the data folder: committing one change (and nothing else that is staged), reading the
data files as they were at a revision."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, ErrorKind


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
        raise CampaignError(msg("git.not_repository", folder=folder))


def require_clean(folder: Path, files: list[Path]) -> None:
    """Refuse, before anything is written, when a data file has changes of its own that are not
    committed (staged or not), is not yet in git, or is ignored by it: the commit of an update
    must hold that update and nothing else."""
    require_work_tree(folder)
    for file in files:
        path = str(Path(file).resolve())
        # --literal-pathspecs: a folder named like a glob ("数据[2022]") is that folder, not a pattern
        args = ["--literal-pathspecs", "status", "--porcelain", "--ignored", "--untracked-files=all", "--", path]
        status = _git(folder, args).stdout
        if status.strip():
            raise CampaignError(msg(_UNCLEAN.get(status[:2], _UNCLEAN[""]), file=file))


_UNCLEAN = {"??": "git.untracked", "!!": "git.ignored", "": "git.unclean"}


@dataclass(frozen=True)
class Revision:
    """The data files as they were at a commit: their bytes, or None where the commit has no such file."""

    commit: str  # the full hash the revision named
    prefix: str  # the data folder relative to the repository's top ("" at the top, else ending in "/")
    files: dict[str, bytes | None]


def read_revision(folder: Path, rev: str, names: list[str]) -> Revision:
    """``names`` in ``folder`` as they were at ``rev`` (a commit, tag, ``HEAD~3``, ``@{2022-08-01}``),
    read with ``git cat-file``: the work tree and the index are never touched."""
    if not rev or rev.startswith("-"):
        raise CampaignError(msg("git.not_revision", rev=repr(rev)), kind=ErrorKind.USAGE, option="rev")
    inside = _git(folder, ["rev-parse", "--is-inside-work-tree"], check=False)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise CampaignError(msg("git.no_history", folder=folder), kind=ErrorKind.USAGE, option="rev")
    prefix = _git(folder, ["rev-parse", "--show-prefix"]).stdout.strip()
    found = _git(folder, ["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"], check=False)
    if found.returncode != 0 or not found.stdout.strip():
        raise CampaignError(msg("git.no_commit", rev=repr(rev)), kind=ErrorKind.USAGE, option="rev")
    commit = found.stdout.strip()
    files = {}
    for name in names:
        blob = _run(folder, ["cat-file", "blob", f"{commit}:{prefix}{name}"])
        files[name] = blob.stdout if blob.returncode == 0 else None
    return Revision(commit, prefix, files)


def _git(folder: Path, args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    done = _run(folder, args)
    out = subprocess.CompletedProcess(done.args, done.returncode, _text(done.stdout), _text(done.stderr))
    if check and out.returncode != 0:
        raise CampaignError(msg("git.failed", command=args[0], said=out.stderr.strip() or out.stdout.strip()))
    return out


def _run(folder: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """git with ``args`` as a list (never through a shell), its output as bytes."""
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True)
    except FileNotFoundError as err:
        raise CampaignError(msg("git.missing")) from err


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")
