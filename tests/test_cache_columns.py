"""The cache's query-ready columns (issue 19) give every row the models give, and a hit reads no more
than the columns until something asks for the records."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guilin_campaign import cache, cachecodec, cachecolumns, cacheplain
from guilin_campaign.campaign import Campaign
from guilin_campaign.loading import LoadResult, load_campaign
from guilin_campaign.queries.overdue import overdue, overdue_listing
from guilin_campaign.queries.summary import summary, summary_listing
from guilin_campaign.queries.tasks import select_tasks, tasks_listing
from guilin_campaign.render.plain import plain_listings
from guilin_campaign.render.text import to_csv, to_json, to_markdown

from .conftest import SAMPLE, TASKS, UNITS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate

# Extensions for every unit and for one, recorded before and after the deadline, a task without a
# due date, a supporting unit that is also an owner, progress of some units only, ad-hoc batches.
EXTENDED = TASKS.replace("""            progress:
              xiufeng: {status: done, done_on: 2022-06-20}
""", """            progress:
              xiufeng: {status: done, done_on: 2022-06-20}
            extensions:
              - {to: 2022-07-20, reason: 待批复, on: 2022-06-25}
              - {to: 2022-08-10, reason: 路远, on: 2022-07-15, unit: diecai}
          - id: T003
            title: 没有期限的任务
            owners: [rsj, xiufeng]
            support: [counties, scjgj]
          - id: T004
            title: 延期后仍超期
            owners: [counties, rsj]
            due: 2022-05-31
            status: blocked
            progress:
              diecai: {status: doing}
            extensions:
              - {to: 2022-06-30, reason: 资金未到位, on: 2022-06-10, unit: xiufeng}
""") + "  - {id: AH02, batch: 2, source: 省委督查室, assigned_on: 2022-05-01, title: 临时交办, owners: [counties], support: [rsj], due: 2022-07-01}\n"
DAYS = (date(2022, 3, 1), date(2022, 6, 20), date(2022, 6, 30), date(2022, 7, 16), date(2022, 7, 31), date(2023, 1, 1))


def as_hit(result: LoadResult) -> LoadResult:
    head, tail = cachecodec.encode(result)
    return cacheplain.decode(head, lambda read: tail)


def both(folder: Path) -> tuple[Campaign, Campaign]:
    """The campaign as loaded (models), and as a plain cache hit reads it back (columns)."""
    result = load_campaign(folder)
    assert result.campaign is not None and not result.problems, result.problems
    plain = as_hit(result).campaign
    assert isinstance(plain, cachecolumns.ColumnCampaign)
    return result.campaign, plain


def same_views(models: Campaign, plain: Campaign, units: tuple[str | None, ...], days: tuple[date, ...] = DAYS) -> None:
    for day in days:
        for soon in (None, 7, 40):
            for unit in units:
                for support in (False, True):
                    rows = overdue(plain, day, soon, unit, support)
                    assert rows == overdue(models, day, soon, unit, support), (day, soon, unit, support)
    assert summary(plain) == summary(models)
    actions = [None, "adhoc", *(a.id for a in models.actions[:2])]
    for unit in units:
        for status in (None, "done", "todo", "blocked"):
            for action in actions:
                listing = tasks_listing(plain, select_tasks(plain, unit, status, action), "zh", action == "adhoc")
                assert listing == tasks_listing(models, select_tasks(models, unit, status, action), "zh", action == "adhoc")
    assert "_tasks_model" in vars(plain), "the views above never read the tasks file's records"


def test_the_columns_answer_as_the_models_on_the_sample() -> None:
    models, plain = both(SAMPLE)
    same_views(models, plain, (None, "xiufeng", "counties", "scjgj"))


def test_the_columns_answer_as_the_models_with_extensions_parts_and_batches(make_data: Callable[..., Path]) -> None:
    models, plain = both(make_data(EXTENDED, UNITS))
    days = tuple(date(2022, 5, 1).fromordinal(d) for d in range(date(2022, 5, 25).toordinal(), date(2022, 8, 15).toordinal(), 3))
    same_views(models, plain, (None, "xiufeng", "diecai", "counties", "rsj", "scjgj"), days)
    assert [(b.batch if (b := r.adhoc) else None) for r in plain.tasks] == [None, None, None, None, 1, 2]
    assert select_tasks(plain, batch=2) == [5]


def test_the_columns_answer_as_the_models_on_a_generated_campaign(tmp_path: Path) -> None:
    generate(400, tmp_path)
    models, plain = both(tmp_path)
    same_views(models, plain, (None, "dept03", "c02-1", "city03"), (date(2022, 4, 30), date(2022, 7, 31)))


def test_every_output_of_a_hit_is_the_models_output() -> None:
    """Table, JSON, CSV and Markdown, byte for byte."""
    models, plain = both(SAMPLE)
    day = date(2022, 7, 31)
    outputs = []
    for c in (models, plain):
        rows = overdue(c, day, 14, None, True)
        listings = [overdue_listing(rows, day, "zh", 14), summary_listing(summary(c), "en"),
                    tasks_listing(c, select_tasks(c, None, None, None), "en")]
        outputs.append((to_json(rows), [to_csv(x) for x in listings], [to_markdown(x, "zh") for x in listings], plain_listings(listings, "zh")))
    assert outputs[0] == outputs[1]


def test_an_unknown_action_or_batch_is_refused_as_from_the_models() -> None:
    from guilin_campaign.problems import CampaignError

    models, plain = both(SAMPLE)
    for args in ({"action": "A9"}, {"batch": 99}):
        said = []
        for c in (models, plain):
            with pytest.raises(CampaignError) as err:
                select_tasks(c, **args)
            said.append((err.value.text("en"), err.value.option))
        assert said[0] == said[1]


def test_a_hit_reads_the_records_when_asked(make_data: Callable[..., Path], tmp_path: Path) -> None:
    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)
    hit = cache.load(folder, store, plain=True).campaign
    assert isinstance(hit, cachecolumns.ColumnCampaign) and "_tasks_model" in vars(hit)
    assert hit.info.name == "稳主体激活力攻坚战" and hit.unit_label("rsj") == "市人社局"
    assert "model" not in vars(hit)
    assert [r.id for r in hit.tasks] == ["T001", "T002", "AH01"]  # now read
    assert hit.task("T002") is hit.tasks[1] and hit.model.campaign.name == hit.info.name
    assert "_tasks_model" not in vars(hit)


def _mixed(result: LoadResult) -> tuple[LoadResult, Any]:
    """A plain hit of ``result`` with T002 replaced by a model, as an update does before it
    remembers; and the models with the same replacement."""
    assert result.campaign is not None
    plain = as_hit(result).campaign
    assert plain is not None
    new = result.campaign.model.actions[0].measures[0].tasks[1].model_copy(update={"status": "blocked"})
    plain.model.actions[0].measures[0].tasks[1] = new
    models = result.campaign.model.model_copy(deep=True)
    models.actions[0].measures[0].tasks[1] = new
    return LoadResult(plain, result.problems, result.read), models


def test_records_of_a_hit_with_one_task_replaced_are_written_as_the_models(make_data: Callable[..., Path]) -> None:
    """An update may start from a plain hit and replace one task; the entry it writes reads back as
    the models it stands for, fields set included, and its columns as theirs."""
    folder = make_data(EXTENDED, UNITS)
    result = load_campaign(folder)
    mixed, models = _mixed(result)
    back = cachecodec.decode(cachecodec.encode(mixed)).campaign
    assert back is not None and back.model == models and back.units_model == result.campaign.units_model  # type: ignore[union-attr]
    for old, new in zip(models.actions[0].measures[0].tasks, back.model.actions[0].measures[0].tasks, strict=True):
        assert new.model_fields_set == old.model_fields_set and new.log == old.log
    plain = as_hit(mixed).campaign
    assert plain is not None and plain.columns.statuses[1] == "blocked"  # type: ignore[attr-defined]
    assert overdue(plain, date(2022, 7, 31)) == overdue(back, date(2022, 7, 31))


def test_remember_takes_a_hit_s_records(make_data: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, store = make_data(), tmp_path / "cache"
    cache.load(folder, store)
    hit = cache.load(folder, store, plain=True)
    mixed, _ = _mixed(cache.load(folder, store))
    assert hit.campaign is not None
    tasks, units = (folder / "tasks.yaml").read_bytes(), (folder / "units.yaml").read_bytes()
    cache.remember(folder, store, mixed, tasks, units)
    monkeypatch.setattr(cache, "load_campaign", lambda *a, **k: pytest.fail("parsed the files"))
    again = cache.load(folder, store, plain=True).campaign
    assert again is not None and summary(again)["by_status"]["blocked"] == 1
    assert [r.task.status for r in again.tasks] == ["done", "blocked", "done"]
