"""The checked ledger kept in the cache, as the campaign is (see :mod:`guilin_campaign.cache`).

A year at province scale is 8 MB of YAML that takes seconds to read; the checked result comes back
from the cache in a fraction of that. An entry is used only when everything the ledger was made
from is the same: its key hashes the program (:func:`~guilin_campaign.cache.program_fingerprint`),
the data folder as named, the units it was checked against, and the name and bytes of every file
of ``ledger/``. The bytes hashed are the very bytes loaded (each file is read once, here), so a file
saved meanwhile is a miss next time, never a stale hit.

Safety is the campaign cache's (docs/security.md): the folder must be the user's alone, and an entry
is read only once its HMAC proves it was signed with the user's own key
(:class:`~guilin_campaign.cachefolder.CacheFolder`); only then is it decoded, by :mod:`marshal`,
into plain data that the cache codec turns back into models. A ledger with problems is not kept:
the commands refuse it anyway. ``check`` keeps its own results, problems and counts only
(:mod:`guilin_campaign.checking`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.ledger.book import Ledger, ProblemRef, VisitRef, Where
from guilin_campaign.ledger.model import LedgerProblem, Policy, Visit
from guilin_campaign.problems import Problem

if TYPE_CHECKING:
    from guilin_campaign.cachefolder import CacheFolder

MAGIC = b"guilin-campaign ledger cache 1\n"


def open_ledger_cached(folder: Path, campaign: Campaign, cache_folder: Path | None) -> Ledger | None:
    """:func:`~guilin_campaign.ledger.load.open_ledger` through the cache in ``cache_folder``, if any."""
    from guilin_campaign.ledger.load import require_ledger

    return require_ledger(*load_ledger_cached(folder, campaign, cache_folder))


def load_ledger_cached(folder: Path, campaign: Campaign, cache_folder: Path | None) -> tuple[Ledger | None, list[Problem]]:
    """What :func:`~guilin_campaign.ledger.load.load_ledger` returns, from the cache when it can be."""
    from guilin_campaign.cache import entry_name
    from guilin_campaign.ledger.load import ledger_files, load_ledger

    files = ledger_files(folder)
    texts = _texts(files) if files and cache_folder is not None else None
    store = _open(cache_folder) if texts is not None and cache_folder is not None else None
    if store is None or texts is None:
        return load_ledger(folder, campaign)
    try:
        name, key = entry_name(folder).replace(".entry", ".ledger"), _key(folder, campaign, texts)
        payload = store.read(name, MAGIC + key)  # None unless signed with this user's key
        if payload is not None and (hit := _decoded(payload)) is not None:
            return hit, []
        ledger, problems = load_ledger(folder, campaign, {path: text for path, (text, _) in texts.items()})
        if ledger is not None and not problems:
            _keep(store, name, key, ledger)
        return ledger, problems
    finally:
        store.close()


def _open(cache_folder: Path) -> CacheFolder | None:
    """The cache folder when it is safe to use (the campaign's load has said why when it is not)."""
    from guilin_campaign.cachefolder import Unsafe, open_folder

    try:
        return open_folder(cache_folder)
    except (Unsafe, OSError):
        return None


def _texts(files: list[Path]) -> dict[Path, tuple[str, bytes]] | None:
    """Each file's text and bytes, read once; None (no cache: the loader says why) when one cannot be."""
    from guilin_campaign.readfile import NotAPlainFile, read_plain
    from guilin_campaign.yamlsyntax.decode import decode

    out = {}
    for path in files:
        try:
            raw = read_plain(path)
        except (OSError, NotAPlainFile):
            return None
        text, _ = decode(raw, str(path))
        if text is None:
            return None
        out[path] = (text, raw)
    return out


def _key(folder: Path, campaign: Campaign, texts: dict[Path, tuple[str, bytes]]) -> bytes:
    from guilin_campaign.cache import program_fingerprint

    key = hashlib.sha256(program_fingerprint())
    units = repr(campaign.units_model.model_dump(mode="json")).encode("utf-8")  # what the checks read of the campaign
    parts = [os.fsencode(str(folder)), units]
    for path, (_, raw) in sorted(texts.items()):
        parts += [os.fsencode(path.name), hashlib.sha256(raw).hexdigest().encode("ascii")]
    for part in parts:
        key.update(len(part).to_bytes(8, "little"))
        key.update(part)
    return key.hexdigest().encode("ascii") + b"\n"


def encode(ledger: Ledger) -> tuple[Any, ...]:
    from guilin_campaign.cachecodec import _encoder  # the campaign cache's codec, for any model of model.Model

    visit, problem, policy = _encoder(Visit), _encoder(LedgerProblem), _encoder(Policy)
    return (
        str(ledger.folder), list(ledger.categories), [policy(p) for p in ledger.policies], ledger.lists_file,
        [(visit(r.visit), *_where(r.where)) for r in ledger.visits],
        [(problem(r.problem), *_where(r.where)) for r in ledger.problems],
    )


def decode(data: Any) -> Ledger:
    from guilin_campaign.cachecodec import _decoder

    visit, problem, policy = _decoder(Visit), _decoder(LedgerProblem), _decoder(Policy)
    folder, categories, policies, lists_file, visits, problems = data
    return Ledger(
        Path(folder), list(categories), [policy(p) for p in policies],
        [VisitRef(visit(v), Where(f, line, tuple(path))) for v, f, line, path in visits],
        [ProblemRef(problem(p), Where(f, line, tuple(path))) for p, f, line, path in problems],
        lists_file,
    )


def _where(where: Where) -> tuple[str, int | None, tuple[str | int, ...]]:
    return where.file, where.line, where.path


def _decoded(payload: bytes) -> Ledger | None:
    try:
        return decode(marshal.loads(payload))
    except Exception:  # noqa: BLE001 - ours but unreadable (a bug, a layout change): only a miss
        return None


def _keep(store: CacheFolder, name: str, key: bytes, ledger: Ledger) -> None:
    with suppress(Exception):  # never fatal: the cache only saves time
        store.write(name, MAGIC + key, marshal.dumps(encode(ledger)))
