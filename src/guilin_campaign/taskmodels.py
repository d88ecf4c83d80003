"""Each task of the tasks file made its model as soon as its mapping is read.

A file of 100,000 tasks holds half a million small mappings; made into models one task at a time,
the task's data is dropped at once (or, when the data is kept for an edit, its model is at least
made small before the next task is read), instead of the whole file's data and the whole file's
models being in memory together. A task its model refuses stays as read, for the whole file's
validation to say why, at the same place and in the same words: validating a task on its own or
within the file is the same validation, as a model field takes a model as it is.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from guilin_campaign.model import SHARED_DICTS, AdhocTask, Task
from guilin_campaign.modelslim import Slimmer
from guilin_campaign.yamlsyntax.events import Finish
from guilin_campaign.yamlsyntax.sourcemap import Path


class TaskModels:
    """The tasks' models for one read of the tasks file (:meth:`finish` goes to the reader).

    Without ``keep``, the data holds each task's model in place of its mapping. With ``keep``, the
    data stays as read and :meth:`to_validate` gives the file's model an outline holding the models.
    """

    def __init__(self, keep: bool) -> None:
        self.keep, self.slimmer = keep, Slimmer(SHARED_DICTS)
        self.made: dict[int, Task] = {}  # with keep: id of a task's mapping (alive in the data) -> its model

    def finish(self) -> dict[int, Finish]:
        return {6: self._measure_task, 2: self._adhoc_task}

    def to_validate(self, data: Any) -> Any:
        """What the file's model validates: ``data``, or with ``keep`` a copy of its outline, down
        to the lists of tasks, holding each task's model in place of its mapping."""
        if not self.made or not isinstance(data, dict):
            return data
        out = dict(data)
        if isinstance(out.get("actions"), list):
            out["actions"] = [self._action(action) for action in out["actions"]]
        if isinstance(out.get("adhoc"), list):
            out["adhoc"] = self._tasks(out["adhoc"])
        return out

    def _measure_task(self, path: Path, value: dict[Any, Any]) -> Any:
        if path[0] == "actions" and path[2] == "measures" and path[4] == "tasks":
            return self._made(Task, value)
        return value

    def _adhoc_task(self, path: Path, value: dict[Any, Any]) -> Any:
        return self._made(AdhocTask, value) if path[0] == "adhoc" else value

    def _made(self, model: type[Task], value: dict[Any, Any]) -> Any:
        try:
            task = self.slimmer.task(model.model_validate(value))
        except ValidationError:
            return value
        if not self.keep:
            return task
        self.made[id(value)] = task
        return value

    def _action(self, action: Any) -> Any:
        if not isinstance(action, dict) or not isinstance(action.get("measures"), list):
            return action
        return {**action, "measures": [self._measure(measure) for measure in action["measures"]]}

    def _measure(self, measure: Any) -> Any:
        if not isinstance(measure, dict) or not isinstance(measure.get("tasks"), list):
            return measure
        return {**measure, "tasks": self._tasks(measure["tasks"])}

    def _tasks(self, items: list[Any]) -> list[Any]:
        return [self.made.get(id(item), item) for item in items]
