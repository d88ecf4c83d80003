"""What ``check`` checks ``rules.yaml`` and the ledger against when the campaign's own part was kept:
the units alone, read from ``units.yaml`` without the tasks.

Their checks read the campaign's units and groups and nothing else (which is why their parts of a
check are keyed by ``units.yaml``'s bytes, :mod:`guilin_campaign.checkinputs`), so an edit of the
ledger at 100,000 tasks checks the ledger against a campaign of 14 KB, not one of 60 MB.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import parse_file
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE
from guilin_campaign.yamlsyntax.sourcemap import SourceMap


def units_campaign(folder: Path, units_digest: str) -> Campaign | None:
    """A campaign of ``folder``'s units and groups, with no tasks; None when ``units.yaml`` is no
    longer the bytes whose SHA-256 is ``units_digest``, or does not load on its own (then the
    caller loads the whole campaign)."""
    from pydantic import ValidationError

    from guilin_campaign.model import UnitsFile

    path, read = folder / UNITS_FILE, dict[str, str]()
    parsed, problems = parse_file(path, None, read)
    if parsed is None or problems or read.get(UNITS_FILE) != units_digest or not isinstance(parsed.data, dict):
        return None
    try:
        units = UnitsFile.model_validate(parsed.data)
    except ValidationError:
        return None
    no_tasks: Any = SimpleNamespace(actions=[], adhoc=[])  # what Campaign reads of the tasks file
    return Campaign(folder, folder / TASKS_FILE, path, no_tasks, units, SourceMap(None), SourceMap(None))
