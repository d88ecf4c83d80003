"""The report in English: every word the program writes itself is English; only the data stays as
the office wrote it (task titles, unit names, indicator names and units of measure, the ledger's entries)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from guilin_campaign.ledger.load import open_ledger
from guilin_campaign.loading import open_campaign
from guilin_campaign.report.build import build_report
from guilin_campaign.report.output import render
from guilin_campaign.report.periods import Kind, parse_period
from tests.conftest import SAMPLE

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CASES = [("monthly", "2022-06"), ("quarterly", "2022-Q2")]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _data_values(data: dict[str, Any]) -> list[str]:
    """Every text of the sample's files, and the unit lists the policy rows join (a value of the data),
    longest first so that a name inside a longer one goes with it."""
    texts = set()
    for path in [SAMPLE / "tasks.yaml", SAMPLE / "units.yaml", *sorted((SAMPLE / "ledger").glob("*.yaml"))]:
        texts |= set(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    texts |= {row["unit_names"] for row in data.get("ledger", {}).get("policies", [])}
    texts |= {"桂林市稳主体激活力攻坚战指挥部办公室"}  # the office, named from the data's city and campaign
    return sorted((t for t in texts if CJK.search(t)), key=len, reverse=True)


def _without_data(text: str, values: list[str]) -> str:
    for value in values:
        text = text.replace(value, "")
    return text


@pytest.mark.parametrize(("kind", "period"), CASES)
def test_the_english_report_has_no_chinese_but_the_datas(kind: Kind, period: str) -> None:
    c = open_campaign(SAMPLE)
    report = build_report(c, parse_period(period, kind), ledger=open_ledger(SAMPLE, c))
    data = json.loads(render(report, "json", "en"))
    values = _data_values(data)
    md = render(report, "md", "en").decode("utf-8")
    left = CJK.findall(_without_data(md, values))
    assert not left, f"Chinese left in the English Markdown: {''.join(sorted(set(left)))}"
    texts = "\n".join(t for t in _strings(data))
    assert not CJK.findall(_without_data(texts, values))
    html = render(report, "html", "en").decode("utf-8")
    assert not CJK.findall(_without_data(html.split("<style>")[0] + html.split("</style>")[1], values))


def test_english_and_chinese_reports_differ_only_in_words() -> None:
    """Same data, same keys, same numbers: the JSON differs only in its title."""
    c = open_campaign(SAMPLE)
    report = build_report(c, parse_period("2022-06", "monthly"), ledger=open_ledger(SAMPLE, c))
    zh, en = (json.loads(render(report, "json", lang)) for lang in ("zh", "en"))
    assert (zh.pop("title"), en.pop("title")) == ("月度汇总 2022年6月", "Monthly summary: June 2022")
    assert zh == en
    md = render(report, "md", "en").decode("utf-8")
    assert md.startswith("# Monthly summary: June 2022\n\n")
    assert "## 1. Overall progress (as of 2022-06-30; previous period as of 2022-05-31)" in md
    assert "| Item | This period | Previous period | Change |" in md
