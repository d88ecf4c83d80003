"""Golden files: the Markdown and JSON reports of the built-in data (data/), byte for byte.

When the built-in data or the report changes on purpose, regenerate them and read the diff:
``GOLDEN_UPDATE=1 uv run pytest tests/report/test_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guilin_campaign.ledger.load import open_ledger
from guilin_campaign.loading import open_campaign
from guilin_campaign.report.build import build_report
from guilin_campaign.report.output import render
from guilin_campaign.report.periods import Kind, parse_period
from tests.conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden"
CASES = [("monthly", "2022-06"), ("quarterly", "2022-Q2")]


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize(("kind", "period"), CASES)
def test_builtin_data_report_matches_its_golden_file(kind: Kind, period: str, fmt: str) -> None:
    c = open_campaign(SAMPLE)  # with the sample's ledger: the report has its 查访 section
    got = render(build_report(c, parse_period(period, kind), ledger=open_ledger(SAMPLE, c)), fmt, "zh")  # the goldens are Chinese
    path = GOLDEN / f"{kind}-{period}.{fmt}"
    if os.environ.get("GOLDEN_UPDATE"):
        path.write_bytes(got)
    assert path.exists(), f"{path} is missing; run with GOLDEN_UPDATE=1 to write it"
    assert got.decode("utf-8") == path.read_text(encoding="utf-8"), f"{path.name} differs; if intended, GOLDEN_UPDATE=1"
