"""form export: the workbook's sheets, headers, protection, dropdowns, print settings and bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
import pytest

from guilin_campaign.forms import layout as L
from guilin_campaign.forms.key import office_key
from guilin_campaign.problems import CampaignError
from tests.conftest import SAMPLE, run
from tests.forms.kit import export, write_data

TASK_HEADS = ["编号", "专项行动", "举措", "任务", "完成时限", "角色", "当前状态", "本月状态", "完成日期", "进展情况", "存在问题"]


@pytest.fixture
def form(tmp_path: Path) -> Path:
    return export(write_data(tmp_path / "data"), tmp_path / "out", ["scjgj"])[0]


def test_name_sheets_and_headers(form: Path) -> None:
    assert form.name == "2022-08-市场监管.xlsx"
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["填报说明", "任务进展", "指标数据", "表单信息"]
    tasks, inds = wb["任务进展"], wb["指标数据"]
    assert [c.value for c in tasks[L.HEAD_ROW]] == TASK_HEADS
    assert [c.value for c in inds[L.HEAD_ROW]] == ["编号", "指标", "计量单位", "目标", "上月数值", "本月数值"]
    assert [tasks.cell(row=r, column=1).value for r in range(4, tasks.max_row + 1)] == ["T001", "T002"]  # T004 done before August
    assert [[c.value for c in row] for row in inds.iter_rows(min_row=4, max_col=5)] == [
        ["I01", "新增户数", "户", 1000, 500], ["I02", "增长率", "%", 10, 4.5], ["I03", "县区新增", "户", 600, 300]]
    guide = "\n".join(str(c.value) for c in wb["填报说明"]["A"])
    assert "市市场监管局" in guide and "2022年8月" in guide and "2022年9月25日" in guide and "完成日期" in guide


def test_locks_dropdowns_hidden_sheet_and_print(form: Path) -> None:
    wb = openpyxl.load_workbook(form)
    tasks = wb["任务进展"]
    assert tasks.protection.sheet and wb["指标数据"].protection.sheet
    assert all(tasks.cell(row=4, column=c).protection.locked for c in range(1, 8))
    assert not any(tasks.cell(row=4, column=c).protection.locked for c in range(8, 12))
    assert not wb["指标数据"]["F4"].protection.locked and wb["指标数据"]["E4"].protection.locked
    lists = {str(v.sqref): (v.type, v.formula1) for v in tasks.data_validations.dataValidation}
    assert lists["H4:H5"] == ("list", "'表单信息'!$A$1:$A$4")
    assert lists["I4:I5"][0] == "date"
    hidden = wb["表单信息"]
    assert hidden.sheet_state == "veryHidden"
    assert [hidden.cell(row=r, column=1).value for r in range(1, 5)] == ["未开始", "推进中", "已完成", "受阻"]
    assert tasks.page_setup.paperSize == 9 and tasks.page_setup.orientation == "landscape"
    assert tasks.print_title_rows == "$3:$3" and tasks.column_dimensions["D"].width == 30
    assert tasks["D4"].alignment.wrap_text


def test_no_formula_even_for_text_that_looks_like_one(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data", tasks=write_tasks_with("=HYPERLINK(\"http://x\")"))
    wb = openpyxl.load_workbook(export(data, tmp_path / "out", ["scjgj"])[0])
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert wb["任务进展"]["D4"].value == "=HYPERLINK(\"http://x\")"


def write_tasks_with(title: str) -> str:
    from tests.forms.kit import TASKS

    return TASKS.replace("title: 任务一", f"title: '{title}'")


def test_same_data_same_bytes(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    first = [p.read_bytes() for p in export(data, tmp_path / "a", [])]
    second = [p.read_bytes() for p in export(data, tmp_path / "b", [])]
    assert first == second and len(first) == 4  # every unit owes something in August


def test_cli_exports_the_sample_and_makes_a_private_key(tmp_path: Path) -> None:
    key, out = tmp_path / "conf" / "form.key", tmp_path / "out"
    out.mkdir()
    result = run("form", "export", "2022-08", "--unit", "rsj", "-o", str(out), "--data", "sample",
                 env={"GUILIN_CAMPAIGN_FORM_KEY": str(key)})
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["2022-08-市人社局.xlsx"]
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert len(key.read_bytes()) == 32
    again = tmp_path / "again"
    again.mkdir()
    run("form", "export", "2022-08", "--unit", "rsj", "-o", str(again), "--data", str(SAMPLE),
        env={"GUILIN_CAMPAIGN_FORM_KEY": str(key)})
    assert (again / "2022-08-市人社局.xlsx").read_bytes() == (out / "2022-08-市人社局.xlsx").read_bytes()


def test_cli_refuses_an_unknown_unit_and_a_missing_folder(tmp_path: Path) -> None:
    env = {"GUILIN_CAMPAIGN_FORM_KEY": str(tmp_path / "k" / "form.key")}
    bad = run("form", "export", "2022-08", "--unit", "nosuch", "-o", str(tmp_path), "--data", "sample", env=env)
    assert bad.exit_code == 2 and "unknown unit 'nosuch'" in bad.stderr
    missing = run("form", "export", "2022-08", "-o", str(tmp_path / "nope"), "--data", "sample", env=env)
    assert missing.exit_code == 2 and "is not a folder" in missing.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_key_open_to_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "form.key"
    office_key(path, create=True)
    path.chmod(0o644)
    with pytest.raises(CampaignError, match="chmod 600"):
        office_key(path, create=False)
    path.chmod(0o600)
    path.parent.chmod(0o777)
    with pytest.raises(CampaignError, match="chmod 700"):
        office_key(path, create=False)


def test_missing_key_is_not_made_on_import(tmp_path: Path) -> None:
    with pytest.raises(CampaignError) as err:
        office_key(tmp_path / "none" / "form.key", create=False)
    assert "copy the key file" in err.value.text("en") and "复制密钥文件" in err.value.text("zh")
    assert not (tmp_path / "none").exists()
