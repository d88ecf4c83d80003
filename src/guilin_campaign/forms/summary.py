"""A checked form in words, for ``form import --dry-run``: every problem, or what would change."""

from __future__ import annotations

from guilin_campaign.campaign import Campaign
from guilin_campaign.forms.changes import FormReading
from guilin_campaign.forms.layout import WORD_OF

_KIND = {"progress": "进展情况", "problem": "存在问题"}


def describe(reading: FormReading, campaign: Campaign) -> str:
    who = f"{reading.month} {campaign.unit_label(reading.unit)}" if reading.unit and reading.month else "?"
    if reading.problems:
        lines = [f"{reading.path}: refused ({who}): {len(reading.problems)} problem(s), nothing from it would be applied"]
        lines += [f"  {problem}" for problem in reading.problems]
        return "\n".join(lines) + "\n"
    if reading.unchanged:
        return f"{reading.path}: {who}: nothing would change\n"
    lines = [f"{reading.path}: {who}: {len(reading.statuses)} status change(s), {len(reading.notes)} log text(s), "
             f"{len(reading.readings)} reading(s) would be applied"]
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
    return "\n".join(lines) + "\n"
