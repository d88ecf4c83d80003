"""Pydantic's validation errors, said the way a clerk can act on: the line, the key, what to write."""

from __future__ import annotations

import difflib
from typing import Iterable

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from guilin_campaign import model
from guilin_campaign.problems import Problem
from guilin_campaign.yamlio import BoolWord, Path, SourceMap, friendly_path

_MODELS: tuple[type[BaseModel], ...] = (
    model.UnitsFile, model.Unit, model.TasksFile, model.CampaignInfo, model.Action, model.Measure,
    model.Indicator, model.UnitReadings, model.Task, model.AdhocTask, model.UnitProgress, model.LogEntry,
)
KNOWN_KEYS = sorted({name for m in _MODELS for name in m.model_fields})


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'scjgj'?)`` or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def describe_errors(err: ValidationError, source: SourceMap, file: str, skip: list[Path] = []) -> list[Problem]:
    """Problems for Pydantic's errors, leaving out those under a path in ``skip``."""
    out = []
    for detail in err.errors():
        path = tuple(step for step in detail["loc"] if isinstance(step, (str, int)))
        if any(path[: len(prefix)] == prefix for prefix in skip):
            continue
        line = source.line(path)
        out.append(Problem(file, line, friendly_path(source.data, path), _message(detail, path)))
    return sorted(set(out), key=lambda p: (p.line or 0, p.path))


def _message(detail: ErrorDetails, path: Path) -> str:
    kind, value = detail["type"], detail.get("input")
    key = path[-1] if path else ""
    if kind == "missing":
        return f"missing key {key!r}"
    if kind == "extra_forbidden":
        return f"unknown key {key!r}{did_you_mean(str(key), KNOWN_KEYS)}; see docs/data-format.md"
    if isinstance(value, BoolWord):
        return (
            f"{str(value)!r} is read by YAML as true/false; write it in quotes ('{value}') "
            "if you mean the text, or write true/false"
        )
    msg = detail["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{value!r} is not allowed: {msg[0].lower()}{msg[1:]}{did_you_mean(str(value), _choices(msg))}"
    if kind in ("dict_type", "model_type") and isinstance(value, str) and "：" in value:
        return f"{msg}; this text has a full-width colon '：': use ': ' after a key"
    if kind in ("string_type", "float_type", "int_type", "dict_type", "list_type", "model_type"):
        return f"{msg}, got {value!r}"
    return msg


def _choices(msg: str) -> list[str]:
    return [part.strip(" '") for part in msg.split("'")[1::2]]
