"""A checked form in words, for ``form import``: every problem, or what changes (would change)."""

from __future__ import annotations

from guilin_campaign.campaign import Campaign
from guilin_campaign.catalogue import DEFAULT_LANG, Lang, text
from guilin_campaign.forms.changes import FormReading
from guilin_campaign.forms.layout import WORD_OF

_KIND = {"progress": "进展情况", "problem": "存在问题"}


def who(reading: FormReading, campaign: Campaign) -> str:
    return f"{reading.month} {campaign.unit_label(reading.unit)}" if reading.unit and reading.month else "?"


def describe(reading: FormReading, campaign: Campaign, lang: Lang = DEFAULT_LANG, applied: bool = False) -> str:
    """The form's problems, or its changes under a line saying they would be (or were) applied."""
    name = who(reading, campaign)
    if reading.problems:
        lines = [text("forms.summary.refused", lang, file=str(reading.path), who=name, count=len(reading.problems))]
        lines += [f"  {problem.text(lang)}" for problem in reading.problems]
        return "\n".join(lines) + "\n"
    if reading.unchanged:
        return text("forms.summary.nothing", lang, file=str(reading.path), who=name) + "\n"
    key = "forms.summary.applied" if applied else "forms.summary.would"
    lines = [text(key, lang, file=str(reading.path), who=name, statuses=len(reading.statuses),
                  notes=len(reading.notes), readings=len(reading.readings))]
    return "\n".join(lines + change_lines(reading, campaign)) + "\n"


def change_lines(reading: FormReading, campaign: Campaign) -> list[str]:
    lines = []
    for s in reading.statuses:
        part = f" ({campaign.unit_label(s.part)})" if s.part else ""
        done = f" {s.done_on.isoformat()}" if s.done_on else ""
        lines.append(f"  {s.task}{part}: {WORD_OF[s.was]} -> {WORD_OF[s.status]}{done}")
    for n in reading.notes:
        part = f" ({campaign.unit_label(n.part)})" if n.part else ""
        lines.append(f"  {n.task}{part} {_KIND[n.kind]}: {n.text}")
    for r in reading.readings:
        scope = f" ({campaign.unit_label(r.by_unit)})" if r.by_unit else ""
        was = "none" if r.was is None else f"{r.was:g}"
        lines.append(f"  {r.indicator}{scope} {r.month}: {was} -> {r.value:g}")
    return lines
