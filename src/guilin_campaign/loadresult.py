"""What a load returns, and the little every reader of it shares, apart from the loader itself.

:mod:`guilin_campaign.loading` parses and validates (YAML, pydantic, the checks); a read from the
cache needs none of that, only these names (issue 19: a cache hit imports neither pydantic nor the
models). :mod:`guilin_campaign.loading` re-exports them.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, Problem

if TYPE_CHECKING:
    from guilin_campaign.campaign import Campaign

TASKS_FILE = "tasks.yaml"
UNITS_FILE = "units.yaml"
# Told the stage a load has reached ("reading data/tasks.yaml"), for a progress line on a terminal:
# a cold load of 100,000 tasks takes a quarter of a minute.
Progress = Callable[[str], None]


@dataclass
class LoadResult:
    campaign: Campaign | None
    problems: list[Problem]
    read: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256 of the bytes read from disk


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of new objects is built.

    Parsing, validating and indexing a file allocate millions of objects that all stay alive, and
    each allocation burst triggers collections that scan every one of them again (at 10,000 tasks,
    two thirds of the time of a load). Nothing built here is cyclic garbage, so nothing is lost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def require_campaign(result: LoadResult) -> Campaign:
    """The loaded campaign, or a :class:`CampaignError` carrying every problem found."""
    if result.problems or result.campaign is None:
        count = len(result.problems)
        raise CampaignError(msg("load.problems", count=count), result.problems)
    return result.campaign
