"""The library's messages: every key the library's code names is in the catalogue, and every
Chinese entry of the library's part is Chinese (no English sentence left in it)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from guilin_campaign.catalogue import CATALOGUE, core, core_files, core_more, core_write, msg, render
from tests.conftest import REPO
from tests.test_check_chinese import CJK, english_left

SRC = REPO / "src" / "guilin_campaign"
# The library, without the parts other modules of the catalogue speak for.
OTHERS = ("cli", "forms", "ledger", "catalogue")
LIBRARY = sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in OTHERS and not p.name.startswith("cache"))
PREFIXES = ("value.", "check.", "lookup.", "yaml.", "date.", "number.", "rules.", "file.", "load.", "datadir.", "init.",
            "revision.", "office.", "write.", "lock.", "git.", "update.", "edit.", "merge.", "report.", "query.", "import.", "hint.")
KEY = re.compile(r"[a-z]+\.[a-z0-9_]+")
OURS = {**core.ENTRIES, **core_files.ENTRIES, **core_write.ENTRIES, **core_more.ENTRIES}


def _keys_named(path: Path) -> tuple[set[str], set[str]]:
    """The catalogue keys a module names: whole ones (in ``msg("...")`` or as a string constant that
    looks like one of ours, e.g. in a table of keys), and the fixed starts of ``msg(f"...{x}")``."""
    whole, starts = set(), set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in parts and _looks_like_key(node.value):
            whole.add(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg" and node.args:
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                starts.add(str(first.values[0].value))
    return whole, starts


def _looks_like_key(text: str) -> bool:
    return bool(KEY.fullmatch(text)) and text.startswith(PREFIXES) and not text.endswith((".yaml", ".md"))


@pytest.mark.parametrize("path", LIBRARY, ids=[str(p.relative_to(SRC)) for p in LIBRARY])
def test_every_key_the_library_names_is_in_the_catalogue(path: Path) -> None:
    whole, starts = _keys_named(path)
    assert sorted(k for k in whole if k not in CATALOGUE) == []
    assert sorted(s for s in starts if not any(k.startswith(s) for k in CATALOGUE)) == []


def test_the_library_names_its_keys() -> None:
    """The scan above finds the keys: most entries of the library's part are named in its code
    (the rest are the ends of keys built with an f-string, which the scan checks by their start)."""
    named: set[str] = set()
    starts: set[str] = set()
    for path in LIBRARY:
        whole, begun = _keys_named(path)
        named |= whole
        starts |= begun
    unused = sorted(k for k in OURS if k not in named and not any(k.startswith(s) for s in starts))
    assert unused == []


# Commands and paths a clerk types as they are, inside a Chinese sentence.
_TYPED = re.compile(r"git config user\.\w+|git checkout --\w+ --|git log --oneline -- \.|git commit -m init|git add \{file\} && git commit")


@pytest.mark.parametrize("key", sorted(OURS))
def test_each_chinese_entry_is_chinese(key: str) -> None:
    zh, _ = OURS[key]
    values = {name: "X" for name in re.findall(r"\{(\w+)\}", zh)}
    rendered = render(msg(key, **values), "zh")
    if re.search(r"[a-z]", _TYPED.sub("", rendered).replace("X", "")) and not CJK.search(rendered):
        pytest.fail(f"{key}: no Chinese in {rendered!r}")
    assert english_left(_TYPED.sub("", rendered)) == [], key


def test_the_cache_keeps_a_problem_as_its_message() -> None:
    """A cached load gives back each problem's catalogue message, nested values and all, so it is
    said in the language of the run that reads the cache, not of the run that wrote it."""
    from guilin_campaign import cachecodec
    from guilin_campaign.loading import LoadResult
    from guilin_campaign.problems import Problem

    nested = msg("value.not_allowed", value="'完成'", choices=msg("value.choices", choices="'todo'", last="'done'"), hint="")
    problems = [Problem("tasks.yaml", 3, "T001.status", nested), Problem("tasks.yaml", None, "", "plain text")]
    back = cachecodec.decode(cachecodec.encode(LoadResult(None, problems, {})))
    assert back.problems == problems
    assert back.problems[0].text("zh") == "tasks.yaml:3: T001.status: 不允许写 '完成'：应为 'todo' 或 'done'"
