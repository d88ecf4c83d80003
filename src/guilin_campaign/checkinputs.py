"""The files a ``check`` reads, read once: the exact bytes its results come from, and their keys.

A check reads ``tasks.yaml`` and ``units.yaml`` (the campaign), ``rules.yaml`` and the files of
``ledger/`` (both optional). Each part of its result is a function of exact bytes: the campaign's
part of both campaign files; the rules' and the ledger's of their own files and of the units they
are checked against (their checks read the campaign's units and groups, which come from
``units.yaml`` alone), and whether the campaign loaded at all. A part's key hashes those bytes,
the data folder as it was named (problems carry that name) and the program
(:func:`guilin_campaign.cache.program_fingerprint`), so any other bytes, folder or program is a miss.

Nothing here imports pydantic, the models or the YAML reader: a check of unchanged files reads
these bytes, hashes them, and then only its cache entry (:mod:`guilin_campaign.checkcache`).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.ledger.files import LEDGER_DIR, ledger_files
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, digest
from guilin_campaign.readfile import MAX_BYTES, NotAPlainFile, plain_file_problem, read_plain

RULES_FILE = "rules.yaml"  # the office's rules (guilin_campaign.rules), named here for a check without pydantic


@dataclass(frozen=True)
class Inputs:
    """Every file a check reads: the campaign files' digests, the other files' bytes."""

    folder: Path
    tasks: str  # SHA-256 of tasks.yaml's bytes
    units: str  # and of units.yaml's
    rules: bytes | None  # None: there is no rules.yaml
    ledger: dict[Path, bytes] | None  # each file of ledger/ the loader reads; None: no ledger/ folder


def read_inputs(folder: Path) -> Inputs | None:
    """The files of ``folder`` as a check reads them; None when one of them is missing or is not a
    plain file that can be read, or ``ledger`` is not a folder: the check is then made without the
    cache, and its loaders say what is wrong."""
    try:
        tasks, units = _file_digest(folder / TASKS_FILE), _file_digest(folder / UNITS_FILE)
        rules_path, ledger_path = folder / RULES_FILE, folder / LEDGER_DIR
        rules = None if not rules_path.exists() and not rules_path.is_symlink() else read_plain(rules_path)
        if ledger_path.exists() and not ledger_path.is_dir():
            return None
        ledger = {path: read_plain(path) for path in ledger_files(folder)} if ledger_path.exists() else None
    except (OSError, NotAPlainFile):
        return None
    return Inputs(folder, tasks, units, rules, ledger)


def _file_digest(path: Path) -> str:
    """The SHA-256 of a plain file's bytes, read in blocks (100,000 tasks are 60 MB); OSError or
    :class:`NotAPlainFile` for anything else (:func:`~guilin_campaign.readfile.read_plain`'s rules)."""
    if (why := plain_file_problem(path)) is not None:  # looked at before it is opened: a pipe would block
        raise NotAPlainFile(why)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)  # the same file: it may have been swapped since
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            raise OSError(f"{path} is not a plain file of a sane size")
        return hashlib.file_digest(file, "sha256").hexdigest()


def campaign_key(folder: Path, tasks: str, units: str) -> str:
    """The campaign files' part: ``tasks`` and ``units`` are the SHA-256 of their bytes."""
    return _key("campaign", str(folder), tasks, units)


def rules_key(inputs: Inputs, loaded: bool) -> str:
    """``loaded``: whether the campaign loaded (the rules are checked against its units only then)."""
    rules = "-" if inputs.rules is None else digest(inputs.rules)
    return _key("rules", str(inputs.folder), rules, inputs.units if loaded else "-")


def ledger_key(inputs: Inputs) -> str:
    files = [part for path, raw in sorted((inputs.ledger or {}).items()) for part in (path.name, digest(raw))]
    return _key("ledger", str(inputs.folder), inputs.units, *files)


def _key(*parts: str) -> str:
    from guilin_campaign.cache import program_fingerprint

    key = hashlib.sha256(program_fingerprint())
    for part in parts:
        raw = os.fsencode(part)
        key.update(len(raw).to_bytes(8, "little"))
        key.update(raw)
    return key.hexdigest()
