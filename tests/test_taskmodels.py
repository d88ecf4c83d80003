"""Tasks made models one by one as they are read (taskmodels.py) load exactly as the whole file's
model validated at once: the same models, the same problems at the same lines, kept data or not."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from pydantic import ValidationError

from guilin_campaign.loading import load_campaign
from guilin_campaign.model import SHARED_DICTS, LogEntry, Task, TasksFile
from guilin_campaign.modelslim import Slimmer
from guilin_campaign.validation import describe_errors
from guilin_campaign.yamlsyntax.read import parse
from tests.conftest import SAMPLE

TEXT = (SAMPLE / "tasks.yaml").read_text(encoding="utf-8")
BROKEN = [
    ("status: done", "status: no"),  # a task refused by its model, the others made
    ("status: done", "status: 已完成"),
    ("due: 2022-", "due: 2022-02-30 #"),  # refused while reading: said once
    ("            owners: [scjgj, counties]", "            owners: [scjgj, counties]\n            ownerz: 3"),
    ("          - id: T0", "          - ide: T0"),  # no id: the task is named by its place
    ("            log:", "            log: 5\n            logg:"),
    ("    batch: 1", "    batch: 0"),  # an ad-hoc task refused
    ("adhoc:", "adhoc: 3\nadhoc_:"),
]


def _whole_file(folder: Path) -> tuple[list[str], object]:
    """Problems and models as the loader made them before: the file's data validated at once."""
    path = folder / "tasks.yaml"
    parsed = parse(path.read_text(encoding="utf-8"), str(path))
    try:
        model = TasksFile.model_validate(parsed.data)
    except ValidationError as err:
        problems = parsed.problems + describe_errors(err, parsed.source, str(path), parsed.refused)
        return sorted(p.text("en") for p in problems), None
    return sorted(p.text("en") for p in parsed.problems), None if parsed.problems else model.model_dump()


@pytest.mark.parametrize(("old", "new"), [("", ""), *BROKEN])
def test_task_by_task_is_the_whole_file_at_once(tmp_path: Path, old: str, new: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "units.yaml").write_bytes((SAMPLE / "units.yaml").read_bytes())
    text = TEXT.replace(old, new) if old else TEXT
    assert text != TEXT or not old
    (folder / "tasks.yaml").write_text(text, encoding="utf-8")
    lean, kept = load_campaign(folder), load_campaign(folder, keep_data=True)
    assert [p.text("en") for p in lean.problems] == [p.text("en") for p in kept.problems]
    problems, model = _whole_file(folder)
    if model is None:
        assert sorted(p.text("en") for p in lean.problems) == problems
        assert lean.campaign is None
        return
    assert lean.campaign is not None and kept.campaign is not None
    assert lean.campaign.model.model_dump() == kept.campaign.model.model_dump() == model
    assert isinstance(kept.campaign.tasks_source.data, dict)  # the data as read, for an edit
    assert kept.campaign.tasks_source.data["actions"][0]["measures"][0]["tasks"][0]["id"] == lean.campaign.tasks[0].id


def test_slimmed_models_read_and_compare_as_before() -> None:
    raw = {"id": "T1", "title": "t", "owners": "scjgj", "log": [{"date": "2022-07-01", "note": "n"}] * 3}
    plain, slim = Task.model_validate(raw), Slimmer(SHARED_DICTS).task(Task.model_validate(raw))
    assert slim == plain and slim.model_dump() == plain.model_dump() and repr(slim) == repr(plain)
    assert list(slim.__dict__) == list(Task.model_fields) == list(plain.__dict__)
    assert slim.model_fields_set == plain.model_fields_set
    assert slim.log[0].model_fields_set is slim.log[2].model_fields_set  # shared
    copied = slim.log[0].model_copy(update={"status": "done"})
    assert copied.model_fields_set == {"date", "note", "status"} and slim.log[1].model_fields_set == {"date", "note"}


def test_a_slimmed_model_takes_less_memory() -> None:
    entries = [LogEntry.model_validate({"date": "2022-07-01", "note": f"n{i}", "by": "rsj"}) for i in range(2000)]
    slimmer = Slimmer(SHARED_DICTS)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for entry in entries:
            slimmer.slim(entry)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # new dicts that share their keys (about 180 bytes each); the old dicts and sets are freed
    # when this returns, but not while ``entries`` held them: only the new ones count here
    assert grown / len(entries) < 260
