"""Messages of the 督办 workflow: new work, extensions, returns, adjustments (issue 14) (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
