"""The fast path of an update is held to the full load-and-check: for random updates of a small
campaign (statuses, units' parts, notes with quotes, colons, Chinese and line breaks; records with
comments, in flow and block style, first and last in the file; LF, CRLF, a BOM) it writes exactly
the bytes the full path writes, and refuses exactly what the full path refuses, with its words."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_campaign import cache, spanindex, taskrecord
from guilin_campaign.cachefolder import open_folder
from guilin_campaign.cacheplain import Record
from guilin_campaign.loading import load_campaign
from guilin_campaign.loadresult import digest
from guilin_campaign.model import AdhocTask, Task
from guilin_campaign.problems import CampaignError
from guilin_campaign.write import fastpath
from guilin_campaign.write.apply import apply
from guilin_campaign.write.requests import AddNote, SetStatus
from guilin_campaign.yamlsyntax.read import parse
from tests.conftest import UNITS

TASKS = """\
actions:
  - id: A1
    name: 稳主体扩增量
    measures:
      - id: M01
        name: 优化准入
        tasks:
          - id: T001
            title: 推行企业开办一日办结
            owners: [scjgj]
            due: 2022-03-31
            status: done
            done_on: 2022-03-28
          - id: T002
            title: 各县区落实个体工商户扶持
            owners: [counties]
            support: [rsj]
            due: 2022-06-30
            status: doing
            progress:
              xiufeng: {status: done, done_on: 2022-06-20}
          # a comment between records, less indented
          - id: T003  # a comment on the record's line
            title: "带引号的: 标题"
            owners: scjgj
            status: todo
            log:
              - date: 2022-02-01
                note: |
                  多行
                  备注
              # a comment inside the log
              - {date: 2022-02-03, note: '已召开会议', by: scjgj}
          - id: T004
            title: 空日志
            owners: [rsj, xiufeng]
            status: blocked
            log:
      - id: M02
        name: 第二项
        tasks:
          - id: T005
            title: 县区任务
            owners: [counties]
            progress: {diecai: {status: doing}}
            status: doing
campaign: {name: 稳主体激活力攻坚战, city: 桂林市, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
adhoc:
  - {id: AH01, batch: 1, title: 迎检材料, owners: [scjgj], due: 2022-04-15, status: done, done_on: 2022-04-14}
  - id: AH02
    batch: 2
    title: 最后一条
    owners: [counties]
    status: todo"""

NOTES = st.one_of(
    st.none(),
    st.text(alphabet="完成推进中abc: #'\"-{}[],&*!%@`|>\n\t\\ ", max_size=12),
    st.sampled_from(["已召开推进会", "yes", "no", "null", "~", "2022-07-01", "123", "- x", "a: b", "# c", " lead", "end "]),
)
OPS = st.tuples(
    st.sampled_from(["doing", "done", "blocked", "todo", "note"]),
    st.sampled_from(["T001", "T002", "T003", "T004", "T005", "AH01", "AH02", "T999"]),
    st.sampled_from([None, None, "xiufeng", "diecai", "rsj", "scjgj", "nobody"]),
    st.integers(-20, 400),
    NOTES,
    st.sampled_from([None, "scjgj", "李明"]),
)


def _request(op: tuple[str, str, str | None, int, str | None, str | None]) -> SetStatus | AddNote:
    status, task, unit, days, note, by = op
    on = date(2022, 1, 1) + timedelta(days=days)
    if status == "note":
        return AddNote(task, note or "备注", on, by)
    return SetStatus(task, status, on, note, by, unit)  # type: ignore[arg-type]


def _outcome(folder: Path, request: SetStatus | AddNote, cache_folder: Path | None) -> tuple[Any, ...]:
    try:
        out = apply(folder, request, cache_folder=cache_folder)
    except CampaignError as err:
        return ("refused", err.kind, err.text("en"), [p.text("en") for p in err.problems])
    return ("written", out.message, out.written, out.diff)


def _index_is_fresh(folder: Path, cache_folder: Path) -> None:
    """The index kept for the file's bytes, if any, is the one a full load of them makes."""
    raw, units = (folder / "tasks.yaml").read_bytes(), (folder / "units.yaml").read_bytes()
    store = open_folder(cache_folder)
    try:
        kept = spanindex.read(store, cache.entry_name(folder), cache.entry_key(folder, digest(raw), digest(units)))
    finally:
        store.close()
    if kept is None:
        return
    c = load_campaign(folder).campaign
    assert c is not None
    built = spanindex.build(io.BytesIO(raw), c)
    assert {ident: kept.start_of(ident) for ident in kept.starts} == built.starts
    assert replace(kept, starts=built.starts, base=None, shifts=(), patches={}) == built


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=1, max_size=6), crlf=st.booleans(), bom=st.booleans(), final_newline=st.booleans())
def test_fast_path_writes_what_the_full_path_writes(
    tmp_path: Path, fast_taken: list[bool], ops: list[Any], crlf: bool, bom: bool, final_newline: bool
) -> None:
    folder, cache_folder = tmp_path / "d", tmp_path / "cache"
    folder.mkdir(exist_ok=True)
    (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
    text = TASKS + ("\n" if final_newline else "")
    raw = ("\ufeff" if bom else "").encode() + (text.replace("\n", "\r\n") if crlf else text).encode()
    (folder / "tasks.yaml").write_bytes(raw)
    assert cache.load(folder, cache_folder).problems == []  # a miss: the entry and the index are written
    for op in ops:
        request = _request(op)
        before = (folder / "tasks.yaml").read_bytes()
        full = _outcome(folder, request, None)
        after_full = (folder / "tasks.yaml").read_bytes()
        (folder / "tasks.yaml").write_bytes(before)
        fast = _outcome(folder, request, cache_folder)
        assert fast == full, op
        assert (folder / "tasks.yaml").read_bytes() == after_full, op
        _index_is_fresh(folder, cache_folder)
        _cache_is_right(folder, cache_folder)


def _as_data(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, Record):
        return {k: _as_data(v) for k, v in value.fields().items()}
    if isinstance(value, taskrecord.Record):
        return {k: _as_data(v) for k, v in vars(value).items()}
    if isinstance(value, list):
        return [_as_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_data(v) for k, v in value.items()}
    return value


def _cache_is_right(folder: Path, cache_folder: Path) -> None:
    """What the cache gives for the file's bytes (a hit, or a patched hit) is what a cold load gives."""
    cold = load_campaign(folder)
    assert cold.campaign is not None and cold.problems == []
    want = [(ref.path, ref.task.model_dump()) for ref in cold.campaign.tasks]
    for plain in (False, True):
        kept = cache.load(folder, cache_folder, plain=plain)
        assert kept.problems == [] and kept.campaign is not None
        assert [(ref.path, _as_data(ref.task)) for ref in kept.campaign.tasks] == want


def test_the_fast_path_is_taken(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    folder = make_data(tasks=TASKS + "\n")
    cache_folder = tmp_path / "cache"
    apply(folder, AddNote("T003", "第一条", date(2022, 7, 1)), cache_folder=cache_folder)  # no index yet: loaded first
    apply(folder, SetStatus("T003", "doing", date(2022, 7, 2), "a: 'b' \"c\"\n第二行"), cache_folder=cache_folder)
    apply(folder, SetStatus("T002", "done", date(2022, 7, 3), unit="diecai"), cache_folder=cache_folder)
    apply(folder, SetStatus("AH02", "done", date(2022, 7, 4)), cache_folder=cache_folder)
    assert fast_taken == [True, True, True, True]
    assert load_campaign(folder).problems == []
    _cache_is_right(folder, cache_folder)  # from the entry written by the first update, patched
    assert (folder / "tasks.yaml").read_bytes().count("第二行".encode()) == 1
    with pytest.raises(CampaignError) as refused:
        apply(folder, SetStatus("AH02", "done", date(2022, 7, 5)), cache_folder=cache_folder)
    assert "already done" in refused.value.text("en")
    assert len(fast_taken) == 4  # refused by the fast path itself, in the full path's words (see the test below)


# --- the record's values without pydantic --------------------------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 3), st.sampled_from(["", "x", "todo", "done", "doing", "scjgj", "2022-01-05"]),
    st.dates(date(2021, 12, 1), date(2022, 12, 31)), st.just([]), st.just({}), st.lists(st.sampled_from(["scjgj", "rsj", 1]), max_size=2),
)
ENTRY = st.dictionaries(st.sampled_from(["date", "status", "note", "by", "unit", "was", "was_done_on", "returned", "odd"]), SCALARS, max_size=5)
TASK = st.fixed_dictionaries(
    {"id": st.sampled_from(["T1", "", 3]), "title": st.sampled_from(["标题", ""]), "owners": st.sampled_from(["scjgj", ["rsj"], [], None])},
    optional={
        "status": SCALARS, "done_on": SCALARS, "due": SCALARS, "support": SCALARS, "indicators": SCALARS, "batch": SCALARS,
        "log": st.one_of(st.none(), st.lists(ENTRY, max_size=3)), "source": SCALARS, "assigned_on": SCALARS,
        "progress": st.one_of(st.none(), st.dictionaries(st.sampled_from(["xiufeng", "diecai"]),
                                                         st.dictionaries(st.sampled_from(["status", "done_on"]), SCALARS))),
        "extensions": st.one_of(st.none(), st.lists(st.dictionaries(st.sampled_from(["to", "reason", "on", "unit"]), SCALARS), max_size=2)),
        "odd": SCALARS,
    },
)


def _plain(value: Any) -> Any:
    if isinstance(value, taskrecord.Record):
        return {k: _plain(v) for k, v in vars(value).items()}
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@settings(max_examples=400, deadline=None)
@given(data=TASK, adhoc=st.booleans())
def test_a_record_read_without_pydantic_is_what_pydantic_reads(data: dict[str, Any], adhoc: bool) -> None:
    """Whatever :func:`taskrecord.task` accepts, the model accepts with the very same values."""
    got = taskrecord.task(data, adhoc)
    if got is None:
        return
    model = (AdhocTask if adhoc else Task).model_validate(data)
    assert _plain(got) == model.model_dump()


def test_records_of_the_generated_shape_are_read(tmp_path: Path) -> None:
    parsed = parse(TASKS, "")
    tasks = [t for a in parsed.data["actions"] for m in a["measures"] for t in m["tasks"]]
    assert all(taskrecord.task(t, False) is not None for t in tasks)
    assert all(taskrecord.task(t, True) is not None for t in parsed.data["adhoc"])


# --- when the fast path gives way, and the cache after it ------------------------------------------


def _ready(make_data: Any, tmp_path: Path) -> tuple[Path, Path]:
    """A data folder whose index is kept: one update, which loads the files through the cache first
    (their entry and index kept) and then takes the fast path."""
    folder, cache_folder = make_data(tasks=TASKS + "\n"), tmp_path / "cache"
    apply(folder, AddNote("T001", "起点", date(2022, 7, 1)), cache_folder=cache_folder)
    return folder, cache_folder


def test_a_read_after_a_fast_update_is_a_hit(make_data: Any, tmp_path: Path, fast_taken: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache_folder = _ready(make_data, tmp_path)
    apply(folder, SetStatus("T004", "done", date(2022, 7, 2), "办结"), cache_folder=cache_folder)
    apply(folder, AddNote("T004", "再记一笔", date(2022, 7, 3)), cache_folder=cache_folder)
    assert fast_taken == [True, True, True]
    cold = load_campaign(folder)
    monkeypatch.setattr(cache, "load_campaign", lambda *a, **k: pytest.fail("a miss"))
    for plain in (False, True):
        kept = cache.load(folder, cache_folder, plain=plain)
        assert kept.campaign is not None and cold.campaign is not None
        assert [_as_data(r.task) for r in kept.campaign.tasks] == [r.task.model_dump() for r in cold.campaign.tasks]
        task = kept.campaign.task("T004")
        assert task is not None and task.task.status == "done" and task.task.log[-1].note == "再记一笔"


@pytest.mark.parametrize("spoil", ["none", "stale", "doctored", "foreign"])
def test_without_a_valid_index_the_full_path_runs(make_data: Any, tmp_path: Path, fast_taken: list[bool], spoil: str) -> None:
    folder, cache_folder = _ready(make_data, tmp_path)
    spans = cache_folder / spanindex.name(cache.entry_name(folder))
    if spoil == "none":
        spans.unlink()
    elif spoil == "stale":  # the file edited by hand since
        (folder / "tasks.yaml").write_bytes((folder / "tasks.yaml").read_bytes() + b"# hand edit\n")
    elif spoil == "doctored":
        data = bytearray(spans.read_bytes())
        data[-3] ^= 1
        spans.write_bytes(bytes(data))
    else:  # signed by another key: someone else's cache folder
        (cache_folder / "key").write_bytes(b"k" * 32)
    apply(folder, SetStatus("T003", "doing", date(2022, 7, 2)), cache_folder=cache_folder)
    # A hand edit, or another key's entries: the files are loaded through the cache first, which
    # indexes them, and the update is fast after all; an index missing or doctored beside an
    # entry that is still good: the full path.
    assert fast_taken == [True, spoil in ("stale", "foreign")]
    assert load_campaign(folder).problems == []


def test_an_index_pointing_elsewhere_is_not_followed(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    """Even a signed index with a record's start wrong edits nothing but the task named."""
    folder, cache_folder = make_data(tasks=TASKS + "\n"), tmp_path / "cache"
    cache.load(folder, cache_folder)  # a read: the whole index of these bytes kept
    raw, units = (folder / "tasks.yaml").read_bytes(), (folder / "units.yaml").read_bytes()
    store = open_folder(cache_folder)
    try:
        entry, key = cache.entry_name(folder), cache.entry_key(folder, digest(raw), digest(units))
        index = spanindex.read(store, entry, key)
        assert index is not None
        wrong = replace(index, starts={**index.starts, "T003": index.starts["T002"]})
        spanindex.write(store, entry, key, wrong)
    finally:
        store.close()
    apply(folder, SetStatus("T003", "doing", date(2022, 7, 2)), cache_folder=cache_folder)
    c = load_campaign(folder).campaign
    assert c is not None and c.task("T003").task.status == "doing" and c.task("T002").task.log == []  # type: ignore[union-attr]
    assert fast_taken == [False]


def test_a_file_changed_while_the_fast_path_works_is_not_overwritten(
    make_data: Any, tmp_path: Path, fast_taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, cache_folder = _ready(make_data, tmp_path)
    real = fastpath.edit

    def edit_then_save_by_hand(*args: Any) -> Any:
        out = real(*args)
        with (folder / "tasks.yaml").open("ab") as f:
            f.write(b"# saved meanwhile\n")
        return out

    monkeypatch.setattr(fastpath, "edit", edit_then_save_by_hand)
    apply(folder, SetStatus("T003", "doing", date(2022, 7, 2)), cache_folder=cache_folder)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    assert text.endswith("# saved meanwhile\n")  # the hand edit stands, and the update was made on it
    c = load_campaign(folder).campaign
    assert c is not None and c.task("T003").task.status == "doing"  # type: ignore[union-attr]
    assert fast_taken == [True]  # _ready's; the second try is the full path's


def test_files_put_back_find_their_index_again(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    """A fast update keeps the index of the files it started from: after a ``git checkout`` of them,
    the next update is fast again, and reads of them are hits."""
    folder, cache_folder = _ready(make_data, tmp_path)
    before = (folder / "tasks.yaml").read_bytes()
    apply(folder, AddNote("T002", "一", date(2022, 7, 2)), cache_folder=cache_folder)
    (folder / "tasks.yaml").write_bytes(before)
    apply(folder, AddNote("T002", "二", date(2022, 7, 3)), cache_folder=cache_folder)
    assert fast_taken == [True, True, True]
    _cache_is_right(folder, cache_folder)


def test_an_edit_the_editor_refuses_is_refused_in_the_full_path_words(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    folder, cache_folder = _ready(make_data, tmp_path)
    text = (folder / "tasks.yaml").read_text(encoding="utf-8").replace("status: blocked", "status: &s blocked")
    (folder / "tasks.yaml").write_text(text, encoding="utf-8")
    assert cache.load(folder, cache_folder).problems == []  # a miss: the index of these bytes is kept
    request = SetStatus("T004", "doing", date(2022, 7, 2))
    full = _outcome(folder, request, None)
    assert full[0] == "refused"
    assert _outcome(folder, request, cache_folder) == full
    assert fast_taken[-1] is False


def test_the_checks_the_fast_path_knows() -> None:
    """The fast path runs, on the edited task alone, the checks that read a task's status, parts and
    log (taskrecord.sound), and relies on the others reading nothing an update of a status or a
    note changes. A new check must be looked at there first: then add it here."""
    from guilin_campaign import checks

    assert [check.__name__ for check in checks.CHECKS] == [
        "check_units", "check_campaign", "check_unique_ids", "check_references", "check_progress", "check_log",
        "check_readings", "check_targets", "check_extensions", "check_returns",
    ]


def test_which_changes_take_the_fast_path() -> None:
    from dataclasses import dataclass

    from guilin_campaign.write.requests import RecordReading

    @dataclass(frozen=True)
    class Named:  # as the CLI's UnitNamed: a unit's name resolved against the campaign
        change: Any

    units = frozenset({"xiufeng", "scjgj"})
    done, note = SetStatus("T1", "done", date(2022, 7, 1)), AddNote("T1", "x", date(2022, 7, 1))
    by_id, by_name = SetStatus("T1", "done", date(2022, 7, 1), unit="xiufeng"), SetStatus("T1", "done", date(2022, 7, 1), unit="秀峰区")
    assert fastpath.request_of(done, units) is done
    assert fastpath.request_of(note, units) is note
    assert fastpath.request_of(Named(done), units) is done
    assert fastpath.request_of(Named(by_id), units) is by_id
    assert fastpath.request_of(Named(by_name), units) is None  # a name: the full path resolves it, or says why not
    assert fastpath.request_of(Named(note), units) is None
    assert fastpath.request_of(RecordReading("I1", 3.0, "2022-07"), units) is None


def test_a_read_that_missed_meanwhile_leaves_an_index_to_use(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    """A read of the new bytes before the update kept its patch loads them in full and keeps their
    whole index (in place of the patch's base): the next update finds that one."""
    folder, cache_folder = _ready(make_data, tmp_path)
    apply(folder, AddNote("T002", "一", date(2022, 7, 2)), cache_folder=cache_folder)
    (cache_folder / (cache.entry_name(folder).removesuffix(".entry") + ".entry")).unlink()  # as if the read came first
    assert cache.load(folder, cache_folder).problems == []  # a miss: entry and whole index of these bytes
    apply(folder, AddNote("T002", "二", date(2022, 7, 3)), cache_folder=cache_folder)
    assert fast_taken == [True, True, True]
    _cache_is_right(folder, cache_folder)


def test_a_plain_read_after_a_fast_update_answers_from_its_columns(make_data: Any, tmp_path: Path, fast_taken: list[bool]) -> None:
    """The patch goes into the hit's columns: ``overdue``, ``summary`` and ``tasks`` after a fast update
    read no record (at 100,000 tasks reading them costs seconds and hundreds of MiB) and answer as a cold load."""
    from guilin_campaign.cachecolumns import ColumnCampaign
    from guilin_campaign.queries.overdue import overdue
    from guilin_campaign.queries.summary import summary
    from guilin_campaign.queries.tasks import select_tasks, tasks_listing

    folder, cache_folder = _ready(make_data, tmp_path)
    apply(folder, SetStatus("T004", "done", date(2022, 7, 2), "办结"), cache_folder=cache_folder)
    apply(folder, SetStatus("T001", "blocked", date(2022, 7, 3), "缺资金"), cache_folder=cache_folder)
    assert fast_taken == [True, True, True]
    kept, cold = cache.load(folder, cache_folder, plain=True).campaign, load_campaign(folder).campaign
    assert isinstance(kept, ColumnCampaign) and cold is not None
    day = date(2022, 7, 31)
    assert overdue(kept, day, 30, None, True) == overdue(cold, day, 30, None, True)
    assert summary(kept) == summary(cold)
    assert tasks_listing(kept, select_tasks(kept, None, None, None, False, None), "en", False) == \
        tasks_listing(cold, select_tasks(cold, None, None, None, False, None), "en", False)
    assert "_tasks_model" in kept.__dict__  # the records were never read
    assert kept.task("T004") is not None and kept.task("T004").task.status == "done"  # and, read, they hold the patch


def test_a_task_done_twice_is_refused_by_the_fast_path_itself(
    make_data: Any, tmp_path: Path, fast_taken: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal the task's own record decides is said without loading the whole file (at 100,000
    tasks the full path takes 9 s and 600 MiB to say it), in the full path's words."""
    folder, cache_folder = _ready(make_data, tmp_path)
    apply(folder, SetStatus("T004", "done", date(2022, 7, 2)), cache_folder=cache_folder)
    full = _outcome(folder, SetStatus("T004", "done", date(2022, 7, 5)), None)
    import guilin_campaign.loading

    monkeypatch.setattr(guilin_campaign.loading, "load_campaign", lambda *a, **k: pytest.fail("the full path"))
    assert _outcome(folder, SetStatus("T004", "done", date(2022, 7, 5)), cache_folder) == full
    assert full[0] == "refused" and "already done" in full[2]


def test_a_dry_run_takes_the_fast_path_and_shows_what_the_full_path_shows(
    make_data: Any, tmp_path: Path, fast_taken: list[bool]
) -> None:
    folder, cache_folder = _ready(make_data, tmp_path)
    before = (folder / "tasks.yaml").read_bytes()
    for request in (SetStatus("T003", "doing", date(2022, 7, 2), "推进：一半"), AddNote("T004", "再记一笔", date(2022, 7, 3))):
        fast = apply(folder, request, dry_run=True, cache_folder=cache_folder)
        full = apply(folder, request, dry_run=True, cache_folder=None)
        assert fast == full and not fast.written and fast.diff
    assert fast_taken == [True, True, False, True, False]  # _ready's; then each dry run fast, and without a cache folder not
    assert (folder / "tasks.yaml").read_bytes() == before
