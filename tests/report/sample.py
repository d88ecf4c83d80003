"""A small campaign for the report tests (units: tests/conftest.py's UNITS), and how to build it.

At the end of June 2022 (the values the tests pin):
- T001 scjgj, due 05-31, done 06-10: completed in June, 10 days late; at 05-31 it was still todo.
- T002 counties, due 06-15: xiufeng's part done 06-12, diecai's not: overdue for diecai (15 days).
- T003 rsj, due 06-30, done 06-30; its log has no ``by`` (its only owner reported).
- T004 scjgj+rsj, due 07-05, todo: due soon (yellow).  T005 scjgj, done 03-20 (a Q1 task).
- T006 scjgj, no due date, doing from 05-10, blocked 06-05.
- T007 diecai, due 07-20, done 06-25, logged by scjgj (not diecai's own report).
- Ad hoc: AH01 batch 2 overdue; AH02 done in March (not listed); AH03 batch 1 done 06-28;
  AH04 assigned in July (not listed).
- Negative readings: I01 xiufeng 2022-06 (-2), diecai 2022-04 (-1); I02 the city 2022-06 (-0.5).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from guilin_campaign.loading import open_campaign
from guilin_campaign.report.build import Report, build_report
from guilin_campaign.report.periods import Kind, parse_period

TASKS = """\
campaign: {name: 稳主体激活力攻坚战, city: 桂林市, lead: scjgj, start: 2022-01-01, end: 2022-12-31}
actions:
  - id: A1
    name: 稳主体扩增量
    measures:
      - id: M01
        name: 优化准入
        indicators:
          - {id: I01, name: 新增市场主体户数, key: true, target: 100, unit: 户, owners: [scjgj, counties],
             readings: {2022-05: 40, 2022-06: 45},
             by_unit: {xiufeng: {target: 50, readings: {2022-05: 3, 2022-06: -2}}, diecai: {readings: {2022-04: -1, 2022-06: 1}}}}
          - {id: I02, name: 市场主体净增长率, target: 8, unit: '%', kind: rate, owners: [scjgj], readings: {2022-06: -0.5, 2022-07: 3}}
          - {id: I03, name: 企业开办时间, key: true, target: 2, unit: 工作日, better: lower, kind: rate, owners: [scjgj], readings: {2022-06: 1.5}}
        tasks:
          - id: T001
            title: 推行企业开办一日办结
            owners: [scjgj]
            due: 2022-05-31
            status: done
            done_on: 2022-06-10
            log:
              - {date: 2022-06-10, status: done, note: 已办结, by: scjgj}
          - id: T002
            title: 各县区落实个体工商户扶持
            owners: [counties]
            due: 2022-06-15
            status: doing
            progress:
              xiufeng: {status: done, done_on: 2022-06-12}
              diecai: {status: doing}
            log:
              - {date: 2022-06-12, note: 秀峰区已完成, by: xiufeng}
          - id: T003
            title: 落实稳岗返还
            owners: [rsj]
            due: 2022-06-30
            status: done
            done_on: 2022-06-30
            log:
              - {date: 2022-05-20, status: doing}
              - {date: 2022-06-30, status: done}
  - id: A2
    name: 激发市场活力
    measures:
      - id: M02
        name: 助企纾困
        tasks:
          - {id: T004, title: 开展政策宣讲, owners: [scjgj, rsj], due: 2022-07-05}
          - {id: T005, title: 印发实施方案, owners: [scjgj], due: 2022-03-31, status: done, done_on: 2022-03-20}
          - id: T006
            title: 清理隐性门槛
            owners: [scjgj]
            status: blocked
            log:
              - {date: 2022-05-10, status: doing, by: scjgj}
              - {date: 2022-06-05, status: blocked, note: 待上级政策, by: scjgj}
          - id: T007
            title: 设立企业开办专区
            owners: [diecai]
            due: 2022-07-20
            status: done
            done_on: 2022-06-25
            log:
              - {date: 2022-06-25, status: done, note: 电话核实已设立, by: scjgj}
adhoc:
  - {id: AH01, batch: 2, source: 市委, assigned_on: 2022-06-01, title: 报送整改情况, owners: [scjgj], due: 2022-06-20, status: doing}
  - {id: AH02, batch: 1, assigned_on: 2022-03-01, title: 报送一季度情况, owners: [rsj], due: 2022-03-15, status: done, done_on: 2022-03-14}
  - {id: AH03, batch: 1, assigned_on: 2022-05-20, title: 迎检材料, owners: [xiufeng], due: 2022-07-02, status: done, done_on: 2022-06-28}
  - {id: AH04, batch: 3, assigned_on: 2022-07-10, title: 下半年计划, owners: [scjgj], due: 2022-07-31}
"""

D = date.fromisoformat


def build(make_data: Callable[..., Path], period: str = "2022-06", kind: Kind = "monthly",
          as_of: str | None = None, tasks: str = TASKS) -> Report:
    c = open_campaign(make_data(tasks=tasks))
    return build_report(c, parse_period(period, kind), D(as_of) if as_of else None)
