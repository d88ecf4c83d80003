"""The summary printed at the end of an import, in Chinese: counts, then every guess, every
refusal and every error with its cell."""

from __future__ import annotations

from dataclasses import dataclass

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.plan import Plan


@dataclass(frozen=True)
class Counts:
    actions: int
    measures: int
    indicators: int
    tasks: int
    units: int


def counts_of(plan: Plan, units: int) -> Counts:
    return Counts(len(plan.actions), len(plan.measures()), len(plan.indicators()), len(plan.tasks()), units)


def summary_lines(source: str, header_row: int, counts: Counts, units_how: str, unused: list[str],
                  plan: Plan, errors: list[str]) -> list[str]:
    lines = [words.SUMMARY_SOURCE.format(source=source, row=header_row + 1)]
    lines.append(words.SUMMARY_COUNTS.format(actions=counts.actions, measures=counts.measures, indicators=counts.indicators,
                                             tasks=counts.tasks, units=counts.units, how=units_how))
    if unused:
        lines.append(words.UNUSED_COLUMNS.format(columns="、".join(unused)))
    for title, items in ((words.SECTION_GUESSES, plan.guesses), (words.SECTION_REFUSALS, plan.refusals),
                         (words.SECTION_SKIPPED, plan.skipped), (words.SECTION_ERRORS, errors)):
        if items:
            lines.append(title.format(n=len(items)))
            lines += [f"  {item}" for item in items]
    return lines
