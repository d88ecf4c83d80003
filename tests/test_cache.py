"""The cache of loaded campaigns: used only for the very same bytes and program, else a miss."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from guilin_campaign import cache, cachecodec, spanindex
from guilin_campaign.cli.common import cache_folder
from guilin_campaign.loading import LoadResult, load_campaign

from .conftest import SAMPLE, TASKS, UNITS, run


def ids_and_statuses(result: LoadResult) -> list[tuple[str, str]]:
    assert result.campaign is not None
    return [(ref.id, ref.task.status) for ref in result.campaign.tasks]


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a load that parses the files fails the test: it must come from the cache."""

    def refuse(*args: object, **kwargs: object) -> LoadResult:
        raise AssertionError("parsed the files instead of using the cache")

    monkeypatch.setattr(cache, "load_campaign", refuse)


def test_second_load_comes_from_the_cache_and_equals_the_first(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = make_data(), tmp_path / "cache"
    first = cache.load(folder, store)
    name = cache.entry_path(store, folder).name
    assert sorted(p.name for p in store.iterdir()) == sorted([name, cache.tail_name(name), spanindex.name(name), "key"])
    assert store.stat().st_mode & 0o777 == 0o700  # private: it holds the data's contents and the key
    assert (store / "key").stat().st_mode & 0o777 == 0o600
    no_reading(monkeypatch)
    second = cache.load(folder, store)
    assert second.problems == first.problems == []
    assert ids_and_statuses(second) == ids_and_statuses(first) == [("T001", "done"), ("T002", "doing"), ("AH01", "done")]
    assert second.campaign is not None and second.campaign.tasks_file == folder / "tasks.yaml"


def test_an_edit_of_either_file_is_a_miss_even_with_the_same_size_and_time(
    make_data: Callable[..., Path], tmp_path: Path
) -> None:
    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)
    tasks = folder / "tasks.yaml"
    stat = tasks.stat()
    tasks.write_text(TASKS.replace("status: doing", "status: todo "), encoding="utf-8")  # the same length
    os.utime(tasks, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert tasks.stat().st_size == stat.st_size
    assert dict(ids_and_statuses(cache.load(folder, store)))["T002"] == "todo"
    (folder / "units.yaml").write_text(UNITS.replace("市人社局", "人社局"), encoding="utf-8")
    result = cache.load(folder, store)
    assert result.campaign is not None and result.campaign.units["rsj"].short == "人社局"


def test_problems_are_cached_with_their_file_and_line(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = make_data(tasks=TASKS.replace("owners: [scjgj]", "owners: [nobody]", 1)), tmp_path / "c"
    first = cache.load(folder, store)
    assert first.campaign is not None and first.problems, "the broken owner is a problem"
    no_reading(monkeypatch)
    second = cache.load(folder, store)
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert all(p.line for p in second.problems)


def test_a_damaged_or_stale_entry_is_a_miss_and_is_written_again(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)
    entry = cache.entry_path(store, folder)
    whole = entry.read_bytes()
    for damaged in (whole[: len(whole) // 2], cache.MAGIC + b"0" * 64 + b"\n" + whole[len(cache.MAGIC) + 65 :]):
        entry.write_bytes(damaged)  # truncated, as by a full disk; another key (older data)
        calls: list[Path] = []
        monkeypatch.setattr(cache, "load_campaign", lambda f, calls=calls, **kw: calls.append(f) or load_campaign(f, **kw))
        assert ids_and_statuses(cache.load(folder, store))[0] == ("T001", "done")
        assert calls == [folder] and entry.read_bytes() != damaged
        monkeypatch.undo()
        no_reading(monkeypatch)
        assert ids_and_statuses(cache.load(folder, store))[0] == ("T001", "done")  # written again: a hit
        monkeypatch.undo()


def test_another_version_of_the_program_is_a_miss(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)
    before = cache.entry_path(store, folder).read_bytes()
    monkeypatch.setattr(cache, "program_fingerprint", lambda: b"another build")
    calls: list[Path] = []
    monkeypatch.setattr(cache, "load_campaign", lambda f, calls=calls, **kw: calls.append(f) or load_campaign(f, **kw))
    cache.load(folder, store)
    assert calls == [folder]
    assert cache.entry_path(store, folder).read_bytes() != before


def test_the_fingerprint_follows_the_program_s_own_files() -> None:
    text = cache.program_fingerprint().decode()
    assert str(Path(cache.__file__).parent / "cache.py") in text
    assert "pydantic_core" in text and "yaml" in text


def test_a_cache_folder_that_cannot_be_made_only_costs_time(make_data: Callable[..., Path], tmp_path: Path) -> None:
    folder, notes = make_data(), []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert ids_and_statuses(cache.load(folder, blocker / "cache", notes.append))[0] == ("T001", "done")
    assert notes == []  # cannot be made: nothing to worry about
    assert ids_and_statuses(cache.load(folder, blocker, notes.append))[0] == ("T001", "done")
    assert blocker.read_text(encoding="utf-8") == "x"
    assert len(notes) == 1 and "not a folder" in notes[0]


def test_no_cache_folder_means_no_cache(make_data: Callable[..., Path], tmp_path: Path) -> None:
    folder = make_data()
    assert ids_and_statuses(cache.load(folder, None))[0] == ("T001", "done")
    assert not any(tmp_path.rglob("*.entry"))


def test_a_missing_file_is_said_and_not_cached(tmp_path: Path) -> None:
    folder, store = tmp_path / "data", tmp_path / "cache"
    folder.mkdir()
    (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
    result = cache.load(folder, store)
    assert result.campaign is None and "file not found" in result.problems[0].text("en")
    assert [p.name for p in store.iterdir()] == ["key"]


def test_the_cache_folder_comes_from_the_environment(tmp_path: Path) -> None:
    assert cache_folder({"GUILIN_CAMPAIGN_CACHE": "off"}) is None
    assert cache_folder({"GUILIN_CAMPAIGN_CACHE": str(tmp_path)}) == tmp_path
    assert cache_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "guilin-campaign"
    assert cache_folder({}) == Path.home() / ".cache" / "guilin-campaign"


def test_an_update_leaves_the_cache_holding_the_new_text(
    make_data: Callable[..., Path], _own_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_data()
    assert run("tasks", "--data", str(folder), "--format", "json").exit_code == 0
    assert run("block", "T002", "--data", str(folder), "--on", "2022-07-01", "--note", "等资金").exit_code == 0
    no_reading(monkeypatch)
    assert dict(ids_and_statuses(cache.load(folder, _own_cache_folder)))["T002"] == "blocked"


def test_a_file_changed_while_loading_is_cached_under_what_was_read(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry is keyed by the bytes the loader itself read, not by what was hashed before."""
    folder, store = make_data(), tmp_path / "cache"
    tasks = folder / "tasks.yaml"
    edited = TASKS.replace("status: doing", "status: blocked")

    def edit_then_load(f: Path, **kwargs: object) -> LoadResult:
        tasks.write_text(edited, encoding="utf-8")  # the clerk saves while the command reads
        return load_campaign(f)

    monkeypatch.setattr(cache, "load_campaign", edit_then_load)
    assert dict(ids_and_statuses(cache.load(folder, store)))["T002"] == "blocked"
    no_reading(monkeypatch)
    assert dict(ids_and_statuses(cache.load(folder, store)))["T002"] == "blocked"  # a hit: the same bytes
    tasks.write_text(TASKS, encoding="utf-8")
    with pytest.raises(AssertionError, match="parsed the files"):
        cache.load(folder, store)  # the first text was never cached under its own bytes


def test_the_sample_reads_back_equal_model_for_model() -> None:
    """Every field of every model, dates and fields set included, comes back as it was loaded."""
    result = load_campaign(SAMPLE)
    assert result.campaign is not None
    back = cachecodec.decode(cachecodec.encode(result))
    assert back.campaign is not None and back.problems == result.problems and back.read == result.read
    before, after = result.campaign, back.campaign
    assert after.model == before.model and after.units_model == before.units_model
    assert after.model.model_dump() == before.model.model_dump()
    for old, new in zip(before.tasks, after.tasks, strict=True):
        assert type(new.task) is type(old.task) and new.task.model_fields_set == old.task.model_fields_set
        assert new.path == old.path
    task = after.tasks[0].task
    with pytest.raises(ValidationError):
        task.title = "改"  # still frozen


def test_an_entry_that_cannot_be_encoded_is_skipped_not_fatal(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update stores its result after writing the file: a failure there must not end the command."""
    folder, store = make_data(), tmp_path / "cache"

    def refuse(result: LoadResult) -> object:
        raise TypeError("a Task where the cache keeps a Measure")

    monkeypatch.setattr(cachecodec, "encode", refuse)
    assert ids_and_statuses(cache.load(folder, store))[0] == ("T001", "done")
    assert [p.name for p in store.iterdir() if p.suffix != ".spans"] == ["key"]  # no entry, no temporary file left


def test_a_hit_validates_nothing(make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: the models and their validation run on a miss only; a hit rebuilds them as checked."""
    from guilin_campaign.model import Model

    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated on a cache hit")

    monkeypatch.setattr(Model, "model_validate", classmethod(refuse))
    monkeypatch.setattr(Model, "__init__", refuse)
    no_reading(monkeypatch)
    hit = cache.load(folder, store)
    assert ids_and_statuses(hit) == [("T001", "done"), ("T002", "doing"), ("AH01", "done")]
    monkeypatch.undo()
    with pytest.raises(AssertionError, match="validated"):  # the guard above would catch a validation
        monkeypatch.setattr(Model, "model_validate", classmethod(refuse))
        load_campaign(folder)


def test_the_tail_keeps_each_action_in_its_own_bytes_and_reads_back_equal() -> None:
    """Issue 19: at 100,000 tasks the encoded copy of the whole tasks file was 150 MiB on top of the
    models; the tail is written and read an action at a time, and still gives the same models."""
    import marshal

    loaded = load_campaign(SAMPLE)
    assert loaded.campaign is not None
    head, tail = cachecodec.encode(loaded)
    actions = marshal.loads(tail)[1]["actions"]
    assert len(actions) == len(loaded.campaign.model.actions) and all(isinstance(a, bytes) for a in actions)
    again = cachecodec.decode((head, tail))
    assert again.campaign is not None and again.campaign.model == loaded.campaign.model
