"""``check``'s results kept in the cache folder: a check of unchanged files reads one small entry.

One entry per data folder, beside the campaign's (named as it is, ending ``.check``), signed with
the user's own key like every entry (:class:`~guilin_campaign.cachefolder.CacheFolder`): a foreign,
doctored or truncated entry is never decoded and reads as missing. Its payload, decoded by
:mod:`marshal` only once authenticated, is ``(VERSION, {section: (key, part)})``; the sections are
``campaign``, ``rules`` and ``ledger``, each keyed by the bytes it was made from
(:mod:`guilin_campaign.checkinputs`), so that an edit of the ledger checks the ledger again and
nothing else. A part is ``(problems, counts)``: the problems as ``(file, line, path, message)``, a
message as text or ``(key, ((name, value), ...))``; the counts a tuple of text and numbers, or None.

Reading an entry needs neither pydantic, the models, the YAML reader nor Rich.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from guilin_campaign.cachefolder import CacheFolder, open_if_safe
from guilin_campaign.catalogue import Msg
from guilin_campaign.problems import Problem

MAGIC = b"guilin-campaign check 1\n"
VERSION = 1
Part = tuple[list[Problem], tuple[Any, ...] | None]
Sections = dict[str, tuple[str, Part]]  # section -> (its key, its part)


def open_store(cache_folder: Path | None) -> CacheFolder | None:
    """The cache folder when it is safe to use; None otherwise (the campaign's load says why)."""
    return open_if_safe(cache_folder)


def read_sections(store: CacheFolder, folder: Path) -> Sections:
    """The sections kept for ``folder``; none when the entry is missing, not ours or unreadable."""
    payload = store.read(entry_name(folder), MAGIC)  # None unless signed with this user's key
    if payload is None:
        return {}
    try:
        version, sections = marshal.loads(payload)
        if version != VERSION:
            return {}
        return {name: (key, _decode_part(part)) for name, (key, part) in sections.items()}
    except Exception:  # noqa: BLE001 - ours but unreadable (a bug, a layout change): only a miss
        return {}


def write_sections(store: CacheFolder, folder: Path, sections: Sections) -> None:
    """Keep ``sections`` for ``folder``; never fails (the cache only saves time)."""
    try:
        payload = marshal.dumps((VERSION, {name: (key, _encode_part(part)) for name, (key, part) in sections.items()}))
        store.write(entry_name(folder), MAGIC, payload)
    except Exception:  # noqa: BLE001 - a value marshal cannot write, a full disk: no entry, no harm
        pass


def entry_name(folder: Path) -> str:
    from guilin_campaign.cache import entry_name as campaign_entry

    return campaign_entry(folder).removesuffix(".entry") + ".check"


def _encode_part(part: Part) -> tuple[Any, ...]:
    problems, counts = part
    return [(p.file, p.line, p.path, _encode_message(p.message)) for p in problems], None if counts is None else tuple(counts)


def _decode_part(data: Any) -> Part:
    problems, counts = data
    return [Problem(file, line, path, _decode_message(said)) for file, line, path, said in problems], counts


def _encode_message(message: Msg | str) -> Any:
    if isinstance(message, str):
        return message
    return message.key, tuple((name, _encode_message(value)) for name, value in message.args)


def _decode_message(data: Any) -> Msg | str:
    if isinstance(data, str):
        return data
    key, args = data
    return Msg(key, tuple((name, _decode_message(value)) for name, value in args))
