"""The cache folder written by someone else (issue 11, finding 3): nothing read from it may run code
or change an output. Entries are signed with the user's own key; a folder or key that is not the
user's alone is not used at all."""

from __future__ import annotations

import ast
import hashlib
import hmac
import marshal
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import guilin_campaign
from guilin_campaign import cache, cachecodec, cachefolder
from guilin_campaign.loading import LoadResult

from .conftest import run

AS_OF = "2022-07-31"


def overdue(folder: Path, store: Path | str) -> tuple[str, str]:
    result = run("overdue", "--data", str(folder), "--as-of", AS_OF, "-f", "json", env={"GUILIN_CAMPAIGN_CACHE": str(store)})
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def all_done(payload: bytes) -> bytes:
    """The entry's data with every task marked done: `overdue` would list nothing."""
    text = repr(marshal.loads(payload))
    return marshal.dumps(ast.literal_eval(re.sub(r"'(todo|doing|blocked)'", "'done'", text)))


def entry_parts(store: Path, folder: Path) -> tuple[bytes, bytes, bytes]:
    whole = cache.entry_path(store, folder).read_bytes()
    header_end = len(cache.MAGIC) + 65
    tag_end = header_end + cachefolder.TAG_SIZE
    return whole[:header_end], whole[header_end:tag_end], whole[tag_end:]


@pytest.fixture
def sample(make_data: Callable[..., Path]) -> Path:
    from .conftest import SAMPLE

    return make_data((SAMPLE / "tasks.yaml").read_text(encoding="utf-8"), (SAMPLE / "units.yaml").read_text(encoding="utf-8"))


def test_an_entry_planted_without_the_key_is_ignored_and_rewritten(sample: Path, tmp_path: Path) -> None:
    expected, _ = overdue(sample, "off")
    assert expected.count('"light": "red"') > 5
    store = tmp_path / "cache"
    overdue(sample, store)
    header, _, payload = entry_parts(store, sample)
    doctored = all_done(payload)
    # Another user can compute the name and the key line, but not the signature.
    forged_tag = hmac.new(b"another user's key".ljust(32), header + doctored, hashlib.sha256).digest()
    entry = cache.entry_path(store, sample)
    for tag in (forged_tag, hashlib.sha256(header + doctored).digest(), b"\0" * 32):
        entry.write_bytes(header + tag + doctored)
        assert overdue(sample, store)[0] == expected
        assert entry.read_bytes() != header + tag + doctored  # rewritten with our own signature
    assert overdue(sample, store)[0] == expected


def test_a_doctored_entry_never_changes_overdue(sample: Path, tmp_path: Path) -> None:
    expected, _ = overdue(sample, "off")
    store = tmp_path / "cache"
    overdue(sample, store)
    header, tag, payload = entry_parts(store, sample)
    entry = cache.entry_path(store, sample)
    entry.write_bytes(header + tag + all_done(payload))  # a valid-looking entry under the old signature
    assert overdue(sample, store)[0] == expected
    # The same entry signed with the user's own key is used: the check above is what stopped it.
    own = hmac.new((store / "key").read_bytes(), header + all_done(payload), hashlib.sha256).digest()
    entry.write_bytes(header + own + all_done(payload))
    assert overdue(sample, store)[0] != expected
    for at in (0, len(payload) // 3, len(payload) - 1):  # bytes changed anywhere in the data
        flipped = payload[:at] + bytes([payload[at] ^ 0x01]) + payload[at + 1 :]
        entry.write_bytes(header + tag + flipped)
        assert overdue(sample, store)[0] == expected


def test_a_cache_entry_is_never_decoded_before_it_is_authenticated(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """marshal is not safe against crafted input: a forged entry must never reach it."""
    store = tmp_path / "cache"
    cache.load(sample, store)
    header, _, payload = entry_parts(store, sample)
    cache.entry_path(store, sample).write_bytes(header + b"\1" * 32 + payload)
    decoded: list[bytes] = []
    monkeypatch.setattr(cache.marshal, "loads", lambda data: decoded.append(data))
    cache.load(sample, store)
    assert decoded == []


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_cache_folder_open_to_others_is_not_used(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    store = tmp_path / "cache"
    cache.load(sample, store)
    entry = cache.entry_path(store, sample)
    before = entry.read_bytes()
    store.chmod(mode)
    notes: list[str] = []
    parsed: list[Path] = []
    real = cache.load_campaign
    monkeypatch.setattr(cache, "load_campaign", lambda f, **kw: parsed.append(f) or real(f, **kw))
    result = cache.load(sample, store, notes.append)
    assert result.campaign is not None and parsed == [sample]  # read from the files, not the entry
    assert notes == [f"the cache is not used: the cache folder {store} is open to other users (mode {mode:04o}); run `chmod 700 {store}`"]
    assert entry.read_bytes() == before  # and not written either


def test_a_key_others_can_read_or_a_key_that_is_a_link_is_not_used(sample: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    cache.load(sample, store)
    key = store / "key"
    key.chmod(0o644)
    notes: list[str] = []
    cache.load(sample, store, notes.append)
    assert notes == [f"the cache is not used: the cache key {key} is open to other users (mode 0644); run `chmod 600 {key}`"]
    key.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"k" * 32)
    elsewhere.chmod(0o600)
    key.symlink_to(elsewhere)
    notes.clear()
    cache.load(sample, store, notes.append)
    assert notes == [f"the cache is not used: {key} is a symbolic link; delete it"]


def test_a_cache_folder_that_is_a_link_is_not_used(sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_store, link = tmp_path / "real", tmp_path / "link"
    cache.load(sample, real_store)  # a good private folder with a good entry ...
    link.symlink_to(real_store)  # ... reached through a link someone else may redirect
    parsed: list[Path] = []
    real = cache.load_campaign
    monkeypatch.setattr(cache, "load_campaign", lambda f, **kw: parsed.append(f) or real(f, **kw))
    notes: list[str] = []
    cache.load(sample, link, notes.append)
    assert parsed == [sample]
    assert notes == [f"the cache is not used: {link} is a symbolic link or a file, not a folder; delete it"]


def test_a_cache_folder_of_another_user_is_not_used(sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    cache.load(sample, store)
    owner = store.stat().st_uid
    monkeypatch.setattr(cachefolder.os, "geteuid", lambda: owner + 1)  # as if run by another user
    notes: list[str] = []
    result: LoadResult = cache.load(sample, store, notes.append)
    assert result.campaign is not None
    assert notes == [f"the cache is not used: the cache folder {store} belongs to another user (uid {owner}); use a folder of your own"]


def test_the_command_says_once_why_the_cache_is_not_used(sample: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    expected, _ = overdue(sample, "off")
    overdue(sample, store)
    store.chmod(0o777)
    out, err = overdue(sample, store)
    assert out == expected
    assert err.count("note: the cache is not used:") == 1 and "chmod 700" in err


def test_no_pickle_anywhere_in_the_package() -> None:
    """Pickle (and its relatives) can run code while loading: the package never uses them."""
    unsafe = re.compile(r"^\s*(import|from)\s+(pickle|_pickle|cPickle|shelve|dill|cloudpickle|joblib)\b", re.M)
    root = Path(guilin_campaign.__file__).parent
    sources = sorted(root.rglob("*.py"))
    assert len(sources) > 40
    assert [str(p) for p in sources if unsafe.search(p.read_text(encoding="utf-8"))] == []
    assert [str(p) for p in sources if re.search(r"\bpickle\.(loads?|Unpickler)\b", p.read_text(encoding="utf-8"))] == []


def test_the_key_is_made_once_private_and_random(tmp_path: Path) -> None:
    first, second = cachefolder.open_folder(tmp_path / "a"), cachefolder.open_folder(tmp_path / "b")
    again = cachefolder.open_folder(tmp_path / "a")
    try:
        assert len(first.secret) == 32 and first.secret == again.secret != second.secret
        assert os.stat(tmp_path / "a" / "key").st_mode & 0o777 == 0o600
        assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["key"]  # no temporary left
    finally:
        for folder in (first, second, again):
            folder.close()


def test_the_codec_refuses_what_it_cannot_keep_exactly() -> None:
    from datetime import date

    from guilin_campaign.model import Task

    assert cachecodec._shape(date) == ("date", None)
    with pytest.raises(TypeError, match="cannot keep"):
        cachecodec._shape(dict[str, bytes])
    with pytest.raises(TypeError, match="a AdhocTask where the cache keeps a Task"):
        from guilin_campaign.model import AdhocTask

        adhoc = AdhocTask.model_validate({"id": "X", "title": "t", "owners": ["a"], "batch": 1})
        cachecodec._encoder(Task)(adhoc)


def _tail_parts(store: Path, folder: Path) -> tuple[Path, bytes, bytes, bytes]:
    tail = store / cache.tail_name(cache.entry_name(folder))
    whole = tail.read_bytes()
    header_end = len(cache.TAIL_MAGIC) + 65
    return tail, whole[:header_end], whole[header_end : header_end + cachefolder.TAG_SIZE], whole[header_end + cachefolder.TAG_SIZE :]


def statuses(result: LoadResult) -> list[str]:
    assert result.campaign is not None
    return [ref.task.status for ref in result.campaign.tasks]


def test_a_forged_or_missing_tail_is_never_decoded_and_the_files_answer(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tail (the tasks file's records) is read when a plain hit first needs them: it is proved
    ours then, or not used; the records then come from the files, as a miss reads them."""
    store = tmp_path / "cache"
    expected = statuses(cache.load(sample, store))
    tail, header, _, payload = _tail_parts(store, sample)
    forged = marshal.dumps(ast.literal_eval(re.sub(r"'(todo|doing|blocked)'", "'done'", repr(marshal.loads(payload)))))
    decoded: list[bytes] = []
    real_loads = marshal.loads
    for doctored in (header + b"\1" * 32 + forged, b""):
        hit = cache.load(sample, store, plain=True)  # the head is ours: a hit
        if doctored:
            tail.write_bytes(doctored)
        else:
            tail.unlink()
        decoded.clear()
        monkeypatch.setattr(cache.marshal, "loads", lambda data: decoded.append(bytes(data)) or real_loads(data))
        assert statuses(hit) == expected
        assert forged not in decoded
        monkeypatch.undo()


def test_a_tail_that_no_longer_matches_the_files_stops_the_command(sample: Path, tmp_path: Path) -> None:
    from guilin_campaign.problems import CampaignError

    store = tmp_path / "cache"
    cache.load(sample, store)
    hit = cache.load(sample, store, plain=True)
    (store / cache.tail_name(cache.entry_name(sample))).unlink()
    tasks = sample / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("status: doing", "status: todo", 1), encoding="utf-8")
    assert hit.campaign is not None
    with pytest.raises(CampaignError) as err:
        _ = hit.campaign.tasks
    assert err.value.text("en") == f"the data in {sample} changed while it was read; run the command again"
