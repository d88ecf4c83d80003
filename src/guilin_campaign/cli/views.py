"""Commands: overdue, indicators, unit: the supervision views (issue 4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

COMMANDS: list[Callable[..., Any]] = []
