"""The merge driver's files: bytes in, the merged bytes out into ours; and ``git-setup``'s work."""

from __future__ import annotations

import codecs
from pathlib import Path

from guilin_campaign.catalogue import msg
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, load_campaign
from guilin_campaign.merge import gitconfig
from guilin_campaign.merge.driver import Checker, MergeResult, merge_texts
from guilin_campaign.problems import CampaignError, ErrorKind, Problem
from guilin_campaign.write.fileio import write_atomic


def merge_files(base: Path, ours: Path, theirs: Path, path: str, their_commit: str | None = None) -> MergeResult:
    """Merge the three files git gives, write the result into ``ours`` (git's rule) and return it.
    ``their_commit`` (from git's ``GITHEAD_<sha>`` during a merge) lets the check also try the other
    data file as theirs has it, when git has not merged that file yet."""
    raw = [_read(p) for p in (base, ours, theirs)]
    bom = raw[1].startswith(codecs.BOM_UTF8)
    try:
        texts = [r.removeprefix(codecs.BOM_UTF8).decode("utf-8") for r in raw]
    except UnicodeDecodeError:
        out = b"<<<<<<< ours\n" + raw[1] + b"\n=======\n" + raw[2] + b"\n>>>>>>> theirs\n"
        _write(ours, out)
        return MergeResult("", 1, "a side is not UTF-8 text")
    result = merge_texts(texts[0], texts[1], texts[2], check=checker(Path(path), their_commit) if path else None)
    _write(ours, (codecs.BOM_UTF8 if bom else b"") + result.text.encode("utf-8"))
    return result


def checker(path: Path, their_commit: str | None = None) -> Checker | None:
    """``check`` of a merged data file with the other file as it is in the work tree, or else as it is
    in their commit (a new unit and its first task come in one pull, and git merges tasks.yaml first)."""
    others = {TASKS_FILE: UNITS_FILE, UNITS_FILE: TASKS_FILE}
    if path.name not in others or not (path.parent / others[path.name]).is_file():
        return None
    merging_tasks = path.name == TASKS_FILE

    def load(text: str, other: str | None = None) -> list[Problem]:
        if merging_tasks:
            return load_campaign(path.parent, tasks_text=text, units_text=other).problems
        return load_campaign(path.parent, tasks_text=other, units_text=text).problems

    def check(text: str) -> list[Problem]:
        problems = load(text)
        theirs = _their_text(path.parent / others[path.name], their_commit) if problems else None
        if theirs is not None and not load(text, theirs):
            return []
        return problems

    return check


def _their_text(path: Path, commit: str | None) -> str | None:
    if commit is None:
        return None
    try:
        shown = gitconfig.git(Path("."), ["show", f"{commit}:{path.as_posix()}"], check=False)
    except CampaignError:
        return None
    return shown.stdout.removeprefix("\ufeff") if shown.returncode == 0 else None


def setup_repository(folder: Path) -> list[str]:
    """Wire the driver into the repository holding ``folder``; what was done, as sentences."""
    if gitconfig.work_tree_top(folder) is None:
        raise CampaignError(msg("merge.not_repository", folder=folder))
    attributes = folder / ".gitattributes"
    if attributes.is_symlink():
        raise CampaignError(msg("merge.attributes_symlink", path=attributes))
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    missing = gitconfig.missing_attributes(existing)
    done = []
    if missing:
        joiner = "" if existing == "" or existing.endswith("\n") else "\n"
        write_atomic(attributes, (existing + joiner + missing).encode("utf-8"))
        done.append(f"wrote {attributes} (commit it, so every clone has it)")
    else:
        done.append(f"{attributes} already names the merge driver")
    gitconfig.configure(folder)
    done.append(f"set merge.{gitconfig.DRIVER_NAME}.driver in this clone's git config (each clone runs git-setup once)")
    return done


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise CampaignError(msg("merge.cannot_read", path=path, why=err.strerror or err), kind=ErrorKind.USAGE) from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)  # git's own temporary file: git reads it back as the merge result
    except OSError as err:
        raise CampaignError(msg("merge.cannot_write", path=path, why=err.strerror or err), kind=ErrorKind.USAGE) from None
