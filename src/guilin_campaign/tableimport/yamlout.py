"""The text of the new tasks.yaml and units.yaml, as a clerk would write them by hand: block style
for the tree, one-line lists of ids, each task's source row in a comment beside its id, and every
value written so YAML reads it back as exactly that text (:mod:`guilin_campaign.yamlsyntax.scalar_write`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from guilin_campaign.tableimport import words
from guilin_campaign.tableimport.indicators import IndicatorRec
from guilin_campaign.tableimport.plan import Plan, TaskRec
from guilin_campaign.tableimport.units import UnitBook
from guilin_campaign.yamlsyntax.scalar_write import render


@dataclass(frozen=True)
class CampaignHead:
    name: str
    city: str | None
    lead: str
    start: date
    end: date


def tasks_text(plan: Plan, head: CampaignHead, source: str) -> str:
    lines = [words.TASKS_HEADER.format(title=comment(head.name), source=comment(source)), "campaign:"]
    lines += [f"  name: {_v(head.name)}"] + ([f"  city: {_v(head.city)}"] if head.city else [])
    lines += [f"  lead: {_v(head.lead)}", f"  start: {head.start}", f"  end: {head.end}", "", "actions:"]
    for action in plan.actions:
        lines += [f"  # ===== {comment(action.name)} =====", f"  - id: {_v(action.id)}", f"    name: {_v(action.name)}", "    measures:"]
        for measure in action.measures:
            lines += [f"      - id: {_v(measure.id)}", f"        name: {_v(measure.name)}"]
            if measure.indicators:
                lines.append("        indicators:")
                lines += [line for ind in measure.indicators for line in _indicator(ind)]
            lines.append("        tasks:")
            lines += [line for task in measure.tasks for line in _task(task)]
    return "\n".join(lines) + "\n"


def _indicator(ind: IndicatorRec) -> list[str]:
    pad = "            "
    lines = [f"          - id: {_v(ind.id)}", f"{pad}name: {_v(ind.name)}", f"{pad}target: {render(ind.target, '', False)}"]
    lines += [f"{pad}unit: {_v(ind.unit)}"] if ind.unit else []
    lines += [f"{pad}better: {ind.better}"] if ind.better else []
    lines += [f"{pad}kind: {ind.kind}"] if ind.kind else []
    return lines + [f"{pad}owners: {_ids(ind.owners)}"]


def _task(task: TaskRec) -> list[str]:
    pad = "            "
    lines = [f"          - id: {_v(task.id)}  # {comment(task.label)}", f"{pad}title: {_v(task.title)}", f"{pad}owners: {_ids(task.owners)}"]
    lines += [f"{pad}support: {_ids(task.support)}"] if task.support else []
    if task.due is not None:
        lines.append(f"{pad}due: {task.due.isoformat()}")
    elif task.due_note:
        lines.append(f"{pad}# {comment(task.due_note)}")
    return lines + ([f"{pad}indicators: {_ids(task.indicators)}"] if task.indicators else [])


def units_text(book: UnitBook, source: str) -> str:
    lines = [words.UNITS_HEADER.format(source=comment(source)), "units:"]
    for unit in book.new_units:
        fields = {"id": unit.id, "name": unit.name} | ({"short": unit.short} if unit.short else {}) | {"kind": unit.kind}
        lines.append("  - {" + ", ".join(f"{k}: {_v(v, True)}" for k, v in fields.items()) + "}")
    if book.groups:
        lines += ["", "groups:"]
        for name, members in book.groups.items():
            lines += [f"  {words.COUNTIES_COMMENT}", f"  {_v(name)}: {_ids(members)}"]
    return "\n".join(lines) + "\n"


def comment(text: str) -> str:
    """Text for a ``#`` comment: one line (a line break in a cell would end the comment), control
    characters shown as escapes (YAML refuses them even in a comment)."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in " ".join(text.split()))


def _v(text: str, flow: bool = False) -> str:
    """Plain when YAML reads it back as this text, else in single quotes as a clerk would
    (``'%'``, ``'no'``), else double-quoted with escapes (a line break in a cell)."""
    written = render(text, "", flow)
    return render(text, "'", flow) if written.startswith('"') and text.isprintable() else written


def _ids(ids: Sequence[str]) -> str:
    return "[" + ", ".join(_v(i, True) for i in ids) + "]"
