"""Widths counted without Rich are Rich's, in every Unicode version Rich knows."""

from __future__ import annotations

import re

import pytest
from rich._unicode_data._versions import VERSIONS
from rich.cells import cell_len, get_character_cell_size

from guilin_campaign.render.width import NARROW, WIDE, cell_width


def _characters(ranges: str) -> list[str]:
    return [chr(c) for a, b in re.findall(r"(.)-(.)", ranges, re.S) for c in range(ord(a), ord(b) + 1)]


@pytest.mark.parametrize("version", VERSIONS)
def test_the_characters_counted_here_are_as_wide_in_each_of_rich_s_tables(version: str) -> None:
    assert [c for c in _characters(WIDE) if get_character_cell_size(c, version) != 2] == []
    assert [c for c in _characters(NARROW) if get_character_cell_size(c, version) != 1] == []


def test_text_is_as_wide_as_rich_counts_it() -> None:
    for text in ("", "T001", "秀峰区人民政府", "（一）、，。：；！？“好”—★·—", "2022-07-31", "a\tb", "x\ny", "ｱｲｳ",
                 "😀", "👩\u200d💻", "✔\ufe0f", "é", "\x1b[31m", "\u200b", "한국어", "ひらがな"):
        assert cell_width(text) == cell_len(text), text
