"""Messages of field visits, problems and policies (查访台账) (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
