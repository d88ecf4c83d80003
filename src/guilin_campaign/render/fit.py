"""A table in a terminal narrower than the table: column widths and line breaks of its cells.

Text breaks between Chinese characters and at spaces, never inside a run of letters, digits and
``-.:/%,+`` (an id, a date, a number, an English word), and not before closing punctuation (、，）)
or after opening punctuation (（“): so ids, dates and numbers stay whole on one line while long
titles wrap inside their column. Each column gets at least its longest unbreakable piece (capped,
so one long English word or address cannot take the table); the room left goes first to long text
(up to ten Chinese characters a line), then to headings (so they need not wrap), then to whatever
still wraps, each time in proportion to how much a column lacks. Rich then draws the lines as given.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

# A token: an unbreakable run (letters, digits, and what joins them in ids, dates and numbers),
# one wide character, or a run of spaces; closing punctuation sticks to what it follows, opening to
# what follows it.
_CLOSE = "、，。：；！？）】」』”’%"
_OPEN = "（【「『“‘"
_TOKEN = re.compile(rf"[{_OPEN}]*(?:[^\s{_OPEN}{_CLOSE}]+?(?=[\s{_OPEN}]|[^\x00-\u2e7f]|$)|[^\x00-\u2e7f]|[^\s]+?(?=\s|$))[{_CLOSE}]*|\s+")
LONGEST_PIECE = 16  # a word longer than this may fold (an address in a note), never an id, date or number
COMFORT = 20  # what a column of long text gets first: ten Chinese characters a line
SHORT = 8  # a cell this narrow is never broken (推进中, 符合序时): four Chinese characters
HEAD_PIECE = 4  # a heading keeps two Chinese characters (or four letters) a line at least


def tokens(text: str) -> list[str]:
    """``text`` as the pieces a line may break between."""
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if out and not piece.isspace() and not out[-1].isspace() and not _wide(piece[0]) and not _wide(out[-1][-1]) \
                and piece[0] not in _OPEN:
            out[-1] += piece  # two narrow runs with nothing between them are one word
        else:
            out.append(piece)
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def wrap(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` cells (a piece wider than that is folded)."""
    lines: list[str] = []
    for source in text.split("\n"):
        line = ""
        for piece in tokens(source):
            if cell_len(line) + cell_len(piece) <= width:
                line += piece
            elif piece.isspace():
                lines.append(line)
                line = ""
            else:
                if line:
                    lines.append(line.rstrip())
                line = ""
                while cell_len(piece) > width:  # only what no line can hold
                    cut = _fit(piece, width)
                    lines.append(piece[:cut])
                    piece = piece[cut:]
                line = piece
        lines.append(line.rstrip())
    return "\n".join(lines)


def _fit(piece: str, width: int) -> int:
    used = 0
    for i, ch in enumerate(piece):
        used += cell_len(ch)
        if used > width:
            return max(i, 1)
    return len(piece)


def fitted_widths(heads: list[str], texts: list[list[str]], width: int) -> tuple[list[int], int] | None:
    """Each column's width and the cells' padding (1, or 0 when even that is too much) in a table of
    at most ``width`` cells, or None when the table fits at its natural widths (Rich lays it out)."""
    n = len(heads)
    natural = [max([_widest(h)] + [_widest(row[i]) for row in texts]) for i, h in enumerate(heads)]
    if sum(natural) + 3 * n - 1 <= width:
        return None
    data = [max([_least(row[i]) for row in texts], default=0) for i in range(n)]
    least = [min(max(_head_least(h, d), d), nat) for h, d, nat in zip(heads, data, natural, strict=True)]
    whole = [max(lo, min(_widest(h), nat)) for lo, h, nat in zip(least, heads, natural, strict=True)]  # headings on one line
    pad = 1 if sum(whole) + 3 * n - 1 <= width else 0
    room = width - (2 * pad + 1) * n + 1 - sum(least)
    words = [max(lo, min(_longest_word(h), nat)) for lo, h, nat in zip(least, heads, natural, strict=True)]
    comfort = [max(lo, min(nat, COMFORT)) for lo, nat in zip(least, natural, strict=True)]
    widths, room = _grow(least, words, room)  # no heading's word folded, then long text its room,
    widths, room = _grow(widths, [max(w, t) for w, t in zip(widths, comfort, strict=True)], room)
    widths, room = _grow(widths, [max(w, t) for w, t in zip(widths, whole, strict=True)], room)  # then headings
    widths, _ = _grow(widths, natural, room)
    return widths, pad


def _grow(widths: list[int], targets: list[int], room: int) -> tuple[list[int], int]:
    """``widths`` grown toward ``targets`` within ``room`` cells, each in proportion to what it lacks."""
    lack = [max(t - w, 0) for w, t in zip(widths, targets, strict=True)]
    if room <= 0 or not sum(lack):
        return widths, max(room, 0)
    if sum(lack) <= room:
        return [w + short for w, short in zip(widths, lack, strict=True)], room - sum(lack)
    given = [room * short // sum(lack) for short in lack]
    for i in sorted(range(len(lack)), key=lambda i: given[i] - lack[i])[: room - sum(given)]:
        given[i] += 1  # the cells the division left over, to those that lack most
    return [w + g for w, g in zip(widths, given, strict=True)], 0


def _widest(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def _least(text: str) -> int:
    """The narrowest a cell may be: all of it when short, else its longest unbreakable piece."""
    if cell_len(text) <= SHORT and "\n" not in text:
        return cell_len(text)
    return min(max((cell_len(t) for t in tokens(text) if not t.isspace()), default=0), LONGEST_PIECE)


def _longest_word(text: str) -> int:
    return max((cell_len(t) for t in tokens(text) if not t.isspace() and not _wide(t[0])), default=0)


def wrap_heading(text: str, width: int) -> str:
    """A heading wrapped into lines of even length where it can (任务/编号, not 任务编/号)."""
    lines = -(-cell_len(text) // max(width, 1))
    even = -(-cell_len(text) // lines)
    return wrap(text, min(width, even + even % 2) if lines > 1 and _wide(text[0]) else width)


def _head_least(text: str, data: int) -> int:
    """A heading may wrap more than its cells: to two Chinese characters a line, or to its longest
    word, but over a narrow column of numbers or ids a long word may fold to the column's width."""
    return max(min(cell_len(text), HEAD_PIECE), min(_longest_word(text), max(data, HEAD_PIECE)))
