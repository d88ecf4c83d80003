"""Loading a data folder: read, parse strictly, validate, check; every problem collected."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from guilin_campaign import checks
from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg
from guilin_campaign.loadresult import TASKS_FILE as TASKS_FILE  # re-exported: they were defined here
from guilin_campaign.loadresult import UNITS_FILE as UNITS_FILE
from guilin_campaign.loadresult import LoadResult as LoadResult
from guilin_campaign.loadresult import Progress as Progress
from guilin_campaign.loadresult import digest as digest
from guilin_campaign.loadresult import gc_paused as gc_paused
from guilin_campaign.loadresult import require_campaign as require_campaign
from guilin_campaign.model import TasksFile, UnitsFile
from guilin_campaign.problems import Problem
from guilin_campaign.readfile import NotAPlainFile, read_plain
from guilin_campaign.taskmodels import TaskModels
from guilin_campaign.validation import describe_errors
from guilin_campaign.yamlsyntax.decode import decode
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.sourcemap import Parsed, SourceMap

M = TypeVar("M", bound=BaseModel)


def load_campaign(
    folder: Path, tasks_text: str | None = None, units_text: str | None = None, progress: Progress | None = None,
    keep_data: bool | None = None,
) -> LoadResult:
    """Load ``folder/tasks.yaml`` and ``folder/units.yaml``; never raises for bad data.

    ``tasks_text`` stands in for the tasks file's content: an edit is checked before it is written;
    ``units_text`` likewise. The result says which files were read from disk, by their bytes' hash.
    ``progress`` is told each stage as it starts.

    ``keep_data``: the campaign's source maps keep the data as read (``SourceMap.data``), which an
    edit of the text works on; by default only when ``tasks_text`` is given. Else each task
    becomes its model as soon as it is read, and the maps keep the line index alone: a large file's
    data is never whole in memory beside its models (docs/performance.md).
    """
    keep = tasks_text is not None if keep_data is None else keep_data
    with gc_paused():
        return _load(folder, tasks_text, units_text, progress or _silent, keep)


def _silent(stage: str) -> None:
    pass


def _load(folder: Path, tasks_text: str | None, units_text: str | None, progress: Progress, keep: bool) -> LoadResult:
    units_path, tasks_path = folder / UNITS_FILE, folder / TASKS_FILE
    read: dict[str, str] = {}
    progress(f"reading {units_path}")
    units, units_src, units_problems = _load_model(units_path, UnitsFile, "units:", units_text, read, TaskModels(keep))
    progress(f"reading {tasks_path}")
    tasks, tasks_src, tasks_problems = _load_model(
        tasks_path, TasksFile, "campaign:, actions:", tasks_text, read, TaskModels(keep), has_tasks=True
    )
    problems = units_problems + tasks_problems
    if units is None or tasks is None:
        return LoadResult(None, _in_order(problems), read)
    progress("checking references")
    campaign = Campaign(folder, tasks_path, units_path, tasks, units, tasks_src, units_src)
    return LoadResult(campaign, _in_order(problems + checks.check_all(campaign)), read)


def _in_order(problems: list[Problem]) -> list[Problem]:
    """By file and line, as a clerk reads the file (every command prints them in this order)."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def open_campaign(folder: Path) -> Campaign:
    """The campaign, or a :class:`CampaignError` carrying every problem found."""
    return require_campaign(load_campaign(folder))


def read_text(path: Path, read: dict[str, str] | None = None) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem saying why it cannot be read; ``read`` gets the bytes' hash."""
    raw, problems = _read_raw(path, read)
    return (None, problems) if raw is None else decode(raw, str(path))


def _read_raw(path: Path, read: dict[str, str] | None) -> tuple[bytes | None, list[Problem]]:
    try:
        raw = read_plain(path)  # a pipe, a device or a huge file is refused, never read
    except FileNotFoundError:
        return None, [Problem(str(path), None, "", msg("file.not_found"))]
    except NotAPlainFile as err:
        return None, [Problem(str(path), None, "", err.message)]
    except OSError as err:
        return None, [Problem(str(path), None, "", msg("file.cannot_read", why=err.strerror or str(err)))]
    if read is not None:
        read[path.name] = digest(raw)
    return raw, []


def parse_file(
    path: Path, text: str | None = None, read: dict[str, str] | None = None
) -> tuple[Parsed | None, list[Problem]]:
    problems: list[Problem] = []
    if text is None:
        text, problems = read_text(path, read)
    if text is None:
        return None, problems
    with gc_paused():
        parsed = parse(text, str(path))
    return parsed, parsed.problems


def _read_source(path: Path, read: dict[str, str]) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes once they are known to be good UTF-8 (libyaml reads them as they are), or
    the problems saying why they are not."""
    raw, problems = _read_raw(path, read)
    if raw is None:
        return None, problems
    text, problems = decode(raw, str(path))
    del text  # only checked here: a large file's text is not kept beside its bytes
    return (None, problems) if problems else (raw, [])


def _load_model(
    path: Path, model: type[M], expected: str, text: str | None, read: dict[str, str], tasks: TaskModels,
    has_tasks: bool = False,
) -> tuple[M | None, SourceMap, list[Problem]]:
    source, problems = (text, []) if text is not None else _read_source(path, read)
    parsed = None
    if source is not None:
        parsed = parse(source, str(path), tasks.finish() if has_tasks else None, keep_data=tasks.keep)
    del source
    if parsed is None:
        return None, SourceMap(None), problems
    problems = parsed.problems
    data: Any = parsed.data
    if data is None and problems:
        return None, parsed.source, problems
    if data is None:
        return None, parsed.source, [Problem(str(path), None, "", msg("load.empty", expected=expected))]
    if not isinstance(data, dict):
        return None, parsed.source, [Problem(str(path), 1, "", msg("load.not_keys", expected=expected))]
    try:
        validated = model.model_validate(tasks.to_validate(data))
    except ValidationError as err:
        # A value refused while parsing shows up again here as missing or None: say it once.
        return None, parsed.source, problems + describe_errors(err, parsed.source, str(path), parsed.refused)
    return (None if problems else validated), parsed.source, problems
