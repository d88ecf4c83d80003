"""``check``: every problem of a data folder's files, and what they hold when there is none.

The files are the campaign (``tasks.yaml``, ``units.yaml``), ``rules.yaml`` and ``ledger/`` (both
optional). Each part of the result (the campaign's, the rules', the ledger's problems and counts) is
kept in the cache, keyed by the exact bytes it was made from (:mod:`guilin_campaign.checkinputs`,
:mod:`guilin_campaign.checkcache`): a check of unchanged files reads its bytes and one small entry,
and imports neither pydantic, the models nor the YAML reader; it returns what a check of the files
themselves returns. A part that misses is made again from the files, the others kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from guilin_campaign.checkcache import Part, Sections, open_store, read_sections, write_sections
from guilin_campaign.checkinputs import Inputs, campaign_key, ledger_key, read_inputs, rules_key
from guilin_campaign.loadresult import TASKS_FILE, UNITS_FILE, LoadResult, digest
from guilin_campaign.problems import Problem

if TYPE_CHECKING:
    from guilin_campaign.cachefolder import CacheFolder
    from guilin_campaign.campaign import Campaign

Load = Callable[[Path], LoadResult]  # the campaign's load (through its own cache), on a miss


class CampaignCounts(NamedTuple):
    tasks_file: str
    units_file: str
    tasks: int  # not counting the ad-hoc ones
    adhoc: int
    indicators: int
    units: int


class LedgerCounts(NamedTuple):
    visits: int
    problems: int
    policies: int


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    campaign: CampaignCounts | None = None  # None: the campaign files could not be loaded
    ledger: LedgerCounts | None = None  # None: no ledger/ folder, or no campaign to check it against


def check_folder(folder: Path, cache_folder: Path | None, load: Load | None = None) -> CheckResult:
    """The problems of ``folder``'s files in the order a check prints them (the campaign's, the
    rules', the ledger's) and the counts; through the cache in ``cache_folder``, if any.

    ``load`` loads the campaign when a part must be made again (the command line passes one that
    shows progress); by default through the campaign cache."""
    inputs = read_inputs(folder)
    store = open_store(cache_folder) if inputs is not None else None
    load = load or _default_load(cache_folder, inputs is not None)
    if inputs is None or store is None:
        return _uncached(folder, load)
    try:
        return _Check(folder, inputs, store, load).result()
    except _Changed:  # a file changed while it was checked: check again, keep nothing
        return _uncached(folder, load)
    finally:
        store.close()


def remember_campaign(folder: Path, cache_folder: Path | None, result: LoadResult, tasks: bytes, units: bytes) -> None:
    """Keep ``result`` as the campaign's part of a check of ``folder`` whose files hold ``tasks``
    and ``units`` (an update has just loaded, checked and written them, as for
    :func:`guilin_campaign.cache.remember`): the next check reads it, and the rules' and the
    ledger's parts, keyed by units.yaml, stay as they were. Never fails."""
    store = open_store(cache_folder)
    if store is None:
        return
    try:
        sections = read_sections(store, folder)
        part = (result.problems, _campaign_counts(result.campaign))
        sections["campaign"] = (campaign_key(folder, digest(tasks), digest(units)), part)
        write_sections(store, folder, sections)
    finally:
        store.close()


class _Changed(Exception):
    pass


class _Check:
    """One check through the cache: each section from the entry when its key matches, else made."""

    def __init__(self, folder: Path, inputs: Inputs, store: CacheFolder, load: Load) -> None:
        self.folder, self.inputs, self.store, self.load_campaign = folder, inputs, store, load
        self.stored = read_sections(store, folder)
        self.kept: Sections = dict(self.stored)  # a section not asked for this time (no campaign) is kept too
        self.changed = False
        self.load_result: LoadResult | None = None
        self.units: Campaign | None = None
        self.loads = False  # whether the campaign loads (its part says so)

    def result(self) -> CheckResult:
        inputs = self.inputs
        problems, counts = self.part("campaign", campaign_key(self.folder, inputs.tasks, inputs.units), self._campaign)
        loaded = self.loads = counts is not None
        rules: Part = ([], None)
        if inputs.rules is not None:
            rules = self.part("rules", rules_key(inputs, loaded), self._rules)
        ledger: Part = ([], None)
        if loaded and inputs.ledger is not None:
            ledger = self.part("ledger", ledger_key(inputs), self._ledger)
        if self.changed:
            write_sections(self.store, self.folder, self.kept)
        return _result(problems + rules[0] + ledger[0], counts, ledger[1])

    def part(self, section: str, key: str, make: Callable[[], tuple[Part, bool]]) -> Part:
        """The section's part from the entry, or made (and kept when ``make`` says it may be)."""
        entry = self.stored.get(section)
        if entry is not None and entry[0] == key:
            return entry[1]
        part, keep = make()
        if keep:
            self.kept[section], self.changed = (key, part), True
        return part

    def campaign(self) -> Campaign | None:
        """The campaign, loaded once; :class:`_Changed` if its files are no longer the bytes keyed."""
        if self.load_result is None:
            self.load_result = self.load_campaign(self.folder)
            read = self.load_result.read
            if (read.get(TASKS_FILE), read.get(UNITS_FILE)) != (self.inputs.tasks, self.inputs.units):
                raise _Changed
        return self.load_result.campaign

    def against(self) -> Campaign:
        """What the rules and the ledger are checked against (when the campaign loads): the
        campaign if it was loaded, else its units alone (their checks read nothing else)."""
        if self.load_result is None and self.units is None:
            from guilin_campaign.checkunits import units_campaign

            self.units = units_campaign(self.folder, self.inputs.units)
        c = self.units or self.campaign()
        assert c is not None  # only asked for when the campaign's part says it loads
        return c

    def _campaign(self) -> tuple[Part, bool]:
        c = self.campaign()
        assert self.load_result is not None
        return (self.load_result.problems, _campaign_counts(c)), True

    def _rules(self) -> tuple[Part, bool]:
        from guilin_campaign.checkinputs import RULES_FILE
        from guilin_campaign.yamlsyntax.decode import decode

        assert self.inputs.rules is not None
        text, _ = decode(self.inputs.rules, str(self.folder / RULES_FILE))
        c = self.against() if self.loads else None
        return (_rules_problems(self.folder, c, text), None), text is not None

    def _ledger(self) -> tuple[Part, bool]:
        from guilin_campaign.ledger.files import ledger_files
        from guilin_campaign.yamlsyntax.decode import decode

        files = self.inputs.ledger or {}
        texts = {path: decode(raw, str(path))[0] for path, raw in files.items()}
        whole = all(text is not None for text in texts.values())
        problems, counts = _ledger_part(self.folder, self.against(), {p: t for p, t in texts.items() if t is not None} if whole else None)
        return (problems, counts), whole and ledger_files(self.folder) == sorted(files)


def _uncached(folder: Path, load: Load) -> CheckResult:
    """The check of the files as they are, nothing kept (no cache, or a file that is not plain)."""
    loaded = load(folder)
    c = loaded.campaign
    problems = loaded.problems + _rules_problems(folder, c, None)
    ledger_problems, ledger = _ledger_part(folder, c, None) if c is not None else ([], None)
    return _result(problems + ledger_problems, _campaign_counts(c), ledger)


def _result(problems: list[Problem], campaign: tuple[Any, ...] | None, ledger: tuple[Any, ...] | None) -> CheckResult:
    """The result; the counts as kept in the cache (plain tuples) or as made."""
    return CheckResult(problems, None if campaign is None else CampaignCounts(*campaign), None if ledger is None else LedgerCounts(*ledger))


def _campaign_counts(c: Campaign | None) -> CampaignCounts | None:
    if c is None:
        return None
    from guilin_campaign.queries.summary import summary

    counts = summary(c)  # on a cache hit, from its columns: the tasks' records are not read
    return CampaignCounts(str(c.tasks_file), str(c.units_file), counts["tasks"], counts["adhoc"], counts["indicators"],
                          counts["units"])


def _rules_problems(folder: Path, c: Campaign | None, text: str | None) -> list[Problem]:
    from guilin_campaign.rules import load_rules

    return load_rules(folder, c, text).problems


def _ledger_part(folder: Path, c: Campaign, texts: dict[Path, str] | None) -> tuple[list[Problem], LedgerCounts | None]:
    from guilin_campaign.ledger.load import load_ledger

    ledger, problems = load_ledger(folder, c, texts)
    counts = None if ledger is None else LedgerCounts(len(ledger.visits), len(ledger.problems), len(ledger.policies))
    return problems, counts


def _default_load(cache_folder: Path | None, plain_files: bool) -> Load:
    """Through the campaign cache when both files are plain (else the loader refuses them, unread)."""
    def load(folder: Path) -> LoadResult:
        if plain_files:
            from guilin_campaign import cache

            return cache.load(folder, cache_folder, plain=True)
        from guilin_campaign.loading import load_campaign

        return load_campaign(folder)

    return load
