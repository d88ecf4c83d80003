"""Messages of unit forms: export, import, status (填报表) (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
