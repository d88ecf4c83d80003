"""Labels, titles and report wording shown in tables, reports and documents (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
