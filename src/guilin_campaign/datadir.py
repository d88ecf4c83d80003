"""Where the data lives: ``--data``, else ``$GUILIN_CAMPAIGN_DATA``, else the current folder or the
nearest parent holding ``tasks.yaml`` (or a ``data/`` folder in one of them that holds it), the way
git finds ``.git``. The built-in sample only when asked for by name (``sample``), never as a fallback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.loadresult import TASKS_FILE
from guilin_campaign.problems import CampaignError, ErrorKind

ENV_VAR = "GUILIN_CAMPAIGN_DATA"
SAMPLE_NAME = "sample"


@dataclass(frozen=True)
class DataSource:
    folder: Path
    builtin: bool = False


def sample_folder() -> Path:
    """The built-in sample: inside an installed wheel, or the repository's data/ in a checkout."""
    packaged = Path(__file__).parent / "sample"
    return packaged if (packaged / TASKS_FILE).is_file() else Path(__file__).parents[2] / "data"


def locate(option: Path | None, env: Mapping[str, str], cwd: Path) -> DataSource:
    """The data folder, or a :class:`CampaignError` (exit 2) saying where it looked."""
    named = option if option is not None else (Path(env[ENV_VAR]) if env.get(ENV_VAR) else None)
    if named is not None:
        if str(named) == SAMPLE_NAME:
            return DataSource(sample_folder(), builtin=True)
        return DataSource(named, builtin=is_sample(named))
    found = search_upwards(cwd)
    if found is None:
        raise CampaignError(not_found_message(cwd), kind=ErrorKind.USAGE, option="data")
    return DataSource(found, builtin=is_sample(found))


def search_upwards(cwd: Path) -> Path | None:
    """The current folder or the nearest parent holding tasks.yaml, itself or in its data/ folder;
    relative to ``cwd`` when found there, so messages name ``data/tasks.yaml`` as before."""
    for level, folder in enumerate((cwd, *cwd.parents)):
        for candidate in (folder, folder / "data"):
            if (candidate / TASKS_FILE).is_file():
                return candidate.relative_to(cwd) if level == 0 else candidate
    return None


def is_sample(folder: Path) -> bool:
    """Whether ``folder`` is the built-in sample itself (in a checkout, the repository's data/)."""
    try:
        return folder.resolve() == sample_folder().resolve()
    except OSError:
        return False


def not_found_message(cwd: Path) -> Msg:
    """Where it looked and what to do; the option that names the folder is the caller's to show."""
    return msg("datadir.not_found", file=TASKS_FILE, cwd=cwd, env=ENV_VAR, sample=SAMPLE_NAME)
