"""``check`` through the cache (issue 19): each part of its result kept for the exact bytes it was
made from; a warm check imports neither pydantic, the YAML reader, Rich nor the models, and
returns and prints exactly what a check of the files themselves does."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign import cache, checkcache
from guilin_campaign.cachefolder import open_folder
from guilin_campaign.checking import CheckResult, check_folder
from guilin_campaign.loadresult import LoadResult
from tests.conftest import SAMPLE

RULES = "ranking:\n  exclude: [xiufeng]\nadjustments:\n  - {unit: diecai, month: 2022-06, points: 2, reason: 表扬}\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The built-in sample (campaign and ledger) with a rules.yaml of its own."""
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE, folder)
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


class Counted:
    """The campaign's load, counting its calls."""

    def __init__(self, store: Path) -> None:
        self.store, self.calls = store, 0

    def __call__(self, folder: Path) -> LoadResult:
        self.calls += 1
        return cache.load(folder, self.store, plain=True)


def _truth(folder: Path) -> CheckResult:
    return check_folder(folder, None)  # no cache at all: the files themselves


def test_a_warm_check_loads_nothing_and_returns_what_the_files_say(data: Path, tmp_path: Path) -> None:
    load = Counted(tmp_path / "cache")
    cold = check_folder(data, tmp_path / "cache", load)
    warm = check_folder(data, tmp_path / "cache", load)
    assert load.calls == 1
    assert cold == warm == _truth(data)
    assert warm.problems == [] and warm.campaign is not None and warm.ledger is not None
    assert (warm.campaign.tasks, warm.campaign.adhoc, warm.ledger.visits) == (98, 5, 300)


def _bad_rules(folder: Path) -> None:
    (folder / "rules.yaml").write_text(RULES.replace("diecai", "diecia"), encoding="utf-8")


def _bad_ledger(folder: Path) -> None:
    path = folder / "ledger" / "2022-07.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("team: ", "team: nobody_", 1), encoding="utf-8")


def _unit_gone(folder: Path) -> None:  # the rules and the ledger name diecai
    path = folder / "units.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "id: diecai" not in line), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "rules edited": _bad_rules,
    "rules removed": lambda f: (f / "rules.yaml").unlink(),
    "rules not YAML": lambda f: (f / "rules.yaml").write_text("ranking: [\n", encoding="utf-8"),
    "rules not UTF-8": lambda f: (f / "rules.yaml").write_bytes("ranking: {exclude: [秀峰]}\n".encode("gb18030")),
    "ledger edited": _bad_ledger,
    "ledger file removed": lambda f: (f / "ledger" / "2022-03.yaml").unlink(),
    "ledger file added": lambda f: (f / "ledger" / "2022-08.yaml").write_text("visits: [{id: X}]\n", encoding="utf-8"),
    "ledger file badly named": lambda f: (f / "ledger" / "august.yaml").write_text("", encoding="utf-8"),
    "ledger removed": lambda f: shutil.rmtree(f / "ledger"),
    "ledger emptied": lambda f: [p.unlink() for p in (f / "ledger").iterdir()],
    "ledger a file": lambda f: (shutil.rmtree(f / "ledger"), (f / "ledger").write_text("")),
    "unit removed": _unit_gone,
    "tasks broken": lambda f: (f / "tasks.yaml").write_text("campaign: [\n", encoding="utf-8"),
    "tasks missing": lambda f: (f / "tasks.yaml").unlink(),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_after_a_warm_check_is_noticed(edit: str, data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    before = check_folder(data, store)
    check_folder(data, store)
    EDITS[edit](data)
    truth = _truth(data)
    assert truth != before or edit == "rules removed"
    assert check_folder(data, store) == truth  # the edit is a miss
    assert check_folder(data, store) == truth  # and the new result is kept (or nothing is, and it is made again)


def test_an_edit_of_the_ledger_checks_the_ledger_again_and_nothing_else(data: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from guilin_campaign import checking

    store = tmp_path / "cache"
    check_folder(data, store)
    made: list[str] = []
    rules, ledger = checking._rules_problems, checking._ledger_part
    monkeypatch.setattr(checking, "_rules_problems", lambda *a: made.append("rules") or rules(*a))
    monkeypatch.setattr(checking, "_ledger_part", lambda *a: made.append("ledger") or ledger(*a))
    _bad_ledger(data)
    load = Counted(store)
    assert check_folder(data, store, load).problems and made == ["ledger"]
    _bad_rules(data)
    result = check_folder(data, store, load)
    assert made == ["ledger", "rules"]
    assert load.calls == 0  # checked against units.yaml alone: the tasks are not loaded
    assert result == _truth(data)


def _entry(store: Path, data: Path) -> Path:
    return store / checkcache.entry_name(data)


def test_a_doctored_entry_is_a_miss(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    _bad_ledger(data)
    truth = check_folder(data, store)
    assert truth.problems
    path = _entry(store, data)
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 1  # a bit of the payload
    path.write_bytes(bytes(raw))
    load = Counted(store)
    assert check_folder(data, store, load) == truth and load.calls == 1


def test_an_entry_not_signed_with_our_key_is_never_read(data: Path, tmp_path: Path) -> None:
    """Someone who can compute every key forges an entry saying the ledger is fine: not read."""
    store = tmp_path / "cache"
    _bad_ledger(data)
    truth = check_folder(data, store)
    path = _entry(store, data)
    folder = open_folder(store)
    try:
        sections = checkcache.read_sections(folder, data)
        forged = {name: (key, ([], counts)) for name, (key, (_, counts)) in sections.items()}
        (tmp_path / "other").mkdir(mode=0o700)
        other = open_folder(tmp_path / "other")  # a key of its own
        checkcache.write_sections(other, data, forged)
        other.close()
        shutil.copyfile(_entry(tmp_path / "other", data), path)
        assert checkcache.read_sections(folder, data) == {}
    finally:
        folder.close()
    assert check_folder(data, store) == truth


def test_an_entry_of_ours_that_cannot_be_read_is_a_miss(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    truth = check_folder(data, store)
    folder = open_folder(store)
    try:
        folder.write(checkcache.entry_name(data), checkcache.MAGIC, marshal.dumps((checkcache.VERSION, {"campaign": "junk"})))
        assert checkcache.read_sections(folder, data) == {}
    finally:
        folder.close()
    assert check_folder(data, store) == truth


def test_a_file_changed_while_it_is_checked_keeps_nothing(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"

    def load_after_an_edit(folder: Path) -> LoadResult:
        _unit_gone(folder)
        return cache.load(folder, store, plain=True)

    assert check_folder(data, store, load_after_an_edit) == _truth(data)
    assert not _entry(store, data).exists()


def test_problems_and_their_messages_come_back_exactly(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    _bad_rules(data)
    _bad_ledger(data)
    _unit_gone(data)
    cold = check_folder(data, store)
    warm = check_folder(data, store)
    assert warm == cold == _truth(data) and len(warm.problems) > 3
    assert [p.as_dict(lang) for p in warm.problems for lang in ("zh", "en")] == [p.as_dict(lang) for p in cold.problems for lang in ("zh", "en")]


# --- the whole command, in a fresh interpreter --------------------------------------------------

_HEAVY = ("pydantic", "pydantic_core", "yaml", "rich", "guilin_campaign.model", "guilin_campaign.loading",
          "guilin_campaign.rules", "guilin_campaign.ledger.load")
_RUN = """
import sys
sys.argv = ["guilin-campaign", *{args!r}]
from guilin_campaign.cli.app import main
try:
    main()
    code = 0
except SystemExit as stop:
    code = stop.code or 0
print("\\n" + str(code) + " " + " ".join(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def _command(args: list[str], store: Path) -> tuple[str, str, str, str]:
    """stdout, stderr, the exit code and the heavy modules imported, of one command run on its own."""
    env = {**os.environ, "GUILIN_CAMPAIGN_CACHE": str(store)}
    done = subprocess.run([sys.executable, "-c", _RUN.format(args=args, heavy=_HEAVY)], capture_output=True, text=True,
                          env=env, timeout=120)
    *err, last = done.stderr.splitlines()
    code, _, heavy = last.partition(" ")
    return done.stdout, "\n".join(err), code, heavy


@pytest.mark.parametrize("broken", [False, True])
def test_a_second_check_imports_no_pydantic_yaml_rich_nor_models_and_prints_the_same(broken: bool, data: Path, tmp_path: Path) -> None:
    if broken:
        _bad_rules(data)
        _bad_ledger(data)
    for n, args in enumerate((["--lang", "zh", "check"], ["--lang", "en", "check"], ["--lang", "en", "check", "-f", "json"],
                              ["--lang", "zh", "check", "--format", "json"])):
        args = [*args, "--data", str(data)]
        first = _command(args, tmp_path / "cache")
        again = _command(args, tmp_path / "cache")
        assert ("pydantic" in first[3].split()) == (n == 0)  # only the very first run read the files
        assert again[3] == "", args
        assert again[:3] == first[:3] == _command(args, tmp_path / f"cold{n}")[:3], args
        assert first[2] == ("1" if broken else "0")


@pytest.mark.parametrize("name", ["tasks.yaml", "rules.yaml", "ledger/2022-05.yaml"])
def test_a_fifo_is_never_read_for_the_cache_either(name: str, data: Path, tmp_path: Path) -> None:
    """A named pipe would block a read for the key: the check is made without the cache, at once."""
    (data / name).unlink()
    os.mkfifo(data / name)
    for _ in range(2):
        out, err, code, _ = _command(["--lang", "en", "check", "--data", str(data)], tmp_path / "cache")
        assert code == "1" and f"{data / name}: is a named pipe (FIFO), not a plain file" in out + err


def test_an_update_remembers_the_campaign_part_for_the_next_check(data: Path, tmp_path: Path) -> None:
    """What an update has just checked and written is the campaign's part of the next check:
    that check loads nothing (the rules' and the ledger's parts were kept)."""
    from guilin_campaign.checking import remember_campaign
    from guilin_campaign.loading import load_campaign

    store = tmp_path / "cache"
    check_folder(data, store)
    tasks = (data / "tasks.yaml").read_bytes() + "# 已更新\n".encode()
    (data / "tasks.yaml").write_bytes(tasks)
    after = load_campaign(data)
    remember_campaign(data, store, after, tasks, (data / "units.yaml").read_bytes())
    load = Counted(store)
    assert check_folder(data, store, load) == _truth(data) and load.calls == 0


def test_a_section_not_asked_for_is_kept(data: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    check_folder(data, store)
    good = (data / "tasks.yaml").read_bytes()
    (data / "tasks.yaml").write_text("campaign: [\n", encoding="utf-8")
    assert check_folder(data, store).campaign is None  # no campaign: the ledger is not checked
    (data / "tasks.yaml").write_bytes(good)
    folder = open_folder(store)
    try:
        assert set(checkcache.read_sections(folder, data)) == {"campaign", "rules", "ledger"}
    finally:
        folder.close()
    assert check_folder(data, store) == _truth(data)


def test_units_changed_while_the_ledger_is_checked_again(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """units.yaml saved between reading the files' bytes and checking the ledger against it: the
    check says what the files say now, and keeps nothing it made from the mixture."""
    from guilin_campaign import checking
    from guilin_campaign.checkinputs import read_inputs

    store = tmp_path / "cache"
    check_folder(data, store)
    _bad_ledger(data)

    def read_then_edit(folder: Path) -> object:
        inputs = read_inputs(folder)
        _unit_gone(folder)
        return inputs

    monkeypatch.setattr(checking, "read_inputs", read_then_edit)
    assert check_folder(data, store) == _truth(data)
    monkeypatch.undo()
    assert check_folder(data, store) == _truth(data)
