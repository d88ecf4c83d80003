"""The store's helpers: the diff of two texts and the comparison outside the edited records."""

from __future__ import annotations

import difflib
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

from guilin_campaign.write.apply import unchanged_outside
from guilin_campaign.write.textdiff import unified_diff


def test_the_diff_is_difflib_s() -> None:
    rng = random.Random(6)
    lines = [f"line {i}\n" for i in range(80)]
    for _ in range(500):
        old = "".join(lines[: rng.randint(0, 80)]).replace("\n", rng.choice(["\n", "\r\n"]))
        new = list(old)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(new))
            new[at : at + rng.randint(0, 12)] = rng.choice(["", "x", "new line\n", "a\nb"])
        expected = difflib.unified_diff(old.splitlines(keepends=True), "".join(new).splitlines(keepends=True), "f", "f")
        assert unified_diff(old, "".join(new), "f") == "".join(expected)


def test_unchanged_outside_the_records() -> None:
    old = {"a": [{"id": 1, "x": 1}, {"id": 2, "x": 2}], "b": 3}
    assert unchanged_outside(old, {"a": [{"id": 1, "x": 9}, {"id": 2, "x": 2}], "b": 3}, [("a", 0)])
    assert not unchanged_outside(old, {"a": [{"id": 1, "x": 9}, {"id": 2, "x": 3}], "b": 3}, [("a", 0)])
    assert not unchanged_outside(old, {"a": [{"id": 1, "x": 1}, {"id": 2, "x": 2}], "b": 4}, [("a", 0)])
    assert not unchanged_outside(old, {"a": [{"id": 1, "x": 1}], "b": 3}, [("a", 0)])


def test_a_change_is_a_value_that_makes_the_new_text(make_data: Callable[..., Path]) -> None:
    from guilin_campaign.loading import open_campaign
    from guilin_campaign.write.changes import set_status
    from guilin_campaign.write.requests import SetStatus

    folder = make_data()
    text = (folder / "tasks.yaml").read_text(encoding="utf-8")
    change = SetStatus("T002", "blocked", date(2022, 7, 1), note="缺编")
    assert change == SetStatus("T002", "blocked", date(2022, 7, 1), note="缺编")  # compared as a value
    c = open_campaign(folder)
    assert change(c, text) == set_status(c, text, "T002", "blocked", date(2022, 7, 1), note="缺编")
    assert "status: blocked" in change(c, text).new_text
