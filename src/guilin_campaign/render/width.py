"""How many terminal cells a text takes, as Rich counts them, without importing Rich for the usual text.

Rich (``rich.cells.cell_len``) reads its width tables on import (20 ms). Text of printable ASCII,
Chinese characters, Chinese punctuation and the common symbols takes the same cells in every
Unicode version Rich knows: one per narrow character, two per wide one. Such text is counted
here; anything else (a control character, an emoji, a joiner, a rarer script) goes to Rich. The
test of this module holds every character counted here to Rich's own width in each of its tables.
"""

from __future__ import annotations

import re

# The characters of the same width in every Unicode version of Rich's tables (4.1 to 17).
WIDE = "\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4db5\u4e00-\u9fbb\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
NARROW = "\u00a0-\u02ff\u2010-\u2027\u202f-\u205f\u2070-\u20cf\u20f1-\u2319\u23f4-\u25fc\u25ff-\u2613"
_COUNTED = re.compile(f"[ -~{NARROW}{WIDE}]*")
_WIDE = re.compile(f"[{WIDE}]+")


def cell_width(text: str) -> int:
    """``rich.cells.cell_len(text)``."""
    if text.isascii() and text.isprintable():
        return len(text)
    if _COUNTED.fullmatch(text):
        return 2 * len(text) - len(_WIDE.sub("", text))
    from rich.cells import cell_len

    return cell_len(text)
