"""Messages of the library: problems in the data files, refusals, errors (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "demo.hello": ("你好，{who}", "hello, {who}"),
}
