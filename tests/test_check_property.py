"""Whatever a file holds, ``check`` answers with exit 0 or 1 and never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_campaign.loading import load_campaign
from tests.conftest import TASKS, UNITS, run

KEYS = st.sampled_from(["campaign", "actions", "measures", "tasks", "id", "title", "owners", "due", "status",
                        "done_on", "progress", "readings", "by_unit", "target", "log", "units", "groups", "名称"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=8), st.dates().map(str), st.sampled_from(["no", "2022-02-30", "todo", "done"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5), max_leaves=25)


def _check(tmp: Path, tasks: str | bytes, units: str = UNITS) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "tasks.yaml").write_bytes(tasks if isinstance(tasks, bytes) else tasks.encode("utf-8", "surrogatepass"))
    (tmp / "units.yaml").write_text(units, encoding="utf-8")
    result = load_campaign(tmp)
    assert all(p.file.endswith(".yaml") for p in result.problems)
    assert run("check", "--data", str(tmp)).exit_code in (0, 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=VALUES)
def test_random_yaml_documents(tmp_path: Path, data: object) -> None:
    _check(tmp_path / "d", yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(0, len(TASKS.encode())), cut=st.integers(0, 40), junk=st.binary(max_size=6))
def test_corrupted_valid_file(tmp_path: Path, at: int, cut: int, junk: bytes) -> None:
    raw = TASKS.encode()
    _check(tmp_path / "d", raw[:at] + junk + raw[at + cut :])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.integers(0, TASKS.count("\n")), text=st.text(alphabet=" :-[]{}#&*!|>'\"\t：、0123456789abc", max_size=12))
def test_random_line_edits(tmp_path: Path, line: int, text: str) -> None:
    lines = TASKS.splitlines(keepends=True)
    lines.insert(line, text + "\n")
    _check(tmp_path / "d", "".join(lines))
