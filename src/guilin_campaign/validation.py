"""Pydantic's validation errors, said the way a clerk can act on: the line, the key, what to write."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from guilin_campaign import model
from guilin_campaign.catalogue import Msg, msg
from guilin_campaign.problems import MessageError, Problem
from guilin_campaign.yamlsyntax.scalar_read import BoolWord
from guilin_campaign.yamlsyntax.sourcemap import Path, SourceMap, friendly_path

_MODELS: tuple[type[BaseModel], ...] = (
    model.UnitsFile, model.Unit, model.TasksFile, model.CampaignInfo, model.Action, model.Measure,
    model.Indicator, model.UnitReadings, model.Task, model.AdhocTask, model.UnitProgress, model.LogEntry, model.Extension,
)
KNOWN_KEYS = sorted({name for m in _MODELS for name in m.model_fields})


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'scjgj'?)`` or nothing (English; for messages not yet in the catalogue)."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggestion(word: str, choices: Iterable[str]) -> Msg | str:
    """The "did you mean" hint as a catalogue message (a value for a ``{hint}`` placeholder), or ""."""
    close = closest(word, choices)
    return msg("hint.did_you_mean", word=repr(close)) if close else ""


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


def _key_message(detail: ErrorDetails, path: Path) -> Msg:
    key = detail.get("input")
    if "readings" in path:
        return msg("value.month_key", key=repr(key))
    return msg("value.key_not_text", key=repr(key))


def _message(detail: ErrorDetails, path: Path) -> Msg | str:
    kind, value = detail["type"], detail.get("input")
    key = path[-1] if path else ""
    raised = detail.get("ctx", {}).get("error")
    if isinstance(raised, MessageError):  # a validator of the models said it (model.py)
        return raised.message
    if kind == "missing":
        return msg("value.missing_key", key=repr(key))
    if kind == "invalid_key":  # a number as a key where names are expected (Pydantic: "Keys should be strings")
        return msg("value.number_as_key", key=_shown(key))
    if kind == "extra_forbidden":
        return _unknown_key(str(key))
    if kind == "literal_error":
        return _not_allowed(detail, value, key)
    if isinstance(value, BoolWord):
        if kind.startswith("bool"):
            return msg("value.write_true_false", value=repr(str(value)))
        return msg("value.yes_no_as_text", value=repr(str(value)), bare=str(value))
    if kind == "model_type":
        return msg("value.expected_keys_like", example=_EXAMPLES.get(_model_of(path), "{key: value, ...}"), value=_shown(value))
    if kind == "greater_than_equal" and key != "batch":  # rules.yaml's counts and bands
        return msg("value.too_small_at_least", value=_shown(value), limit=detail.get("ctx", {}).get("ge", 0))
    if kind == "list_type" and key == "log":
        return msg("value.expected_log_list", example=_EXAMPLES["log"], value=_shown(value))
    if kind in _PLAIN:
        return msg(_PLAIN[kind], value=_shown(value), key=key)
    if kind in ("dict_type", "model_type") and isinstance(value, str) and "：" in value:
        return msg("value.full_width_colon_keys", value=value)
    return msg("value.other", detail=detail["msg"].removeprefix("Value error, "))


def _unknown_key(key: str) -> Msg:
    if key in _ADHOC_ONLY:
        return msg("value.unknown_key_adhoc", key=repr(key))
    hint = "" if key in KNOWN_KEYS else suggestion(key, [k for k in KNOWN_KEYS if k != key])
    return msg("value.unknown_key", key=repr(key), hint=hint)


def _not_allowed(detail: ErrorDetails, value: object, key: str | int) -> Msg:
    """A word outside a fixed list: its choices, and the id to write for a Chinese status word."""
    choices = [repr(c) for c in detail.get("ctx", {}).get("expected", "").split("'")[1::2]]
    listed = msg("value.choices", choices=", ".join(choices[:-1]), last=choices[-1]) if len(choices) > 1 else msg("value.choice", last="".join(choices))
    if isinstance(value, BoolWord):
        return msg("value.not_allowed_yes_no", value=_shown(value), choices=listed)
    if isinstance(value, str) and (status := STATUS_WORDS.get(value.strip())) is not None and repr(status) in choices:
        return msg("value.status_word", value=_shown(value), key=key, id=status)
    if isinstance(value, str) and (kind := KIND_WORDS.get(value.strip())) is not None and repr(kind) in choices:
        return msg("value.word_id", value=_shown(value), key=key, id=kind)
    return msg("value.not_allowed", value=_shown(value), choices=listed, hint=suggestion(str(value), [c.strip("'") for c in choices]))


# Status words a clerk may write in Chinese, and the id the file wants instead (check says it).
STATUS_WORDS = {
    "未开始": "todo", "未启动": "todo", "待办": "todo", "待开始": "todo",
    "推进中": "doing", "进行中": "doing", "办理中": "doing", "在办": "doing", "正在推进": "doing", "推进": "doing",
    "已完成": "done", "完成": "done", "办结": "done", "已办结": "done", "已办": "done",
    "受阻": "blocked", "阻塞": "blocked", "已受阻": "blocked", "停滞": "blocked",
}
# A unit's kind written in Chinese (units.yaml's kind: department or county).
KIND_WORDS = {"部门": "department", "市直部门": "department", "市直单位": "department",
              "县": "county", "区": "county", "县区": "county", "县（市、区）": "county", "县(市、区)": "county", "县级市": "county"}
_PLAIN = {
    "dict_type": "value.expected_mapping",
    "list_type": "value.expected_list",
    "string_type": "value.expected_text",
    "string_pattern_mismatch": "value.unit_id_pattern",
    "string_too_short": "value.empty",
    "too_short": "value.at_least_one",
    "bool_type": "value.write_true_false",
    "bool_parsing": "value.write_true_false",
    "float_parsing": "value.not_a_number_unit",
    "float_type": "value.expected_number",
    "int_parsing": "value.not_whole",
    "int_type": "value.expected_whole",
    "int_from_float": "value.batch_not_whole",
    "greater_than_equal": "value.batch_too_small",
    "finite_number": "value.not_finite",
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

