"""Commands: report monthly/quarterly (issue 5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

COMMANDS: list[Callable[..., Any]] = []
