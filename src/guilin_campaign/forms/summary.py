"""A checked form in words, for ``form import``: every problem, or what changes (would change)."""

from __future__ import annotations

import re
import shlex

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
        return text("forms.summary.nothing", lang, file=str(reading.path), who=name) + "\n" + visit_lines(reading, lang)
    key = "forms.summary.applied" if applied else "forms.summary.would"
    lines = [text(key, lang, file=str(reading.path), who=name, statuses=len(reading.statuses),
                  notes=len(reading.notes), readings=len(reading.readings))]
    return "\n".join(lines + change_lines(reading, campaign)) + "\n" + visit_lines(reading, lang)


def visit_lines(reading: FormReading, lang: Lang) -> str:
    """The visits of a county's 查访记录, as the commands that enter them in the ledger (not applied here)."""
    if not reading.visits:
        return ""
    lines = [text("forms.visit.listed", lang, count=len(reading.visits))]
    for v in reading.visits:
        args = ["visit", "add", "--on", v.day.isoformat(), "--team", reading.unit or "", "--entity", v.entity]
        args += ["--credit-code", v.credit_code] if v.credit_code else []
        args += ["--key"] if v.key else []
        args += ["--found", v.found] if v.found else []
        lines.append(f"  {text('forms.visit.row', lang, row=v.row)}: guilin-campaign {_join(args)}")
        if (p := v.problem) is not None:
            more = ["problem", "add", "--on", v.day.isoformat(), "--category", p.category, "--unit", p.unit,
                    "--due", p.due.isoformat(), "--text", p.text]
            lines.append(f"    guilin-campaign {_join(more)} --visit {text('forms.visit.id_above', lang)}")
    return "\n".join(lines) + "\n"


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


_PLAIN = re.compile(r"[^\s'\"\\$`!*?\[\]{}()<>|&;#~]+")


def _join(args: list[str]) -> str:
    """A command line to copy: quoted only where the shell needs it (Chinese text as it is)."""
    return " ".join(a if _PLAIN.fullmatch(a) else shlex.quote(a) for a in args)
