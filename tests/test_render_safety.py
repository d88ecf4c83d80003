"""What data can do to an output: nothing. CSV cells never become formulas, Markdown never carries
live HTML, a terminal never receives an escape sequence, and a huge cell is drawn in linear time."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console, Group
from rich.text import Text

from guilin_campaign.listing import Listing
from guilin_campaign.render.cells import csv_cell, for_terminal
from guilin_campaign.render.plain import plain_listings
from guilin_campaign.render.table import PIECE, pieces, print_listings, to_table
from guilin_campaign.render.text import to_csv, to_markdown
from tests.conftest import TASKS, run


def _listing(*values: object) -> Listing:
    return Listing.of("", "title actual", [{"title": v, "actual": None} for v in values])


def test_csv_puts_a_quote_before_text_a_spreadsheet_would_run() -> None:
    texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "普通文字"]
    rows = list(csv.reader(io.StringIO(to_csv(_listing(*texts)), newline="")))[1:]
    assert [r[0] for r in rows] == ["'" + t for t in texts[:6]] + ["普通文字"]


def test_csv_keeps_numbers_numbers() -> None:
    assert csv_cell(-1.5) == "-1.5"
    assert csv_cell(-66000) == "-66000"
    assert csv_cell("-12.5%") == "-12.5%"  # a number shown as text (``show``) is no formula either
    assert csv_cell("-1.5+cmd") == "'-1.5+cmd"


def test_markdown_escapes_html_in_data() -> None:
    md = to_markdown(Listing.of("<b>标题</b>", "title", [{"title": "<script>alert(1)</script> & <img src=x onerror=y>"}]), "zh")
    assert "<" not in md and ">" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;" in md
    assert "## &lt;b&gt;标题&lt;/b&gt;" in md


def test_markdown_report_escapes_a_title(make_data: Callable[..., Path]) -> None:
    folder = make_data(tasks=TASKS.replace("推行企业开办一日办结", "<img src=x onerror=alert(1)>"))
    out = run("report", "monthly", "2022-03", "--format", "md", "--data", str(folder), "--as-of", "2022-03-31").stdout
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<img" not in out


def test_terminal_text_loses_escape_sequences_and_controls() -> None:
    hostile = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x07\x08\r\x9b2J d\u202egnp.exe\u2066x\u2069 e\tf\ng"
    assert for_terminal(hostile) == "ared bc  dgnp.exex e\tf\ng"
    assert for_terminal("桂林市 plain text") == "桂林市 plain text"


def test_tables_on_a_terminal_carry_no_escape_sequence() -> None:
    listing = _listing("note \x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x9b31m end")
    buffer = io.StringIO()
    print_listings([listing], Console(file=buffer, width=120, color_system=None, highlight=False), "zh")
    assert "note link  end" in buffer.getvalue()
    for text in (buffer.getvalue(), plain_listings([_listing("a\x1b[31mb")], "zh") or ""):
        assert "\x1b" not in text and "\x9b" not in text


def test_a_huge_cell_reaches_rich_in_short_pieces() -> None:
    """Rich's folding is quadratic in one cell's length; no Text it is given is longer than PIECE."""
    note = "进展" * 50_000 + "\n" + "x" * 30_000
    cell = to_table(_listing(note), "zh").columns[0]._cells[0]
    assert isinstance(cell, Group)
    texts = [t for t in cell.renderables if isinstance(t, Text)]
    assert len(texts) == len(cell.renderables) and all(len(t.plain) <= PIECE for t in texts)
    assert "".join(t.plain for t in texts) == note.replace("\n", "")  # nothing lost: cut at the break and at PIECE
    assert len(texts) <= 2 * len(note) // PIECE + 2


def test_pieces_cut_at_line_breaks_draw_as_the_whole() -> None:
    note = "\n".join(f"第{i}行 " + "记录" * (i % 50) for i in range(400))
    assert all(len(p) <= PIECE for p in pieces(note)) and "\n".join(pieces(note)) == note

    def drawn(cell: object) -> str:
        buffer = io.StringIO()
        Console(file=buffer, width=60, color_system=None).print(cell)
        return buffer.getvalue()

    assert drawn(Group(*(Text(p) for p in pieces(note)))) == drawn(Text(note))
    assert pieces("") == [""] and pieces("a" * 10, 4) == ["aaaa", "aaaa", "aa"]
