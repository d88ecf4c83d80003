"""docs/commands/import.md stays true: every header name and ongoing word the code knows is listed,
and the example run is what the command prints for the realistic table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guilin_campaign.tableimport.deadline import ONGOING
from guilin_campaign.tableimport.header import SYNONYMS
from tests.conftest import REPO, run
from tests.tableimport.realistic import realistic_xlsx

DOC = (REPO / "docs" / "commands" / "import.md").read_text(encoding="utf-8")


def test_every_header_name_and_ongoing_word_is_documented() -> None:
    rows = {line.split("|")[1].strip(): line for line in DOC.splitlines() if line.startswith("| ") and "(`" in line}
    for field, names in SYNONYMS.items():
        row = rows[f"{names[0]} (`{field}`)"]
        assert row.split("|")[2].strip() == ", ".join(names)
    for word in ONGOING:
        assert f"`{word}`" in DOC


def test_the_example_run_is_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    realistic_xlsx(tmp_path)
    monkeypatch.chdir(tmp_path)
    example = re.search(r"```console\n\$ guilin-campaign import table 分解表.xlsx -o 攻坚战数据 --year 2023\n(.*?)\$ guilin-campaign check", DOC, re.S)
    assert example is not None
    result = run("import", "table", "分解表.xlsx", "-o", "攻坚战数据", "--year", "2023")
    assert result.stdout == example.group(1)
    text = (tmp_path / "攻坚战数据" / "tasks.yaml").read_text(encoding="utf-8")
    shown = re.search(r"```yaml\n(campaign:.*?)```", DOC, re.S)
    assert shown is not None and shown.group(1) in text
    again = run("import", "table", "分解表.xlsx", "-o", "攻坚战数据", "--year", "2023", env={"GUILIN_CAMPAIGN_LANG": "zh"})
    assert "错误：" + again.stderr.split("错误：", 1)[1] in DOC
