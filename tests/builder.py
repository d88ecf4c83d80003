"""One builder for the small campaigns tests write inline: the tasks file around the parts a test
is about (its tasks, indicators and ad-hoc tasks), so the skeleton is written once.

Each part is YAML list text as it would stand at its place, written from column 0 (``dedent`` is
applied): ``campaign_yaml(tasks="- {id: T001, title: 按时完成, owners: [scjgj], due: 2022-03-31}")``.
"""

from __future__ import annotations

import textwrap


def _block(key: str, items: str, indent: int) -> str:
    if not items.strip():
        return ""
    body = textwrap.indent(textwrap.dedent(items).strip("\n"), " " * (indent + 2))
    return f"{' ' * indent}{key}:\n{body}\n"


def campaign_yaml(
    tasks: str = "", indicators: str = "", adhoc: str = "", *, name: str = "稳主体激活力攻坚战",
    start: str = "2022-01-01", end: str = "2022-12-31", action: tuple[str, str] = ("A1", "稳主体扩增量"),
    measure: tuple[str, str] = ("M01", "优化准入"), more_actions: str = "",
) -> str:
    """A tasks file: one action with one measure holding ``indicators`` and ``tasks``, then
    ``more_actions`` (further items of the ``actions`` list) and the ``adhoc`` list."""
    more = textwrap.indent(textwrap.dedent(more_actions).strip("\n"), "  ") + "\n" if more_actions.strip() else ""
    return (
        f"campaign: {{name: {name}, lead: scjgj, start: {start}, end: {end}}}\n"
        "actions:\n"
        f"  - id: {action[0]}\n"
        f"    name: {action[1]}\n"
        "    measures:\n"
        f"      - id: {measure[0]}\n"
        f"        name: {measure[1]}\n"
        + _block("indicators", indicators, 8)
        + _block("tasks", tasks, 8)
        + more
        + _block("adhoc", adhoc, 0)
    )
