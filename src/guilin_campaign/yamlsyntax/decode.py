"""A data file's bytes as text: UTF-8 (a BOM is dropped), or a problem saying how to save it."""

from __future__ import annotations

from guilin_campaign.problems import Problem
from guilin_campaign.readfile import wide_encoding


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without its BOM, or a problem saying how to save the file."""
    if wide := wide_encoding(raw):
        return None, [Problem(file, None, "", f"the file is saved as {wide}, not UTF-8: open it in your editor and save it as UTF-8")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(file, line, "", "the file is not text (it holds binary data): restore it from git")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = " It looks like GBK/GB18030: save it as UTF-8 in your editor."
        except UnicodeDecodeError:
            pass
        return None, [Problem(file, line, "", f"the file is not UTF-8 text.{hint}")]
