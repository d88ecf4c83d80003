"""The command line's own words: the help of the program, of each command and option, and the
CLI's notes and messages (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
