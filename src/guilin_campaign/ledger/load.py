"""Reading the ledger folder: each file strictly, with the project's YAML reader; every problem collected.

A data folder without ``ledger/`` has no ledger (None) and no problems: it loads as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import msg, render
from guilin_campaign.ledger.book import Ledger, ProblemRef, VisitRef, Where
from guilin_campaign.ledger.checks import check_ledger
from guilin_campaign.ledger.files import LEDGER_DIR as LEDGER_DIR  # re-exported: they were defined here
from guilin_campaign.ledger.files import LISTS_FILE as LISTS_FILE
from guilin_campaign.ledger.files import MONTH_FILE as MONTH_FILE
from guilin_campaign.ledger.files import ledger_files as ledger_files
from guilin_campaign.ledger.model import ListsFile, MonthFile
from guilin_campaign.loading import parse_file
from guilin_campaign.problems import CampaignError, Problem
from guilin_campaign.validation import describe_errors
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

M = TypeVar("M", bound=BaseModel)


def load_ledger(
    folder: Path, campaign: Campaign, texts: Mapping[Path, str] | None = None
) -> tuple[Ledger | None, list[Problem]]:
    """The ledger of ``folder`` checked against ``campaign``'s units; (None, []) when there is none.

    ``texts`` stands in for files' contents (an update checks the text it is about to write, for a
    month file that may not exist yet) and makes the ledger exist even without the folder."""
    texts = texts or {}
    base = folder / LEDGER_DIR
    if not base.exists() and not texts:
        return None, []
    if base.exists() and not base.is_dir():
        return None, [Problem(str(base), None, "", msg("ledger.load.not_folder"))]
    ledger, problems = Ledger(folder), []
    sources: dict[str, SourceMap] = {}
    for path in sorted(set(ledger_files(folder)) | set(texts)):
        problems += _read_one(path, ledger, sources, texts.get(path))
    problems += check_ledger(ledger, campaign, sources)
    return ledger, sorted(problems, key=lambda p: (p.file, p.line or 0))


def open_ledger(folder: Path, campaign: Campaign) -> Ledger | None:
    """The ledger, or a :class:`CampaignError` carrying every problem found in it."""
    return require_ledger(*load_ledger(folder, campaign))


def require_ledger(ledger: Ledger | None, problems: list[Problem]) -> Ledger | None:
    """``ledger``, or a :class:`CampaignError` carrying the ``problems`` found in it."""
    if problems:
        raise CampaignError(msg("ledger.load.problems", count=len(problems)), problems)
    return ledger


def _read_one(path: Path, ledger: Ledger, sources: dict[str, SourceMap], text: str | None = None) -> list[Problem]:
    if path.name == LISTS_FILE:
        lists, sources[str(path)], problems = _model(path, ListsFile, text)
        if lists is not None:
            ledger.lists_file = str(path)
            ledger.categories, ledger.policies = list(lists.categories), list(lists.policies)
        return problems
    match = MONTH_FILE.fullmatch(path.name)
    if match is None:
        return [Problem(str(path), None, "", msg("ledger.load.bad_name", lists=LISTS_FILE))]
    month, source, problems = _model(path, MonthFile, text)
    if month is None:
        return problems
    file = str(path)
    sources[file] = source
    ledger.visits += [VisitRef(v, Where(file, source.line(("visits", i)), ("visits", i))) for i, v in enumerate(month.visits)]
    ledger.problems += [ProblemRef(p, Where(file, source.line(("problems", i)), ("problems", i))) for i, p in enumerate(month.problems)]
    prefix = f"{match[1]}-{match[2]}"
    return problems + _month_problems(month, source, file, prefix)


def _month_problems(month: MonthFile, source: SourceMap, file: str, prefix: str) -> list[Problem]:
    """A record belongs in the file of the month it happened in: a visit's date, a problem's raised_on."""
    out = []
    for i, v in enumerate(month.visits):
        if v.date.isoformat()[:7] != prefix:
            out.append(Problem(file, source.line(("visits", i, "date")), f"{v.id}.date",
                               msg("ledger.load.visit_month", day=v.date, month=prefix, file=f"ledger/{v.date.isoformat()[:7]}.yaml")))
    for i, p in enumerate(month.problems):
        if p.raised_on.isoformat()[:7] != prefix:
            out.append(Problem(file, source.line(("problems", i, "raised_on")), f"{p.id}.raised_on",
                               msg("ledger.load.problem_month", day=p.raised_on, month=prefix, file=f"ledger/{p.raised_on.isoformat()[:7]}.yaml")))
    return out


def _model(path: Path, model: type[M], text: str | None = None) -> tuple[M | None, SourceMap, list[Problem]]:
    parsed, problems = parse_file(path, text)
    if parsed is None:
        return None, SourceMap(None), problems
    problems = [_quoted_code(p) for p in problems]
    data: Any = parsed.data
    if data is None and not problems:
        return model.model_validate({}), parsed.source, []  # an empty month file: nothing recorded yet
    if data is not None and not isinstance(data, dict):
        return None, parsed.source, problems + [Problem(str(path), 1, "", msg("ledger.load.not_mapping"))]
    try:
        validated = model.model_validate(data or {})
    except ValidationError as err:
        return None, parsed.source, problems + describe_errors(err, parsed.source, str(path), parsed.refused)
    return (None if problems else validated), parsed.source, problems


def _quoted_code(problem: Problem) -> Problem:
    """A credit code of 18 digits reads as a number too long to keep: say to quote it, not to round it."""
    said = render(problem.message, "en")  # the number's problem is a catalogue message (issue 13)
    if not problem.path.endswith(".credit_code") or not isinstance(said, str) or "significant digits" not in said:
        return problem
    code = said.split("'")[1] if said.count("'") >= 2 else "..."
    return Problem(problem.file, problem.line, problem.path, msg("ledger.load.quote_code", code=code))
