"""The loaded campaign: both files' models plus the look-ups every query needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guilin_campaign.yamlsyntax.sourcemap import Path as YamlPath
from guilin_campaign.yamlsyntax.sourcemap import SourceMap

if TYPE_CHECKING:  # a campaign read from the cache holds plain records of the same shape (cacheplain)
    from guilin_campaign.model import (
        Action,
        AdhocTask,
        CampaignInfo,
        Indicator,
        Measure,
        Task,
        TasksFile,
        Unit,
        UnitsFile,
    )


@dataclass(frozen=True, slots=True)  # one for each of up to 100,000 tasks
class TaskRef:
    """A task with where it stands: its measure and action (None for ad-hoc tasks) and YAML path."""

    task: Task
    action: Action | None
    measure: Measure | None
    path: YamlPath

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def adhoc(self) -> AdhocTask | None:
        return self.task if self.action is None else None  # type: ignore[return-value]  # only adhoc: has no action


@dataclass(frozen=True, slots=True)
class IndicatorRef:
    indicator: Indicator
    action: Action
    measure: Measure
    path: YamlPath

    @property
    def id(self) -> str:
        return self.indicator.id


@dataclass
class Campaign:
    folder: Path
    tasks_file: Path
    units_file: Path
    model: TasksFile
    units_model: UnitsFile
    tasks_source: SourceMap
    units_source: SourceMap
    tasks: list[TaskRef] = field(default_factory=list)
    indicators: list[IndicatorRef] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for a, action in enumerate(self.model.actions):
            for m, measure in enumerate(action.measures):
                base = ("actions", a, "measures", m)
                self.tasks += [TaskRef(t, action, measure, base + ("tasks", i)) for i, t in enumerate(measure.tasks)]
                self.indicators += [
                    IndicatorRef(ind, action, measure, base + ("indicators", i))
                    for i, ind in enumerate(measure.indicators)
                ]
        self.tasks += [TaskRef(t, None, None, ("adhoc", i)) for i, t in enumerate(self.model.adhoc)]
        self.units = {u.id: u for u in self.units_model.units}
        self.groups = dict(self.units_model.groups)
        self._tasks_by_id = {ref.id: ref for ref in self.tasks}
        self._indicators_by_id = {ref.id: ref for ref in self.indicators}

    @property
    def info(self) -> CampaignInfo:
        return self.model.campaign

    @property
    def actions(self) -> list[Action]:
        return self.model.actions

    def task(self, task_id: str) -> TaskRef | None:
        return self._tasks_by_id.get(task_id)

    def indicator(self, indicator_id: str) -> IndicatorRef | None:
        return self._indicators_by_id.get(indicator_id)

    def expand(self, ids: Iterable[str]) -> list[str]:
        """Unit ids with groups replaced by their members, each once, in order of first mention."""
        out: dict[str, None] = {}
        for ref in ids:
            for unit in self.groups.get(ref, [ref]):
                out[unit] = None
        return list(out)

    def responsible(self, task: Task) -> list[str]:
        return self.expand(task.owners)

    def open_parts(self, task: Task) -> list[str]:
        """The responsible units whose part of a task tracked unit by unit (``progress``) is
        missing or not done, in order; every one of them for a task not tracked so."""
        return [u for u in self.responsible(task) if (part := task.progress.get(u)) is None or part.status != "done"]

    def supporting(self, task: Task) -> list[str]:
        owners = set(self.responsible(task))
        return [u for u in self.expand(task.support) if u not in owners]

    def unit_label(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.label if unit else unit_id

    def all_ids(self) -> list[str]:
        """Every id in the tasks file, for "did you mean" suggestions."""
        ids = [a.id for a in self.actions] + [m.id for a in self.actions for m in a.measures]
        return ids + [i.id for i in self.indicators] + [t.id for t in self.tasks]
