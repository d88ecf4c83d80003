"""The ledger folder's names and files, apart from the loader (a check read from the cache lists
them and hashes their bytes without importing pydantic or the YAML reader)."""

from __future__ import annotations

import re
from pathlib import Path

LEDGER_DIR = "ledger"
LISTS_FILE = "lists.yaml"
MONTH_FILE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])\.yaml")


def ledger_files(folder: Path) -> list[Path]:
    """The month files and the lists file, in name order (months sort by date)."""
    base = folder / LEDGER_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))
