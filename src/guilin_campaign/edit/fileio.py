"""Reading and writing the clerk's file byte for byte: BOM and line endings as they were.

A write goes to a temporary file in the same folder and is renamed over the original, so a crash
or a full disk leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.problems import CampaignError
from guilin_campaign.yamlio import decode


@dataclass(frozen=True)
class Document:
    """The text of a file without its BOM (line endings untouched) and whether it had one."""

    text: str
    bom: bool


def read_document(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise CampaignError(f"{path}: no such file: check the data folder (or create it with `init`)") from err
    except OSError as err:
        raise CampaignError(f"{path}: cannot read the file ({err.strerror}): check its permissions") from err
    text, problems = decode(raw, str(path))
    if text is None:
        raise CampaignError(str(problems[0]), problems)
    return Document(text, raw.startswith(codecs.BOM_UTF8))


def write_document(path: Path, doc: Document, new_text: str) -> None:
    """Replace ``path`` with ``new_text`` atomically, keeping the BOM and permission bits."""
    try:
        data = (codecs.BOM_UTF8 if doc.bom else b"") + new_text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise CampaignError(f"{path}: the new text cannot be saved as UTF-8 ({err.reason})") from err
    tmp: str | None = None
    try:
        mode = _mode_of(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # the bytes are on disk before the name points at them
        os.chmod(tmp, mode)  # mkstemp makes the file private; keep what the office had
        os.replace(tmp, path)
        tmp = None
        _fsync_folder(path.parent)
    except OSError as err:
        raise CampaignError(
            f"{path}: cannot save the file ({err.strerror or err}); it is unchanged. "
            "Check the folder is writable and the file is not open in another program"
        ) from err
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


def _mode_of(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o644  # a new file: readable by the office, like one made by an editor


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
