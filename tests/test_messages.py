"""Messages say what is really wrong, where, in the file's own terms: no character offsets, no
Python reprs (``datetime.date(...)``), no Pydantic sentences (``Keys should be strings``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guilin_campaign.loading import load_campaign
from tests.conftest import TASKS, UNITS

TITLE = "title: 推行企业开办一日办结"


def _problems(make_data: Callable[..., Path], tasks: str = TASKS, units: str = UNITS) -> list[str]:
    folder = make_data(tasks=tasks, units=units)
    return [p.text("en").replace(f"{folder}/", "") for p in load_campaign(folder).problems]


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x9b", "\ufffe"])
def test_a_control_character_is_located_by_line_and_column(make_data: Callable[..., Path], char: str) -> None:
    tasks = TASKS.replace("推行企业开办一日办结", f"推行企业{char}开办一日办结")
    line = TASKS[: TASKS.index(TITLE)].count("\n") + 1
    column = len("            title: 推行企业") + 1
    problems = _problems(make_data, tasks)
    assert problems == [f"tasks.yaml:{line}: column {column} holds the control character U+{ord(char):04X}, which a "
                        "YAML file may not contain: delete it (an editor may show it as ^ and a letter, or as a box)"]


@pytest.mark.parametrize(("old", "new", "says"), [
    (TITLE, "title: [2022-01-01, 3]", "T001.title: expected text, got [2022-01-01, 3]"),
    ("due: 2022-03-31", "due: [2022-03-31]", "T001.due: not a date: [2022-03-31]; write YYYY-MM-DD"),
    ("start: 2022-01-01", "start: [2022-01-01]", "campaign.start: not a date: [2022-01-01]"),
    ("status: done", "status: [done]", "T001.status: [done] is not allowed"),
    (TITLE, f"{TITLE}\n            5: x", "unknown key 5 here"),
    ("batch: 1,", "batch: 1.5,", "AH01.batch: 1.5 is not a whole number"),
    ("owners: [scjgj]\n            due", "owners: {a: 2022-01-01}\n            due", "got {a: 2022-01-01}"),
    ("done_on: 2022-03-28", "done_on: 2022-03-28\n            log: hello", "T001.log: expected a list of entries"),
])
def test_no_python_internals_in_messages(make_data: Callable[..., Path], old: str, new: str, says: str) -> None:
    problems = _problems(make_data, TASKS.replace(old, new, 1))
    assert any(says in p for p in problems), problems
    for text in problems:
        for internal in ("datetime", "Keys should be strings", "Input should", "\"['", "{'"):
            assert internal not in text, text


def test_an_id_with_control_characters_is_written_out_in_a_message(make_data: Callable[..., Path]) -> None:
    """``id: "T001\\e[2J"`` is valid YAML; printed raw, the problem's path would clear the terminal."""
    tasks = TASKS.replace("- id: T001", '- id: "T001\\e[2J\\u202e"').replace("due: 2022-03-31", "due: 2022-02-30", 1)
    problems = _problems(make_data, tasks)
    assert len(problems) == 1 and "T001\\x1b[2J\\u202e.due: not a date: '2022-02-30'" in problems[0]
    assert "\x1b" not in problems[0] and "\u202e" not in problems[0]
