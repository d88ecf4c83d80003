"""The report as plain data: the headline, then each section's rows, in the order the office reads.

Nothing here renders; :mod:`guilin_campaign.report.render_md` and its siblings turn a
:class:`Report` into Markdown, HTML, JSON or a workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import Lang
from guilin_campaign.dates import time_progress
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.listing import Column, Listing, Row
from guilin_campaign.queries.indicators import indicators_listing
from guilin_campaign.queries.ledger import with_source_heading
from guilin_campaign.queries.overdue import overdue
from guilin_campaign.report import indicators, tasks, units, workflow
from guilin_campaign.report.ledger import LedgerSection, ledger_section
from guilin_campaign.report.periods import Period
from guilin_campaign.report.replay import campaign_at
from guilin_campaign.rules import DEFAULT_RULES, Lights
from guilin_campaign.words import HEADLINE_KEYS, LEDGER_SECTIONS, SECTION_KEYS, WORKFLOW_SECTIONS, section, value_name, word

# Section key -> (columns, numeric columns, what its rows count: rep.counted.<what>); the headline,
# indicators and wall chart differ.
COLUMNS = {
    "completed": ("id action title owners due done_on days_late", "days_late", "tasks"),
    "late": ("id title owners due done_on days_late late_units", "days_late", "tasks"),
    "overdue": ("unit unit_name task title measure due days_overdue status light", "days_overdue", "rows"),
    "units": ("rank unit unit_name tasks done overdue rate", "rank tasks done overdue rate", "units"),
    "negative": ("indicator indicator_name unit_name month reading light", "reading", "rows"),
    "adhoc": ("batch id title source assigned_on owners due status done_on days_overdue light", "batch days_overdue", "tasks"),
    "not_reported": ("unit unit_name open_tasks task_ids", "open_tasks", "units"),
    "ledger_teams": ("team_name visits visits_total key_visits", "visits visits_total key_visits", "teams"),
    "ledger_categories": ("category raised solved raised_total solved_total open", "raised solved raised_total solved_total open", "categories"),
    "ledger_units": ("unit unit_name open overdue overdue_ids light", "open overdue", "units"),
    "ledger_key": ("entity credit_code visits_total problems solved_total", "visits_total problems solved_total", "enterprises"),
    "ledger_policies": ("id name source level city_can unit_names status done_on", "", "policies"),
}


@dataclass
class Headline:
    """The planned tasks' counts at the as-of date and at the end of the previous period."""

    current: dict[str, int]
    previous: dict[str, int]

    @property
    def change(self) -> dict[str, int]:
        return {k: v - self.previous[k] for k, v in self.current.items()}

    def as_dict(self) -> dict[str, object]:
        return {**self.current, "previous": self.previous, "change": self.change}

    def rows(self, lang: Lang) -> list[Row]:
        return [{"item": word(f"headline.{k}", lang), "current": self.current[k], "previous": self.previous[k],
                 "change": f"{self.change[k]:+d}"} for k in HEADLINE_KEYS]


@dataclass
class Report:
    campaign: str
    period: Period
    as_of: date
    previous_as_of: date
    time_progress: float
    headline: Headline
    rows: dict[str, list[Row]]
    wall: units.WallChart
    ledger: LedgerSection | None = None  # the 查访 section, when the data folder has a ledger

    def title(self, lang: Lang) -> str:
        """月度汇总 2022年6月."""
        kind = word(f"rep.kind.{self.period.kind}", lang)
        return word("rep.title", lang, kind=kind, period=self.period.name(lang))

    def subtitle(self, lang: Lang) -> str:
        p = self.period
        return word("rep.subtitle", lang, campaign=self.campaign, start=p.first_day, end=p.last_day, as_of=self.as_of,
                    progress=f"{self.time_progress * 100:.1f}%")

    @property
    def behind(self) -> list[Row]:
        return [r for r in self.rows["indicators"] if r["status"] == "behind"]

    def listings(self, lang: Lang) -> dict[str, Listing]:
        """Every section as a table in ``lang``, keyed and ordered as :data:`~guilin_campaign.words.SECTION_KEYS`;
        the 督办 sections numbered where they fall (after the ledger's when there is one)."""
        shown = [key for key in SECTION_KEYS if self.ledger is not None or key not in LEDGER_SECTIONS]
        return {key: workflow.workflow_listing(key, workflow.numbered(section(key, lang), i, lang), self.rows[key], lang)
                if key in WORKFLOW_SECTIONS else self._listing(key, section(key, lang), lang) for i, key in enumerate(shown, start=1)}

    def section_rows(self, key: str, lang: Lang) -> list[Row]:
        """A section's rows; the city's own negative readings named in ``lang`` when the data names no city."""
        if key == "negative":
            return [r if r["unit_name"] is not None else r | {"unit_name": word("rep.city", lang)} for r in self.rows[key]]
        return self.rows[key]

    def _listing(self, key: str, heading: str, lang: Lang) -> Listing:
        if key == "tasks":
            title = word("rep.tasks_heading", lang, heading=heading, as_of=self.as_of, previous=self.previous_as_of)
            return Listing.of(title, "item current previous change", self.headline.rows(lang), "current previous change")
        if key == "indicators":
            behind = word("rep.list_sep", lang).join(r["id"] for r in self.behind) or word("rep.none_behind", lang)
            return indicators_listing(self.rows[key], lang, word("rep.indicators_heading", lang, heading=heading, behind=behind))
        if key == "wall_chart":
            return self._wall_listing(word("rep.wall_heading", lang, heading=heading), lang)
        keys, numeric, counted = COLUMNS[key]
        rows = self.section_rows(key, lang)
        if key == "ledger_teams" and self.ledger is not None:
            return Listing.of(word("rep.with_sentence", lang, heading=heading, sentence=self.ledger.sentence(lang)), keys, rows, numeric)
        if key == "ledger_policies" and self.ledger is not None:
            title = word("rep.with_sentence", lang, heading=heading, sentence=self.ledger.policy_sentence(lang))
            return with_source_heading(Listing.of(title, keys, rows, numeric))
        return Listing.of(word(f"rep.counted.{counted}", lang, heading=heading, n=len(rows)), keys, rows, numeric)

    def _wall_listing(self, title: str, lang: Lang) -> Listing:
        columns = [Column("unit_name")] + [Column(a, text=f"{a} {name}") for a, name in self.wall.actions]
        rows = []
        for unit, name in self.wall.units:
            row: Row = {"unit": unit, "unit_name": name}
            for action, _ in self.wall.actions:
                cell = self.wall.cells.get((unit, action))
                row[action] = f"{value_name('light', cell.light, lang)} {cell.done}/{cell.tasks}" if cell else ""
            rows.append(row)
        return Listing(title, columns, rows)


def build_report(c: Campaign, period: Period, as_of: date | None = None, soon: int = 7,
                 lights: Lights = DEFAULT_RULES.lights, ledger: Ledger | None = None) -> Report:
    """The report for ``period`` as of its last day (or ``as_of``); the previous period as of its last day.

    Each of the two dates reads the campaign as the update commands left it that day
    (:func:`~guilin_campaign.report.replay.campaign_at`), so later updates never change the report.
    """
    as_of = as_of or period.last_day
    previous = period.previous()
    then = campaign_at(c, previous.last_day)  # each date reads the record as it stood that day
    c = campaign_at(c, as_of)
    overdue_now = tasks.overdue_at(c, overdue(c, as_of), as_of)
    overdue_before = {r["task"] for r in overdue(then, previous.last_day)}
    headline = Headline(
        tasks.counts(c, period, as_of, {r["task"] for r in overdue_now}),
        tasks.counts(then, previous, previous.last_day, overdue_before),
    )
    completed = tasks.completed_rows(c, period, as_of)
    rows = {
        "completed": completed,
        "late": [r for r in completed if r["days_late"]],
        "overdue": overdue_now,
        "units": units.ranking_rows(c, as_of, overdue_now),
        "indicators": indicators.key_first(c, as_of, lights),
        "negative": indicators.negative_rows(c, period, as_of),
        "adhoc": tasks.adhoc_rows(c, period, as_of, soon),
        "not_reported": units.not_reported_rows(c, period, as_of),
        "adhoc_batches": workflow.batch_rows(c, as_of),
        "extensions": workflow.extension_rows(c, period, as_of),
        "returns": workflow.return_rows(c, period, as_of),
    }
    section = ledger_section(c, ledger, period, as_of) if ledger is not None else None
    if section is not None:
        rows |= {"ledger_teams": section.teams, "ledger_categories": section.categories, "ledger_units": section.units,
                 "ledger_key": section.key_enterprises, "ledger_policies": section.policies}
    return Report(c.info.name, period, as_of, previous.last_day, time_progress(c.info, as_of, lights.time_progress), headline, rows,
                  units.wall_chart(c, as_of, soon), section)
