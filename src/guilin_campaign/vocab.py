"""The data format's small fixed vocabulary (statuses, the month pattern), apart from the models:
a read from the cache uses them without importing pydantic (issue 19). :mod:`guilin_campaign.model`
re-exports them."""

from __future__ import annotations

import re
from typing import Literal

Status = Literal["todo", "doing", "done", "blocked"]
STATUSES: tuple[Status, ...] = ("todo", "doing", "done", "blocked")
MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
