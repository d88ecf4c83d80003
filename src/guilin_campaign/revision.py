"""The campaign as it was at a git revision (``report ... --rev REV``), read without touching the work tree."""

from __future__ import annotations

from pathlib import Path

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, load_campaign, require_campaign
from guilin_campaign.problems import CampaignError, Problem
from guilin_campaign.write.git import read_revision
from guilin_campaign.yamlsyntax.decode import decode


def campaign_at_revision(folder: Path, rev: str) -> Campaign:
    """Both data files of ``folder`` at ``rev``, loaded and checked; problems are named
    ``REV:path/tasks.yaml:LINE`` (git's way of naming a file at a revision)."""
    found = read_revision(folder, rev, [UNITS_FILE, TASKS_FILE])
    missing = [name for name, raw in found.files.items() if raw is None]
    if missing:
        names = ", ".join(found.prefix + name for name in missing)
        raise CampaignError(msg("revision.missing_files", rev=rev, names=names, commit=found.commit[:10]), option="rev")
    label = Path(f"{rev}:{found.prefix.rstrip('/') or '.'}")
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for name, raw in found.files.items():
        assert raw is not None
        text, trouble = decode(raw, str(label / name))
        problems += trouble
        if text is not None:
            texts[name] = text
    if problems:
        raise CampaignError(msg("revision.problems", count=len(problems), rev=rev), problems)
    return require_campaign(load_campaign(label, tasks_text=texts[TASKS_FILE], units_text=texts[UNITS_FILE]))
