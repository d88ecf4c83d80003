"""A data file's bytes as text: UTF-8 (a BOM is dropped), or a problem saying how to save it."""

from __future__ import annotations

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import Problem
from guilin_campaign.readfile import wide_encoding


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without its BOM, or a problem saying how to save the file."""
    if wide := wide_encoding(raw):
        return None, [Problem(file, None, "", msg("file.wide_encoding", encoding=wide))]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(file, line, "", msg("file.binary"))]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            return None, [Problem(file, line, "", msg("file.not_utf8"))]
        return None, [Problem(file, line, "", msg("file.gbk"))]
