"""write.batch: several requests, one write; the same text as applying them one by one; all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.problems import CampaignError
from guilin_campaign.write.apply import Change, apply
from guilin_campaign.write.batch import Batch
from guilin_campaign.write.requests import AddNote, RecordReading, SetStatus
from tests.forms.test_import import TASKS, _data

REQUESTS: tuple[Change, ...] = (
    AddNote("T001", "已召开推进会", date(2022, 8, 10), "scjgj", "form 2022-08 scjgj"),
    RecordReading("I01", 3650, "2022-08"),
    SetStatus("T002", "done", date(2022, 8, 20), None, "xiufeng", "xiufeng", "form 2022-08 xiufeng"),
    SetStatus("T003", "doing", date(2022, 8, 31), "已启动", "scjgj"),
    RecordReading("I02", 210, "2022-08", "xiufeng"),
    SetStatus("T001", "done", date(2022, 8, 12), "办结", "scjgj"),
)


def test_one_write_gives_what_one_request_at_a_time_gives(tmp_path: Path) -> None:
    one_by_one, batched = _data(tmp_path / "a"), _data(tmp_path / "b")
    for request in REQUESTS:
        apply(one_by_one, request)
    outcome = apply(batched, Batch(REQUESTS, "填报"))
    assert outcome.message == "填报" and outcome.written
    assert (batched / "tasks.yaml").read_text(encoding="utf-8") == (one_by_one / "tasks.yaml").read_text(encoding="utf-8")
    assert (batched / "tasks.yaml").read_text(encoding="utf-8") != TASKS


def test_one_refused_request_writes_nothing(tmp_path: Path) -> None:
    data = _data(tmp_path)
    apply(data, SetStatus("T003", "done", date(2022, 8, 1)))
    before = (data / "tasks.yaml").read_bytes()
    with pytest.raises(CampaignError) as err:
        apply(data, Batch((RecordReading("I01", 3650, "2022-08"), SetStatus("T003", "done", date(2022, 8, 9))), "填报"))
    assert (data / "tasks.yaml").read_bytes() == before
    assert "T003 is already done" in err.value.text("en")
