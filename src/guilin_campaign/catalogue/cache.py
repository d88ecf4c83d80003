"""Messages of the cache and the fast paths (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "cache.changed_meanwhile": ("{folder} 中的数据在读取期间被改过；请重新运行命令", "the data in {folder} changed while it was read; run the command again"),
}
