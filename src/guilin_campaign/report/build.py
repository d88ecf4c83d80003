"""The report as plain data: the headline, then each section's rows, in the order the office reads.

Nothing here renders; :mod:`guilin_campaign.report.render_md` and its siblings turn a
:class:`Report` into Markdown, HTML, JSON or a workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guilin_campaign.campaign import Campaign
from guilin_campaign.dates import time_progress
from guilin_campaign.ledger.book import Ledger
from guilin_campaign.listing import Listing, Row
from guilin_campaign.queries.indicators import indicators_listing
from guilin_campaign.queries.ledger import with_source_heading
from guilin_campaign.queries.overdue import overdue
from guilin_campaign.report import indicators, tasks, units, workflow
from guilin_campaign.report.columns import TitledColumn, report_listing
from guilin_campaign.report.ledger import LedgerSection, ledger_section
from guilin_campaign.report.periods import Period
from guilin_campaign.report.replay import campaign_at
from guilin_campaign.rules import DEFAULT_RULES, Lights
from guilin_campaign.words import HEADLINE_ITEMS, KIND_TITLE, LEDGER_SECTIONS, LIGHT, SECTIONS, WORKFLOW_SECTIONS

# Section key -> (columns, numeric columns, what its rows count); the headline, indicators and wall chart differ.
COLUMNS = {
    "completed": ("id action title owners due done_on days_late", "days_late", "项"),
    "late": ("id title owners due done_on days_late late_units", "days_late", "项"),
    "overdue": ("unit unit_name task title measure due days_overdue status light", "days_overdue", "条"),
    "units": ("rank unit unit_name tasks done overdue rate", "rank tasks done overdue rate", "个单位"),
    "negative": ("indicator indicator_name unit_name month reading light", "reading", "条"),
    "adhoc": ("batch id title source assigned_on owners due status done_on days_overdue light", "batch days_overdue", "项"),
    "not_reported": ("unit unit_name open_tasks task_ids", "open_tasks", "个单位"),
    "ledger_teams": ("team_name visits visits_total key_visits", "visits visits_total key_visits", "个查访组"),
    "ledger_categories": ("category raised solved raised_total solved_total open", "raised solved raised_total solved_total open", "类"),
    "ledger_units": ("unit unit_name open overdue overdue_ids light", "open overdue", "个单位"),
    "ledger_key": ("entity credit_code visits_total problems solved_total", "visits_total problems solved_total", "家"),
    "ledger_policies": ("id name source level city_can unit_names status done_on", "", "项"),
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

    def rows(self) -> list[Row]:
        return [{"item": name, "current": self.current[k], "previous": self.previous[k], "change": f"{self.change[k]:+d}"}
                for k, name in HEADLINE_ITEMS]


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

    @property
    def title(self) -> str:
        return f"{KIND_TITLE[self.period.kind]} {self.period.label}"

    @property
    def subtitle(self) -> str:
        p = self.period
        return f"{self.campaign} · 统计期间 {p.first_day} 至 {p.last_day} · 截至 {self.as_of} · 序时进度 {self.time_progress * 100:.1f}%"

    @property
    def behind(self) -> list[Row]:
        return [r for r in self.rows["indicators"] if r["status"] == "behind"]

    def listings(self) -> dict[str, Listing]:
        """Every section as a table, keyed and ordered as :data:`SECTIONS`."""
        shown = [(key, heading) for key, (heading, _) in SECTIONS.items() if self.ledger is not None or key not in LEDGER_SECTIONS]
        return {key: workflow.workflow_listing(key, workflow.numbered(heading, i), self.rows[key]) if key in WORKFLOW_SECTIONS
                else self._listing(key, heading) for i, (key, heading) in enumerate(shown, start=1)}

    def _listing(self, key: str, heading: str) -> Listing:
        if key == "tasks":
            title = f"{heading}（截至 {self.as_of}；上期截至 {self.previous_as_of}）"
            return report_listing(title, "item current previous change", self.headline.rows(), "current previous change")
        if key == "indicators":
            behind = "、".join(r["id"] for r in self.behind) or "无"
            return indicators_listing(self.rows[key], f"{heading}（滞后于序时进度：{behind}）")
        if key == "wall_chart":
            return self._wall_listing(heading)
        keys, numeric, counted = COLUMNS[key]
        if key == "ledger_teams" and self.ledger is not None:
            return report_listing(f"{heading}：{self.ledger.sentence}", keys, self.rows[key], numeric)
        if key == "ledger_policies" and self.ledger is not None:
            return with_source_heading(report_listing(f"{heading}：{self.ledger.policy_sentence}", keys, self.rows[key], numeric))
        return report_listing(f"{heading}（{len(self.rows[key])} {counted}）", keys, self.rows[key], numeric)

    def _wall_listing(self, heading: str) -> Listing:
        columns = [TitledColumn("unit_name")] + [TitledColumn(a, text=f"{a} {name}") for a, name in self.wall.actions]
        rows = []
        for unit, name in self.wall.units:
            row: Row = {"unit": unit, "unit_name": name}
            for action, _ in self.wall.actions:
                cell = self.wall.cells.get((unit, action))
                row[action] = f"{LIGHT[cell.light]} {cell.done}/{cell.tasks}" if cell else ""
            rows.append(row)
        return Listing(f"{heading}（单位 × 专项行动，格内为灯号 完成/任务）", list(columns), rows)


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
