"""The 查访记录 sheet of a county's form: exported, read back with every cell checked, listed (not applied)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from guilin_campaign.forms.changes import ProblemEntry, VisitEntry
from guilin_campaign.ledger.creditcode import check_char
from tests.conftest import run
from tests.forms.kit import addresses, fill, read
from tests.forms.test_import import _data, _export, key_env  # noqa: F401  (key_env: a fixture)

CODE = "91450300MA5K12345" + check_char("91450300MA5K12345")
VISITS = {"B4": "2022/8/5", "C4": "桂林某某食品有限公司", "D4": CODE, "E4": "是", "F4": "扩产资金紧张",
          "G4": "资金缺口", "H4": "流动资金缺口500万元", "I4": "市金融办", "J4": "2022年9月30日",
          "B5": "8月12日", "C5": "七星路个体商户", "F5": "经营正常"}
UNITS = """\
units:
  - {id: scjgj, name: 市市场监管局, short: 市场监管, kind: department}
  - {id: jrb, name: 市地方金融监督管理局, short: 市金融办, kind: department}
  - {id: xiufeng, name: 秀峰区人民政府, short: 秀峰区, kind: county}
  - {id: diecai, name: 叠彩区人民政府, short: 叠彩区, kind: county}
  - {id: rsj, name: 市人力资源社会保障局, short: 市人社局, kind: department}
groups:
  counties: [xiufeng, diecai]
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return _data(tmp_path, units=UNITS)


@pytest.fixture
def form(data: Path, tmp_path: Path, key_env: dict[str, str]) -> Path:  # noqa: F811
    return _export(data, tmp_path, key_env, "xiufeng", "scjgj")["2022-08-秀峰区.xlsx"]


def test_a_county_form_has_the_sheet_and_a_department_form_not(form: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["填报说明", "任务进展", "指标数据", "查访记录", "表单信息"]
    ws = wb["查访记录"]
    assert [c.value for c in ws[3]] == ["序号", "查访日期", "查访对象", "统一社会信用代码", "重点企业", "查访发现",
                                        "问题类别", "问题描述", "责任单位", "办结时限"]
    assert [ws.cell(row=r, column=1).value for r in (4, 23)] == ["1", "20"] and ws["A24"].value is None
    lists = sorted((str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation if v.type == "list")
    assert lists == [("E4:E23", "'表单信息'!$D$1:$D$2"), ("G4:G23", "'表单信息'!$E$1:$E$7")]
    assert [wb["表单信息"].cell(row=r, column=5).value for r in range(1, 8)] == ["资金缺口", "土地确权", "采矿许可", "供电", "招工", "租金减免", "其他"]
    assert "查访记录" not in openpyxl.load_workbook(tmp_path / "out" / "2022-08-市场监管.xlsx").sheetnames


def test_filled_visits_read_as_values(form: Path, data: Path, tmp_path: Path) -> None:
    reading = read(fill(form, {"查访记录": VISITS}, tmp_path / "v.xlsx"), data)
    assert reading.problems == [] and reading.unchanged  # visits change nothing in tasks.yaml
    assert reading.visits == [
        VisitEntry(4, date(2022, 8, 5), "桂林某某食品有限公司", CODE, True, "扩产资金紧张",
                   ProblemEntry("资金缺口", "流动资金缺口500万元", "jrb", date(2022, 9, 30))),
        VisitEntry(5, date(2022, 8, 12), "七星路个体商户", None, False, "经营正常", None),
    ]


def test_import_lists_the_commands_and_applies_the_rest(form: Path, data: Path, tmp_path: Path,
                                                       key_env: dict[str, str]) -> None:  # noqa: F811
    returned = fill(form, {"查访记录": VISITS, "指标数据": {"F4": 180}}, tmp_path / "v.xlsx")
    result = run("form", "import", str(returned), "--data", str(data), env=key_env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{returned}: 2022-08 秀峰区: 0 status change(s), 0 log text(s), 1 reading(s) applied\n"
        "  I02 (秀峰区) 2022-08: none -> 180\n"
        "2 visit(s) of 查访记录 checked; they are not entered in the ledger automatically yet (that waits for the "
        "ledger's write commands): enter them with\n"
        "  row 4: guilin-campaign visit add --on 2022-08-05 --team xiufeng --entity 桂林某某食品有限公司 "
        f"--credit-code {CODE} --key --found 扩产资金紧张\n"
        "    guilin-campaign problem add --on 2022-08-05 --category 资金缺口 --unit jrb --due 2022-09-30 "
        "--text 流动资金缺口500万元 --visit <the id of the visit above>\n"
        "  row 5: guilin-campaign visit add --on 2022-08-12 --team xiufeng --entity 七星路个体商户 --found 经营正常\n"
        f"{returned}: 2022-08 秀峰区 imported (0 task(s), 1 indicator(s), 1 row(s) answered): {data / 'tasks.yaml'} updated\n")
    assert "2022-08: 180" in (data / "tasks.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("cells", "cell", "words"), [
    ({"B4": "2022/9/1"}, "查访记录!B4", "is not in 2022-08"),
    ({"B4": None}, "查访记录!B4", "write the day of the visit"),
    ({"C4": None}, "查访记录!C4", "write the entity visited"),
    ({"D4": CODE[:-1] + ("0" if CODE[-1] != "0" else "1")}, "查访记录!D4", "check character"),
    ({"E4": "对"}, "查访记录!E4", "write 是 or 否"),
    ({"G4": "融资难"}, "查访记录!G4", "not a problem category"),
    ({"H4": None}, "查访记录!H4", "write the problem under 问题描述"),
    ({"I4": "金融局"}, "查访记录!I4", "not a member unit"),
    ({"J4": "2022/8/1"}, "查访记录!J4", "is before the visit"),
    ({"J4": None}, "查访记录!J4", "needs its deadline"),
    ({"G4": None}, "查访记录!H4", "needs its 问题类别"),
    ({"A5": "9"}, "查访记录!A5", "编号 was changed"),
])
def test_each_refusal_names_its_cell(form: Path, data: Path, tmp_path: Path, cells: dict[str, Any], cell: str, words: str) -> None:
    reading = read(fill(form, {"查访记录": VISITS | cells, "指标数据": {"F4": 180}}, tmp_path / "bad.xlsx"), data)
    assert cell in addresses(reading), [p.text("en") for p in reading.problems]
    assert words in next(p.text("en") for p in reading.problems if f"{p.sheet}!{p.cell}" == cell)
    assert reading.visits == [] and reading.readings == []  # all or nothing
