"""A cache hit read as plain records (issue 19) answers every query it serves as the models do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign import cache, cachecodec, cacheplain
from guilin_campaign.catalogue import Msg
from guilin_campaign.loading import LoadResult, load_campaign
from guilin_campaign.problems import Problem
from guilin_campaign.queries.overdue import overdue
from guilin_campaign.queries.summary import summary
from guilin_campaign.queries.tasks import select_tasks, tasks_listing

from .conftest import SAMPLE


def as_hit(result: LoadResult) -> LoadResult:
    """``result`` written to an entry and read back as a plain hit reads it."""
    head, tail = cachecodec.encode(result)
    return cacheplain.decode(head, lambda read: tail)


def test_the_sample_as_plain_records_answers_as_the_models() -> None:
    result = load_campaign(SAMPLE)
    models = result.campaign
    plain = as_hit(result).campaign
    assert models is not None and plain is not None
    assert type(plain.tasks[0].task).__module__ == "guilin_campaign.cacheplain"
    for day in (date(2022, 3, 1), date(2022, 6, 30), date(2022, 7, 31), date(2023, 1, 1)):
        for soon in (None, 7, 40):
            for unit in (None, "xiufeng", "counties"):
                for support in (False, True):
                    assert overdue(plain, day, soon, unit, support) == overdue(models, day, soon, unit, support)
    assert summary(plain) == summary(models)
    for unit, status, action in ((None, None, None), ("scjgj", None, None), (None, "done", None), (None, None, "A1")):
        assert tasks_listing(plain, select_tasks(plain, unit, status, action), "zh") == tasks_listing(
            models, select_tasks(models, unit, status, action), "zh")
    assert [(r.id, r.adhoc is None) for r in plain.tasks] == [(r.id, r.adhoc is None) for r in models.tasks]
    assert [u.label for u in plain.units.values()] == [u.label for u in models.units.values()]


def test_every_field_of_every_record_is_the_models_value() -> None:
    result = load_campaign(SAMPLE)
    assert result.campaign is not None
    plain = as_hit(result).campaign
    assert plain is not None

    def values(obj: object) -> object:  # a model or a record as nested plain values
        if isinstance(obj, list):
            return [values(v) for v in obj]
        if isinstance(obj, dict):
            return {k: values(v) for k, v in obj.items()}
        if isinstance(obj, cacheplain.Record):
            return (type(obj).__name__, {k: values(v) for k, v in obj.fields().items()})
        if hasattr(type(obj), "model_fields"):
            return (type(obj).__name__, {k: values(getattr(obj, k)) for k in type(obj).model_fields})
        return obj

    assert values(plain.model) == values(result.campaign.model)
    assert values(plain.units_model) == values(result.campaign.units_model)


def test_catalogue_messages_survive_the_cache_nested() -> None:
    """A problem's message may be a catalogue message whose values are messages again."""
    inner = Msg("lookup.did_you_mean", (("names", "'张三'"),))
    problems = [Problem("data/tasks.yaml", 3, "tasks[0].due", Msg("lookup.unknown_unit", (("hint", inner), ("ref", "'x'")))),
                Problem("data/units.yaml", None, "", "plain text")]
    entry = cachecodec.encode(LoadResult(None, problems, {"tasks.yaml": "ab"}))
    assert cacheplain.decode(entry[0], lambda read: b"").problems == problems
    assert cachecodec.decode(entry).problems == problems


def test_a_plain_hit_holds_records_and_a_model_hit_models(
    make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, store = make_data(), tmp_path / "cache"
    miss = cache.load(folder, store, plain=True)  # a miss: the models, whatever was asked
    assert miss.campaign is not None and type(miss.campaign.model).__module__ == "guilin_campaign.model"
    monkeypatch.setattr(cache, "load_campaign", lambda *a, **k: pytest.fail("parsed the files"))
    plain, models = cache.load(folder, store, plain=True), cache.load(folder, store)
    assert plain.campaign is not None and models.campaign is not None
    assert isinstance(plain.campaign.model, cacheplain.Record)
    assert type(models.campaign.model).__module__ == "guilin_campaign.model"
    assert summary(plain.campaign) == summary(models.campaign) == summary(miss.campaign)
