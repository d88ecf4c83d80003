"""Pydantic's validation errors, said the way a clerk can act on: the line, the key, what to write."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from guilin_campaign import model
from guilin_campaign.problems import Problem
from guilin_campaign.yamlsyntax.scalar_read import BoolWord
from guilin_campaign.yamlsyntax.sourcemap import Path, SourceMap, friendly_path

_MODELS: tuple[type[BaseModel], ...] = (
    model.UnitsFile, model.Unit, model.TasksFile, model.CampaignInfo, model.Action, model.Measure,
    model.Indicator, model.UnitReadings, model.Task, model.AdhocTask, model.UnitProgress, model.LogEntry, model.Extension,
)
KNOWN_KEYS = sorted({name for m in _MODELS for name in m.model_fields})


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'scjgj'?)`` or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def describe_errors(err: ValidationError, source: SourceMap, file: str, skip: Sequence[Path] = ()) -> list[Problem]:
    """Problems for Pydantic's errors, leaving out those under a path in ``skip``."""
    out = []
    for detail in err.errors():
        loc = detail["loc"]
        path = tuple(step for step in loc if isinstance(step, (str, int)) and step != "[key]")
        if any(path[: len(prefix)] == prefix for prefix in skip):
            continue
        message = _key_message(detail, path) if "[key]" in loc else _message(detail, path)
        out.append(Problem(file, source.line(path), friendly_path(source.data, path), message))
    return sorted(set(out), key=lambda p: (p.line or 0, p.path))


def _key_message(detail: ErrorDetails, path: Path) -> str:
    key = detail.get("input")
    if "readings" in path:
        return f"{key!r} is not a month key: write YYYY-MM, e.g. 2022-07"
    return f"key {key!r} must be text (an id or a name)"


def _message(detail: ErrorDetails, path: Path) -> str:
    kind, value = detail["type"], detail.get("input")
    key = path[-1] if path else ""
    msg = detail["msg"].removeprefix("Value error, ")
    if kind == "missing":
        return f"missing key {key!r}"
    if kind == "invalid_key":  # a number as a key where names are expected (Pydantic: "Keys should be strings")
        return f"unknown key {_shown(key)} here (keys here are names, like title or owners); see docs/data-format.md"
    if kind == "extra_forbidden":
        hint = did_you_mean(str(key), [k for k in KNOWN_KEYS if k != key])
        adhoc_only = " (batch, source and assigned_on belong to ad-hoc tasks)" if key in _ADHOC_ONLY else ""
        where = adhoc_only or ("" if key in KNOWN_KEYS else hint)
        return f"unknown key {key!r} here{where}; see docs/data-format.md"
    if kind == "literal_error":
        yes_no = " (YAML reads it as a yes/no word)" if isinstance(value, BoolWord) else ""
        return f"{_shown(value)} is not allowed{yes_no}: {msg[0].lower()}{msg[1:]}{did_you_mean(str(value), _choices(msg))}"
    if isinstance(value, BoolWord):
        if kind.startswith("bool"):
            return f"write true or false, not {str(value)!r}"
        return f"{str(value)!r} is read by YAML as true/false: write it in quotes ('{value}') if you mean the text"
    if kind == "model_type":
        example = _EXAMPLES.get(_model_of(path), "{key: value, ...}")
        return f"expected keys (like {example}), got {_shown(value)}"
    if kind == "greater_than_equal" and key != "batch":  # rules.yaml's counts and bands
        return f"{_shown(value)} is too small: write a number {msg.removeprefix('Input should be ')}"
    if kind == "list_type" and key == "log":
        return f"expected a list of entries (like [{_EXAMPLES['log']}]), got {_shown(value)}"
    if kind in _PLAIN:
        return _PLAIN[kind].format(value=_shown(value), key=key)
    if kind in ("dict_type", "model_type") and isinstance(value, str) and "：" in value:
        return f"expected keys, got {value}: it has a full-width colon '：'; use ': ' after a key"
    return msg


_PLAIN = {
    "dict_type": "expected keys (like {{2022-07: 100}}), got {value}",
    "list_type": "expected a list (like [scjgj, rsj]), got {value}",
    "string_type": "expected text, got {value}: put it in quotes if it is text",
    "string_pattern_mismatch": "{value}: a unit id uses only lowercase letters a-z, digits and '-'",
    "string_too_short": "{key} must not be empty",
    "too_short": "write at least one (like [scjgj])",
    "bool_type": "write true or false, not {value}",
    "bool_parsing": "write true or false, not {value}",
    "float_parsing": "{value} is not a number: write digits only (the unit, like 户, goes in `unit:`)",
    "float_type": "expected a number, got {value}",
    "int_parsing": "{value} is not a whole number",
    "int_type": "expected a whole number, got {value}",
    "int_from_float": "{value} is not a whole number: a batch is 1, 2, 3 ...",
    "greater_than_equal": "{value} is too small: a batch number starts at 1",
    "finite_number": "{value} is not a finite number",
}


_ADHOC_ONLY = {"batch", "source", "assigned_on"}
_EXAMPLES = {
    "progress": "{status: done, done_on: 2022-07-15}",
    "log": "{date: 2022-07-15, note: 已完成, by: scjgj}",
    "by_unit": "{target: 3000, readings: {2022-07: 1500}}",
    "campaign": "{name: ..., lead: scjgj, start: 2022-01-01, end: 2022-12-31}",
}


def _model_of(path: Path) -> str:
    """The collection an item belongs to: ``(..., 'progress', 'xiufeng')`` -> ``progress``."""
    names = [step for step in path if isinstance(step, str)]
    if len(names) >= 2 and path[-1] == names[-1] and names[-2] in ("progress", "by_unit"):
        return names[-2]
    return names[-1] if names else ""


def _shown(value: object) -> str:
    """A value as it was written in the file, not as Python prints it."""
    return model.as_written(value)


def _choices(msg: str) -> list[str]:
    return [part.strip(" '") for part in msg.split("'")[1::2]]
