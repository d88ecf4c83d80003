"""``import table``: read the table, build the records, check them with the project's own loader,
and only then write ``tasks.yaml`` and ``units.yaml`` into a folder that holds no data yet."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from guilin_campaign.catalogue import msg
from guilin_campaign.loading import TASKS_FILE, UNITS_FILE, load_campaign, parse_file
from guilin_campaign.model import UnitsFile
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.grid import Grid
from guilin_campaign.tableimport.header import Columns, find_columns, parse_maps
from guilin_campaign.tableimport.plan import Plan, build_plan, campaign_lead
from guilin_campaign.tableimport.rows import read_rows
from guilin_campaign.tableimport.sheet import read_sheets
from guilin_campaign.tableimport.summary import counts_of, summary_lines
from guilin_campaign.tableimport.units import build_new, match_known
from guilin_campaign.tableimport.wordtable import read_tables
from guilin_campaign.tableimport.yamlout import CampaignHead, tasks_text, units_text
from guilin_campaign.validation import describe_errors
from guilin_campaign.write.fileio import write_atomic
from guilin_campaign.write.lock import LOCK_NAME

_TITLE_TAIL = re.compile(r"(?:的)?(?:实施方案)?(?:工作)?(?:任务)?(?:分解表|分解清单|清单|分工表|责任分工表|一览表)$")
_CITY = re.compile(r"^(.{1,6}?市)(?=.)")


@dataclass(frozen=True)
class ImportOptions:
    source: Path
    out: Path
    sheet: str | None = None
    year: int | None = None
    units: Path | None = None
    maps: tuple[str, ...] = ()
    dry_run: bool = False


@dataclass
class ImportResult:
    summary: list[str]
    errors: list[str]
    tasks_text: str | None = None
    units_text: str | None = None
    written: list[Path] = field(default_factory=list)


def import_table(opts: ImportOptions) -> ImportResult:
    """Read, plan, check; write only when nothing is wrong and this is not a dry run."""
    if opts.year is not None and not 1900 <= opts.year <= 2200:
        raise CampaignError(msg("import.bad_year", year=opts.year), kind=ErrorKind.USAGE, option="year")
    refuse_existing(opts.out)
    grids, unsaved = _read(opts.source, opts.sheet)
    cols, continued, others = _continuations(find_columns(grids, parse_maps(opts.maps)))
    known = _known_units(opts.units) if opts.units is not None else None
    rows = read_rows([cols] + continued)
    name, city, name_guess = _campaign_name(rows.title, opts.source)
    plan = build_plan(rows, (lambda names: match_known(names, known)) if known else build_new, opts.year, name)
    _notes(plan, name, name_guess, (cols, continued, others))
    result = ImportResult([], [f"{at}: {words.FORMULA_WITHOUT_VALUE}" for at in unsaved] + plan.errors)
    head = _head(plan, name, city, result.errors)
    source = f"{opts.source.name}（{'、'.join(c.grid.name for c in [cols] + continued)}）"
    if head is not None and not result.errors:
        _render(opts, plan, head, source, result)
    unit_count = len(known.units) if known else len(plan.book.new_units)
    how = words.UNITS_GIVEN.format(file=opts.units) if opts.units else words.UNITS_NEW
    result.summary = summary_lines(source, cols.header_row, counts_of(plan, unit_count), how, cols.unused, plan, result.errors)
    if not result.errors and not opts.dry_run:
        result.written = _write(opts, result)
    return result


def _render(opts: ImportOptions, plan: Plan, head: CampaignHead, source: str, result: ImportResult) -> None:
    """Both files' text, checked by the project's own loader as if they were in the folder."""
    result.tasks_text = tasks_text(plan, head, source)
    result.units_text = opts.units.read_bytes().decode("utf-8-sig") if opts.units else units_text(plan.book, source)
    checked = load_campaign(opts.out, result.tasks_text, result.units_text)
    result.errors += [str(p) for p in checked.problems] + ([words.WOULD_NOT_PASS] if checked.problems else [])


def _notes(plan: Plan, name: str, name_guess: str, tables: tuple[Columns, list[Columns], list[Columns]]) -> None:
    cols, continued, others = tables
    plan.guesses.insert(0, name_guess)
    _column_notes(cols.fields, name, plan)
    plan.guesses += [words.CONTINUATION.format(table=c.grid.name, first=cols.grid.name) for c in continued]
    plan.skipped += [words.OTHER_TABLE.format(table=c.grid.name) for c in others]


def _continuations(tables: list[Columns]) -> tuple[Columns, list[Columns], list[Columns]]:
    """The first table; the later Word tables with the same columns (its 续表); the other tables
    that look like a decomposition table, which are not read (the summary names them)."""
    first, rest = tables[0], tables[1:]
    continued = [t for t in rest if t.grid.kind == "docx" and t.fields == first.fields]
    return first, continued, [t for t in rest if all(t is not c for c in continued)]


def refuse_existing(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise CampaignError(msg("import.not_a_folder", path=out))
    for name in (TASKS_FILE, UNITS_FILE):
        if (out / name).exists() or (out / name).is_symlink():
            raise CampaignError(msg("import.dir_has_data", path=out / name))


def _read(source: Path, sheet: str | None) -> tuple[list[Grid], list[str]]:
    suffix = source.suffix.lower()
    if not source.exists():
        raise CampaignError(msg("import.no_file", file=source), kind=ErrorKind.USAGE)
    if suffix in (".xlsx", ".xlsm"):
        grids, unsaved = read_sheets(source, sheet)
    elif suffix == ".docx":
        grids, unsaved = read_tables(source, sheet), []
    else:
        raise CampaignError(msg("import.unsupported", file=source), kind=ErrorKind.USAGE)
    if not grids:
        raise CampaignError(msg("import.no_tables", file=source.name))
    return grids, unsaved


def _known_units(path: Path) -> UnitsFile:
    parsed, problems = parse_file(path)
    if parsed is not None and not problems:
        try:
            return UnitsFile.model_validate(parsed.data)
        except ValidationError as err:
            problems = describe_errors(err, parsed.source, str(path), parsed.refused)
    raise CampaignError(msg("import.units_file_bad", file=path), problems or None, option="units")


def _campaign_name(title: str, source: Path) -> tuple[str, str | None, str]:
    text = " ".join(title.split())
    name = _TITLE_TAIL.sub("", text).strip("“”\"《》 ") if text else ""
    city = _CITY.match(name)
    if city:
        name = name[city.end():].strip("“”\"《》 ") or name
    if name:
        return name, city.group(1) if city else None, words.CAMPAIGN_NAME.format(source=words.CAMPAIGN_FROM_TITLE, name=name)
    return source.stem, None, words.CAMPAIGN_NAME.format(source=words.CAMPAIGN_FROM_FILE, name=source.stem)


def _column_notes(fields: dict[str, int], name: str, plan: Plan) -> None:
    if "action" not in fields and any(a.name == name for a in plan.actions):
        plan.guesses.append(words.NO_ACTION_COLUMN.format(name=name))
    if "measure" not in fields:
        plan.guesses.append(words.NO_MEASURE_COLUMN)
    if "due" not in fields:
        plan.refusals.append(words.NO_DUE_COLUMN)


def _head(plan: Plan, name: str, city: str | None, errors: list[str]) -> CampaignHead | None:
    lead = campaign_lead(plan)
    if not plan.tasks():
        errors.append(words.NO_TASKS)
        return None
    if plan.year is None:
        errors.append(words.NO_YEAR)
    if lead is None:
        errors.append(words.NO_LEAD)
    if plan.year is None or lead is None:
        return None
    start, end = date(plan.year, 1, 1), date(max(plan.year, plan.last_year or plan.year), 12, 31)
    plan.guesses[1:1] = [words.CAMPAIGN_LEAD.format(id=lead), words.CAMPAIGN_YEARS.format(start=start, end=end)]
    return CampaignHead(name, city, lead, start, end)


def _write(opts: ImportOptions, result: ImportResult) -> list[Path]:
    assert result.tasks_text is not None and result.units_text is not None
    try:
        opts.out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CampaignError(msg("import.cannot_create", path=opts.out, why=err.strerror or err)) from None
    refuse_existing(opts.out)  # once more, right before writing: nothing of the clerk's is replaced
    units_bytes = opts.units.read_bytes() if opts.units else result.units_text.encode("utf-8")
    written = [opts.out / UNITS_FILE]
    write_atomic(written[0], units_bytes)
    try:
        write_atomic(opts.out / TASKS_FILE, result.tasks_text.encode("utf-8"))
    except CampaignError:
        with suppress(OSError):
            written[0].unlink()  # half a data folder would be refused by the next import
        raise
    written.append(opts.out / TASKS_FILE)
    ignore = opts.out / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, f"{LOCK_NAME}\n.*.tmp\n".encode())  # as `init` writes it
    return written
