"""New records written like their neighbours: block lists, quoting, key order, and a rules.yaml made
by someone else while ``adjust`` ran."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from guilin_campaign.write import rules_write
from guilin_campaign.write.record_text import insert_record, key_order
from guilin_campaign.write.rules_write import AddAdjustment, apply_adjustment
from guilin_campaign.yamlsyntax.editor import EditError

TEXT = """\
adhoc:
  - id: 'AH01'
    batch: 1
    title: '报送方案'
    owners:
      - scjgj
    due: 2022-02-28   # 原定时限
  # 第二批
  - id: 'AH02'
    batch: 2
    title: '报送总结'
    owners:
      - rsj
    due: 2022-03-31
"""


def test_block_lists_quotes_and_key_order_of_the_neighbour() -> None:
    record = {"id": "AH03", "batch": 1, "title": "补充材料", "owners": ["scjgj", "counties"], "due": date(2022, 3, 5), "status": "todo"}
    new = insert_record(TEXT, ("adhoc",), 0, record, ("id", "batch", "title", "owners", "due", "status"))
    assert new == TEXT.replace("    due: 2022-02-28   # 原定时限\n", (
        "    due: 2022-02-28   # 原定时限\n"
        "  - id: 'AH03'\n    batch: 1\n    title: '补充材料'\n    owners:\n      - scjgj\n      - counties\n"
        "    due: 2022-03-05\n    status: todo\n"))


def test_a_list_in_flow_style_or_a_bad_place_is_refused() -> None:
    with pytest.raises(EditError):
        insert_record("adhoc: [{id: A, batch: 1}]\n", ("adhoc",), 0, {"id": "B", "batch": 1}, ("id", "batch"))


def test_key_order_places_missing_keys_after_their_canonical_predecessor() -> None:
    assert key_order(["id", "title", "due"], ("id", "batch", "title", "owners", "due"), ["due", "owners", "title", "batch", "id"]) == [
        "id", "batch", "title", "owners", "due"]


def test_a_rules_file_made_meanwhile_is_kept_and_appended_to(make_data: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_data()
    real = rules_write.with_adjustment
    calls: list[str] = []

    def racing(text: str, entry: dict[str, object]) -> str:
        if not calls:  # a clerk saves rules.yaml while the command works
            (data / "rules.yaml").write_text("# 手工建立\nlights: {due_soon_days: 3}\n", encoding="utf-8")
        calls.append(text)
        return real(text, entry)

    monkeypatch.setattr(rules_write, "with_adjustment", racing)
    apply_adjustment(data, AddAdjustment("xiufeng", "2022-07", 2, "通报表扬"))
    assert calls[0] == "" and len(calls) == 2
    assert (data / "rules.yaml").read_text(encoding="utf-8") == (
        "# 手工建立\nlights: {due_soon_days: 3}\nadjustments:\n  - {unit: xiufeng, month: 2022-07, points: 2, reason: 通报表扬}\n")
