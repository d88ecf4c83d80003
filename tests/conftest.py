"""Shared test helpers: a small campaign written inline, and the CLI run in-process."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from guilin_campaign.cli.app import app

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data"

UNITS = """\
units:
  - {id: scjgj, name: 市市场监管局, short: 市场监管, kind: department}
  - {id: rsj, name: 市人力资源社会保障局, short: 市人社局, kind: department}
  - {id: xiufeng, name: 秀峰区人民政府, short: 秀峰区, kind: county}
  - {id: diecai, name: 叠彩区人民政府, short: 叠彩区, kind: county}
groups:
  counties: [xiufeng, diecai]
"""

TASKS = """\
# 测试用任务分解表
campaign: {name: 稳主体激活力攻坚战, city: 桂林市, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
actions:
  - id: A1
    name: 稳主体扩增量
    measures:
      - id: M01
        name: 优化准入
        indicators:
          - {id: I01, name: 新增市场主体户数, key: true, target: 66000, unit: 户, owners: [scjgj, counties], readings: {2022-06: 30000, 2022-07: 39000}}
        tasks:
          - id: T001
            title: 推行企业开办一日办结
            owners: [scjgj]
            due: 2022-03-31
            status: done
            done_on: 2022-03-28
          - id: T002
            title: 各县区落实个体工商户扶持
            owners: [counties]
            support: [rsj]
            due: 2022-06-30
            status: doing
            progress:
              xiufeng: {status: done, done_on: 2022-06-20}
adhoc:
  - {id: AH01, batch: 1, title: 迎检材料, owners: [scjgj], due: 2022-04-15, status: done, done_on: 2022-04-14}
"""


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test, and every command it starts, caches loads in a folder of the test run's own,
    never in the user's ~/.cache: the whole suite runs through the cache, misses and hits."""
    folder = tmp_path_factory.mktemp("cache")
    saved = os.environ.get("GUILIN_CAMPAIGN_CACHE")
    os.environ["GUILIN_CAMPAIGN_CACHE"] = str(folder)
    yield folder
    if saved is None:
        del os.environ["GUILIN_CAMPAIGN_CACHE"]
    else:
        os.environ["GUILIN_CAMPAIGN_CACHE"] = saved


@pytest.fixture(autouse=True, scope="session")
def _english_unless_asked() -> Iterator[None]:
    """The interface speaks Chinese by default; most tests read its English (``GUILIN_CAMPAIGN_LANG=en``)
    and the tests of the Chinese interface ask for it (``--lang zh``, or ``env=`` in :func:`run`)."""
    saved = {name: os.environ.pop(name, None) for name in ("GUILIN_CAMPAIGN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    os.environ["GUILIN_CAMPAIGN_LANG"] = "en"
    yield
    for name, value in saved.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def make_data(tmp_path: Path) -> Callable[..., Path]:
    """``make_data(tasks=..., units=...)`` writes a data folder (defaults: the small campaign above)."""

    def make(tasks: str = TASKS, units: str = UNITS, folder: str = "data") -> Path:
        target = tmp_path / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / "tasks.yaml").write_text(tasks, encoding="utf-8")
        (target / "units.yaml").write_text(units, encoding="utf-8")
        return target

    return make


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run the CLI in-process; stdout and stderr are separate (``result.stdout``/``result.stderr``)."""
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def fast_taken(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether each update took the fast path (:func:`guilin_campaign.write.fastpath.run` made it)."""
    from guilin_campaign.write import fastpath

    taken: list[bool] = []
    real = fastpath.run

    def run(*args: Any, **kwargs: Any) -> Any:
        out = real(*args, **kwargs)
        taken.append(out is not None)
        return out

    monkeypatch.setattr(fastpath, "run", run)
    yield taken
