"""A small ledger written inline over the test campaign of tests/conftest.py (units scjgj, rsj, xiufeng, diecai)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import dedent

JULY = """\
# 2022年7月查访台账
visits:
  # 7月4日
  - {id: V1, date: 2022-07-04, team: xiufeng, entity: 桂林某某食品有限公司, credit_code: 91350100M000100Y43, key: true, found: 流动资金紧张}
  - {id: V2, date: 2022-07-04, team: scjgj, entity: 某某餐馆（个体户）, found: 招工难}
problems:
  - id: P1
    raised_on: 2022-07-04
    visit: V1
    category: 资金缺口
    text: 申请流动资金贷款
    unit: rsj
    due: 2022-07-20
    status: solved
    solved_on: 2022-07-20
    how: 对接银行发放贷款
  - id: P2
    raised_on: 2022-07-04
    visit: V2
    category: 招工
    text: 旺季用工缺口
    unit: rsj
    due: 2022-07-15
    status: open
  - id: P3
    raised_on: 2022-07-05
    category: 供电
    text: 变压器增容
    unit: diecai
    due: 2022-07-30
    status: solved
    solved_on: 2022-07-28
    how: 完成增容
    reopened:
      - {date: 2022-07-18, reason: 企业反映仍未通电, was_solved_on: 2022-07-10, was_how: 已报装}
"""

LISTS = """\
categories: [资金缺口, 土地确权, 采矿许可, 供电, 招工, 租金减免, 其他]
policies:
  - {id: R01, name: 减免房屋租金, source: 自治区20条措施, level: region, units: [scjgj], status: done, done_on: 2022-05-10}
  - {id: R02, name: 缓缴社保费, source: 自治区20条措施, level: region, units: [rsj], status: doing}
  - {id: R03, name: 省级专项, source: 自治区20条措施, level: region, city_can: false, units: [scjgj]}
  - {id: C01, name: 纾困资金, source: 市6条措施, level: city, units: [scjgj], status: done, done_on: 2022-08-02}
"""


def write_ledger(folder: Path, files: dict[str, str] | None = None) -> Path:
    """``folder/ledger/`` with the files given (default: July and the lists)."""
    base = folder / "ledger"
    base.mkdir(exist_ok=True)
    for name, text in (files if files is not None else {"2022-07.yaml": JULY, "lists.yaml": LISTS}).items():
        (base / name).write_text(dedent(text), encoding="utf-8")
    return folder
