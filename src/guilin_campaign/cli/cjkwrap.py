"""Wrapping Chinese help text by its width on the terminal: a Chinese character takes two columns,
and a line may break between any two of them (never before a closing mark such as ，。）),
while Latin words, option names and paths stay whole. Click's own wrapping counts characters and
breaks only at spaces, so a Chinese help would run past the edge of an 80-column terminal."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\s+|[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’…—]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’…—]+")
_NO_LINE_START = frozenset("，。；：、）】》」』？！”’…%")


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """``text`` (one paragraph) in lines of at most ``columns`` columns where it can be broken."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            token = " "
        if line and width(line + token) > columns and not token.isspace() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        if not (token.isspace() and not line):
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines
