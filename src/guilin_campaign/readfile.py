"""Reading a data file's bytes safely: a plain file of a sane size, or a reason why not.

A data folder may have been written by someone else. A named pipe (FIFO) in place of ``tasks.yaml``
would make a plain ``read()`` wait forever, a link to ``/dev/zero`` would read until memory runs
out, and a folder or a device is never a campaign file. So the path is looked at with ``stat``
before it is opened, opened without blocking, looked at again on the open descriptor (it may have
been swapped in between), and read no further than :data:`MAX_BYTES`.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import MessageError

# The largest campaign measured (100,000 tasks, docs/performance.md) is about 60 MB; twice that
# leaves room, and a file this large takes some 4 GB of memory to parse, so more is surely wrong.
MAX_BYTES = 128 * 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotAPlainFile(MessageError):
    """The path names something other than a plain file of a sane size; ``message`` says what, without the path."""


def read_plain(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the plain file ``path`` (of at most ``limit`` bytes, default :data:`MAX_BYTES`);
    raises :class:`NotAPlainFile` or ``OSError``."""
    limit = MAX_BYTES if limit is None else limit
    _require_plain(path, os.stat(path), limit)  # refused before it is opened: opening some devices does things
    fd = os.open(path, _FLAGS)
    with os.fdopen(fd, "rb") as file:
        _require_plain(path, os.fstat(fd), limit)  # the same file: it may have been swapped since
        raw = file.read(limit + 1)
    if len(raw) > limit:  # it grew while we read
        raise NotAPlainFile(_too_large(limit))
    return raw


def plain_file_problem(path: Path, limit: int | None = None) -> Msg | str | None:
    """Why ``path`` cannot be read as a data file (a pipe, a device, a folder, too large); ``None``
    if it can, or if it does not exist or cannot be looked at (the read will say so)."""
    try:
        _require_plain(path, os.stat(path), MAX_BYTES if limit is None else limit)
    except NotAPlainFile as err:
        return err.message
    except (OSError, ValueError):
        return None
    return None


def _require_plain(path: Path, st: os.stat_result, limit: int) -> None:
    if stat.S_ISREG(st.st_mode):
        if st.st_size > limit:
            raise NotAPlainFile(_too_large(limit, st.st_size))
        return
    if stat.S_ISDIR(st.st_mode):
        raise NotAPlainFile(msg("file.is_folder"))
    raise NotAPlainFile(msg("file.not_plain", what=msg(f"file.kind_{_kind(st.st_mode)}"), link=_link_text(path)))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"


def _link_text(path: Path) -> Msg | str:
    try:
        return msg("file.link_to", target=os.readlink(path)) if path.is_symlink() else ""
    except OSError:
        return ""


def _too_large(limit: int, size: int | None = None) -> Msg:
    mib = 1024 * 1024
    if size is None:
        return msg("file.too_large_grew", limit=limit // mib)
    return msg("file.too_large", size=f"{size / mib:,.0f}", limit=limit // mib)


_BOMS = (  # the longer first: UTF-32-LE's BOM begins with UTF-16-LE's
    (codecs.BOM_UTF32_LE, msg("file.wide_bom", name="UTF-32", order=msg("file.little_endian"))),
    (codecs.BOM_UTF32_BE, msg("file.wide_bom", name="UTF-32", order=msg("file.big_endian"))),
    (codecs.BOM_UTF16_LE, msg("file.wide_bom", name="UTF-16", order=msg("file.little_endian"))),
    (codecs.BOM_UTF16_BE, msg("file.wide_bom", name="UTF-16", order=msg("file.big_endian"))),
)
_WIDE = (("utf-32-le", msg("file.wide", name="UTF-32", order=msg("file.little_endian"))),
         ("utf-32-be", msg("file.wide", name="UTF-32", order=msg("file.big_endian"))),
         ("utf-16-le", msg("file.wide", name="UTF-16", order=msg("file.little_endian"))),
         ("utf-16-be", msg("file.wide", name="UTF-16", order=msg("file.big_endian"))))


def wide_encoding(raw: bytes) -> Msg | None:
    """The name of the UTF-16 or UTF-32 encoding ``raw`` is saved in (Windows Notepad's "Unicode"),
    with or without a byte order mark; ``None`` for anything else.

    Without a mark, the bytes must decode strictly and give text, not noise: no NUL, and at least
    a third of it ASCII, as the keys of any campaign file are.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    if b"\x00" not in raw:
        return None
    for codec, name in _WIDE:
        if len(raw) % (4 if "32" in codec else 2):
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:65536]
        if text and "\x00" not in text and sum(c < "\x80" for c in head) * 3 >= len(head):
            return name
    return None
