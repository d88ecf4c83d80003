"""Validated models that hold less memory: a campaign of 100,000 tasks is half a million models.

Pydantic gives each model a dict of its values and a set of the fields the file set, both its own:
about 470 and 220 bytes for a log entry of three values. Frozen models never change either, so a
load makes the models it keeps :func:`slim`: every model with the same fields set shares one set
(as the cache's decoder does), and its values move into a dict that shares its keys with its class
(PEP 412), about 180 bytes. Nothing a model reads or compares changes (tests/test_modelslim.py).

A dict shares its class's keys only when the class's first instance set them, field by field, in
order: :func:`shared_dict` does that, and must run before any instance of the class is made
(:mod:`guilin_campaign.model` calls it as it defines the models). Made later, it still works, but
the dicts it makes share nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_put = object.__setattr__


def shared_dict(cls: type[Any], fields: list[str]) -> dict[str, Any]:
    """A dict with ``fields`` as its keys (all ``None``), sharing them with ``cls``'s instances."""
    blank = object.__new__(cls)
    for name in fields:
        _put(blank, name, None)
    values: dict[str, Any] = blank.__dict__  # this very dict: a copy of it would share nothing
    return values


class Slimmer:
    """Makes models share their keys and field sets; one for a load (it keeps the sets it has seen)."""

    def __init__(self, dicts: Mapping[type[Any], dict[str, Any]]) -> None:
        self.dicts = dicts  # model class -> its shared dict (:func:`shared_dict`)
        self.sets: dict[tuple[type[Any], frozenset[str]], set[str]] = {}

    def slim(self, model: Any) -> None:
        """``model`` (of a class in ``dicts``) with a shared dict and field set."""
        cls = type(model)
        values = self.dicts[cls].copy()
        values.update(model.__dict__)
        _put(model, "__dict__", values)
        fields = model.__pydantic_fields_set__
        _put(model, "__pydantic_fields_set__", self.sets.setdefault((cls, frozenset(fields)), fields))

    def task(self, task: Any) -> Any:
        """A task and the models it holds (log, progress, extensions), slimmed; the task."""
        for entry in task.log:
            self.slim(entry)
        for part in task.progress.values():
            self.slim(part)
        for extension in task.extensions:
            self.slim(extension)
        self.slim(task)
        return task
