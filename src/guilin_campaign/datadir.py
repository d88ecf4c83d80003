"""Where the data lives: ``--data``, else ``$GUILIN_CAMPAIGN_DATA``, else ``./data``, else the sample."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from guilin_campaign.edit.lock import LOCK_NAME
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE
from guilin_campaign.problems import CampaignError

ENV_VAR = "GUILIN_CAMPAIGN_DATA"


@dataclass(frozen=True)
class DataSource:
    folder: Path
    builtin: bool = False


def sample_folder() -> Path:
    """The built-in sample: inside an installed wheel, or the repository's data/ in a checkout."""
    packaged = Path(__file__).parent / "sample"
    return packaged if (packaged / TASKS_FILE).is_file() else Path(__file__).parents[2] / "data"


def locate(option: Path | None, env: Mapping[str, str], cwd: Path) -> DataSource:
    if option is not None:
        return DataSource(option)
    if env.get(ENV_VAR):
        return DataSource(Path(env[ENV_VAR]))
    if (cwd / "data" / TASKS_FILE).is_file():
        return DataSource(Path("data"))
    return DataSource(sample_folder(), builtin=True)


def init_folder(target: Path) -> list[Path]:
    """Copy the sample into ``target`` as a starting point; never overwrite anything."""
    names = (TASKS_FILE, UNITS_FILE)
    existing = [target / n for n in names if (target / n).exists()]
    if existing:
        raise CampaignError(f"{existing[0]} already exists; nothing was copied (init never overwrites)")
    if target.exists() and not target.is_dir():
        raise CampaignError(f"{target} exists and is not a folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
        created = [Path(shutil.copyfile(sample_folder() / n, target / n)) for n in names]
        ignore = target / ".gitignore"
        if not ignore.exists():
            # the lock, and a temporary file a killed update may leave behind
            ignore.write_text(f"{LOCK_NAME}\n.*.tmp\n", encoding="utf-8")
            created.append(ignore)
    except OSError as err:
        raise CampaignError(f"cannot create the data folder {target}: {err.strerror or err}") from None
    return created
