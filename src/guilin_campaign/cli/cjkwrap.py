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
    """``text`` (one paragraph) in lines of at most ``columns`` columns where it can be broken; a
    closing mark that would start a line takes the character before it along (禁则, kinsoku)."""
    lines: list[str] = []
    line: list[str] = []
    for token in _TOKEN.findall(" ".join(text.split())):
        token = " " if token.isspace() else token
        if line and width("".join(line) + token) > columns and token != " ":
            carried: list[str] = []
            while token in _NO_LINE_START and len(line) > 1 and (line[-1] in _NO_LINE_START or width(line[-1]) == 2):
                carried.insert(0, line.pop())
                if carried[0] not in _NO_LINE_START:
                    break
            lines.append("".join(line).rstrip())
            line = carried
        if not (token == " " and not line):
            line.append(token)
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines
